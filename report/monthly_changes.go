package report

import (
	"gongjian/ledger"
	"gongjian/rules"
)

// Changes is section 7, 本月变化: what moved since last month's ledger.
type Changes struct {
	Previous     string      // last month's file
	PreviousAsOf ledger.Date //
	NewlyStarted []ChangedProject
	Added        []GroupChange // 本月完成 per group: this month's 1-N月 minus last month's
	TurnedRed    []GroupChange // groups whose light is red now and was not before
	Appeared     []ChangedProject
	Disappeared  []ChangedProject
}

// ChangedProject names a project of section 7.
type ChangedProject struct {
	Name, Town, Unit string
	Start            ledger.Date // for newly started projects
}

// GroupChange is one group's investment this month and last.
type GroupChange struct {
	By           rules.GroupBy
	Name         string
	Done, Before ledger.Amount // 1-N月 now and a month ago
	Added        ledger.Amount // Done − Before
	Light        rules.Light
	LightBefore  rules.Light
}

// changes compares this month's ledger with last month's. 本月新开工 are the projects
// that started within the reporting month by their date, or that last month's ledger
// said had not started and this one says have; a project new to the ledger is 新增
// and nothing more, unless it also started this month.
func changes(cur, prev *rules.Result, r *rules.Rules) *Changes {
	c := &Changes{PreviousAsOf: prev.AsOf}
	if prev.Ledger != nil {
		c.Previous = prev.Ledger.File
	}
	var before, now []ledger.Project
	if prev.Ledger != nil {
		before = prev.Ledger.Projects
	}
	if cur.Ledger != nil {
		now = cur.Ledger.Projects
	}
	// The same project in both months: its 项目代码, else its name (a project that gained
	// or changed its code is still the same project).
	pair := ledger.PairProjects(before, now)
	paired := make([]bool, len(before))
	for i := range now {
		p := &now[i]
		if !cur.Counted(i) {
			continue
		}
		existed := pair[i] >= 0
		if !existed {
			c.Appeared = append(c.Appeared, ChangedProject{Name: p.Name, Town: p.Town, Unit: p.Unit})
		} else {
			paired[pair[i]] = true
		}
		if p.Nature == rules.NatureTerminated || !r.StartedBy(p, cur.AsOf) {
			continue
		}
		startedThisMonth := p.ActualStart.IsSet() && inMonthOf(p.ActualStart, cur.AsOf)
		wasNotStarted := existed && !r.StartedBy(&before[pair[i]], prev.AsOf)
		if startedThisMonth || wasNotStarted {
			c.NewlyStarted = append(c.NewlyStarted, ChangedProject{Name: p.Name, Town: p.Town, Unit: p.Unit, Start: p.ActualStart})
		}
	}
	for i := range before {
		if p := &before[i]; !paired[i] && prev.Counted(i) {
			c.Disappeared = append(c.Disappeared, ChangedProject{Name: p.Name, Town: p.Town, Unit: p.Unit})
		}
	}
	prevGroups := map[[2]string]rules.Group{}
	for _, g := range prev.Groups {
		prevGroups[[2]string{string(g.By), g.Name}] = g
	}
	for _, g := range cur.Groups {
		if g.By != rules.GroupByTown && g.By != rules.GroupByUnit {
			continue
		}
		old := prevGroups[[2]string{string(g.By), g.Name}]
		gc := GroupChange{By: g.By, Name: g.Name, Done: g.Amounts.Done, Before: old.Amounts.Done}
		gc.Added = gc.Done.Sub(gc.Before)
		gc.Light = lightOf(g.Metrics, r)
		gc.LightBefore = lightOf(old.Metrics, r)
		c.Added = append(c.Added, gc)
		if gc.Light == rules.LightRed && gc.LightBefore != rules.LightRed {
			c.TurnedRed = append(c.TurnedRed, gc)
		}
	}
	return c
}

func lightOf(m rules.Metrics, r *rules.Rules) rules.Light {
	if m.InvestmentRate == nil || m.Schedule == nil {
		return ""
	}
	return r.LightFor(*m.InvestmentRate, *m.Schedule)
}

// inMonthOf reports whether date d falls in the calendar month of asOf, on or before it.
func inMonthOf(d, asOf ledger.Date) bool {
	return asOf.IsSet() && d.Year == asOf.Year && d.Month == asOf.Month && d.Compare(asOf) <= 0
}
