package rules

// Evaluate over the samples in the layouts of published county and city tables
// (testdata/gen/roadmap.go, testdata/gen/progress_tables.go), with the default rules.
// The figures and findings were worked out from the files by a second reader
// (openpyxl and a script of its own), and are compared whole: none may be missing and
// none may be added.

import (
	"fmt"
	"slices"
	"testing"

	"gongjian/ledger"
)

func cells(rule, col string, rows ...int) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s@%s%d", rule, col, r))
	}
	return out
}

// TestRealworldCounty: 108 projects as of 2024-05-31. Two 续建 projects began in an
// earlier year and have not resumed (停工): they are not resumed, no status conflict
// (their date is when they first began), and red; five 新建 projects 否 with
// investment done are status conflicts.
func TestRealworldCounty(t *testing.T) {
	res := evaluateBreadth(t, "县重点项目进展情况表.xlsx")
	want := Counts{Projects: 108, New: 55, NewStarted: 18, Continuing: 53, ContinuingResumed: 51, Started: 69}
	if res.Counts != want {
		t.Errorf("counts %+v\nwant %+v", res.Counts, want)
	}
	if got := res.Amounts.Done.String() + "/" + res.Amounts.AnnualPlan.String(); got != "245645.73/1054129.00" {
		t.Errorf("amounts %s", got)
	}
	if r := res.Metrics.InvestmentRate; r == nil || r.Percent(1) != "23.3%" {
		t.Errorf("investment rate %v", r)
	}
	var keys []string
	keys = append(keys, cells("status-conflict", "K", 13, 15, 16, 18, 23)...)
	keys = append(keys, cells("overdue-start", "L", 28, 80)...)
	keys = append(keys, cells("done-exceeds-plan", "J", 85)...)
	keys = append(keys, cells("missing-start-date", "M", 55)...) // "已开工" where the date belongs
	keys = append(keys, cells("behind-schedule", "J", 14, 21, 28, 33, 34, 42, 49, 54, 56, 57, 59, 62, 72, 80, 81, 83, 89, 91, 93, 94, 100, 109, 116)...)
	keys = append(keys, "target-missed@", "target-missed@", // 一季度: 续建复工率 51/53, 新建开工率 5/55
		"target-missed@乡镇:南山镇", "target-missed@乡镇:龙泉镇", "target-missed@责任单位:县发改局",
		"target-missed@包联领导:程亮", "target-missed@包联领导:董明", "target-missed@包联领导:郭建平", "target-missed@包联领导:宋健")
	wantFindings(t, res, keys...)
	if m := message(res, RuleBehindSchedule, "J14"); m != "红灯：本年投资完成率0.0%，低于序时进度41.7个百分点，请加快投资进度。" {
		t.Errorf("J14: %s", m)
	}
	var leaders []string
	for _, g := range res.Groups {
		if g.By == GroupByLeader {
			leaders = append(leaders, g.Name)
		}
	}
	if len(leaders) != 27 {
		t.Errorf("%d leader groups %v, want 27", len(leaders), leaders)
	}
}

// TestRealworldCityMonthly: no 建设性质 and no start in the table: the start rates
// cannot be told, and every project, reported as under way, is held to 序时进度.
func TestRealworldCityMonthly(t *testing.T) {
	res := evaluateBreadth(t, "省市重点项目6月进度表.xlsx")
	if res.Metrics.NewStartRate != nil || res.Metrics.InvestmentRate == nil || res.Metrics.InvestmentRate.Percent(1) != "43.7%" {
		t.Errorf("metrics %+v", res.Metrics)
	}
	var keys []string
	keys = append(keys, "missing-column@", "missing-column@")
	keys = append(keys, cells("behind-schedule", "J", 10, 13, 15, 16, 19)...)
	keys = append(keys, "target-missed@", "target-missed@责任单位:市住建局", "target-missed@责任单位:市体育局", "target-missed@责任单位:市商务局",
		"target-missed@责任单位:市文广旅局", "target-missed@责任单位:市水利局", "target-missed@责任单位:市经信局")
	wantFindings(t, res, keys...)
	for cell, light := range map[string]string{"J10": "黄灯", "J13": "黄灯", "J15": "红灯", "J16": "黄灯", "J19": "红灯"} {
		if m := message(res, RuleBehindSchedule, cell); len(m) < 6 || m[:6] != light {
			t.Errorf("%s: %s, want %s", cell, m, light)
		}
	}
}

// TestRealworldQuarterTable: the same holding to 序时进度 in a 办事处's table.
func TestRealworldQuarterTable(t *testing.T) {
	res := evaluateBreadth(t, "二季度推进情况表.xlsx")
	wantFindings(t, res, "missing-column@", "missing-column@", "behind-schedule@L6", "behind-schedule@L7",
		"target-missed@", "target-missed@乡镇:城南区")
	if m := message(res, RuleBehindSchedule, "L6"); m != "黄灯：本年投资完成率25.0%，低于序时进度25.0个百分点，请加快投资进度。" {
		t.Errorf("L6: %s", m)
	}
}

// A 续建 project's 实际开工时间 in an earlier year is when it first began; whether it
// resumed this year is its 开工状态's to say.
func TestContinuingStartedEarlier(t *testing.T) {
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldName, ledger.FieldCode, ledger.FieldTown, ledger.FieldNature,
		ledger.FieldCategory, ledger.FieldUnit, ledger.FieldLeader, ledger.FieldTotal, ledger.FieldPlan,
		ledger.FieldDone, ledger.FieldCumDone, ledger.FieldPlanStart, ledger.FieldActualStart, ledger.FieldStatus}
	l := newLedger(day(2025, 5, 31), cols, rows(
		ledger.Project{Name: "停工的续建项目", Nature: "续建", Plan: w(1000), Done: w(0), ActualStart: ledger.MonthDate(2023, 6), Status: "否"},
		ledger.Project{Name: "复工的续建项目", Nature: "续建", Plan: w(1000), Done: w(500), ActualStart: ledger.YearDate(2022), Status: "是"},
		ledger.Project{Name: "没有状态的续建项目", Nature: "续建", Plan: w(1000), Done: w(450), ActualStart: ledger.MonthDate(2024, 3)},
		// This year's date and 否 do contradict each other.
		ledger.Project{Name: "今年开工却填否", Nature: "续建", Plan: w(1000), Done: w(450), ActualStart: day(2025, 3, 2), Status: "否"},
	)...)
	res := Evaluate(l, nil, Options{})
	if res.Counts.Continuing != 4 || res.Counts.ContinuingResumed != 3 {
		t.Errorf("continuing %d, resumed %d; want 4 and 3", res.Counts.Continuing, res.Counts.ContinuingResumed)
	}
	got := findingKeys(res.Findings)
	want := []string{
		fmt.Sprintf("behind-schedule@5:%d", colDone),    // 停工: red, not resumed
		fmt.Sprintf("target-missed@5:%d", colPlanStart), // 续建复工率 3/4 by 03-31
		fmt.Sprintf("status-conflict@8:%d", colStatus),  // a date this year and 否
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}
