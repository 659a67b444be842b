package rules

import (
	"gongjian/ledger"
)

// natureKind is a project's 建设性质 as the counts see it.
type natureKind uint8

const (
	natureOther natureKind = iota // empty or not recognised: in no rate's denominator
	natureNew
	natureContinuing
	natureTerminated
	natureReserve // 预备/储备/前期: listed, counted apart, in no start rate
)

func natureOf(p *ledger.Project) natureKind {
	switch p.Nature {
	case NatureNew:
		return natureNew
	case NatureContinuing:
		return natureContinuing
	case NatureTerminated:
		return natureTerminated
	case NatureReserve:
		return natureReserve
	}
	return natureOther
}

// projectState is what one pass over a project works out once and every check and
// tally reuses.
type projectState struct {
	nature natureKind
	// statusStarted: the 开工状态 cell says started; statusKnown: it says either way.
	statusStarted, statusKnown bool
	// started[s] says whether the project had started by date slot s (slot 0 is the
	// as-of date); the slice is a buffer reused from project to project.
	started []bool
	// due[s] says whether it was due to start by slot s's milestone (started, or
	// planned by then): a group's start targets count only those.
	due []bool
}

// startedNow reports whether the project had started by the as-of date.
func (s *projectState) startedNow() bool { return s.started[0] }

// availability says which metrics the ledger's columns allow at all.
type availability struct {
	nature     bool // a 建设性质 column, or section rows giving it
	start      bool // a 实际开工时间 or a 开工状态 column
	investment bool // both 年度计划投资 and 本年完成投资
}

// startCounts are, at one date slot, the projects started and the projects due to
// start by then (started, or planned to): a group's start targets count only those.
type startCounts struct {
	started, due natureCounts
}

// natureCounts count projects by 建设性质: all is 开复工率's count (新建 and 续建, or
// every project when the ledger gives no 建设性质).
type natureCounts struct {
	new, continuing, all int
}

func (c *natureCounts) add(nature natureKind, natureKnown bool) {
	switch {
	case nature == natureNew:
		c.new++
		c.all++
	case nature == natureContinuing:
		c.continuing++
		c.all++
	case !natureKnown:
		// Without 建设性质 every project is in 开复工率's denominator.
		c.all++
	}
}

// tally is the running figures of one scope (the ledger, or one group) restricted to
// one filter (a target's where clause; filter 0 is every project).
type tally struct {
	counts  Counts // the date-independent counts; started counts are in at
	amounts Amounts
	// rate sums leave 终止 projects out, as every rate does.
	ratePlan, rateDone ledger.Amount
	at                 []startCounts // per date slot
}

func (t *tally) add(p *ledger.Project, st *projectState, natureKnown bool) {
	t.counts.Projects++
	t.amounts.Total = t.amounts.Total.Add(p.Total)
	t.amounts.AnnualPlan = t.amounts.AnnualPlan.Add(p.Plan)
	t.amounts.Done = t.amounts.Done.Add(p.Done)
	if st.nature == natureTerminated {
		t.counts.Terminated++
		return
	}
	t.ratePlan = t.ratePlan.Add(p.Plan)
	t.rateDone = t.rateDone.Add(p.Done)
	switch st.nature {
	case natureNew:
		t.counts.New++
	case natureContinuing:
		t.counts.Continuing++
	case natureReserve:
		t.counts.Reserve++
		return // not expected to start this year: in no start rate
	}
	for s := range st.started {
		if st.started[s] {
			t.at[s].started.add(st.nature, natureKnown)
		}
		if st.due[s] {
			t.at[s].due.add(st.nature, natureKnown)
		}
	}
}

// countsAt are the counts with the started figures of date slot s.
func (t *tally) countsAt(s int) Counts {
	c := t.counts
	c.NewStarted = t.at[s].started.new
	c.ContinuingResumed = t.at[s].started.continuing
	c.Started = t.at[s].started.all
	return c
}

// countsKnown are the counts at the as-of date, marked with what the ledger's columns
// leave unknown.
func (t *tally) countsKnown(av availability) Counts {
	c := t.countsAt(0)
	c.NatureUnknown, c.StartUnknown = !av.nature, !av.start
	return c
}

// countRate is a count metric's numerator and denominator at date slot s; ok is false
// for a metric that is not a count.
func (t *tally) countRate(metric string, s int, av availability) (num, den int, ok bool) {
	c := t.countsAt(s)
	switch metric {
	case MetricNewStartRate:
		return c.NewStarted, c.New, true
	case MetricContinuingResumeRate:
		return c.ContinuingResumed, c.Continuing, true
	case MetricStartRate:
		if !av.nature {
			return c.Started, c.Projects, true
		}
		return c.Started, c.New + c.Continuing, true
	}
	return 0, 0, false
}

// dueRate is countRate over the projects due to start by date slot s's milestone:
// how a group's start targets are judged, so a 部门 whose one new project is planned
// for July has no 一季度 target to miss.
func (t *tally) dueRate(metric string, s int, av availability) (num, den int, ok bool) {
	c, at := t.countsAt(s), t.at[s]
	switch metric {
	case MetricNewStartRate:
		return c.NewStarted, at.due.new, true
	case MetricContinuingResumeRate:
		return c.ContinuingResumed, at.due.continuing, true
	case MetricStartRate:
		return c.Started, at.due.all, true
	}
	return 0, 0, false
}

// metrics are the five rates of the tally at the as-of date.
func (t *tally) metrics(av availability, schedule *ledger.Rate) Metrics {
	var m Metrics
	if av.start {
		if av.nature {
			n, d, _ := t.countRate(MetricNewStartRate, 0, av)
			m.NewStartRate = ratio(n, d)
			n, d, _ = t.countRate(MetricContinuingResumeRate, 0, av)
			m.ContinuingResumeRate = ratio(n, d)
		}
		n, d, _ := t.countRate(MetricStartRate, 0, av)
		m.StartRate = ratio(n, d)
	}
	if av.investment && t.ratePlan.Sign() > 0 {
		r := ledger.AmountRate(t.rateDone, t.ratePlan)
		m.InvestmentRate = &r
	}
	if schedule != nil {
		s := *schedule // each Metrics its own, so no caller can change another's
		m.Schedule = &s
	}
	return m
}

func (k *kaifugongChecks) available(metric string) bool {
	switch metric {
	case MetricNewStartRate, MetricContinuingResumeRate:
		return k.avail.nature && k.avail.start
	case MetricStartRate:
		return k.avail.start
	case MetricInvestmentRate:
		return k.avail.investment
	}
	return false
}

func ratio(num, den int) *ledger.Rate {
	if den == 0 {
		return nil
	}
	r := ledger.NewRate(int64(num), int64(den))
	return &r
}

// required is how many of den projects a rate of at least target needs: 9 of 10 for 90%.
func required(target ledger.Rate, den int) int {
	return int(target.Mul(ledger.NewRate(int64(den), 1)).Ceil())
}

// neededAmount is how much more must be done to reach target × plan (0 when reached).
func neededAmount(target ledger.Rate, plan, done ledger.Amount) ledger.Amount {
	n := target.Mul(ledger.NewRate(plan.Units(), 1)).RoundInt() - done.Units()
	if n < 0 {
		n = 0
	}
	return ledger.AmountFromUnits(n)
}
