package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/spf13/cobra"

	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report"
)

// TestMain lets the test binary run as the gongjian command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gongjian": main,
	})
}

// TestScripts runs the stories in testdata/script: each is a command line, its exit
// status and what it prints. $SAMPLES is the repository's folder of sample ledgers;
// a script needing one starts with [!sample:NAME] skip.
func TestScripts(t *testing.T) {
	samples, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLES", samples)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":    exits,
			"mkbad":    mkbad,
			"hashes":   hashes,
			"resave":   resave,
			"docxtext": docxtext,
		},
		Condition: func(cond string) (bool, error) {
			name, ok := strings.CutPrefix(cond, "sample:")
			if !ok {
				return false, nil
			}
			_, err := os.Stat(filepath.Join(samples, name))
			return err == nil, nil
		},
	})
}

// exits N PROG ARGS... runs a program and requires exit status N, which testscript's
// own "! exec" cannot tell apart (1 findings, 2 usage, 3 unreadable all fail alike).
// Its stdout and stderr are kept for the stdout and stderr commands that follow.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// parseFlags runs a command's flag parsing with a run function that only records the
// options: newCmd is newCheckCmd, newMergeCmd …
func parseFlags[T any](t *testing.T, newCmd func(func(*T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	var got *T
	cmd := newCmd(func(o *T) error { got = o; return nil })
	cmd.SetFlagErrorFunc(flagError)
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return got, err
}

func parseCheck(t *testing.T, args ...string) (*checkOptions, error) {
	t.Helper()
	return parseFlags(t, newCheckCmd, args...)
}

func TestCheckFlags(t *testing.T) {
	opts, err := parseCheck(t, "a.xlsx", "b.csv", "--as-of", "2025年6月30日", "--format", "jsonl",
		"--fail-on", "warning", "--sheet", "5月台账", "--kind", "rongzi", "--no-annotate", "-j", "4", "--rules", "r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(opts.Files, ",") != "a.xlsx,b.csv" {
		t.Errorf("files %v", opts.Files)
	}
	if opts.asOf != ledger.DayDate(2025, 6, 30) || opts.format != report.FormatJSONL || opts.FailOn != "warning" ||
		opts.Sheet != "5月台账" || opts.kind != ledger.KindRongzi || !opts.NoAnnotate || opts.Jobs != 4 || opts.Rules != "r.yaml" {
		t.Errorf("parsed %+v", opts)
	}

	opts, err = parseCheck(t, "a.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if opts.format != report.FormatTable || opts.FailOn != "error" || opts.asOf.IsSet() || opts.kind != "" {
		t.Errorf("defaults %+v", opts)
	}
	if opts.Out == nil || opts.Err == nil || opts.In == nil {
		t.Error("streams not set")
	}
}

func TestCheckFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{}, "请指定要检查的台账文件"},
		{[]string{"a.xlsx", "--foo"}, "未知参数 --foo"},
		{[]string{"a.xlsx", "-x"}, "未知参数 -x"},
		{[]string{"a.xlsx", "--as-of"}, "参数 --as-of 需要一个值"},
		{[]string{"a.xlsx", "--as-of", "2025-13-01"}, "不是日期"},
		{[]string{"a.xlsx", "--as-of", "45000"}, "不是日期"},
		{[]string{"a.xlsx", "--as-of", "2025-06"}, "请写到日"},
		{[]string{"a.xlsx", "--format", "xlsx"}, "--format 的值“xlsx”无效"},
		{[]string{"a.xlsx", "--fail-on", "fatal"}, "--fail-on 的值“fatal”无效"},
		{[]string{"a.xlsx", "--kind", "other"}, "--kind 的值“other”无效"},
		{[]string{"a.xlsx", "-j", "two"}, "应为整数"},
		{[]string{"a.xlsx", "-j", "-1"}, "--jobs"},
		{[]string{"a.xlsx", "b.xlsx", "-o", "c.xlsx"}, "-o 只能用于一个台账"},
		{[]string{"a.xlsx", "-o", "c.xlsx", "--out-dir", "d"}, "只能用一个"},
		{[]string{"a.xlsx", "--no-annotate", "-o", "c.xlsx"}, "--no-annotate"},
	} {
		_, err := parseCheck(t, tt.args...)
		if err == nil {
			t.Errorf("%v: no error", tt.args)
			continue
		}
		if _, ok := err.(*usageError); !ok || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %T %q, want a usage error containing %q", tt.args, err, err, tt.want)
		}
		if exitCode(err, &bytes.Buffer{}, outfile.New()) != exitUsage {
			t.Errorf("%v: exit status not %d", tt.args, exitUsage)
		}
	}
}

func TestExitCode(t *testing.T) {
	var buf bytes.Buffer
	for err, want := range map[error]int{
		nil:                         exitOK,
		errFindings:                 exitFindings,
		errUnreadable:               exitUnreadable,
		usagef("坏"):                 exitUsage,
		&failure{code: 3, msg: "写"}: 3,
	} {
		if got := exitCode(err, &buf, outfile.New()); got != want {
			t.Errorf("exitCode(%v) = %d, want %d", err, got, want)
		}
	}
}
