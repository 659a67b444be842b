//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A copy is never readable by more people than its ledger: a 0600 ledger gets a 0600
// copy, a 0640 one at most 0640; a ledger anyone may read gets what a new file gets
// by default (0666 less the umask). The merged ledger gets no more than the ledgers.
func TestCopyPermissions(t *testing.T) {
	dir := t.TempDir()
	errs, liyi, yiyuan := sample(t, "错误台账.xlsx"), sample(t, "礼义镇开复工台账.xlsx"), sample(t, "亿元台账_1904.xlsx")
	probe := filepath.Join(dir, "probe")
	os.WriteFile(probe, nil, 0o666)
	st, _ := os.Stat(probe)
	def := st.Mode().Perm() // 0666 less the umask

	for _, perm := range []os.FileMode{0o600, 0o640, 0o644, 0o666} {
		in := filepath.Join(dir, fmt.Sprintf("%o.xlsx", perm))
		copyFile(t, errs, in)
		os.Chmod(in, perm)
		runGongjian(t, dir, "check", filepath.Base(in))
		st, err := os.Stat(filepath.Join(dir, fmt.Sprintf("%o.检查结果.xlsx", perm)))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := st.Mode().Perm(), perm&def|0o200; got != want {
			t.Errorf("ledger %v: copy %v, want %v", perm, got, want)
		}
	}

	secret := filepath.Join(dir, "乡镇", "秘密.xlsx")
	copyFile(t, liyi, secret)
	copyFile(t, yiyuan, filepath.Join(dir, "乡镇", "公开.xlsx"))
	os.Chmod(secret, 0o600)
	runGongjian(t, dir, "merge", "乡镇", "-o", "全县.xlsx", "--as-of", "2025-06-30") // a May and a June ledger
	if st, err := os.Stat(filepath.Join(dir, "全县.xlsx")); err != nil || st.Mode().Perm() != 0o600&def|0o200 {
		t.Errorf("merged ledger: %v %v", st.Mode(), err)
	}
}

// mountTmpfs mounts a file system of size bytes on a new folder, or skips the test
// where that is not allowed (not root, no mount in the sandbox).
func mountTmpfs(t *testing.T, size string, extra ...string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	args := append([]string{"-t", "tmpfs", "-o", "size=" + size}, extra...)
	if out, err := exec.Command("mount", append(args, "tmpfs", dir)...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// A full disk and a read-only one are each said as such, naming the copy, and leave
// nothing behind.
func TestCopyOnFullOrReadOnlyDisk(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "大台账.xlsx")
	bigLedger(t, in, 20000)

	full := mountTmpfs(t, "256k")
	status, _, stderr := runGongjian(t, dir, "check", "--out-dir", full, "大台账.xlsx")
	want := "大台账.xlsx：无法写出检查结果 " + filepath.Join(full, "大台账.检查结果.xlsx") + "：磁盘已满\n"
	if status != exitUnreadable || !strings.HasSuffix(stderr, want) {
		t.Errorf("full disk: status %d, stderr %q, want it to end %q", status, stderr, want)
	}
	if entries, _ := os.ReadDir(full); len(entries) != 0 {
		t.Errorf("left on the full disk: %v", entries)
	}

	ro := mountTmpfs(t, "1m", "-o", "ro")
	status, _, stderr = runGongjian(t, dir, "check", "--out-dir", ro, "大台账.xlsx")
	if status != exitUnreadable || !strings.Contains(stderr, "无法写入输出文件夹 "+ro+"：磁盘或共享盘是只读的") {
		t.Errorf("read-only disk: status %d, stderr %q", status, stderr)
	}
	status, _, stderr = runGongjian(t, dir, "report", "大台账.xlsx", "-o", filepath.Join(ro, "报告.xlsx"))
	if status != exitUnreadable || !strings.Contains(stderr, "无法写入 "+filepath.Join(ro, "报告.xlsx")+"：磁盘或共享盘是只读的") {
		t.Errorf("report on a read-only disk: status %d, stderr %q", status, stderr)
	}
}

// A ledger whose copy's name would be too long for the file system is told so.
func TestCopyNameTooLong(t *testing.T) {
	dir := t.TempDir()
	// The ledger's name fits in 255 bytes; with ".检查结果" (13 bytes) its copy's does not.
	name := strings.Repeat("县", 83) + ".xlsx" // 254 bytes

	copyFile(t, sample(t, "错误台账.xlsx"), filepath.Join(dir, name))
	status, _, stderr := runGongjian(t, dir, "check", name)
	if status != exitUnreadable || !strings.Contains(stderr, "：文件名太长") || strings.Contains(stderr, "磁盘是否已满") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left: %v", entries)
	}
}
