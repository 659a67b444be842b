package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"gongjian/ledger"
	"gongjian/report/annotate"
	"gongjian/rules"
)

// The ledger of the performance bars of issue 8: 100,000 projects, 5% of the rows
// flagged.
const (
	benchRows    = 100_000
	benchPercent = 5.0
)

// The ledger is written once per test binary, into a folder TestMain removes, and only
// when a benchmark asks for it.
var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchLedger returns the path of the 100,000-row ledger, writing it on first use.
func benchLedger(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("100,000-row ledger benchmarks skipped under -short")
	}
	benchOnce.Do(func() {
		start := time.Now()
		benchDir, benchErr = os.MkdirTemp("", "gongjian-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "陵川县开复工台账-100k.xlsx")
		benchErr = WriteLedger(benchPath, benchRows, benchPercent)
		if benchErr == nil {
			st, _ := os.Stat(benchPath)
			b.Logf("wrote a %d-row ledger (%.1f MB) in %s", benchRows, float64(st.Size())/(1<<20), time.Since(start).Round(time.Millisecond))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// wantFindings is how many findings the benchmark ledger gives: one per flagged row.
var wantFindings = int(math.Round(benchRows * benchPercent / 100))

func read(b *testing.B, path string) *ledger.Ledger {
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(l.Projects) != benchRows {
		b.Fatalf("read %d projects, want %d", len(l.Projects), benchRows)
	}
	return l
}

func check(b *testing.B, path string) *rules.Result {
	res := rules.Evaluate(read(b, path), nil, rules.Options{})
	if len(res.Findings) != wantFindings {
		b.Fatalf("%d findings, want %d", len(res.Findings), wantFindings)
	}
	return res
}

// reportRows adds the rows read per second (projects, not sheet rows).
func reportRows(b *testing.B) {
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// benchEach runs step on the benchmark ledger (made once, outside the timing) and
// reports allocations and rows/s.
func benchEach(b *testing.B, step func(path string)) {
	path := benchLedger(b)
	b.ReportAllocs()
	for b.Loop() {
		step(path)
	}
	reportRows(b)
}

// BenchmarkRead is `ledger.Read`: open the workbook, find the sheet and header, read
// every project.
func BenchmarkRead(b *testing.B) {
	benchEach(b, func(path string) { read(b, path) })
}

// BenchmarkCheck is what `gongjian check --no-annotate` does before printing: read
// and evaluate against the default rules.
func BenchmarkCheck(b *testing.B) {
	benchEach(b, func(path string) { check(b, path) })
}

// BenchmarkAnnotate is `gongjian check` with the annotated copy: read, evaluate and
// write the copy (5,000 cells filled and commented, the two result sheets).
func BenchmarkAnnotate(b *testing.B) {
	out := filepath.Join(b.TempDir(), "陵川县开复工台账-100k.检查结果.xlsx")
	benchEach(b, func(path string) { annotateOnce(b, path, out) })
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		b.Fatalf("no annotated copy: %v", err)
	}
}

// annotateOnce is what `gongjian check` does for one file: open it, read and evaluate
// it, and write the copy from the open file.
func annotateOnce(b *testing.B, path, out string) {
	src, err := ledger.Open(path, ledger.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	l, err := src.Read(context.Background(), ledger.Options{})
	if err != nil {
		b.Fatal(err)
	}
	res := rules.Evaluate(l, nil, rules.Options{})
	if len(res.Findings) != wantFindings {
		b.Fatalf("%d findings, want %d", len(res.Findings), wantFindings)
	}
	f, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if err := annotate.Annotate(context.Background(), w, res, src); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
}

// TestWriteLedgerFlagged checks the generator's promise on a small ledger: the
// findings are exactly the flagged cells, each with the rule and severity Flagged
// names, nothing else (no whole-ledger target missed, no 合计 mismatch), and the
// same arguments write the same bytes.
func TestWriteLedgerFlagged(t *testing.T) {
	const rows, percent = 2000, 5.0
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.xlsx")
	if err := WriteLedger(path, rows, percent); err != nil {
		t.Fatal(err)
	}
	flags, err := Flagged(rows, percent)
	if err != nil {
		t.Fatal(err)
	}
	if len(flags) != 100 {
		t.Fatalf("Flagged gives %d rows, want 100", len(flags))
	}
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Projects) != rows || len(l.Totals) != 1 || l.Sheet != Sheet {
		t.Fatalf("read %d projects and %d 合计 rows from sheet %q, want %d, 1, %q", len(l.Projects), len(l.Totals), l.Sheet, rows, Sheet)
	}
	res := rules.Evaluate(l, nil, rules.Options{})
	if got := res.AsOf.String(); got != "2025-05-31" {
		t.Errorf("as-of %s, want 2025-05-31 from the 1-5月 header", got)
	}

	key := func(row int, cell, rule, sev string) string { return fmt.Sprintf("%d %s %s %s", row, cell, rule, sev) }
	var want, got []string
	for _, f := range flags {
		want = append(want, key(f.Row, f.Cell, f.Rule, f.Severity))
	}
	for _, f := range res.Findings {
		got = append(got, key(f.Row, f.Cell, string(f.Rule), string(f.Severity)))
	}
	sort.Strings(want)
	sort.Strings(got)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		missing, extra := diff(want, got), diff(got, want)
		t.Errorf("findings differ from the flagged cells:\n missing %d: %q\n extra %d: %q", len(missing), head(missing), len(extra), head(extra))
		for _, f := range res.Findings {
			if f.Row <= HeaderRow || f.Cell == "" {
				t.Logf("finding without a project cell: %s %s: %s", f.Rule, f.Cell, f.Message)
			}
		}
	}
	rowsWith := map[int]bool{}
	for _, f := range res.Findings {
		rowsWith[f.Row] = true
	}
	if len(rowsWith) != len(flags) {
		t.Errorf("%d rows have findings, want the %d flagged", len(rowsWith), len(flags))
	}

	again := filepath.Join(dir, "again.xlsx")
	if err := WriteLedger(again, rows, percent); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("the same arguments wrote different files")
	}
}

// head is the first ten of a list, enough to see what went wrong.
func head(s []string) []string { return s[:min(len(s), 10)] }

// diff lists what is in a and not in b; both sorted.
func diff(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}
