//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestPermissionDenied checks a folder holding a ledger no one may read and a
// subfolder no one may list: each gets its permission-denied line, and the readable
// ledger is checked. Root reads everything, so as root gongjian is run as nobody.
func TestPermissionDenied(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// nobody must be able to reach the folder and run the binary.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "gongjian")
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, sample(t, "全县开复工台账.xlsx"), filepath.Join(dir, "台账", "好.xlsx"))
	copyFile(t, sample(t, "全县开复工台账.xlsx"), filepath.Join(dir, "台账", "秘密.xlsx"))
	copyFile(t, sample(t, "全县开复工台账.xlsx"), filepath.Join(dir, "台账", "锁住的", "a.xlsx"))
	os.Chmod(filepath.Join(dir, "台账", "秘密.xlsx"), 0o000)
	os.Chmod(filepath.Join(dir, "台账", "锁住的"), 0o000)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "台账", "锁住的"), 0o755) })

	var stdout, stderr bytes.Buffer
	cmd := &exec.Cmd{Path: bin, Args: []string{"gongjian", "check", "--format", "jsonl", "--no-annotate", "台账"},
		Dir: dir, Stdout: &stdout, Stderr: &stderr}
	if os.Getuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) && os.Getuid() == 0 {
		t.Skipf("cannot run as nobody here: %v", err)
	}
	if !errors.As(err, &ee) || ee.ExitCode() != exitUnreadable {
		t.Fatalf("status: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{
		`{"file":"台账/好.xlsx","sheet":"开复工台账"`,
		`{"file":"台账/秘密.xlsx","error":{"code":"permission-denied","message":"台账/秘密.xlsx：没有读取权限`,
		`{"file":"台账/锁住的","error":{"code":"permission-denied","message":"台账/锁住的：没有读取这个文件夹的权限`,
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %s:\n%s", want, stdout.String())
		}
	}
	for _, want := range []string{"台账/秘密.xlsx：没有读取权限，请检查文件权限或联系共享盘管理员", "台账/锁住的：没有读取这个文件夹的权限"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr.String())
		}
	}
}
