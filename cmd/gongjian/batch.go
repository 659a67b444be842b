package main

import (
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"

	"gongjian/ledger"
	"gongjian/report"
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

	early []error // per input, when peeked: the error PeekKind gave, which Read would give again

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
	annotErr error
	kind     ledger.Kind // what PeekKind saw, when peeking
}

// batchStats are the counts of the closing summary.
type batchStats struct {
	files, checked, withErrors, unreadable, unwritten int
	failing                                           bool // findings at or above --fail-on
}

// interrupted is set when the process is told to stop; no annotated copy is started
// after it.
var interrupted atomic.Bool

func (b *batch) run() {
	n := len(b.ins)
	b.pending = make([]*finished, n)
	b.stats.files = n

	if !b.mayJoin() {
		b.prog.phase("检查台账", n)
		b.parallel(n, func(i int) finished {
			f := finished{i: i, o: b.check(i)}
			f.annotErr = b.annotate(i, &f.o)
			return f
		}, b.collect)
		return
	}

	b.prog.phase("检查台账", n)
	outcomes := make([]report.Outcome, n)
	b.parallel(n, func(i int) finished {
		return finished{i: i, o: b.check(i)}
	}, func(f finished) {
		outcomes[f.i] = f.o
		b.prog.step(displayPath(b.ins[f.i]))
	})
	join(outcomes)
	label := "写出结果"
	if !b.opts.NoAnnotate {
		label = "写出检查结果"
	}
	b.prog.phase(label, n)
	b.parallel(n, func(i int) finished {
		f := finished{i: i, o: outcomes[i]}
		f.annotErr = b.annotate(i, &f.o)
		return f
	}, b.collect)
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
		for i := range n {
			next <- i
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
func (b *batch) check(i int) report.Outcome {
	in := b.ins[i]
	switch {
	case in.err != nil:
		return report.Outcome{File: in.path, Err: in.err}
	case i < len(b.early) && b.early[i] != nil:
		return report.Outcome{File: in.path, Err: b.early[i]}
	}
	return checkFile(in.path, b.rules, b.opts)
}

// annotate writes the annotated copy of a checked file, unless --no-annotate; a
// panic in it is the file's failure, not the run's.
func (b *batch) annotate(i int, o *report.Outcome) (err error) {
	if b.opts.NoAnnotate || o.Failed() {
		return nil
	}
	plan := b.outs[i]
	if plan.refused != nil {
		return plan.refused
	}
	if interrupted.Load() {
		return fmt.Errorf("%s：已中断，没有写出检查结果", o.File)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s：写出检查结果时发生内部错误，请把此文件和所用命令发给维护人员", o.File)
		}
	}()
	return annotate(o, plan.path)
}

// collect takes one finished file and writes what can be written: this file for
// jsonl, else every file whose turn has come.
func (b *batch) collect(f finished) {
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

// emit writes one file's result: its lines on stderr, then its output.
func (b *batch) emit(f finished) {
	o := f.o
	st := &b.stats
	switch {
	case o.Failed():
		st.unreadable++
		b.prog.println(o.ErrorMessage())
	default:
		st.checked++
		if o.Result.Worst() == rules.SeverityError {
			st.withErrors++
		}
		if fails(o.Result, b.opts.FailOn) {
			st.failing = true
		}
	}
	switch {
	case f.annotErr != nil:
		st.unwritten++
		b.prog.println(f.annotErr.Error())
	case o.Annotated != "":
		b.prog.println("带批注的检查结果已写入 " + o.Annotated)
	}
	if b.writeErr != nil {
		return
	}
	b.toStdout(func() { b.writeErr = b.w.Write(o) })
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

// summary is the closing line of a run over several files.
func (s batchStats) summary() string {
	line := fmt.Sprintf("检查完毕：共 %d 个文件，已检查 %d 个（%d 个有错误），无法读取 %d 个", s.files, s.checked, s.withErrors, s.unreadable)
	if s.unwritten > 0 {
		line += fmt.Sprintf("，检查结果未能写出 %d 个", s.unwritten)
	}
	return line + "。"
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
