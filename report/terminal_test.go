package report

import (
	"strings"
	"testing"
	"time"
)

func TestTableGolden(t *testing.T) {
	golden(t, "table.txt", render(t, FormatTable, Options{}, mayOutcome()))
	golden(t, "table_clean.txt", render(t, FormatTable, Options{}, cleanOutcome()))
	golden(t, "table_color.txt", render(t, FormatTable, Options{Color: true}, mayOutcome()))
	golden(t, "table_several.txt", render(t, FormatTable, Options{Several: true}, cleanOutcome(), missing, mayOutcome()))
	golden(t, "table_columns.txt", render(t, FormatTable, Options{Columns: true}, mayOutcome()))
}

func TestTableStaysNarrow(t *testing.T) {
	out := string(render(t, FormatTable, Options{}, mayOutcome()))
	for _, line := range strings.Split(out, "\n") {
		if w := textWidth(line); w > 120 {
			t.Errorf("line %d columns wide: %s", w, line)
		}
	}
}

// Every row of a table must end at the same column, whatever mix of Chinese, Latin and
// ambiguous-width runes ("“") its cells hold.
func TestTableAligned(t *testing.T) {
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("TERM", "")
	assertAligned(t, string(render(t, FormatTable, Options{}, mayOutcome())))
}

// assertAligned fails when a row of a table in out ends at another column than the
// table's first line, or when a line is wider than 120 columns.
func assertAligned(t *testing.T, out string) {
	t.Helper()
	var width int
	for _, line := range strings.Split(out, "\n") {
		if w := textWidth(line); w > 120 {
			t.Errorf("line %d columns wide: %s", w, line)
		}
		if !strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "+") {
			width = 0
			continue
		}
		if w := textWidth(line); width == 0 {
			width = w
		} else if w != width {
			t.Errorf("row is %d columns wide, table %d: %s", w, width, line)
		}
	}
}

func TestTableColor(t *testing.T) {
	plain := string(render(t, FormatTable, Options{}, mayOutcome()))
	if strings.Contains(plain, "\x1b[") {
		t.Error("colour without Options.Color")
	}
	colored := string(render(t, FormatTable, Options{Color: true}, mayOutcome()))
	for _, want := range []string{ansiRed + "错误" + ansiReset, ansiYellow + "警告" + ansiReset, ansiRed + "未完成" + ansiReset} {
		if !strings.Contains(colored, want) {
			t.Errorf("coloured table lacks %q", want)
		}
	}
}

func TestTableLeavesOutGroupTargets(t *testing.T) {
	out := string(render(t, FormatTable, Options{}, mayOutcome()))
	if strings.Contains(out, "-25.0 个百分点") {
		t.Error("a group's target is in the targets table")
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"短", 10, "短"},
		{"一二三四五六七八", 8, "一二三四\n五六七八"},
		// Closing punctuation overhangs rather than starting a line.
		{"一二三四，五六", 8, "一二三四，\n五六"},
		// An opening quote stays with the word it opens.
		{"一二三四五六“七八”", 14, "一二三四五六\n“七八”"},
		// A date is not cut in the middle.
		{"请填写如 2025-03-15 的日期", 12, "请填写如\n2025-03-15\n的日期"},
		// A Latin run wider than a line is cut where it must be.
		{"abcdefghij", 4, "abcd\nefgh\nij"},
		{"", 4, ""},
	}
	for _, tt := range tests {
		if got := wrapText(tt.in, tt.width); got != tt.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, line := range strings.Split(wrapText(tt.in, tt.width), "\n") {
			if textWidth(line) > tt.width+2 {
				t.Errorf("wrapText(%q, %d): line %q too wide", tt.in, tt.width, line)
			}
		}
	}
}

// A file that could not be read is laid out with its reason.
func TestFailedFileDocument(t *testing.T) {
	var b strings.Builder
	if err := renderTerminal(&b, checkDocument(missing, false), false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "无法读取：缺失.xlsx：找不到此文件") {
		t.Errorf("got %q", b.String())
	}
}

// A long text takes time linear in its length to wrap (a finding quoting a 1 MB value
// took 55 s to print, one of 50 MB never finished), and a table cell shows at most
// maxShownLines lines of it, cut with "…".
func TestWrapTextLong(t *testing.T) {
	for name, s := range map[string]string{
		"Latin":   strings.Repeat("9a", 1<<19),
		"Chinese": strings.Repeat("九", 1<<20/3),
		"words":   strings.Repeat("ab ", 1<<18),
	} {
		start := time.Now()
		got := wrapText(s, messageWidth)
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s: wrapped in %v", name, took)
		}
		for _, l := range strings.Split(got, "\n") {
			if w := textWidth(l); w > messageWidth {
				t.Errorf("%s: a line %d columns wide", name, w)
				break
			}
		}
		if strings.ReplaceAll(strings.ReplaceAll(got, "\n", ""), " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("%s: wrapping changed the text", name)
		}
		cell := terminalRows(table{Rows: [][]cell{{{Text: s}}}}, messageWidth, false)[0][0]
		if lines := strings.Split(cell, "\n"); len(lines) > maxShownLines || !strings.HasSuffix(cell, "…") {
			t.Errorf("%s: a table cell of %d lines, ending %q", name, len(lines), cell[max(0, len(cell)-6):])
		}
	}
	start := time.Now()
	if cell := terminalRows(table{Rows: [][]cell{{{Text: strings.Repeat("a", 50<<20)}}}}, messageWidth, false)[0][0]; !strings.HasSuffix(cell, "…") || time.Since(start) > time.Second {
		t.Errorf("a 50 MB cell: %d bytes in %v", len(cell), time.Since(start))
	}
	if got := clipWidth("陵川县供水工程", 8); got != "陵川县…" {
		t.Errorf("clipWidth: %q", got)
	}
	if got := clipWidth("陵川县供水", 10); got != "陵川县供水" {
		t.Errorf("clipWidth of what fits: %q", got)
	}
}

// A finding quoting a 32,767-character value (the most a cell holds) prints in a
// moment, in a table of ordinary width.
func TestTableLongValue(t *testing.T) {
	o := mayOutcome()
	f := o.Result.Findings[0]
	f.Message = "总投资“" + strings.Repeat("9a", 16383) + "”无法识别"
	f.Value = strings.Repeat("9a", 16383)
	o.Result.Findings = append(o.Result.Findings, f)
	start := time.Now()
	out := string(render(t, FormatTable, Options{}, o))
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := textWidth(line); w > 120 {
			t.Errorf("line %d columns wide", w)
			break
		}
	}
}
