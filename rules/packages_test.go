package rules

import "testing"

// 打包项目台账.xlsx (testdata/gen/packages.go): the 15 parts of three packages and three
// other projects are counted, the packages' parent rows are not; a parent stating sums
// its parts do not reach is a total-mismatch at its cell, named by the package.
func TestPackagesCounted(t *testing.T) {
	res := evaluateBreadth(t, "打包项目台账.xlsx")
	want := Counts{Projects: 18, New: 15, NewStarted: 10, Continuing: 3, ContinuingResumed: 3, Started: 13}
	if res.Counts != want {
		t.Errorf("counts %+v\nwant %+v", res.Counts, want)
	}
	if got := res.Amounts.Total.String() + "/" + res.Amounts.AnnualPlan.String() + "/" + res.Amounts.Done.String(); got != "42000.00/18000.00/6600.00" {
		t.Errorf("amounts %s", got)
	}
	// 一季度: 新建 8 of 15 started by 03-31 (1.1, 3-1, 5.1–5.6).
	if tg := findTarget(res, "", "一季度开门红", MetricNewStartRate); tg.Status != StatusMet || tg.Actual == nil || tg.Actual.Percent(1) != "53.3%" {
		t.Errorf("一季度 新建开工率 %+v", tg)
	}
	wantFindings(t, res, "total-mismatch@H10", "behind-schedule@I12")
	if m := message(res, RuleTotalMismatch, "H10"); m != "打包项目“陵川县2025年高标准农田建设打包项目”的年度计划投资为3600.00万元，其下各子项目之和为3500.00万元，相差100.00万元，请核对打包项目行或各子项目的数字。" {
		t.Errorf("H10: %s", m)
	}
	for _, g := range res.Groups {
		if g.By == GroupByLeader && g.Name == "陈卫东" && g.Counts.Projects != 10 {
			t.Errorf("陈卫东 %d projects, want the package's 10 parts", g.Counts.Projects)
		}
	}
}
