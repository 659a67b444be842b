package rules

import (
	"fmt"
	"sort"
	"strings"

	"gongjian/ledger"
)

// dueMilestone is a milestone listed in the result: judged (due on or before the
// as-of date) or upcoming (the next due date after it).
type dueMilestone struct {
	m        *Milestone
	due      ledger.Date
	upcoming bool
	slot     int   // the date slot its count metrics are taken at
	filters  []int // per target, the index of its where filter
}

// planMilestones picks the milestones to list and the dates the started counts are
// needed at: slot 0 is asOf, then each judged milestone's due date. Milestones after
// the next due date are left out: a May ledger says nothing yet about December.
func planMilestones(ms []Milestone, year int, asOf ledger.Date) ([]dueMilestone, []ledger.Date) {
	slots := []ledger.Date{asOf}
	var out []dueMilestone
	var next ledger.Date
	for i := range ms {
		m := &ms[i]
		due := m.Due.In(year)
		if asOf.IsSet() && due.Compare(asOf) <= 0 {
			slot := -1
			for s := 1; s < len(slots); s++ {
				if slots[s] == due {
					slot = s
				}
			}
			if slot < 0 {
				slots = append(slots, due)
				slot = len(slots) - 1
			}
			out = append(out, dueMilestone{m: m, due: due, slot: slot})
			continue
		}
		// Milestones are in due order (validation sees to it), but a hand-built Rules
		// may not be: take the earliest later due date wherever it stands.
		if !next.IsSet() || due.Compare(next) < 0 {
			next = due
		}
	}
	for i := range ms {
		if due := ms[i].Due.In(year); next.IsSet() && due == next && !(asOf.IsSet() && due.Compare(asOf) <= 0) {
			out = append(out, dueMilestone{m: &ms[i], due: due, upcoming: true})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].due.Compare(out[j].due) < 0 })
	return out, slots
}

// filter is a target's where clause, its conditions in field order.
type filter struct {
	conds []cond
}

type cond struct {
	field ledger.Field
	value string
}

func newFilter(where map[ledger.Field]string) filter {
	var f filter
	for field, v := range where {
		f.conds = append(f.conds, cond{field, strings.TrimSpace(v)})
	}
	sort.Slice(f.conds, func(i, j int) bool { return f.conds[i].field < f.conds[j].field })
	return f
}

func (f filter) equal(o filter) bool {
	if len(f.conds) != len(o.conds) {
		return false
	}
	for i := range f.conds {
		if f.conds[i] != o.conds[i] {
			return false
		}
	}
	return true
}

// match reports whether the project passes every condition; a 包联领导 condition
// matches any one of the names in the cell.
func (f filter) match(p *ledger.Project) bool {
	for _, c := range f.conds {
		if c.field == ledger.FieldLeader {
			if !contains(p.Leaders(), c.value) {
				return false
			}
			continue
		}
		if strings.TrimSpace(p.Text(c.field)) != c.value {
			return false
		}
	}
	return true
}

// describe is "项目类别为“招商引资”" for notes.
func (f filter) describe() string {
	parts := make([]string, len(f.conds))
	for i, c := range f.conds {
		parts[i] = fmt.Sprintf("%s为“%s”", c.field.Label(), c.value)
	}
	return strings.Join(parts, "、")
}

// judge works out one target of one milestone for one scope.
func (k *kaifugongChecks) judge(sc *scope, m *dueMilestone, tr *TargetRule, fi int) Target {
	e := k.e
	t := Target{Milestone: m.m.Name, Due: m.due, Metric: tr.Metric, GroupBy: sc.by, Group: sc.name}
	if tr.Schedule {
		t.Target = e.r.ScheduleAt(m.due, e.year)
		t.TargetLabel = "序时进度（" + t.Target.PercentTrim(1) + "）"
	} else {
		t.Target = tr.Min
		t.TargetLabel = tr.Min.PercentTrim(2)
	}
	tl := &sc.tallies[fi]
	switch {
	case fi != 0 && tl.counts.Projects == 0:
		t.Status, t.Note = StatusNotApplicable, "没有"+k.filters[fi].describe()+"的项目"
		return t
	case !k.available(tr.Metric):
		t.Status, t.Note = StatusUnknown, k.unavailableNote(tr.Metric)
		return t
	}
	if tr.Metric == MetricInvestmentRate {
		k.judgeInvestment(&t, m, tl)
		return t
	}
	slot := m.slot
	if m.upcoming {
		slot = 0
	}
	// A group is held only to the projects due to start by the milestone: a 部门 whose
	// new project is planned for July has nothing to miss in the first quarter.
	num, den, _ := tl.countRate(tr.Metric, slot, k.avail)
	if sc.isGroup {
		num, den, _ = tl.dueRate(tr.Metric, slot, k.avail)
	}
	if den == 0 {
		t.Status, t.Note = StatusNotApplicable, "没有"+denominatorName(tr.Metric)
		if sc.isGroup {
			t.Note = "没有到期应开工的" + denominatorName(tr.Metric)
		}
		return t
	}
	actual := ledger.NewRate(int64(num), int64(den))
	t.Actual = &actual
	need := required(t.Target, den) - num
	switch {
	case m.upcoming:
		t.Status, t.Needed = StatusUpcoming, &Needed{Projects: max(need, 0)}
	case need <= 0:
		t.Status = StatusMet
	default:
		t.Status = StatusMissed
		t.shortfall = fmt.Sprintf("还差%d个项目%s", need, startVerb(tr.Metric))
	}
	return t
}

// judgeInvestment judges an investment target. 本年完成投资 is only known at the
// ledger's own date, so a milestone is met or missed by it only in the milestone's
// month; later, a value still short of the target was short at the due date too,
// but one above it may have been reached after.
func (k *kaifugongChecks) judgeInvestment(t *Target, m *dueMilestone, tl *tally) {
	if tl.ratePlan.Sign() <= 0 {
		t.Status, t.Note = StatusNotApplicable, "年度计划投资合计为0"
		return
	}
	actual := ledger.AmountRate(tl.rateDone, tl.ratePlan)
	t.Actual = &actual
	need := neededAmount(t.Target, tl.ratePlan, tl.rateDone)
	asOf := k.e.asOf
	switch {
	case m.upcoming:
		t.Status, t.Needed = StatusUpcoming, &Needed{Amount: need}
	case need.Sign() > 0:
		t.Status = StatusMissed
		t.shortfall = "还差" + need.Fixed(2) + "万元"
	case asOf.Year == m.due.Year && asOf.Month == m.due.Month:
		t.Status = StatusMet
	default:
		t.Status = StatusUnknown
		t.Note = fmt.Sprintf("可能在到期后才达到，需用%d月台账判断", m.due.Month)
	}
}

func (k *kaifugongChecks) unavailableNote(metric string) string {
	switch {
	case metric == MetricInvestmentRate:
		return k.e.missingInvestment() + "，无法计算投资完成率"
	case !k.avail.start:
		return "台账没有实际开工时间和开工状态列，无法计算" + MetricLabel(metric)
	}
	return "台账没有建设性质列，无法计算" + MetricLabel(metric)
}

func denominatorName(metric string) string {
	switch metric {
	case MetricNewStartRate:
		return "新建项目"
	case MetricContinuingResumeRate:
		return "续建项目"
	}
	return "新建或续建项目"
}

// startVerb is what a count metric counts projects doing: 开工, 复工 or 开复工.
func startVerb(metric string) string {
	switch metric {
	case MetricNewStartRate:
		return "开工"
	case MetricContinuingResumeRate:
		return "复工"
	}
	return "开复工"
}
