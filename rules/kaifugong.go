package rules

import (
	"gongjian/ledger"
)

// kaifugongChecks are the counts, targets and findings of a 开复工台账.
type kaifugongChecks struct {
	e     *evaluation
	avail availability
	// slots are the dates the started counts are kept at: [0] the as-of date, then
	// the due date of each milestone already due (its count metrics are judged there).
	slots []ledger.Date
	// dueBy are, per slot, the date by which a project counts as due to start in a
	// group's targets: the milestone's due date, or for slot 0 the next milestone's.
	dueBy []ledger.Date
	// planKnown: the ledger gives planned starts (a 计划开工时间 column).
	planKnown  bool
	milestones []dueMilestone
	filters    []filter
	whole      *scope
	groups     groups
	progress   *progressJudge

	state   projectState // reused for every project
	matches []bool       // which filters the current project passes; reused
}

func newKaifugongChecks(e *evaluation) *kaifugongChecks {
	k := &kaifugongChecks{e: e}
	k.planKnown = e.has(ledger.FieldPlanStart)
	k.avail = availability{
		nature:     e.has(ledger.FieldNature) || e.l.NatureFromSections,
		start:      e.has(ledger.FieldActualStart) || e.has(ledger.FieldStatus),
		investment: e.has(ledger.FieldPlan) && e.hasDone(),
	}
	k.progress = newProgressJudge(e, k.avail)
	e.res.progress = k.progress
	k.milestones, k.slots = planMilestones(e.r.Milestones, e.year, e.asOf)
	k.dueBy = append([]ledger.Date(nil), k.slots...)
	for _, m := range k.milestones {
		if m.upcoming {
			k.dueBy[0] = m.due
		}
	}
	k.filters = []filter{{}}
	for i := range k.milestones {
		m := &k.milestones[i]
		m.filters = make([]int, len(m.m.Targets))
		for j := range m.m.Targets {
			m.filters[j] = k.filterFor(m.m.Targets[j].Where)
		}
	}
	k.whole = newScope("", "", len(k.filters), len(k.slots))
	k.groups = newGroups(len(k.filters), len(k.slots))
	k.state.started = make([]bool, len(k.slots))
	k.state.due = make([]bool, len(k.slots))
	k.matches = make([]bool, len(k.filters))
	return k
}

// filterFor returns the index of the filter for a where clause, adding it if new, so
// that targets sharing a scope share its tally.
func (k *kaifugongChecks) filterFor(where map[ledger.Field]string) int {
	f := newFilter(where)
	for i := range k.filters {
		if k.filters[i].equal(f) {
			return i
		}
	}
	k.filters = append(k.filters, f)
	return len(k.filters) - 1
}

// checkColumns warns of each field the rules need that the ledger lacks, naming the
// metrics that are then not available.
func (k *kaifugongChecks) checkColumns() {
	e := k.e
	if !k.avail.nature {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldNature,
			"台账中没有“建设性质”列，也没有“新建项目”“续建项目”分段行"+e.closest(ledger.FieldNature)+"，无法计算新建开工率和续建复工率，请加上建设性质列。")
	}
	if !k.avail.start {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldActualStart,
			"台账中没有“实际开工时间”列，也没有“开工状态”列"+e.closest(ledger.FieldActualStart, ledger.FieldStatus)+"，无法计算开工率和复工率，请加上实际开工时间列。")
	}
	if !e.has(ledger.FieldPlan) {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldPlan,
			"台账中没有“年度计划投资”列"+e.closest(ledger.FieldPlan)+"，无法计算投资完成率，也无法认定重点项目，请加上年度计划投资列。")
	}
	if !e.hasDone() {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldDone,
			"台账中没有“本年完成投资”列（如“1-5月完成投资”）"+e.closest(ledger.FieldDone)+"，无法计算投资完成率，请加上这一列。")
	}
}

func (k *kaifugongChecks) checkProject(i int, p *ledger.Project, counted bool) {
	st := k.classify(p)
	k.projectFindings(p, st)
	if counted {
		k.count(i, p, st)
	}
}

// classify works out the project's nature and whether it had started by each slot.
// A start date decides; without one, a started status counts at any date.
func (k *kaifugongChecks) classify(p *ledger.Project) *projectState {
	st := &k.state
	st.nature = natureOf(p)
	st.statusStarted, st.statusKnown = k.e.r.IsStarted(p.Status)
	for s, d := range k.slots {
		st.started[s] = startedAt(p, d, st.statusStarted, st.statusKnown)
	}
	for s := range k.slots {
		st.due[s] = st.started[s] || k.dueToStart(p, k.dueBy[s], st.startedNow())
	}
	return st
}

// count adds the project to the whole ledger's tallies and its groups'.
func (k *kaifugongChecks) count(i int, p *ledger.Project, st *projectState) {
	for f := range k.filters {
		k.matches[f] = k.filters[f].match(p)
	}
	k.whole.add(i, p, st, k.matches, k.avail.nature)
	k.groups.add(i, p, st, k.matches, k.avail.nature)
}

// finish fills the counts, metrics, groups and targets, and a target-missed finding
// for each target missed.
func (k *kaifugongChecks) finish() {
	e, res := k.e, k.e.res
	var schedule *ledger.Rate
	if e.asOf.IsSet() {
		s := e.r.ScheduleAt(e.asOf, e.year)
		schedule = &s
	}
	t := &k.whole.tallies[0]
	res.Counts = t.countsKnown(k.avail)
	res.Amounts = t.amounts
	res.Metrics = t.metrics(k.avail, schedule)

	groups := k.groups.sorted()
	res.Groups = make([]Group, len(groups))
	for i, g := range groups {
		gt := &g.tallies[0]
		res.Groups[i] = Group{By: g.by, Name: g.name, Counts: gt.countsKnown(k.avail), Amounts: gt.amounts,
			Metrics: gt.metrics(k.avail, schedule), Projects: g.projects}
	}

	k.targets(k.whole)
	for _, g := range groups {
		k.targets(g)
	}
}

// targets judges every listed milestone's targets for one scope.
func (k *kaifugongChecks) targets(sc *scope) {
	for mi := range k.milestones {
		m := &k.milestones[mi]
		for ti := range m.m.Targets {
			t := k.judge(sc, m, &m.m.Targets[ti], m.filters[ti])
			k.e.res.Targets = append(k.e.res.Targets, t)
			if t.Status == StatusMissed {
				k.missedFinding(sc, m, m.filters[ti], &t)
			}
		}
	}
}

// dueToStart reports whether a project not started by date d should have been: its
// 计划开工时间 is on or before d. Without a planned start it is held to d while it has
// not started at all (a plan it does not tell cannot excuse it), but not once it has
// started (nothing says it was meant to start earlier); a ledger with no planned
// starts at all holds every project to every milestone.
func (k *kaifugongChecks) dueToStart(p *ledger.Project, d ledger.Date, startedNow bool) bool {
	switch {
	case !k.planKnown:
		return true
	case !p.PlanStart.IsSet():
		return !startedNow
	}
	return d.IsSet() && p.PlanStart.Compare(d) <= 0
}
