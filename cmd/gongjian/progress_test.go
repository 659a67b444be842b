package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeProgress is a bar drawn into a buffer by a clock the test moves; its ticker is
// not started, so only the test's calls draw.
func fakeProgress(enabled bool) (*progress, *bytes.Buffer, *time.Time) {
	var buf bytes.Buffer
	now := time.Date(2025, 6, 30, 22, 0, 0, 0, time.UTC)
	p := &progress{w: &buf, enabled: enabled, now: func() time.Time { return now }, start: now}
	return p, &buf, &now
}

func TestProgressWaitsAMoment(t *testing.T) {
	// Three files: nothing before a second has passed.
	p, buf, now := fakeProgress(true)
	p.phase("检查台账", 3)
	p.step("a.xlsx")
	*now = now.Add(900 * time.Millisecond)
	p.step("b.xlsx")
	if buf.Len() != 0 {
		t.Fatalf("drawn within a second for 3 files: %q", buf)
	}
	*now = now.Add(200 * time.Millisecond)
	p.step("c.xlsx")
	if !strings.Contains(buf.String(), "检查台账 3/3 [====================] c.xlsx") {
		t.Errorf("after a second: %q", buf)
	}

	// More than three files: drawn after a fifth of a second.
	p, buf, now = fakeProgress(true)
	p.phase("检查台账", 200)
	p.step("a.xlsx")
	if buf.Len() != 0 {
		t.Fatalf("drawn at once: %q", buf)
	}
	*now = now.Add(250 * time.Millisecond)
	p.step("礼义镇/礼义镇开复工台账.xlsx")
	if got := buf.String(); got != "\r检查台账 2/200 [>                   ] 礼义镇/礼义镇开复工台账.xlsx" {
		t.Errorf("drawn %q", got)
	}
}

func TestProgressNeverOffTerminal(t *testing.T) {
	p, buf, now := fakeProgress(false)
	p.phase("检查台账", 500)
	*now = now.Add(time.Hour)
	for range 500 {
		p.step("a.xlsx")
	}
	p.println("a.xlsx：文件是空的")
	p.finish()
	if buf.String() != "a.xlsx：文件是空的\n" {
		t.Errorf("wrote %q", buf)
	}
}

// A message clears the bar first and the bar comes back under it; finish leaves the
// line blank for the summary.
func TestProgressClearsForMessages(t *testing.T) {
	p, buf, now := fakeProgress(true)
	p.phase("检查台账", 10)
	*now = now.Add(2 * time.Second)
	p.step("甲.xlsx")
	buf.Reset()
	p.println("乙.xlsx：文件是空的")
	bar := "检查台账 1/10 [==>                 ] 甲.xlsx"
	blank := "\r" + strings.Repeat(" ", screenWidth(bar)) + "\r"
	if got := buf.String(); got != blank+"乙.xlsx：文件是空的\n\r"+bar {
		t.Errorf("wrote %q", got)
	}
	buf.Reset()
	p.finish()
	if got := buf.String(); got != blank {
		t.Errorf("finish wrote %q", got)
	}
}

func TestFitWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"a.xlsx", 10, "a.xlsx"},
		{"台账/礼义镇开复工台账.xlsx", 16, "…复工台账.xlsx"},
		{"台账.xlsx", 2, ""},
	} {
		got := fitWidth(tt.s, tt.n)
		if got != tt.want || screenWidth(got) > tt.n {
			t.Errorf("fitWidth(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
	// The whole line stays within the console's width, whatever the file's name.
	p, buf, now := fakeProgress(true)
	p.phase("写出检查结果", 1000)
	*now = now.Add(2 * time.Second)
	p.step(strings.Repeat("很长的乡镇文件夹名/", 20) + "台账.xlsx")
	if w := screenWidth(strings.TrimPrefix(buf.String(), "\r")); w > progressWidth {
		t.Errorf("line of %d columns: %q", w, buf)
	}
}
