//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongjian/internal/ooxml"
)

// Bounds on a ledger with a finding or more on every row: 200,000 rows give 400,001
// findings. Before these bounds the table took 114 s and 970 MB, the copy 24 s and
// 920 MB, JSON 9 s and 430 MB (2 cores); now each output takes a few seconds of
// processor time and under 300 MB. The bounds leave room for a shared machine and
// still catch a cost that grows faster than the findings.
const (
	manyFindingsMaxMB  = 350
	manyFindingsMaxCPU = 40 * time.Second
	manyFindingsMaxRun = 3 * time.Minute // wall time, on a machine others share
)

// Every output of a 200,000-row ledger with two findings a row stays within the
// bounds; JSON, JSON Lines, CSV, the copy's 检查结果 sheet and its comments keep every
// finding; the table and Markdown list 200 and say how many more there are and where.
func TestManyFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200,000-row ledger and checks it six times")
	}
	const rows = 200_000
	want := 2*rows + 1
	dir := t.TempDir()
	name := "二十万行问题台账.xlsx"
	manyFindingsWorkbook(t, filepath.Join(dir, name), rows)

	t.Run("table", func(t *testing.T) {
		m := runBounded(t, dir, "check", "--no-annotate", name)
		assertShown(t, m.stdout, want, `^\| [A-Z]+\d+ +\|`, "要看全部问题，请用 --format csv 或 --format json 输出。")
	})
	t.Run("markdown", func(t *testing.T) {
		m := runBounded(t, dir, "check", "--no-annotate", "--format", "markdown", name)
		assertShown(t, m.stdout, want, `^\| [A-Z]+\d+ +\|`, "要看全部问题，请用 --format csv 或 --format json 输出。")
	})
	t.Run("json", func(t *testing.T) {
		m := runBounded(t, dir, "check", "--no-annotate", "--format", "json", name)
		assertJSONFindings(t, m.stdout, `"rule": "`, want)
	})
	t.Run("jsonl", func(t *testing.T) {
		m := runBounded(t, dir, "check", "--no-annotate", "--format", "jsonl", name)
		if n := strings.Count(m.stdout, "\n"); n != 1 {
			t.Errorf("%d lines, want 1", n)
		}
		assertJSONFindings(t, m.stdout, `"rule":"`, want)
	})
	t.Run("csv", func(t *testing.T) {
		m := runBounded(t, dir, "check", "--no-annotate", "--format", "csv", name)
		if n := csvRecords(t, m.stdout); n != want+1 {
			t.Errorf("%d CSV rows, want %d findings and the heading", n, want+1)
		}
	})
	t.Run("annotated", func(t *testing.T) {
		out := t.TempDir()
		m := runBounded(t, dir, "check", "--out-dir", out, name)
		copyPath := filepath.Join(out, "二十万行问题台账.检查结果.xlsx")
		assertShown(t, m.stdout, want, `^\| [A-Z]+\d+ +\|`, "全部问题见检查结果文件 "+copyPath+" 的“检查结果”工作表")
		assertCopyFindings(t, copyPath, want, want)
	})
}

// A ledger as clerks keep it, with one to three findings on each of its 200,000 rows,
// is checked and copied within the same bounds, every finding in its JSON and its copy.
func TestManyFindingsRealistic(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200,000-row ledger")
	}
	dir := t.TempDir()
	name := "全县台账.xlsx"
	realisticFindingsLedger(t, filepath.Join(dir, name), 200_000)
	out := t.TempDir()
	m := runBounded(t, dir, "check", "--format", "json", "--out-dir", out, name)
	n := strings.Count(m.stdout, `"rule": "`)
	assertJSONFindings(t, m.stdout, `"rule": "`, n)
	if n < 400_000 {
		t.Errorf("%d findings, want at least two a row", n)
	}
	// Two findings of a row may share a cell (a status beside a start date, and not
	// started when planned): the comments are at most as many as the findings.
	assertCopyFindings(t, filepath.Join(out, "全县台账.检查结果.xlsx"), n, -1)
}

// runBounded runs gongjian, which must find errors, within the bounds.
func runBounded(t *testing.T, dir string, args ...string) measured {
	t.Helper()
	m := runMeasured(t, dir, 0, args...)
	t.Logf("%s: peak %.0f MB, %.1f s of processor time, %.1f s", strings.Join(args, " "), m.peakMB, m.cpu.Seconds(), m.took.Seconds())
	if m.status != exitFindings {
		t.Fatalf("status %d, stderr %.500s", m.status, m.stderr)
	}
	if m.peakMB > manyFindingsMaxMB || m.cpu > manyFindingsMaxCPU || m.took > manyFindingsMaxRun {
		t.Errorf("peak %.0f MB, %v of processor time, %v: want at most %d MB, %v, %v", m.peakMB, m.cpu, m.took,
			manyFindingsMaxMB, manyFindingsMaxCPU, manyFindingsMaxRun)
	}
	return m
}

// shownFindings is how many findings the table and Markdown list of a file.
const shownFindings = 200

// assertShown checks a table or Markdown of a file with total findings: 200 rows
// listed (rows match row), then the line saying how many more there are, and where
// (tail).
func assertShown(t *testing.T, out string, total int, row, tail string) {
	t.Helper()
	listed := regexp.MustCompile(`(?m)`+row).FindAllString(out, -1)
	if len(listed) != shownFindings {
		t.Errorf("%d findings listed, want %d", len(listed), shownFindings)
	}
	more := fmt.Sprintf("上表只列出 %d 条（先列错误），另有 %d 条未列出", shownFindings, total-shownFindings)
	// The terminal wraps the sentence, dropping a space where it breaks a line.
	flat := strings.Join(strings.Fields(out), "")
	if !strings.Contains(flat, strings.Join(strings.Fields(more), "")) || !strings.Contains(flat, strings.Join(strings.Fields(tail), "")) {
		t.Errorf("no line saying %q … %q; the output ends:\n%s", more, tail, out[max(0, len(out)-800):])
	}
	if len(out) > 256<<10 {
		t.Errorf("%d KB of output", len(out)>>10)
	}
}

// assertJSONFindings checks that out is valid JSON with want findings (counted by
// their key).
func assertJSONFindings(t *testing.T, out, key string, want int) {
	t.Helper()
	if !json.Valid([]byte(out)) {
		t.Fatalf("not JSON: %.300s", out)
	}
	if n := strings.Count(out, key); n != want {
		t.Errorf("%d findings in the JSON, want %d", n, want)
	}
}

func csvRecords(t *testing.T, out string) int {
	t.Helper()
	r := csv.NewReader(strings.NewReader(out))
	r.ReuseRecord = true
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
}

// assertCopyFindings checks the annotated copy: its 检查结果 sheet lists findings rows
// under its header, and the ledger sheet has comments comments, each with its note
// shape (-1: as many as the findings at most).
func assertCopyFindings(t *testing.T, path string, findings, comments int) {
	t.Helper()
	pkg, err := ooxml.OpenFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer pkg.Close()
	wb, err := pkg.Workbook()
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	for _, s := range wb.Sheets {
		if s.Name == "检查结果" {
			sheet = s.Part
		}
	}
	if n := countInPart(t, pkg, sheet, "<row "); n != findings+1 {
		t.Errorf("检查结果 has %d rows, want %d findings and the header", n, findings+1)
	}
	var commentsPart, vml string
	for _, f := range pkg.Entries() {
		switch {
		case strings.HasPrefix(f.Name, "xl/comments"):
			commentsPart = f.Name
		case strings.HasPrefix(f.Name, "xl/drawings/vmlDrawing"):
			vml = f.Name
		}
	}
	notes, shapes := countInPart(t, pkg, commentsPart, "<comment "), countInPart(t, pkg, vml, "<v:shape id=")
	if comments < 0 && (notes > findings || notes < findings/2) || comments >= 0 && notes != comments || shapes != notes {
		t.Errorf("%d comments and %d note shapes for %d findings", notes, shapes, findings)
	}
}

// countInPart counts the tags of a part that start with tag ("<row "), reading the
// part as a stream of what follows each "<".
func countInPart(t *testing.T, pkg *ooxml.Package, part, tag string) int {
	t.Helper()
	rc, err := pkg.OpenPart(part)
	if err != nil {
		t.Fatalf("%s: %v", part, err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, '<'); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	n := 0
	for sc.Scan() {
		if bytes.HasPrefix(sc.Bytes(), []byte(tag[1:])) {
			n++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", part, err)
	}
	return n
}
