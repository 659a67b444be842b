//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongjian/internal/badfile"
)

// runWithin runs a command line like runGongjian, failing the test if it has not
// ended within a minute (a walk that opened a pipe would wait forever).
func runWithin(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		status         int
		stdout, stderr string
	}
	done := make(chan result, 1)
	t.Chdir(dir)
	go func() {
		s, o, e := runGongjian(t, "", args...)
		done <- result{s, o, e}
	}()
	select {
	case r := <-done:
		return r.status, r.stdout, r.stderr
	case <-time.After(time.Minute):
		t.Fatalf("%v did not end: the walk opened something it should have passed over", args)
	}
	return 0, "", ""
}

// check, merge and report walk a folder by one set of rules: subfolders too, in name
// order; Excel's lock files, hidden files and folders, the tool's copies (numbered
// too) and temporary files, and pipes passed over; an old .xls named with its
// "save as .xlsx" line, never skipped in silence.
func TestOneWalkForThreeCommands(t *testing.T) {
	dir := t.TempDir()
	liyi, gbk, county := sample(t, "礼义镇开复工台账.xlsx"), sample(t, "开复工台账_gbk.csv"), sample(t, "全县开复工台账.xlsx")
	junk := func(folder string) {
		for _, name := range []string{".隐藏.xlsx", ".git/台账.xlsx", "~$礼义镇.xlsx", "礼义镇.检查结果.xlsx", "礼义镇.检查结果2.xlsx"} {
			copyFile(t, county, filepath.Join(folder, name))
		}
		os.WriteFile(filepath.Join(folder, ".gongjian-0123456789abcdef.tmp"), []byte("x"), 0o644)
		if err := syscall.Mkfifo(filepath.Join(folder, "管道.csv"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, liyi, filepath.Join(dir, "台账", "礼义镇.xlsx"))
	copyFile(t, gbk, filepath.Join(dir, "台账", "子", "杨村镇.csv"))
	os.WriteFile(filepath.Join(dir, "台账", "旧.xls"), badfile.CompoundFile("Workbook"), 0o644)
	junk(filepath.Join(dir, "台账"))

	legacy := "台账/旧.xls：这是旧版 Excel 97-2003 或 WPS（.xls/.et）格式"

	status, stdout, stderr := runWithin(t, dir, "check", "--format", "jsonl", "--no-annotate", "台账")
	if status != exitUnreadable || strings.Count(stdout, `"file"`) != 3 ||
		!strings.Contains(stdout, `"file":"台账/子/杨村镇.csv"`) || !strings.Contains(stdout, `"file":"台账/礼义镇.xlsx"`) ||
		!strings.Contains(stdout, `"code":"legacy-format"`) || !strings.Contains(stderr, legacy) {
		t.Errorf("check: status %d\n%s\n%s", status, stdout, stderr)
	}

	status, stdout, stderr = runWithin(t, dir, "merge", "台账", "-o", "全县.xlsx")
	if status != exitUnreadable || !strings.Contains(stdout, "已把 2 个开复工台账合并为 全县.xlsx：24 个项目") || !strings.HasPrefix(stderr, legacy) {
		t.Errorf("merge: status %d\n%s\n%s", status, stdout, stderr)
	}

	// report takes one 开复工台账: a folder of one, with the same things to pass over.
	copyFile(t, county, filepath.Join(dir, "全县台账", "全县.xlsx"))
	junk(filepath.Join(dir, "全县台账"))
	status, stdout, stderr = runWithin(t, dir, "report", "--format", "json", "全县台账")
	if status != exitOK || !strings.Contains(stdout, `"overall"`) {
		t.Errorf("report: status %d\n%s\n%s", status, stdout, stderr)
	}
	os.WriteFile(filepath.Join(dir, "全县台账", "旧.xls"), badfile.CompoundFile("Workbook"), 0o644)
	status, _, stderr = runWithin(t, dir, "report", "全县台账")
	if status != exitUnreadable || !strings.HasPrefix(stderr, "全县台账/旧.xls：这是旧版 Excel 97-2003") {
		t.Errorf("report with an .xls: status %d\n%s", status, stderr)
	}
}

// A file name holding control characters (an escape sequence, a carriage return)
// reaches the terminal escaped, in every line about it; JSON keeps the real name.
func TestControlCharactersInNames(t *testing.T) {
	dir := t.TempDir()
	good, bad := "好\x1b[31m.xlsx", "坏\r\x1b[2J.xlsx"
	copyFile(t, sample(t, "错误台账.xlsx"), filepath.Join(dir, "台账", good))
	os.WriteFile(filepath.Join(dir, "台账", bad), []byte("项目名称,总投资\n"), 0o644)

	status, stdout, stderr := runWithin(t, dir, "check", "台账")
	if status != exitUnreadable || strings.ContainsAny(stdout+stderr, "\x1b\r") {
		t.Fatalf("raw control characters reached the terminal: status %d\n%q\n%q", status, stdout, stderr)
	}
	for _, want := range []string{
		`台账/坏\x0d\x1b[2J.xlsx：文件内容是文本`,
		`带批注的检查结果已写入 台账/好\x1b[31m.检查结果.xlsx`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, `台账/好\x1b[31m.xlsx`) {
		t.Errorf("the table does not name the file escaped:\n%s", stdout)
	}
	_, stdout, _ = runWithin(t, dir, "check", "--format", "jsonl", "--no-annotate", "台账")
	if !strings.Contains(stdout, `"file":"台账/好\u001b[31m.xlsx"`) {
		t.Errorf("JSON:\n%s", stdout)
	}
}
