package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"gongjian/report"
	"gongjian/rules"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.0".
var version = "dev"

// The exit statuses of SPEC §4.
const (
	exitOK         = 0 // nothing at or above --fail-on
	exitFindings   = 1 // findings at or above --fail-on
	exitUsage      = 2 // a bad flag or argument, or a rules file with errors
	exitUnreadable = 3 // an input that could not be read
)

// Errors the commands return; exitCode turns them into exit statuses. Their
// messages have been printed already (each file's on its own line), so main prints
// nothing more for them.
var (
	errFindings   = errors.New("findings at or above --fail-on")
	errUnreadable = errors.New("an input could not be read")
)

// usageError is a mistake in the command line; msg is one Chinese line saying what
// and how to get help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// failure is an error whose Chinese message is ready to print, with its exit status:
// a file that could not be written, say.
type failure struct {
	code int
	msg  string
}

func (e *failure) Error() string { return e.msg }

func init() {
	// A double-clicked gongjian.exe opens a console that closes at once; cobra shows
	// this text instead of running, so it has to say how the tool is meant to be run.
	cobra.MousetrapHelpText = "gongjian 是命令行工具，请在命令提示符或 PowerShell 中运行 gongjian，例如 gongjian check 台账.xlsx"
}

func main() {
	handleInterrupts(os.Stderr)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// handleInterrupts makes an interrupt (Ctrl-C, the scheduler's SIGTERM, a closed
// terminal) take away the half-written temporary files before the process exits, so
// only complete results are ever left in a folder; no new copy is started meanwhile.
// The exit status is 128 + the signal, as shells report it (130 for Ctrl-C).
func handleInterrupts(errOut io.Writer) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	// Under nohup (SIGHUP ignored) or started in the background by a script (SIGINT
	// ignored) the run must stay deaf to them: Notify would undo the ignoring.
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			signal.Notify(sig, s)
		}
	}
	go func() {
		s := <-sig
		interrupted.Store(true)
		clearProgress()
		report.RemoveTemporaryFiles()
		fmt.Fprintln(errOut, "已中断，未完成的检查结果文件已删除")
		code := 130
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
}

// run executes one command line and returns its exit status.
func run(args []string, in io.Reader, out, errOut io.Writer) (status int) {
	// A bug must not show a clerk a stack trace; each file's own panics are caught
	// nearer (checkFile), so this is for the rest.
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintln(errOut, "gongjian 发生内部错误，请把所用的命令和文件发给维护人员")
			status = exitUnreadable
		}
	}()
	root := newRootCmd(in, out, errOut)
	root.SetArgs(args)
	err := root.Execute()
	return exitCode(err, errOut)
}

// terminal reports whether w is a terminal, and whether to colour what goes there:
// only on a terminal, never when NO_COLOR is set (https://no-color.org), and on
// Windows only where the console understands colour codes.
func terminal(w io.Writer) (isTTY, color bool) {
	f, ok := w.(*os.File)
	if !ok {
		return false, false
	}
	isTTY = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	if _, noColor := os.LookupEnv("NO_COLOR"); noColor || !isTTY {
		return isTTY, false
	}
	return isTTY, enableColor(f)
}

// exitCode maps the error a command returned to an exit status, printing what the
// user has not been told yet. It is the one place exit statuses are decided.
func exitCode(err error, errOut io.Writer) int {
	if err == nil {
		return exitOK
	}
	var (
		usage    *usageError
		rulesErr *rules.FileError
		fail     *failure
	)
	switch {
	case errors.Is(err, errUnreadable):
		return exitUnreadable
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &usage):
		fmt.Fprintln(errOut, usage.msg)
		return exitUsage
	case errors.As(err, &rulesErr):
		fmt.Fprintln(errOut, rulesErr.Error())
		return exitUsage
	case errors.As(err, &fail):
		fmt.Fprintln(errOut, fail.msg)
		return fail.code
	}
	// Whatever else cobra returns is about the command line (its messages are English
	// and change between versions, so none is shown).
	fmt.Fprintln(errOut, "命令有误，运行 gongjian --help 查看用法")
	return exitUsage
}
