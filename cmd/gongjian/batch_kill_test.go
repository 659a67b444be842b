//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongjian/internal/outfile"
)

// TestKilledWhileWriting kills gongjian while it writes the annotated copy of a large
// ledger. Neither kill leaves a partial 大台账.检查结果.xlsx; SIGTERM leaves no
// temporary file either. SIGKILL cannot be caught, so its temporary file stays, and
// the next run writing into that folder removes it once it is old enough to belong to
// no live run.
func TestKilledWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and annotates a 30,000-row ledger")
	}
	dir := t.TempDir()
	ledgerPath := filepath.Join(dir, "大台账.xlsx")
	bigLedger(t, ledgerPath, 30000)
	before, err := folderHashes(dir)
	if err != nil {
		t.Fatal(err)
	}

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			status, stderr, tmp := killWhileWriting(t, dir, nil, sig, "*.检查结果*", "check", "--format", "json", "大台账.xlsx")
			_, tmpErr := os.Stat(tmp)
			if sig == syscall.SIGTERM {
				if status != 128+int(syscall.SIGTERM) || stderr != "已中断，未完成的检查结果文件已删除\n" {
					t.Errorf("SIGTERM: status %d, stderr %q", status, stderr)
				}
				if tmpErr == nil {
					t.Errorf("SIGTERM left %s", tmp)
				}
			} else {
				if tmpErr != nil {
					t.Fatalf("SIGKILL: the temporary file is gone (%v); nothing left to clean", tmpErr)
				}
				// A run right away leaves it: it might be a live run's.
				small := filepath.Join(dir, "小台账.xlsx")
				copyFile(t, sample(t, "礼义镇开复工台账.xlsx"), small)
				defer os.Remove(small)
				defer os.Remove(filepath.Join(dir, "小台账.检查结果.xlsx"))
				runGongjian(t, dir, "check", "小台账.xlsx")
				if _, err := os.Stat(tmp); err != nil {
					t.Fatalf("a fresh temporary file was removed: %v", err)
				}
				// Ten minutes later it is a dead run's, and the next run removes it.
				old := time.Now().Add(-outfile.StaleAge - time.Second)
				os.Chtimes(tmp, old, old)
				_, _, msgs := runGongjian(t, dir, "check", "小台账.xlsx")
				if _, err := os.Stat(tmp); err == nil {
					t.Errorf("the stale temporary file %s was not removed", tmp)
				}
				if !strings.Contains(msgs, "已删除以前中断的检查留下的临时文件") {
					t.Errorf("the removal was not said: %q", msgs)
				}
				os.Remove(small)
				os.Remove(filepath.Join(dir, "小台账.检查结果.xlsx"))
			}
			if after, _ := folderHashes(dir); after != before {
				t.Errorf("the folder changed:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}

// killWhileWriting runs gongjian with args in dir (env added to its environment) and
// sends sig as soon as a temporary file of its appears in dir, trying again when the
// run put its output (files matching out) in place before the signal (it is then
// removed). It returns the exit status (-1 when killed outright), stderr and the
// temporary file's path.
func killWhileWriting(t *testing.T, dir string, env []string, sig syscall.Signal, out string, args ...string) (int, string, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for attempt := 0; ; attempt++ {
		before, _ := filepath.Glob(filepath.Join(dir, out))
		var stderr bytes.Buffer
		cmd := &exec.Cmd{Path: exe, Args: append([]string{"gongjian"}, args...), Dir: dir, Stderr: &stderr, Env: append(os.Environ(), env...)}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		tmp := waitForTemp(t, dir, 2*time.Minute)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		after, _ := filepath.Glob(filepath.Join(dir, out))
		var ee *exec.ExitError
		if len(after) == len(before) {
			// Stopped before the rename: no copy, complete or partial, is there.
			if !errors.As(err, &ee) {
				t.Fatalf("gongjian was not stopped and wrote nothing: %v\n%s", err, stderr.String())
			}
			return ee.ExitCode(), stderr.String(), tmp
		}
		// The whole copy was renamed into place before the signal arrived.
		for _, p := range after {
			if !slices.Contains(before, p) {
				os.Remove(p)
			}
		}
		if attempt == 9 {
			t.Fatalf("gongjian finished the copy before the signal in 10 tries")
		}
	}
}

// waitForTemp waits for a temporary file of gongjian's to appear in dir.
func waitForTemp(t *testing.T, dir string, limit time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(dir, ".gongjian-*.tmp"))
		if len(m) > 0 {
			return m[0]
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("no temporary file appeared")
	return ""
}

// leftovers lists what gongjian's temporary files and excelize's left in the folders.
func leftovers(dirs ...string) []string {
	var left []string
	for _, dir := range dirs {
		for _, pattern := range []string{".gongjian-*", "excelize-*"} {
			m, _ := filepath.Glob(filepath.Join(dir, pattern))
			left = append(left, m...)
		}
	}
	return left
}

// Every signal but SIGKILL removes the temporary files and exits with 128 + its
// number, saying so once: SIGQUIT and SIGABRT (no goroutine dump), SIGINT, SIGHUP.
func TestSignalsLeaveNoTemp(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and annotates a 30,000-row ledger")
	}
	dir := t.TempDir()
	bigLedger(t, filepath.Join(dir, "大台账.xlsx"), 30000)
	for _, sig := range []syscall.Signal{syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			status, stderr, _ := killWhileWriting(t, dir, nil, sig, "*.检查结果*", "check", "--format", "jsonl", "大台账.xlsx")
			if status != 128+int(sig) || stderr != "已中断，未完成的检查结果文件已删除\n" {
				t.Errorf("status %d, stderr %q", status, stderr)
			}
			if left := leftovers(dir); len(left) > 0 {
				t.Errorf("left %v", left)
			}
		})
	}
}

// bigCSV writes a CSV ledger of n rows.
func bigCSV(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("序号,项目名称,所在乡镇,建设性质,总投资,2025年计划投资,1-5月完成投资,计划开工时间,实际开工时间,责任单位\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,陵川县第%d号重点项目,礼义镇,续建,%d,%d,%d,2025-03-01,2025.13.%d,县发改局\n", i, i, 1000+i%500, 400+i%100, 150+i%50, i%28)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// SIGTERM while a large CSV is made into its workbook, and while a large merged
// ledger is written (excelize spills a sheet past 16 MB into a temporary file): nothing
// is left, neither in the folder nor in $TMPDIR. The conversion makes no temporary
// file of its own (it once left excelize's 16 MB file in $TMPDIR); the merge's goes
// into a registered folder beside the output.
func TestTerminatedWhileConverting(t *testing.T) {
	if testing.Short() {
		t.Skip("converts a 100,000-row CSV")
	}
	dir, tmpdir := t.TempDir(), t.TempDir()
	bigCSV(t, filepath.Join(dir, "大台账.csv"), 100000)
	for _, args := range [][]string{
		{"*.检查结果*", "check", "--format", "jsonl", "大台账.csv"},
		{"全县.xlsx", "merge", "大台账.csv", "-o", "全县.xlsx"},
	} {
		status, stderr, _ := killWhileWriting(t, dir, []string{"TMPDIR=" + tmpdir}, syscall.SIGTERM, args[0], args[1:]...)
		args = args[1:]
		if status != 143 || !strings.HasSuffix(stderr, "已中断，未完成的检查结果文件已删除\n") || strings.Count(stderr, "已中断") != 1 {
			t.Errorf("%s: status %d, stderr %q", args[0], status, stderr)
		}
		if left := leftovers(dir, tmpdir); len(left) > 0 {
			t.Errorf("%s: left %v", args[0], left)
		}
		if entries, _ := os.ReadDir(tmpdir); len(entries) > 0 {
			t.Errorf("%s: $TMPDIR holds %v", args[0], entries)
		}
	}
}

// The reader of stdout gone (`check --format jsonl -j 2 folder | head -c 1`): the
// run stops as SIGPIPE would stop it (status 141), its temporary files removed; the
// copies already written are whole.
func TestBrokenPipe(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates six large ledgers")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "台账"), 0o755)
	for i := range 6 {
		bigLedger(t, filepath.Join(dir, "台账", fmt.Sprintf("台账%d.xlsx", i)), 5000+5000*i)
	}
	for try := 0; try < 3; try++ {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd := &exec.Cmd{Path: exe, Args: []string{"gongjian", "check", "--format", "jsonl", "-j", "2", "台账"}, Dir: dir, Stdout: w, Stderr: &stderr}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		one := make([]byte, 1)
		if _, err := io.ReadFull(r, one); err != nil {
			t.Fatalf("nothing on stdout: %v\n%s", err, stderr.String())
		}
		r.Close() // head -c 1 has what it wanted
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			// All six lines fit in the pipe before it was closed: nothing to test.
			t.Logf("try %d: the run ended before its output was cut", try)
			continue
		}
		if ee.ExitCode() != 141 || !strings.Contains(stderr.String(), "已中断，未完成的检查结果文件已删除") {
			t.Errorf("status %d, stderr %q", ee.ExitCode(), stderr.String())
		}
		if left := leftovers(filepath.Join(dir, "台账")); len(left) > 0 {
			t.Errorf("left %v", left)
		}
		copies, _ := filepath.Glob(filepath.Join(dir, "台账", "*.检查结果.xlsx"))
		for _, c := range copies {
			if zr, err := zip.OpenReader(c); err != nil {
				t.Errorf("%s is not whole: %v", c, err)
			} else {
				zr.Close()
			}
		}
		if len(copies) == 6 {
			t.Errorf("all copies written: the run went on after its output was cut")
		}
		return
	}
	t.Skip("the run always ended before its output was cut")
}
