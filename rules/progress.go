package rules

import "gongjian/ledger"

// Progress is where one project stands at the as-of date: started or not, overdue to
// start, its 完成率 against 序时进度 and the light that gives. It is worked out in one
// place (progressJudge.of) for check's overdue-start and behind-schedule findings and
// for every list of the report — 重点项目, 滞后项目清单 — so no section can give a
// project a light another section or check does not.
type Progress struct {
	Started    bool
	Terminated bool
	// Overdue: not started and its 计划开工时间 has passed (an overdue-start finding).
	Overdue bool
	// HasRate: the project has a 年度计划投资 above zero and a readable 本年完成投资;
	// Rate is their quotient.
	HasRate bool
	Rate    float64
	// Judged: the project should be under way (started, or past its planned start),
	// so its 完成率 is held against 序时进度: Gap is the difference as shown (个百分点,
	// negative when behind) and Light its mark. A project not yet due to start has
	// no light: a plan for the second half of the year is not behind in May.
	Judged bool
	Gap    float64
	Light  Light
	// NotDue: not started, and its planned start is still ahead or not given.
	NotDue    bool
	PlanStart ledger.Date
}

// Behind reports whether the project lags 序时进度 by the yellow or red points (a
// behind-schedule finding, and a line of the report's 滞后项目清单).
func (p Progress) Behind() bool { return p.Judged && p.Light != LightGreen }

// progressJudge holds what judging a project's progress needs from its ledger.
type progressJudge struct {
	r           *Rules
	asOf        ledger.Date
	schedule    float64
	hasSchedule bool
	hasDone     bool // a 本年完成投资 column, or month columns summing to it
	startKnown  bool // a 实际开工时间 or 开工状态 column: overdue starts can be told
	avail       availability
	// badDone says whether the reader could not read a row's 本年完成投资.
	badDone func(row int) bool
}

func newProgressJudge(e *evaluation, av availability) *progressJudge {
	j := &progressJudge{r: e.r, asOf: e.asOf, hasDone: e.hasDone(), startKnown: av.start, avail: av,
		badDone: func(row int) bool { return e.badCell(row, ledger.FieldDone) }}
	if e.asOf.IsSet() {
		j.schedule, j.hasSchedule = e.r.ScheduleAt(e.asOf, e.year), true
	}
	return j
}

// of judges one project; started is whether it had started by the as-of date
// (Rules.StartedBy).
func (j *progressJudge) of(p *ledger.Project, started bool) Progress {
	pg := Progress{Started: started, Terminated: p.Nature == NatureTerminated, PlanStart: p.PlanStart}
	if pg.Terminated {
		return pg
	}
	planPassed := p.PlanStart.IsSet() && j.asOf.IsSet() && p.PlanStart.Compare(j.asOf) < 0
	pg.Overdue = !started && j.startKnown && planPassed
	pg.NotDue = !started && !planPassed
	if j.hasDone && p.Plan.Sign() > 0 && !j.badDone(p.Row) {
		pg.HasRate = true
		pg.Rate = float64(p.Done.Units()) / float64(p.Plan.Units())
	}
	if pg.HasRate && j.hasSchedule && (started || planPassed) {
		pg.Judged = true
		pg.Gap = ShownPoints(pg.Rate - j.schedule)
		pg.Light = j.r.LightFor(pg.Rate, j.schedule)
	}
	return pg
}

// Progress is where the ledger's project i (an index into Ledger.Projects) stands, as
// check judged it; the zero Progress for a result Evaluate did not make.
func (r *Result) Progress(i int) Progress {
	if r.progress == nil || r.Ledger == nil || i < 0 || i >= len(r.Ledger.Projects) {
		return Progress{}
	}
	p := &r.Ledger.Projects[i]
	return r.progress.of(p, r.progress.r.StartedBy(p, r.AsOf))
}
