package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/inconshreveable/mousetrap"
	"github.com/mattn/go-isatty"

	"gongjian/internal/outfile"
	"gongjian/rules"
)

// The exit statuses (README.md, 退出状态).
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

func main() {
	// Started by a double click in Explorer (only ever true on Windows).
	if mousetrap.StartedByExplorer() {
		showExplorerHint(os.Stdin, os.Stdout)
		os.Exit(exitUsage)
	}
	ctx, stop := notifyInterrupts()
	files := outfile.New()
	done := make(chan int, 1)
	go func() { done <- run(ctx, files, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }()
	code := waitForRun(ctx, done, files, os.Stderr)
	stop()
	os.Exit(code)
}

// stopGrace is how long an interrupted run has to stop by itself. Reading and writing
// look at the context every few thousand rows or every megabyte and stop within
// milliseconds; only a call blocked outside the program (a network drive gone) takes
// longer, and then the process stops without it.
const stopGrace = 2 * time.Second

// waitForRun waits for the run's exit status. After an interrupt it waits stopGrace
// at most, then removes the temporary files itself and gives the interrupt's status.
func waitForRun(ctx context.Context, done <-chan int, files *outfile.Files, errOut io.Writer) int {
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	select {
	case code := <-done:
		return code
	case <-time.After(stopGrace):
		return exitCode(context.Cause(ctx), errOut, files)
	}
}

// run executes one command line and returns its exit status. When ctx is cancelled
// (an interrupt) the command stops reading and writing, its temporary files are
// removed, and the status is the interrupt's.
func run(ctx context.Context, files *outfile.Files, args []string, in io.Reader, out, errOut io.Writer) (status int) {
	// A bug must not show a clerk a stack trace; each file's own panics are caught
	// nearer (checkFile), so this is for the rest.
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintln(errOut, "gongjian 发生内部错误，请把所用的命令和文件发给维护人员")
			status = exitUnreadable
		}
	}()
	root := newRootCmd(in, out, errOut, files)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if ctx.Err() != nil {
		// Whatever the command made of it, the run was stopped from outside.
		err = context.Cause(ctx)
	}
	return exitCode(err, errOut, files)
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
func exitCode(err error, errOut io.Writer, files *outfile.Files) int {
	if err == nil {
		return exitOK
	}
	var (
		usage    *usageError
		rulesErr *rules.FileError
		fail     *failure
		stopped  *interruption
	)
	switch {
	case errors.As(err, &stopped):
		// Said once, however many ways the interrupt reaches here.
		if files.Abort() {
			fmt.Fprintln(errOut, "已中断，未完成的检查结果文件已删除")
		}
		return stopped.status()
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
