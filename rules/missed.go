package rules

import (
	"fmt"
	"strings"

	"gongjian/ledger"
)

// namedMax is how many projects a target-missed finding names before "等N个项目".
const namedMax = 5

// missedFinding is the target-missed warning of a missed target: the figure, the
// projects that missed it — named, the finding on the first one's cell — and advice
// that fits them: a project that has started since is not urged to start.
func (k *kaifugongChecks) missedFinding(sc *scope, m *dueMilestone, fi int, t *Target) {
	e := k.e
	who := ""
	if sc.isGroup {
		who = fmt.Sprintf("%s“%s”", sc.by.Label(), sc.name)
	}
	f := Finding{Rule: RuleTargetMissed, Severity: SeverityWarning, Row: e.headerRow, Col: -1, Group: sc.label()}
	msg := fmt.Sprintf("%s%s：%s %s，目标 %s，%s，未完成。", who, t.Milestone, MetricLabel(t.Metric), t.Actual.Percent(1), t.TargetLabel, t.shortfall)
	var named []int
	var advice string
	if t.Metric == MetricInvestmentRate {
		named = k.belowTarget(sc, fi, t.Target)
		if len(named) > 0 {
			msg += "完成率低于目标的项目：" + k.nameList(named, func(p *ledger.Project) string {
				return "（完成率" + ledger.AmountRate(p.Done, p.Plan).Percent(1) + "）"
			}) + "。"
		}
		advice = "请加快投资进度，并在存在问题列写明滞后原因。"
		f.Col = k.pointAt(ledger.FieldDone)
	} else {
		var stillOut bool
		named, stillOut = k.notStartedByDue(sc, m, fi, t.Metric)
		if len(named) > 0 {
			msg += "到期应开工而未开工的项目：" + k.nameList(named, func(p *ledger.Project) string {
				s := "（计划" + p.PlanStart.String() + "开工"
				if p.ActualStart.IsSet() && e.asOf.IsSet() && p.ActualStart.Compare(e.asOf) <= 0 {
					return s + "，" + p.ActualStart.String() + "才开工）"
				}
				if !p.PlanStart.IsSet() {
					s = "（未填计划开工时间"
				}
				return s + "，至今未开工）"
			}) + "。"
		}
		advice = missedAdvice(t.Metric)
		if len(named) > 0 && !stillOut {
			advice = "这些项目现已开工，请在存在问题列写明延误的原因。"
		}
		f.Col = k.pointAt(ledger.FieldPlanStart)
	}
	if len(named) > 0 {
		p := &e.l.Projects[named[0]]
		f.Row, f.Project = p.Row, p.Name
	} else {
		f.Col = -1
	}
	f.Message = msg + advice
	e.add(f)
}

// pointAt is the column a target-missed finding marks on its first project's row: the
// field's, else the project name's.
func (k *kaifugongChecks) pointAt(field ledger.Field) int {
	if c := k.e.col(field); c >= 0 {
		return c
	}
	return k.e.col(ledger.FieldName)
}

// scopeProjects calls fn for each counted project of the scope that passes filter fi.
func (k *kaifugongChecks) scopeProjects(sc *scope, fi int, fn func(i int, p *ledger.Project)) {
	e := k.e
	visit := func(i int) {
		p := &e.l.Projects[i]
		if e.res.Counted(i) && k.filters[fi].match(p) {
			fn(i, p)
		}
	}
	if sc.isGroup {
		for _, i := range sc.projects {
			visit(i)
		}
		return
	}
	for i := range e.l.Projects {
		visit(i)
	}
}

// notStartedByDue are the scope's projects counted in a start target's denominator
// that were due by the milestone and had not started by then; stillOut reports
// whether any has not started by the as-of date either.
func (k *kaifugongChecks) notStartedByDue(sc *scope, m *dueMilestone, fi int, metric string) (out []int, stillOut bool) {
	k.scopeProjects(sc, fi, func(i int, p *ledger.Project) {
		st := k.classify(p)
		switch {
		case st.nature == natureTerminated:
			return
		case metric == MetricNewStartRate && st.nature != natureNew,
			metric == MetricContinuingResumeRate && st.nature != natureContinuing,
			metric == MetricStartRate && k.avail.nature && st.nature != natureNew && st.nature != natureContinuing:
			return
		}
		if st.due[m.slot] && !st.started[m.slot] {
			out = append(out, i)
			if !st.startedNow() {
				stillOut = true
			}
		}
	})
	return out, stillOut
}

// belowTarget are the scope's projects whose 完成率 is below the target rate.
func (k *kaifugongChecks) belowTarget(sc *scope, fi int, target ledger.Rate) []int {
	var out []int
	k.scopeProjects(sc, fi, func(i int, p *ledger.Project) {
		if p.Nature != NatureTerminated && p.Plan.Sign() > 0 && !k.e.badCell(p.Row, ledger.FieldDone) &&
			ledger.AmountRate(p.Done, p.Plan).Cmp(target) < 0 {
			out = append(out, i)
		}
	})
	return out
}

// nameList names the projects ("甲（…）、乙（…）等7个项目"), at most namedMax of them.
func (k *kaifugongChecks) nameList(list []int, detail func(p *ledger.Project) string) string {
	var names []string
	for _, i := range list[:min(len(list), namedMax)] {
		p := &k.e.l.Projects[i]
		name := p.Name
		if name == "" {
			name = fmt.Sprintf("第%d行的项目", p.Row)
		}
		names = append(names, name+detail(p))
	}
	s := strings.Join(names, "、")
	if len(list) > namedMax {
		s += fmt.Sprintf("等%d个项目", len(list))
	}
	return s
}

// missedAdvice says what a missed start target asks of the people responsible.
func missedAdvice(metric string) string {
	switch metric {
	case MetricNewStartRate:
		return "请督促未开工的新建项目尽快开工，并在存在问题列写明原因。"
	case MetricContinuingResumeRate:
		return "请督促未复工的续建项目尽快复工，并在存在问题列写明原因。"
	case MetricStartRate:
		return "请督促未开复工的项目尽快开复工，并在存在问题列写明原因。"
	}
	return "请加快投资进度，并在存在问题列写明滞后原因。"
}
