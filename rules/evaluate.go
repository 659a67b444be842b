package rules

import (
	"sort"

	"gongjian/ledger"
)

// Options steer Evaluate.
type Options struct {
	// AsOf is the as-of date the user gave (--as-of); zero means the ledger's own AsOf.
	AsOf ledger.Date
	// AsOfSource says where AsOf came from; ledger.AsOfFlag when empty.
	AsOfSource ledger.AsOfSource
}

// Evaluate checks a ledger against the rules: the figures and targets of docs/统计口径.md and
// every finding, sorted by row, column and rule. A nil r means the default rules.
// It runs in one pass over the projects, so a 100,000-row ledger costs little more
// than reading it.
func Evaluate(l *ledger.Ledger, r *Rules, opts Options) *Result {
	if r == nil {
		r = Default()
	}
	e := newEvaluation(l, r, opts)
	kind := e.kindChecks()

	e.problemFindings()
	e.nameColumnFinding()
	kind.checkColumns()
	dups := newDuplicates(len(l.Projects))
	for i := range l.Projects {
		p := &l.Projects[i]
		counted := !e.generalProjectChecks(i, p, dups)
		if !counted {
			e.res.repeats = append(e.res.repeats, i)
		}
		kind.checkProject(i, p, counted)
	}
	e.totalFindings()
	kind.finish()
	e.noProjectsFinding()

	sortFindings(e.res.Findings)
	return e.res
}

// kindChecks are the checks and figures particular to one kind of ledger; the
// general checks (unreadable cells, names, negatives, duplicates, totals) run for
// every kind beside them.
type kindChecks interface {
	checkColumns() // missing-column findings for the fields this kind needs
	// checkProject makes a project's findings and, when counted, adds it to the tallies
	// (a repeat of an earlier project is checked but counted once, as the first).
	checkProject(i int, p *ledger.Project, counted bool)
	finish() // counts, metrics, groups, targets
}

func (e *evaluation) kindChecks() kindChecks {
	switch e.l.Kind {
	case ledger.KindRongzi:
		return newRongziChecks(e)
	default:
		// A ledger whose kind was not decided is read as the commoner 开复工台账.
		return newKaifugongChecks(e)
	}
}

// evaluation is the state shared by the checks of one Evaluate call.
type evaluation struct {
	l         *ledger.Ledger
	r         *Rules
	res       *Result
	asOf      ledger.Date // day precision, or zero when neither the user nor the ledger gave one
	year      int
	headerRow int // where findings about the whole sheet point
	cols      map[ledger.Field]int
	// problemCells are the cells the reader could not read, so that the checks do not
	// pile a second finding on a cell already marked bad-number or bad-date.
	problemCells map[[2]int]bool
}

func newEvaluation(l *ledger.Ledger, r *Rules, opts Options) *evaluation {
	e := &evaluation{l: l, r: r, res: &Result{Ledger: l, rules: r}}
	switch {
	case opts.AsOf.IsSet():
		e.res.AsOf, e.res.AsOfSource = opts.AsOf, opts.AsOfSource
		if e.res.AsOfSource == "" {
			e.res.AsOfSource = ledger.AsOfFlag
		}
	default:
		e.res.AsOf, e.res.AsOfSource = l.AsOf, l.AsOfSource
	}
	// A month ("--as-of 2025-05") means its last day.
	if e.res.AsOf.IsSet() && !e.res.AsOf.HasDay() {
		e.res.AsOf = e.res.AsOf.MonthEnd()
	}
	e.asOf = e.res.AsOf
	e.year = l.Year
	if e.year == 0 {
		e.year = int(e.asOf.Year)
	}
	e.headerRow = 1
	if len(l.HeaderRows) > 0 {
		e.headerRow = l.HeaderRows[0]
	}
	e.cols = make(map[ledger.Field]int, len(l.Columns))
	for _, c := range l.Columns {
		if _, seen := e.cols[c.Field]; !seen && c.Field != "" {
			e.cols[c.Field] = c.Index
		}
	}
	if len(l.Problems) > 0 {
		e.problemCells = make(map[[2]int]bool, len(l.Problems))
		for _, p := range l.Problems {
			e.problemCells[[2]int{p.Row, p.Col}] = true
		}
	}
	return e
}

// col is the column index of a field's cell, or -1 when the ledger has no such column.
// A single "开工/计划开工时间" column stands in for both start dates.
func (e *evaluation) col(f ledger.Field) int {
	if i, ok := e.cols[f]; ok {
		return i
	}
	if f == ledger.FieldActualStart || f == ledger.FieldPlanStart {
		if i, ok := e.cols[ledger.FieldStartEither]; ok {
			return i
		}
	}
	return -1
}

func (e *evaluation) has(f ledger.Field) bool { return e.col(f) >= 0 }

// hasDone reports whether 本年完成投资 is known: a year-to-date column, or one column
// per month whose sum the reader puts in Done.
func (e *evaluation) hasDone() bool {
	if e.has(ledger.FieldDone) {
		return true
	}
	for _, c := range e.l.Columns {
		if c.Field == ledger.FieldMonthDone && c.Month > 0 {
			return true
		}
	}
	return false
}

// badCell reports whether the reader could not read the field's cell in row.
func (e *evaluation) badCell(row int, f ledger.Field) bool {
	if e.problemCells == nil {
		return false
	}
	c := e.col(f)
	return c >= 0 && e.problemCells[[2]int{row, c}]
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Rule < b.Rule
	})
}
