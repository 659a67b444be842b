package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report"
	"gongjian/report/annotate"
	"gongjian/rules"
)

// A batch checks the files of one run, -j at a time, and writes each file's result
// as soon as the formats allow: jsonl as each file finishes, the others in the order
// of the command line (then of the folder walk), whatever finished first.
//
// A run that holds both 开复工台账 and 融资需求台账 must join them (rules.Join) before
// anything is annotated or written, since the join adds findings to both. Whether a
// run may hold a 融资需求台账 is learnt first, cheaply, from each file's header
// (ledger.PeekKind); without one, every file goes read → evaluate → annotate → output
// on its own as soon as it can.

// batch is one run of gongjian check over its inputs.
type batch struct {
	opts  *checkOptions
	rules *rules.Rules
	ins   []input
	outs  []outputPlan // per input: where its annotated copy goes
	w     report.Writer
	prog  *progress

	// ctx is the run's, cancelled also when stdout's reader has gone (stop).
	ctx  context.Context
	stop context.CancelCauseFunc

	early []error // per input, when peeked: the error PeekKind gave, which Read would give again

	// beforeCopy, when set (by tests), is called with each input's path between its
	// reading and the writing of its copy.
	beforeCopy func(path string)
	// beforeRead, when set (by tests), is called with each input's index before it is
	// read.
	beforeRead func(i int)

	// Written by the collecting goroutine only.
	pending  []*finished // finished, waiting for the files before them (ordered formats)
	next     int         // the next input to write
	stats    batchStats
	writeErr error
}

// finished is one file done: its outcome and, if its annotated copy could not be
// written, why.
type finished struct {
	i        int
	o        report.Outcome
	src      *ledger.File // the open file read, until its copy is written
	annotErr error
	kept     string      // the file that held the copy's name and was left alone
	kind     ledger.Kind // what PeekKind saw, when peeking
}

// batchStats are the counts of the closing summary.
type batchStats struct {
	files, checked, withErrors, unreadable, unwritten int
	errors, warnings                                  int  // findings of the files checked
	failing                                           bool // findings at or above --fail-on
}

func newBatch(opts *checkOptions, r *rules.Rules, ins []input, outs []outputPlan, prog *progress, w report.Writer) *batch {
	ctx, stop := context.WithCancelCause(opts.ctx)
	return &batch{opts: opts, rules: r, ins: ins, outs: outs, prog: prog, w: w, ctx: ctx, stop: stop}
}

// stopped is the cause of the run's stop, or nil when it ran to its end.
func (b *batch) stopped() error {
	if b.ctx.Err() != nil {
		return context.Cause(b.ctx)
	}
	return nil
}

func (b *batch) run() {
	n := len(b.ins)
	b.pending = make([]*finished, n)
	b.stats.files = n

	if !b.mayJoin() {
		b.prog.phase("检查台账", n)
		b.parallel(n, func(i int) finished {
			f := b.check(i)
			b.annotate(&f)
			return f
		}, b.collect)
		return
	}

	b.prog.phase("检查台账", n)
	read := make([]finished, n)
	b.parallel(n, b.check, func(f finished) {
		read[f.i] = f
		b.prog.step(displayPath(b.ins[f.i]))
	})
	outcomes := make([]report.Outcome, n)
	for i := range read {
		outcomes[i] = read[i].o
	}
	join(outcomes)
	label := "写出结果"
	if !b.opts.NoAnnotate {
		label = "写出检查结果"
	}
	b.prog.phase(label, n)
	b.parallel(n, func(i int) finished {
		f := read[i]
		read[i].src = nil // annotate closes it
		f.o = outcomes[i]
		b.annotate(&f)
		return f
	}, b.collect)
	// Files not reached (the run was stopped) are closed too.
	for _, f := range read {
		if f.src != nil {
			f.src.Close()
		}
	}
}

// mayJoin reports whether the run may hold both kinds of ledger, and so must read
// everything before writing anything. It peeks at the headers of the files when
// that can matter: several files and no --kind. A file PeekKind cannot read keeps
// that error, and is not read again.
func (b *batch) mayJoin() bool {
	if b.opts.kind != "" {
		return false
	}
	var todo []int
	for i, in := range b.ins {
		if in.err == nil {
			todo = append(todo, i)
		}
	}
	if len(todo) < 2 {
		return false
	}
	rongzi := false
	b.early = make([]error, len(b.ins))
	b.prog.phase("识别台账", len(todo))
	b.parallel(len(todo), func(k int) (f finished) {
		f.i = todo[k]
		defer func() {
			// Read meets the same bug later and reports it for the file.
			recover()
		}()
		f.kind, f.o.Err = ledger.PeekKind(b.ins[f.i].path, b.opts.readOptions())
		return f
	}, func(f finished) {
		b.early[f.i] = f.o.Err
		// PeekKind may call a 开复工台账 with a one-column start date a 融资需求台账,
		// never the other way round: a run it sees without one holds none.
		if f.kind == ledger.KindRongzi {
			rongzi = true
		}
		b.prog.step(displayPath(b.ins[f.i]))
	})
	return rongzi
}

// join cross-checks the run's 融资需求台账 against its 开复工台账, in run order, when
// it has both.
func join(outcomes []report.Outcome) {
	var kf, rz []*rules.Result
	for _, o := range outcomes {
		if o.Failed() || o.Result.Ledger == nil {
			continue
		}
		switch o.Result.Ledger.Kind {
		case ledger.KindKaifugong:
			kf = append(kf, o.Result)
		case ledger.KindRongzi:
			rz = append(rz, o.Result)
		}
	}
	if len(kf) > 0 && len(rz) > 0 {
		rules.Join(kf, rz)
	}
}

// parallel runs work for 0..n-1 on -j goroutines and hands each result to done, on
// the calling goroutine, in the order they finish.
func (b *batch) parallel(n int, work func(i int) finished, done func(finished)) {
	jobs := min(b.opts.jobs(), n)
	next := make(chan int)
	results := make(chan finished)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results <- work(i)
			}
		}()
	}
	go func() {
		// A stopped run starts no more files.
	feed:
		for i := range n {
			select {
			case next <- i:
			case <-b.ctx.Done():
				break feed
			}
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	for f := range results {
		done(f)
	}
}

// check reads and evaluates one input, or gives the error already known for it.
func (b *batch) check(i int) finished {
	in := b.ins[i]
	switch {
	case in.err != nil:
		return finished{i: i, o: report.Outcome{File: in.path, Err: in.err}}
	case i < len(b.early) && b.early[i] != nil:
		return finished{i: i, o: report.Outcome{File: in.path, Err: b.early[i]}}
	}
	if b.beforeRead != nil {
		b.beforeRead(i)
	}
	o, src := checkFile(b.ctx, in.path, b.rules, b.opts)
	return finished{i: i, o: o, src: src}
}

// annotate writes the annotated copy of a checked file, unless --no-annotate, from
// the file as it was read, and closes that. A panic in it is the file's failure, not
// the run's.
func (b *batch) annotate(f *finished) {
	defer func() {
		if f.src != nil {
			f.src.Close()
			f.src = nil
		}
	}()
	o := &f.o
	if b.opts.NoAnnotate || o.Failed() {
		return
	}
	plan := b.outs[f.i]
	if plan.refused != nil {
		f.annotErr = plan.refused
		return
	}
	if b.beforeCopy != nil {
		b.beforeCopy(o.File)
	}
	defer func() {
		if p := recover(); p != nil {
			f.annotErr = fmt.Errorf("%s：写出检查结果时发生内部错误，请把此文件和所用命令发给维护人员", shown(o.File))
		}
	}()
	if sameFile(plan.path, o.File) {
		f.annotErr = fmt.Errorf("%s：检查结果不能写到台账本身，请用 -o 指定另一个文件名", shown(o.File))
		return
	}
	// A folder named by -o or --out-dir (or one below --out-dir) is made if need be.
	if err := os.MkdirAll(filepath.Dir(plan.path), 0o755); err != nil {
		f.annotErr = annotateFailure(o.File, &outfile.WriteError{Path: filepath.Dir(plan.path), Err: err})
		return
	}
	placed, err := b.opts.files.Write(b.ctx, b.opts.outputTarget(plan.path, f.src.Perm()), func(w io.Writer) error {
		return annotate.Annotate(b.ctx, w, o.Result, f.src)
	})
	if err != nil {
		f.annotErr = annotateFailure(o.File, err)
		return
	}
	o.Annotated, f.kept = placed.Path, placed.Kept
}

// collect takes one finished file and writes what can be written: this file for
// jsonl, else every file whose turn has come.
func (b *batch) collect(f finished) {
	if b.ctx.Err() != nil {
		return // stopped: nothing more is said or written
	}
	b.prog.step(displayPath(b.ins[f.i]))
	if b.opts.format == report.FormatJSONL {
		b.emit(f)
		return
	}
	b.pending[f.i] = &f
	for b.next < len(b.pending) && b.pending[b.next] != nil {
		b.emit(*b.pending[b.next])
		b.pending[b.next] = nil
		b.next++
	}
}

// emit writes one file's result: its output, then its lines on stderr, so that on a
// terminal the line saying where the annotated copy went comes after the file's
// tables, not above them off the screen.
func (b *batch) emit(f finished) {
	o := f.o
	st := &b.stats
	var lines []string
	switch {
	case o.Failed():
		st.unreadable++
		lines = append(lines, o.ErrorMessage())
	default:
		st.checked++
		if o.Result.Worst() == rules.SeverityError {
			st.withErrors++
		}
		for _, fd := range o.Result.Findings {
			if fd.Severity == rules.SeverityError {
				st.errors++
			} else {
				st.warnings++
			}
		}
		if fails(o.Result, b.opts.FailOn) {
			st.failing = true
		}
	}
	switch {
	case f.annotErr != nil:
		st.unwritten++
		lines = append(lines, f.annotErr.Error())
	case f.kept != "":
		lines = append(lines, fmt.Sprintf("带批注的检查结果已写入 %s（%s 已存在，且不是本工具生成后未经改动的文件，没有覆盖）", shown(o.Annotated), shown(f.kept)))
	case o.Annotated != "":
		lines = append(lines, "带批注的检查结果已写入 "+shown(o.Annotated))
	}
	if b.writeErr == nil {
		b.toStdout(func() { b.writeErr = b.w.Write(o) })
		if errors.Is(b.writeErr, syscall.EPIPE) {
			// The reader of stdout has gone (`| head`): stop, as SIGPIPE would.
			b.stop(brokenPipe())
		}
	}
	for _, line := range lines {
		b.prog.println(line)
	}
}

// toStdout runs a write to stdout, with the progress line cleared first when stdout
// is the terminal it is drawn on.
func (b *batch) toStdout(write func()) {
	if b.opts.IsTTY {
		b.prog.do(write)
		return
	}
	write()
}

// summary is the closing line of a run over several files: one line, the last a
// terminal shows (the table's own closing line is left out there, see runCheck).
func (s batchStats) summary() string {
	line := fmt.Sprintf("检查完毕：共 %d 个文件，已检查 %d 个（%d 个有错误），无法读取 %d 个", s.files, s.checked, s.withErrors, s.unreadable)
	if s.unwritten > 0 {
		line += fmt.Sprintf("，检查结果未能写出 %d 个", s.unwritten)
	}
	return line + fmt.Sprintf("；错误 %d 条，警告 %d 条。", s.errors, s.warnings)
}

// readOptions are the ledger options of the run.
func (opts *checkOptions) readOptions() ledger.Options {
	return ledger.Options{Sheet: opts.Sheet, Kind: opts.kind, AsOf: opts.asOf, UnzipLimit: opts.MaxUnzipMB << 20, Columns: opts.columns}
}

// jobs is -j, or the number of CPUs.
func (opts *checkOptions) jobs() int {
	if opts.Jobs > 0 {
		return opts.Jobs
	}
	return defaultJobs()
}

// displayPath is how a file is shown in the progress line: its name under the folder
// that was given.
func displayPath(in input) string {
	if in.root == "" {
		return in.path
	}
	if rel, err := filepath.Rel(in.root, in.path); err == nil {
		return rel
	}
	return in.path
}
