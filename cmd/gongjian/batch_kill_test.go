//go:build unix

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
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
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
			// The copy takes a fraction of a second: signal as soon as its temporary file
			// appears, and if the copy still won the race, take it away and try again.
			var (
				stderr bytes.Buffer
				tmp    string
				ee     *exec.ExitError
			)
			out := filepath.Join(dir, "大台账.检查结果.xlsx")
			for attempt := 0; ; attempt++ {
				stderr.Reset()
				cmd := &exec.Cmd{Path: exe, Args: []string{"gongjian", "check", "--format", "json", "大台账.xlsx"}, Dir: dir, Stderr: &stderr}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				tmp = waitForTemp(t, dir, 2*time.Minute)
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				err := cmd.Wait()
				if _, statErr := os.Stat(out); statErr != nil {
					// Stopped before the rename: no copy, complete or partial, is there.
					if !errors.As(err, &ee) {
						t.Fatalf("gongjian was not stopped and wrote no copy: %v", err)
					}
					break
				}
				// The whole copy was renamed into place before the signal arrived.
				os.Remove(out)
				if attempt == 9 {
					t.Fatalf("gongjian finished the copy before the signal in 10 tries")
				}
			}
			_, tmpErr := os.Stat(tmp)
			if sig == syscall.SIGTERM {
				if ee.ExitCode() != 128+int(syscall.SIGTERM) || !strings.Contains(stderr.String(), "已中断，未完成的检查结果文件已删除") {
					t.Errorf("SIGTERM: status %d, stderr %q", ee.ExitCode(), stderr.String())
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
