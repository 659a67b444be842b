package rules

import (
	"fmt"
	"strings"

	"gongjian/ledger"
)

// projectFindings are the per-project checks of a 开复工台账 (docs/检查规则.md).
func (k *kaifugongChecks) projectFindings(p *ledger.Project, st *projectState) {
	e, r := k.e, k.e.r
	terminated := st.nature == natureTerminated

	if e.has(ledger.FieldNature) && p.Nature == "" {
		e.cellFinding(RuleMissingValue, SeverityError, p, ledger.FieldNature, "",
			"建设性质为空，请填写"+quoteList(r.Values.Nature)+"。")
	}
	// A 终止 project has no plan left to fill in.
	if e.has(ledger.FieldPlan) && !p.Plan.IsSet() && !terminated && !e.badCell(p.Row, ledger.FieldPlan) {
		e.cellFinding(RuleMissingValue, SeverityError, p, ledger.FieldPlan, "",
			"年度计划投资为空，请填写本年计划完成的投资（万元），没有计划的填0。")
	}

	if p.Nature != "" && !p.NatureFromSection && !r.IsNature(p.Nature) {
		e.cellFinding(RuleBadValue, SeverityError, p, ledger.FieldNature, p.Nature,
			fmt.Sprintf("建设性质“%s”不是可用的值，请填写%s。", p.Nature, quoteList(r.Values.Nature)))
	}
	if p.Status != "" && !st.statusKnown {
		allowed := append(append([]string(nil), r.Values.StartedStatus...), r.Values.NotStartedStatus...)
		e.cellFinding(RuleBadValue, SeverityError, p, ledger.FieldStatus, p.Status,
			fmt.Sprintf("开工状态“%s”无法识别，请填写%s。", p.Status, quoteList(allowed)))
	}
	if p.Stats != "" {
		if _, known := r.InStats(p.Stats); !known {
			allowed := append(append([]string(nil), r.Values.StatsYes...), r.Values.StatsNo...)
			e.cellFinding(RuleBadValue, SeverityError, p, ledger.FieldStats, p.Stats,
				fmt.Sprintf("是否入库“%s”无法识别，请填写%s。", p.Stats, quoteList(allowed)))
		}
	}

	switch {
	case st.statusKnown && !st.statusStarted && p.ActualStart.IsSet() && !beganEarlier(p, e.asOf):
		// (A 续建 project that began in an earlier year and has not resumed is no conflict.)
		e.cellFinding(RuleStatusConflict, SeverityError, p, ledger.FieldStatus, p.Status,
			fmt.Sprintf("开工状态为“%s”，但实际开工时间填了%s，请核对后改正其中一项。", p.Status, p.ActualStart.Display()))
	case st.statusKnown && !st.statusStarted && p.Done.Sign() > 0 && !e.badCell(p.Row, ledger.FieldDone):
		// Investment is only done on a project under way.
		e.cellFinding(RuleStatusConflict, SeverityError, p, ledger.FieldStatus, p.Status,
			fmt.Sprintf("开工状态为“%s”，但本年已完成投资%s万元，请核对：已完成投资的项目应已开工，否则请改正完成投资。", p.Status, p.Done))
	}
	if p.ActualStart.IsSet() && e.asOf.IsSet() && p.ActualStart.Compare(e.asOf) > 0 {
		e.cellFinding(RuleFutureStart, SeverityError, p, ledger.FieldActualStart, p.ActualStart.String(),
			fmt.Sprintf("实际开工时间%s晚于截至日期%s，还没到的日期不能算开工，请核对；如是计划日期，请填在计划开工时间列。", p.ActualStart.Display(), e.asOf))
	}
	if p.CumDone.IsSet() && p.Total.IsSet() && p.CumDone.Cmp(p.Total) > 0 {
		e.cellFinding(RuleDoneExceedsTotal, SeverityError, p, ledger.FieldCumDone, p.CumDone.String(),
			fmt.Sprintf("累计完成投资%s万元超过总投资%s万元，请核对这两个数字。", p.CumDone, p.Total))
	}
	if before := p.Amount(ledger.FieldDoneBefore); before.IsSet() && p.Total.IsSet() && p.Done.IsSet() {
		if sum := before.Add(p.Done); sum.Cmp(p.Total) > 0 {
			e.cellFinding(RuleDoneExceedsTotal, SeverityError, p, ledger.FieldDone, p.Done.String(),
				fmt.Sprintf("截至上年底累计完成投资%s万元加本年完成投资%s万元共%s万元，超过总投资%s万元，请核对这几个数字。",
					before, p.Done, sum, p.Total))
		}
	}
	if p.Done.IsSet() && p.Plan.Sign() > 0 && p.Done.Cmp(p.Plan) > 0 {
		e.cellFinding(RuleDoneExceedsPlan, SeverityWarning, p, ledger.FieldDone, p.Done.String(),
			fmt.Sprintf("本年完成投资%s万元超过年度计划投资%s万元，请核对；如确已超额完成，可报请调整年度计划。", p.Done, p.Plan))
	}
	if !p.ActualStart.IsSet() && st.statusStarted && e.has(ledger.FieldActualStart) && !e.badCell(p.Row, ledger.FieldActualStart) {
		e.cellFinding(RuleMissingStartDate, SeverityWarning, p, ledger.FieldActualStart, "",
			fmt.Sprintf("开工状态为“%s”，但实际开工时间为空，请填写实际开工日期。", p.Status))
	}

	started := st.startedNow()
	pg := k.progress.of(p, started, true)
	if pg.Overdue {
		e.cellFinding(RuleOverdueStart, SeverityWarning, p, ledger.FieldPlanStart, p.PlanStart.String(),
			fmt.Sprintf("计划开工时间%s已过，项目仍未开工，请说明原因并抓紧开工。", p.PlanStart.Display()))
	}
	if pg.Behind() {
		against := "序时进度"
		if pg.OwnPlan {
			against = "自身计划进度（" + k.planToDateLabel() + "占年度计划的" + pg.Schedule.Percent(1) + "）"
		}
		e.cellFinding(RuleBehindSchedule, SeverityWarning, p, ledger.FieldDone, p.Done.String(),
			fmt.Sprintf("%s：本年投资完成率%s，低于%s%s个百分点，请加快投资进度。", pg.Light.Label(), pg.Rate.Percent(1), against,
				pg.Lag().Round(1)))
	}
	if started && !terminated && p.Total.IsSet() && p.Total.Cmp(r.StatsTotalMin) >= 0 {
		if in, known := r.InStats(p.Stats); known && !in {
			e.cellFinding(RuleNotInStats, SeverityWarning, p, ledger.FieldStats, p.Stats,
				fmt.Sprintf("项目已开工，总投资%s万元（%s万元及以上），但是否入库为“%s”，请尽快办理入库纳统。",
					p.Total, r.StatsTotalMin.Trimmed(), p.Stats))
		}
	}
	if !terminated && e.has(ledger.FieldLeader) && p.Leader == "" && r.IsKeyProject(p) {
		e.cellFinding(RuleMissingLeader, SeverityWarning, p, ledger.FieldLeader, "",
			fmt.Sprintf("重点项目（年度计划投资%s万元，%s万元及以上）没有包联领导，请按“五个一”要求明确包联领导。",
				p.Plan, r.KeyProjects.AnnualPlanMin.Trimmed()))
	}
}

// ProjectSchedule is what a project's 完成率 is judged against: its own plan to date
// (its "1-N月计划投资" as a share of its 年度计划投资; own is true) when the ledger
// gives one, else 序时进度. p.Plan must be above zero.
func ProjectSchedule(p *ledger.Project, schedule ledger.Rate) (r ledger.Rate, own bool) {
	if ptd := p.Amount(ledger.FieldPlanToDate); ptd.IsSet() && p.Plan.Sign() > 0 {
		return ledger.AmountRate(ptd, p.Plan), true
	}
	return schedule, false
}

// planToDateLabel names the plan-to-date column ("1-6月计划投资") in messages.
func (k *kaifugongChecks) planToDateLabel() string {
	if c := k.e.l.Column(ledger.FieldPlanToDate); c != nil {
		return "“" + strings.Join(strings.Fields(c.Header), "") + "”"
	}
	return "计划投资"
}

// quoteList is "“新建”“续建”或“终止”".
func quoteList(values []string) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 && i == len(values)-1 {
			b.WriteString("或")
		}
		b.WriteString("“" + v + "”")
	}
	return b.String()
}
