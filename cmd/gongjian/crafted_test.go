//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// measured is one whole run of gongjian: its exit status, output, peak memory (the
// kernel's maximum resident set), wall time and processor time (user and system),
// which another process on the machine moves less than the wall time.
type measured struct {
	status         int
	stdout, stderr string
	peakMB         float64
	took, cpu      time.Duration
}

// runMeasured runs gongjian (this test binary under that name) with args in dir; a
// memory limit in kilobytes, when not 0, caps its address space as `ulimit -v` does.
// Its peak is measured by GNU time when there is one (a child's peak on Linux starts
// at its parent's size when it was started), else by the child's own usage.
func runMeasured(t *testing.T, dir string, limitKB int, args ...string) measured {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	// The test binary runs as gongjian when it is called by that name.
	link := filepath.Join(tmp, "gongjian")
	if err := os.Symlink(exe, link); err != nil {
		t.Fatal(err)
	}
	script := `exec "$@"`
	if limitKB > 0 {
		script = "ulimit -v " + strconv.Itoa(limitKB) + " && " + script
	}
	timeFile := filepath.Join(tmp, "time")
	argv := append([]string{"-c", script, "sh"}, link)
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		argv = append([]string{"-c", script, "sh", "/usr/bin/time", "-f", "%M %U %S", "-o", timeFile}, link)
	}
	stdout, err := os.Create(filepath.Join(tmp, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	var stderr bytes.Buffer
	cmd := exec.Command("/bin/sh", append(argv, args...)...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, stdout, &stderr
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	start := time.Now()
	err = cmd.Run()
	m := measured{took: time.Since(start), stderr: stderr.String()}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	m.status = cmd.ProcessState.ExitCode()
	if b, err := os.ReadFile(timeFile); err == nil {
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		var kb int
		var user, sys float64
		fmt.Sscan(lines[len(lines)-1], &kb, &user, &sys) // after "Command exited with non-zero status N"
		m.peakMB = float64(kb) / 1024
		m.cpu = time.Duration((user + sys) * float64(time.Second))
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	out, err := os.ReadFile(stdout.Name())
	if err != nil {
		t.Fatal(err)
	}
	m.stdout = string(out)
	return m
}

// jsonOutcome is what check --format json says of one file.
type jsonOutcome struct {
	File      string `json:"file"`
	Annotated string `json:"annotated"`
	Error     *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Each crafted file, checked on its own, gets its code (or is checked, when it reads
// as a ledger) in bounded memory and time; together with four good ledgers in one
// folder, under a memory limit, the good ledgers get their copies, each crafted file
// its code, in under a minute and 500 MB (issue 11's bar).
func TestCraftedInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes crafted workbooks that unpack to gigabytes")
	}
	dir := t.TempDir()
	files := craftedFiles()
	start := time.Now()
	for _, c := range files {
		c.write(t, filepath.Join(dir, c.name))
	}
	t.Logf("%d crafted files written in %v", len(files), time.Since(start).Round(time.Millisecond))

	for _, c := range files {
		t.Run(c.name, func(t *testing.T) {
			st, err := os.Stat(filepath.Join(dir, c.name))
			if err != nil {
				t.Fatal(err)
			}
			m := runMeasured(t, dir, 0, "check", "--format", "json", "--out-dir", t.TempDir(), c.name)
			t.Logf("%s (%d KB): status %d, peak %.0f MB, %.2f s", c.name, st.Size()>>10, m.status, m.peakMB, m.took.Seconds())
			var o jsonOutcome
			if err := json.Unmarshal([]byte(m.stdout), &o); err != nil {
				t.Fatalf("status %d, output %.300s, stderr %.300s", m.status, m.stdout, m.stderr)
			}
			switch {
			case c.code != "" && (o.Error == nil || o.Error.Code != c.code || m.status != exitUnreadable):
				t.Errorf("status %d, error %+v, want code %s", m.status, o.Error, c.code)
			case c.code == "" && (o.Error != nil || o.Annotated == "" || m.status > exitFindings):
				t.Errorf("status %d, error %+v, annotated %q: want it checked", m.status, o.Error, o.Annotated)
			}
			if m.peakMB > 200 || m.took > 20*time.Second {
				t.Errorf("peak %.0f MB, %v", m.peakMB, m.took)
			}
			// The table a clerk sees, with its long values cut.
			table := runMeasured(t, dir, 0, "check", "--no-annotate", c.name)
			for _, line := range strings.Split(table.stdout, "\n") {
				if w := len([]rune(line)); w > 200 {
					t.Errorf("a table line of %d characters", w)
					break
				}
			}
			if table.took > 20*time.Second {
				t.Errorf("the table took %v", table.took)
			}
		})
	}

	t.Run("folder", func(t *testing.T) {
		folder := t.TempDir()
		for _, c := range files {
			if err := os.Rename(filepath.Join(dir, c.name), filepath.Join(folder, c.name)); err != nil {
				t.Fatal(err)
			}
		}
		good := []string{"全县开复工台账.xlsx", "礼义镇开复工台账.xlsx", "融资需求台账.xlsx"}
		for _, name := range good {
			copyFile(t, sample(t, name), filepath.Join(folder, "好", name))
		}
		bigLedger(t, filepath.Join(folder, "好", "大台账.xlsx"), 30000)
		good = append(good, "大台账.xlsx")

		// 2 GB of address space: Go's runtime reserves far more than it touches.
		m := runMeasured(t, folder, 2<<20, "check", "--format", "json", ".")
		t.Logf("%d crafted files and %d ledgers: status %d, peak %.0f MB, %.2f s", len(files), len(good), m.status, m.peakMB, m.took.Seconds())
		if m.peakMB > 500 || m.took > time.Minute {
			t.Errorf("peak %.0f MB, %v: want under 500 MB and a minute", m.peakMB, m.took)
		}
		if m.status != exitUnreadable || strings.Contains(m.stderr, "goroutine ") || strings.Contains(m.stderr, "内部错误") {
			t.Errorf("status %d, stderr:\n%.2000s", m.status, m.stderr)
		}
		var outs []jsonOutcome
		if err := json.Unmarshal([]byte(m.stdout), &outs); err != nil {
			t.Fatalf("output %.500s: %v", m.stdout, err)
		}
		byName := map[string]jsonOutcome{}
		for _, o := range outs {
			byName[filepath.Base(o.File)] = o
		}
		for _, c := range files {
			o, ok := byName[c.name]
			switch {
			case !ok:
				t.Errorf("%s: not in the output", c.name)
			case c.code != "" && (o.Error == nil || o.Error.Code != c.code):
				t.Errorf("%s: error %+v, want %s", c.name, o.Error, c.code)
			case c.code != "" && !strings.Contains(m.stderr, o.Error.Message):
				t.Errorf("%s: its message is not on stderr", c.name)
			case c.code == "" && (o.Error != nil || o.Annotated == ""):
				t.Errorf("%s: %+v, want it checked and copied", c.name, o)
			}
		}
		for _, name := range good {
			o := byName[name]
			if o.Error != nil || o.Annotated == "" {
				t.Errorf("%s: %+v", name, o)
				continue
			}
			if _, err := os.Stat(filepath.Join(folder, o.Annotated)); err != nil {
				t.Errorf("%s: no copy: %v", name, err)
			}
		}
		if _, err := os.Stat("/tmp/evil.sh"); err == nil {
			t.Error("an entry climbing out of its package was written")
		}
	})
}
