package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongjian/internal/badfile"
	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report"
	"gongjian/rules"
)

// sample is the path of a sample ledger; the test is skipped when it has not been
// generated.
func sample(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("sample %s not generated", name)
	}
	return p
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// runGongjian runs a command line in dir and returns its status, stdout and stderr.
func runGongjian(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errOut bytes.Buffer
	status := run(context.Background(), outfile.New(), args, strings.NewReader(""), &out, &errOut)
	return status, out.String(), errOut.String()
}

// TestBatchLeavesInputs checks a folder of samples and bad files, annotating, and
// finds every input byte for byte as it was and nothing new but the copies.
func TestBatchLeavesInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"全县开复工台账.xlsx", "礼义镇开复工台账.xlsx", "错误台账.xlsx", "逐月台账.xlsx", "亿元台账_1904.xlsx", "开复工台账_gbk.csv"} {
		copyFile(t, sample(t, name), filepath.Join(dir, "台账", name))
	}
	if err := os.MkdirAll(filepath.Join(dir, "台账", "坏"), 0o755); err != nil {
		t.Fatal(err)
	}
	for kind, name := range map[string]string{"legacy": "旧.xls", "encrypted": "加密.xlsx", "truncated": "半截.xlsx", "empty-workbook": "空.xlsx", "no-header": "名单.xlsx"} {
		if err := badFile(kind, filepath.Join(dir, "台账", "坏", name), sample(t, "全县开复工台账.xlsx")); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "台账", "~$错误台账.xlsx"), []byte("张三"), 0o644)
	os.WriteFile(filepath.Join(dir, "台账", "坏", "文本.xlsx"), []byte("项目名称,总投资\n"), 0o644)
	before, err := folderHashes(filepath.Join(dir, "台账"))
	if err != nil {
		t.Fatal(err)
	}

	status, _, stderr := runGongjian(t, dir, "check", "--format", "json", "-j", "3", "台账")
	if status != exitUnreadable {
		t.Errorf("status %d, want 3; stderr:\n%s", status, stderr)
	}
	after, err := folderHashes(filepath.Join(dir, "台账"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimSpace(after), "\n") {
		if !strings.Contains(line, ".检查结果.xlsx") {
			kept = append(kept, line)
		}
	}
	if got := strings.Join(kept, "\n") + "\n"; got != before {
		t.Errorf("inputs changed:\nbefore:\n%s\nafter:\n%s", before, got)
	}
	if n := strings.Count(after, ".检查结果.xlsx"); n != 6 {
		t.Errorf("%d annotated copies, want 6:\n%s", n, after)
	}
	if strings.Contains(after, ".gongjian-") {
		t.Errorf("a temporary file was left:\n%s", after)
	}
}

// hookWriter is a report.Writer that calls hook before its first Write and keeps the
// outcomes.
type hookWriter struct {
	hook     func()
	outcomes []report.Outcome
}

func (h *hookWriter) Write(o report.Outcome) error {
	if h.hook != nil {
		h.hook()
		h.hook = nil
	}
	h.outcomes = append(h.outcomes, o)
	return nil
}

func (h *hookWriter) Close() error { return nil }

// newTestBatch is a batch over paths with the writer w, one file at a time.
func newTestBatch(t *testing.T, w report.Writer, format report.Format, paths ...string) *batch {
	t.Helper()
	opts := &checkOptions{Err: io.Discard, Out: io.Discard, NoAnnotate: true, Jobs: 1, format: format, FailOn: failOnError, MaxUnzipMB: 1024,
		ctx: context.Background(), files: outfile.New()}
	ins, _ := expandInputs(paths)
	return newBatch(opts, rules.Default(), ins, planOutputs(ins, opts), newProgress(opts.ctx, io.Discard, false), w)
}

// Without a 融资需求台账, a file's result is written as soon as it is checked: the
// second file is read only once the first file's line has been written. (A batch that
// read everything before writing would keep the second file waiting until the time
// runs out.)
func TestBatchStreams(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	copyFile(t, sample(t, "全县开复工台账.xlsx"), a)
	copyFile(t, sample(t, "礼义镇开复工台账.xlsx"), b)
	written := make(chan struct{})
	w := &hookWriter{hook: func() { close(written) }}
	bt := newTestBatch(t, w, report.FormatJSONL, a, b)
	bt.beforeRead = func(i int) {
		if i == 0 {
			return
		}
		select {
		case <-written:
		case <-time.After(20 * time.Second):
			t.Errorf("b.xlsx was read before a.xlsx's line was written: the batch does not stream")
		}
	}
	bt.run()
	if len(w.outcomes) != 2 || w.outcomes[0].Failed() || w.outcomes[1].Failed() {
		t.Fatalf("outcomes %+v", w.outcomes)
	}
}

// With a 融资需求台账 in the run, every file is read and joined before anything is
// written: spoiling a file at the first write changes nothing, and both sides carry
// the join.
func TestBatchJoinsBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	kf, rz := filepath.Join(dir, "全县.xlsx"), filepath.Join(dir, "融资.xlsx")
	for _, format := range []report.Format{report.FormatJSONL, report.FormatTable} {
		copyFile(t, sample(t, "全县开复工台账.xlsx"), kf)
		copyFile(t, sample(t, "融资需求台账.xlsx"), rz)
		w := &hookWriter{hook: func() { os.WriteFile(rz, []byte("PK\x03\x04"), 0o644) }}
		bt := newTestBatch(t, w, format, kf, rz)
		bt.opts.Jobs = 2
		bt.run()
		if len(w.outcomes) != 2 {
			t.Fatalf("%s: %d outcomes", format, len(w.outcomes))
		}
		for _, o := range w.outcomes {
			if o.Failed() || o.Result.Join == nil {
				t.Errorf("%s: %s not joined: %+v", format, o.File, o)
			}
		}
	}
	// The same with the peeked kinds forced: --kind says every file is of one kind, so
	// nothing is joined and nothing waits.
	bt := newTestBatch(t, &hookWriter{}, report.FormatJSONL, kf, rz)
	bt.opts.kind = ledger.KindKaifugong
	if bt.mayJoin() {
		t.Error("--kind kaifugong: the run waits for a join")
	}
	bt = newTestBatch(t, &hookWriter{}, report.FormatJSONL, kf, kf+"不存在.xlsx", sample(t, "礼义镇开复工台账.xlsx"))
	if bt.mayJoin() {
		t.Error("开复工台账 only: the run waits for a join")
	}
	if !errorIs(bt.early[1], ledger.ErrNotFound) {
		t.Errorf("the missing file's peek error was not kept: %v", bt.early[1])
	}
}

func errorIs(err error, sentinel *ledger.Error) bool {
	e, ok := ledger.AsError(err)
	return ok && e.Code == sentinel.Code
}

// Ordered formats come out in argument order, then walk order, whatever finished
// first; -j changes nothing in them.
func TestBatchOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"全县开复工台账.xlsx", "礼义镇开复工台账.xlsx", "错误台账.xlsx", "逐月台账.xlsx", "亿元台账_1904.xlsx", "开复工台账_utf8bom.csv"}
	for i, name := range names {
		copyFile(t, sample(t, name), filepath.Join(dir, "f", string(rune('a'+i))+"-"+name))
	}
	args := []string{"check", "--format", "json", "--no-annotate", "f/c-错误台账.xlsx", "不存在.xlsx", "f"}
	var first string
	for _, j := range []string{"1", "2", "6"} {
		status, out, _ := runGongjian(t, dir, append(args, "-j", j)...)
		if status != exitUnreadable {
			t.Fatalf("-j %s: status %d", j, status)
		}
		var files []struct {
			File string `json:"file"`
		}
		if err := json.Unmarshal([]byte(out), &files); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, f.File)
		}
		want := "f/c-错误台账.xlsx 不存在.xlsx f/a-全县开复工台账.xlsx f/b-礼义镇开复工台账.xlsx f/d-逐月台账.xlsx f/e-亿元台账_1904.xlsx f/f-开复工台账_utf8bom.csv"
		if strings.Join(got, " ") != want {
			t.Errorf("-j %s: files in order %v", j, got)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("-j %s gives other bytes than -j 1", j)
		}
	}
}

// A zip bomb is refused by --max-unzip-mb, with the limit in the message.
func TestMaxUnzip(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(sample(t, "全县开复工台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "大.xlsx"), badfile.Padded(good, 3<<20), 0o644) // 3 MB of zeros: a few KB packed

	status, out, stderr := runGongjian(t, dir, "check", "--format", "json", "--no-annotate", "--max-unzip-mb", "2", "大.xlsx")
	if status != exitUnreadable || !strings.Contains(out, `"code": "too-large"`) ||
		!strings.HasPrefix(stderr, "大.xlsx：工作簿解压后超过 2 MB 的上限，已拒绝读取") {
		t.Errorf("status %d\n%s\n%s", status, out, stderr)
	}
	if status, _, stderr := runGongjian(t, dir, "check", "--no-annotate", "大.xlsx"); status != exitOK {
		t.Errorf("default limit: status %d, %s", status, stderr)
	}
	if status, _, stderr := runGongjian(t, dir, "check", "--max-unzip-mb", "0", "大.xlsx"); status != exitUsage || !strings.Contains(stderr, "--max-unzip-mb") {
		t.Errorf("--max-unzip-mb 0: status %d, %s", status, stderr)
	}
}

// A bug while writing one copy is that file's failure, not the run's.
func TestAnnotatePanicContained(t *testing.T) {
	dir := t.TempDir()
	bt := newTestBatch(t, &hookWriter{}, report.FormatJSONL, filepath.Join(dir, "a.xlsx"))
	bt.opts.NoAnnotate = false
	bt.outs = []outputPlan{{path: filepath.Join(dir, "a.检查结果.xlsx")}}
	f := finished{o: report.Outcome{File: "a.xlsx", Result: &rules.Result{}}} // no ledger: Annotate panics
	bt.annotate(&f)
	if f.annotErr == nil || !strings.Contains(f.annotErr.Error(), "a.xlsx：写出检查结果时发生内部错误") {
		t.Errorf("annotate = %v", f.annotErr)
	}
}

func TestOutDirFor(t *testing.T) {
	for _, tt := range []struct {
		in     input
		outDir string
		want   string
	}{
		{input{path: "a.xlsx"}, "", ""},
		{input{path: "a.xlsx"}, "结果", "结果"},
		{input{path: "台账/a.xlsx", root: "台账"}, "结果", "结果"},
		{input{path: "台账/礼义镇/5月/a.xlsx", root: "台账"}, "结果", filepath.Join("结果", "礼义镇", "5月")},
		{input{path: "台账/礼义镇/a.xlsx", root: "台账/"}, "", ""},
	} {
		if got := outDirFor(tt.in, tt.outDir); got != tt.want {
			t.Errorf("outDirFor(%+v, %q) = %q, want %q", tt.in, tt.outDir, got, tt.want)
		}
	}
}

func TestBatchSummary(t *testing.T) {
	s := batchStats{files: 9, checked: 6, withErrors: 2, unreadable: 3, errors: 4, warnings: 11}
	if got := s.summary(); got != "检查完毕：共 9 个文件，已检查 6 个（2 个有错误），无法读取 3 个；错误 4 条，警告 11 条。" {
		t.Errorf("summary %q", got)
	}
	s.unwritten = 1
	if got := s.summary(); !strings.HasSuffix(got, "无法读取 3 个，检查结果未能写出 1 个；错误 4 条，警告 11 条。") {
		t.Errorf("summary %q", got)
	}
}
