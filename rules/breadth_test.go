package rules

// Evaluate over the breadth samples (testdata/gen/breadth_samples.go), with the
// default rules. Every expected figure and finding is the generator's, worked out by
// hand in its comments; the findings are compared whole, so none may be missing and
// none may be added.

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"gongjian/ledger"
)

func evaluateBreadth(t *testing.T, file string) *Result {
	t.Helper()
	l, err := ledger.Read(filepath.Join("..", "testdata", file), ledger.Options{Today: ledger.DayDate(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	return Evaluate(l, nil, Options{})
}

// breadthKeys are "rule@cell" for a cell's finding and "rule@group" for a missed
// target ("target-missed@" for the whole ledger), sorted.
func breadthKeys(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		where := f.Cell
		if f.Rule == RuleTargetMissed {
			where = f.Group
		}
		out = append(out, string(f.Rule)+"@"+where)
	}
	sort.Strings(out)
	return out
}

func wantFindings(t *testing.T, res *Result, want ...string) {
	t.Helper()
	sort.Strings(want)
	if got := breadthKeys(res); !slices.Equal(got, want) {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}
}

func message(res *Result, rule RuleID, cell string) string {
	for _, f := range res.Findings {
		if f.Rule == rule && f.Cell == cell {
			return f.Message
		}
	}
	return ""
}

func TestBreadthLeaderGroups(t *testing.T) {
	res := evaluateBreadth(t, "包联领导台账.xlsx")
	if res.Counts != (Counts{Projects: 8, New: 4, NewStarted: 3, Continuing: 4, ContinuingResumed: 4, Started: 7}) {
		t.Errorf("counts %+v", res.Counts)
	}
	var leaders []string
	for _, g := range res.Groups {
		if g.By == GroupByLeader {
			leaders = append(leaders, g.Name+":"+string(rune('0'+g.Counts.Projects)))
		}
	}
	// 27200 is the whole; the leaders' groups sum to more: five projects have two.
	want := []string{"刘晓明:1", "吴刚:1", "周红:2", "张国华:1", "李志强:2", "王建军:2", "赵敏:2", "陈卫东:2"}
	if !slices.Equal(leaders, want) {
		t.Errorf("leader groups %v, want %v", leaders, want)
	}
	wantFindings(t, res, "target-missed@包联领导:陈卫东", "target-missed@包联领导:赵敏", "target-missed@责任单位:县教育局")
}

func TestBreadthProgressTitle(t *testing.T) {
	res := evaluateBreadth(t, "进展情况表.xlsx")
	if res.AsOf.String() != "2023-05-31" || res.AsOfSource != "title" {
		t.Errorf("as-of %s (%s)", res.AsOf, res.AsOfSource)
	}
	if res.Counts != (Counts{Projects: 10, New: 7, NewStarted: 1, Continuing: 3, ContinuingResumed: 3, Started: 4}) {
		t.Errorf("counts %+v", res.Counts)
	}
	if res.Amounts.Total.String() != "37100.00" || res.Amounts.AnnualPlan.String() != "14500.00" || res.Amounts.Done.String() != "4430.00" {
		t.Errorf("amounts %+v", res.Amounts)
	}
	// 是否开工 否 with this year's investment done: five conflicts; row 13 has none done.
	wantFindings(t, res,
		"status-conflict@J7", "status-conflict@J8", "status-conflict@J10", "status-conflict@J11", "status-conflict@J12",
		"done-exceeds-total@I9",
		"target-missed@", "target-missed@包联领导:张国华", "target-missed@包联领导:陈卫东", "target-missed@包联领导:刘晓明",
		"target-missed@责任单位:县工信局", "target-missed@责任单位:县文旅局", "target-missed@责任单位:县农业农村局")
	if m := message(res, RuleStatusConflict, "J7"); m != "开工状态为“否”，但本年已完成投资200.00万元，请核对：已完成投资的项目应已开工，否则请改正完成投资。" {
		t.Errorf("J7: %s", m)
	}
	if m := message(res, RuleDoneExceedsTotal, "I9"); !strings.Contains(m, "截至上年底累计完成投资3500.00万元加本年完成投资600.00万元共4100.00万元，超过总投资4000.00万元") {
		t.Errorf("I9: %s", m)
	}
	// Judged at its own May: only 一季度 is due, 双过半 upcoming, nothing later.
	for _, tg := range res.Targets {
		if tg.Due.Month > 6 {
			t.Errorf("target %s %s listed at %s", tg.Milestone, tg.Metric, res.AsOf)
		}
	}
}

func TestBreadthSystemExportOwnPlan(t *testing.T) {
	res := evaluateBreadth(t, "系统导出台账.xlsx")
	if res.AsOf.String() != "2025-06-30" || res.Counts != (Counts{Projects: 6, New: 3, NewStarted: 2, Continuing: 3, ContinuingResumed: 3, Started: 5}) {
		t.Errorf("as-of %s, counts %+v", res.AsOf, res.Counts)
	}
	if res.Amounts.Done.String() != "6900.00" || res.Metrics.InvestmentRate.Percent(1) != "26.6%" {
		t.Errorf("done %s, rate %s", res.Amounts.Done, res.Metrics.InvestmentRate.Percent(1))
	}
	var missed []string
	for _, f := range res.Findings {
		if f.Rule == RuleTargetMissed {
			missed = append(missed, f.Group)
		}
	}
	// Row 4 is 25 points below 6/12 but only 5 below its own plan: no finding.
	var cells []string
	for _, f := range res.Findings {
		if f.Rule != RuleTargetMissed {
			cells = append(cells, string(f.Rule)+"@"+f.Cell)
		}
	}
	if want := []string{"behind-schedule@T3", "not-in-stats@AH3", "behind-schedule@T6"}; !slices.Equal(cells, want) {
		t.Errorf("cell findings %v, want %v", cells, want)
	}
	if m := message(res, RuleBehindSchedule, "T3"); m != "红灯：本年投资完成率18.8%，低于自身计划进度（“1-6月计划投资”占年度计划的50.0%）31.3个百分点，请加快投资进度。" {
		t.Errorf("T3: %s", m)
	}
	if m := message(res, RuleBehindSchedule, "T6"); m != "黄灯：本年投资完成率40.0%，低于自身计划进度（“1-6月计划投资”占年度计划的60.0%）20.0个百分点，请加快投资进度。" {
		t.Errorf("T6: %s", m)
	}
	// 上半年: 新建开工率 2/3 and 投资完成率 26.6% missed for the whole; the groups as the
	// generator's comment works them out (21 in all).
	sort.Strings(missed)
	want := []string{"", "",
		"乡镇:东区", "乡镇:北区", "乡镇:北区", "乡镇:北区", "乡镇:南区", "乡镇:西区",
		"包联领导:刘晓明", "包联领导:刘晓明", "包联领导:刘晓明", "包联领导:张国华", "包联领导:李志强", "包联领导:王建军",
		"责任单位:县交通局", "责任单位:县商务局", "责任单位:县工信局", "责任单位:县教育局", "责任单位:县教育局", "责任单位:县教育局", "责任单位:县水务局"}
	sort.Strings(want)
	if !slices.Equal(missed, want) {
		t.Errorf("missed targets\n got %v\nwant %v", missed, want)
	}
}

func TestBreadthSubTableCategories(t *testing.T) {
	res := evaluateBreadth(t, "分类子表台账.xlsx")
	groups := Breakdown(res, Default(), GroupByCategory)
	var got []string
	for _, g := range groups {
		got = append(got, g.Name+":"+g.Amounts.AnnualPlan.String())
	}
	if want := []string{"产业:5900.00", "基础设施:3000.00", "社会事业:2700.00"}; !slices.Equal(got, want) {
		t.Errorf("by category %v, want %v", got, want)
	}
	if res.Counts != (Counts{Projects: 7, New: 4, NewStarted: 4, Continuing: 3, ContinuingResumed: 3, Started: 7}) {
		t.Errorf("counts %+v", res.Counts)
	}
	// No total-mismatch: the 合计 row sums the three sub-tables; no project is a header.
	wantFindings(t, res,
		"behind-schedule@G11", "behind-schedule@G14", "behind-schedule@G15",
		"target-missed@", "target-missed@包联领导:刘晓明", "target-missed@包联领导:刘晓明", "target-missed@包联领导:张国华",
		"target-missed@包联领导:陈卫东")
}

func TestBreadthGroupHeaderClean(t *testing.T) {
	res := evaluateBreadth(t, "分组表头台账.xlsx")
	if res.Amounts.AnnualPlan.String() != "6400.00" || res.Metrics.InvestmentRate.Percent(1) != "51.6%" {
		t.Errorf("plan %s (the 二季度 投资 column is not the year's plan), rate %s", res.Amounts.AnnualPlan, res.Metrics.InvestmentRate.Percent(1))
	}
	for _, tg := range res.Targets {
		if tg.GroupBy == "" && tg.Status != StatusMet && tg.Status != StatusUpcoming && tg.Status != StatusNotApplicable {
			t.Errorf("target %s %s: %s", tg.Milestone, tg.Metric, tg.Status)
		}
	}
	wantFindings(t, res)
}

func TestBreadthReserveAndValues(t *testing.T) {
	res := evaluateBreadth(t, "预备项目台账.xlsx")
	// The three 预备/储备/前期 projects are counted apart and in no start rate.
	if res.Counts != (Counts{Projects: 10, New: 5, NewStarted: 2, Continuing: 2, ContinuingResumed: 2, Reserve: 3, Started: 4}) {
		t.Errorf("counts %+v", res.Counts)
	}
	if res.Metrics.NewStartRate.Percent(1) != "40.0%" || res.Metrics.StartRate.Percent(1) != "57.1%" || res.Metrics.InvestmentRate.Percent(1) != "38.0%" {
		t.Errorf("rates %s %s %s", res.Metrics.NewStartRate.Percent(1), res.Metrics.StartRate.Percent(1), res.Metrics.InvestmentRate.Percent(1))
	}
	// A start planned for the fourth quarter is not overdue at 09-30, nor one for the
	// third quarter on its last day; one for the second quarter is.
	wantFindings(t, res,
		"done-exceeds-total@G5", "behind-schedule@G6", "not-in-stats@J6",
		"behind-schedule@G9", "overdue-start@H9", "behind-schedule@G13",
		"target-missed@", "target-missed@", "target-missed@", "target-missed@", "target-missed@")
	if m := message(res, RuleOverdueStart, "H9"); m != "计划开工时间2025年二季度已过，项目仍未开工，请说明原因并抓紧开工。" {
		t.Errorf("H9: %s", m)
	}
	if m := message(res, RuleBehindSchedule, "G13"); m != "红灯：本年投资完成率33.3%，低于序时进度41.7个百分点，请加快投资进度。" {
		t.Errorf("G13: %s", m)
	}
}
