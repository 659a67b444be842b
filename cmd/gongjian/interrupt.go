package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruption is why a run was stopped from outside: a signal. It is the cause of
// the run's context, and exitCode turns it into the status shells give a process
// killed by that signal (130 for Ctrl-C, 143 for SIGTERM, 141 for a closed pipe).
type interruption struct {
	sig os.Signal
}

func (e *interruption) Error() string { return "interrupted by " + e.sig.String() }

func (e *interruption) status() int {
	if n, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// notifyInterrupts returns a context cancelled, with an *interruption as its cause,
// when the process is told to stop: Ctrl-C, the scheduler's SIGTERM, a closed
// terminal (SIGHUP), Ctrl-\\ (SIGQUIT), an abort (SIGABRT), or the reader of its
// output gone (SIGPIPE, `| head`). Taking them all means every one of them removes
// the temporary files; only SIGKILL cannot be caught. stop releases the signals.
func notifyInterrupts() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGPIPE)
	// Under nohup (SIGHUP ignored) or started in the background by a script (SIGINT
	// ignored) the run must stay deaf to them: Notify would undo the ignoring.
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			signal.Notify(sig, s)
		}
	}
	go func() {
		select {
		case s := <-sig:
			cancel(&interruption{sig: s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		cancel(nil)
	}
}

// brokenPipe is the interruption of a run whose output's reader has gone: the
// write failed with EPIPE, and the SIGPIPE that comes with it may not have been
// handled yet.
func brokenPipe() error { return &interruption{sig: syscall.SIGPIPE} }
