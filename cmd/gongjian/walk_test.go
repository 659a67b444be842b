package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gongjian/ledger"
)

func touch(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func paths(ins []input) string {
	var s []string
	for _, in := range ins {
		p := filepath.ToSlash(in.path)
		if e, ok := ledger.AsError(in.err); ok {
			p += "!" + e.Code
		}
		s = append(s, p)
	}
	return strings.Join(s, " ")
}

func TestExpandInputs(t *testing.T) {
	t.Chdir(t.TempDir())
	touch(t, "台账",
		"b.csv", "a.xlsx", "c.XLS", "d.et", "e.xlsb", "f.xlsm",
		"~$a.xlsx", "a.检查结果.xlsx", "a.检查结果2.xlsx", "a.检查结果13.xlsm", ".gongjian-123.tmp", ".hidden.xlsx", "说明.docx", "readme.txt",
		".git/x.xlsx", "sub/z.xlsx", "sub/a.xlsx", "sub/deeper/y.csv", "空/说明.txt")
	if runtime.GOOS != "windows" {
		os.Symlink("..", filepath.Join("台账", "sub", "loop")) // a cycle the walk must not follow
	}

	ins, folders := expandInputs([]string{"台账", "台账/a.xlsx", "台账/~$a.xlsx", "台账/a.检查结果.xlsx", "不存在.xlsx", "台账/空"})
	want := "台账/a.xlsx 台账/b.csv 台账/c.XLS 台账/d.et 台账/e.xlsb 台账/f.xlsm " +
		"台账/sub/a.xlsx 台账/sub/deeper/y.csv 台账/sub/z.xlsx " +
		"台账/~$a.xlsx 台账/a.检查结果.xlsx 不存在.xlsx 台账/空!no-ledgers"
	if got := paths(ins); got != want || !folders {
		t.Errorf("expandInputs:\n got %s\nwant %s (folders %v)", got, want, folders)
	}
	for _, in := range ins[:9] {
		if in.root != "台账" {
			t.Errorf("%s: root %q", in.path, in.root)
		}
	}

	// The message of an empty folder says what was passed over.
	ins, _ = expandInputs([]string{"台账/.git", "台账/空"})
	if paths(ins) != "台账/.git/x.xlsx 台账/空!no-ledgers" {
		t.Errorf("a hidden folder named on the command line is walked: %s", paths(ins))
	}
	if msg := ins[1].err.Error(); !strings.Contains(msg, "（跳过了 1 个其他文件）") {
		t.Errorf("message %q", msg)
	}

	// Files only: nothing is walked, every file is kept as given.
	ins, folders = expandInputs([]string{"b.xlsx", "a.xlsx", "b.xlsx"})
	if paths(ins) != "b.xlsx a.xlsx" || folders {
		t.Errorf("files: %s, folders %v", paths(ins), folders)
	}
}

// A folder given through a link to it is walked like the folder.
func TestExpandLinkedFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	t.Chdir(t.TempDir())
	touch(t, "真", "a.xlsx")
	if err := os.Symlink("真", "链接"); err != nil {
		t.Fatal(err)
	}
	ins, _ := expandInputs([]string{"链接"})
	if paths(ins) != "链接/a.xlsx" {
		t.Errorf("got %s", paths(ins))
	}
}
