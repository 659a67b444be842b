package rules

import "gongjian/ledger"

// Progress is where one project stands at the as-of date: started or not, overdue to
// start, its 完成率 against 序时进度 (or its own plan to date) and the light that
// gives. It is worked out in one place (progressJudge.of) for check's overdue-start and
// behind-schedule findings and for every list of the report — 重点项目, 滞后项目清单 —
// so no section can give a project a light another section or check does not.
type Progress struct {
	Started    bool
	Terminated bool
	// Overdue: not started and its 计划开工时间 has passed (an overdue-start finding).
	Overdue bool
	// HasRate: the project has a 年度计划投资 above zero and a readable 本年完成投资;
	// Rate is their quotient.
	HasRate bool
	Rate    ledger.Rate
	// Judged: the project should be under way (started, or past its planned start),
	// so its 完成率 is held against Schedule — its own plan to date when the ledger
	// gives one (OwnPlan), else 序时进度 — Gap being the difference in 个百分点,
	// exactly (negative when behind), and Light its mark. A project not yet due to
	// start has no light: a plan for the second half of the year is not behind in May.
	Judged   bool
	Schedule ledger.Rate
	OwnPlan  bool
	Gap      ledger.Rate
	Light    Light
	// NotDue: not started, and its planned start is still ahead or not given.
	NotDue    bool
	PlanStart ledger.Date
}

// Behind reports whether the project lags its schedule by the yellow or red points (a
// behind-schedule finding, and a line of the report's 滞后项目清单).
func (p Progress) Behind() bool { return p.Judged && (p.Light == LightYellow || p.Light == LightRed) }

// Lag is how many 个百分点 the project is behind its schedule, exactly (negative when
// ahead).
func (p Progress) Lag() ledger.Rate { return ledger.NewRate(0, 1).Sub(p.Gap) }

// progressJudge holds what judging a project's progress needs from its ledger.
type progressJudge struct {
	r           *Rules
	asOf        ledger.Date
	schedule    ledger.Rate // 序时进度 at the as-of date
	scheduleF   float64     // the same, for a first look that allocates nothing
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
		j.scheduleF = j.schedule.Float()
	}
	return j
}

// quickMargin is how far below the yellow line, in 个百分点, a float look may call a
// project on schedule without the exact figures: more than the 0.05 that rounding to
// one decimal can add, and far more than a float's error.
const quickMargin = 0.06

// of judges one project; started is whether it had started by the as-of date
// (Rules.StartedBy). quick spares the exact figures of a project a float look finds
// clearly on schedule (check's findings need only its light); the report asks for
// them all.
func (j *progressJudge) of(p *ledger.Project, started, quick bool) Progress {
	pg := Progress{Started: started, Terminated: p.Nature == NatureTerminated, PlanStart: p.PlanStart}
	if pg.Terminated {
		return pg
	}
	planPassed := p.PlanStart.IsSet() && j.asOf.IsSet() && p.PlanStart.Compare(j.asOf) < 0
	// A 续建 project with no planned date is due to resume from the year's start (the
	// first quarter's 续建复工率 holds it): not resumed, it is judged, though no
	// planned start has passed to call overdue.
	resumeDue := p.Nature == NatureContinuing && !p.PlanStart.IsSet()
	// A ledger that says nothing of starts (a table of investment only) holds every
	// project to its schedule unless a planned start is still ahead: it reports the
	// projects as under way.
	due := started || planPassed || !p.PlanStart.IsSet() && (resumeDue || !j.startKnown)
	pg.Overdue = !started && j.startKnown && planPassed
	pg.NotDue = !due
	hasRate := j.hasDone && p.Plan.Sign() > 0 && !j.badDone(p.Row)
	if !hasRate {
		return pg
	}
	pg.HasRate = true
	if !j.hasSchedule || !due {
		pg.Rate = ledger.AmountRate(p.Done, p.Plan)
		return pg
	}
	pg.Judged = true
	if quick {
		scheduleF := j.scheduleF
		if ptd := p.Amount(ledger.FieldPlanToDate); ptd.IsSet() {
			scheduleF = float64(ptd.Units()) / float64(p.Plan.Units())
		}
		rate := float64(p.Done.Units()) / float64(p.Plan.Units())
		if (scheduleF-rate)*100 < j.r.Alerts.ScheduleLagPoints.Yellow-quickMargin {
			pg.Light = LightGreen
			return pg
		}
	}
	pg.Rate = ledger.AmountRate(p.Done, p.Plan)
	pg.Schedule, pg.OwnPlan = ProjectSchedule(p, j.schedule)
	pg.Gap = pg.Rate.Sub(pg.Schedule).Points()
	pg.Light = j.r.LightFor(pg.Rate, pg.Schedule)
	return pg
}

// Progress is where the ledger's project i (an index into Ledger.Projects) stands, as
// check judged it, with its exact figures; the zero Progress for a result Evaluate did
// not make.
func (r *Result) Progress(i int) Progress {
	if r.progress == nil || r.Ledger == nil || i < 0 || i >= len(r.Ledger.Projects) {
		return Progress{}
	}
	p := &r.Ledger.Projects[i]
	return r.progress.of(p, r.progress.r.StartedBy(p, r.AsOf), false)
}
