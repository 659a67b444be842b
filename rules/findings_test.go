package rules

import (
	"testing"

	"gongjian/ledger"
)

// TestFindings builds one May ledger in which each row breaks one rule (a few two),
// and checks every finding's rule, row, column and message.
func TestFindings(t *testing.T) {
	started := day(2025, 2, 1)
	ok := func(name string) ledger.Project {
		return ledger.Project{Name: name, Nature: "新建", ActualStart: started, Plan: w(100), Done: w(50)}
	}
	ps := rows(
		/* 5 */ ledger.Project{Name: "甲", Nature: "新建", ActualStart: started}, // 年度计划投资 unreadable: bad-number only
		/* 6 */ ledger.Project{Name: "乙", Nature: "新建", Status: "已开工", Plan: w(100), Done: w(50)}, // 实际开工时间 unreadable
		/* 7 */ ledger.Project{Nature: "续建", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 8 */ ledger.Project{Name: "丙", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 9 */ ledger.Project{Name: "丁", Nature: "续建", ActualStart: started},
		/* 10 */ ledger.Project{Name: "戊", Nature: "改扩建", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 11 */ ledger.Project{Name: "己", Nature: "新建", Status: "待定", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 12 */ ledger.Project{Name: "庚", Nature: "新建", Stats: "待定", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 13 */ ledger.Project{Name: "辛", Nature: "新建", Total: w(-5), ActualStart: started, Plan: w(100), Done: w(50)},
		/* 14 */ ledger.Project{Name: "甲 ", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 15 */ ledger.Project{Name: "壬", Code: "C1", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 16 */ ledger.Project{Name: "癸", Code: "C1", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(50)},
		/* 17 */ ledger.Project{Name: "子", Nature: "新建", Status: "未开工", ActualStart: day(2025, 4, 1), Plan: w(100), Done: w(50)},
		/* 18 */ ledger.Project{Name: "丑", Nature: "新建", ActualStart: day(2025, 7, 1), Plan: w(100), Done: w(0)},
		/* 19 */ ledger.Project{Name: "寅", Nature: "新建", Total: w(100), CumDone: w(150), ActualStart: started, Plan: w(100), Done: w(50)},
		/* 20 */ ledger.Project{Name: "卯", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(120)},
		/* 21 */ ledger.Project{Name: "辰", Nature: "续建", Status: "已开工", Plan: w(100), Done: w(50)},
		/* 22 */ ledger.Project{Name: "巳", Nature: "新建", Status: "未开工", PlanStart: ledger.MonthDate(2025, 4), Plan: w(100), Done: w(0)},
		/* 23 */ ledger.Project{Name: "午", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(10)},
		/* 24 */ ledger.Project{Name: "未", Nature: "新建", ActualStart: started, Plan: w(100), Done: w(30)},
		/* 25 */ ledger.Project{Name: "申", Nature: "新建", ActualStart: started, Total: w(800), Stats: "否", Plan: w(100), Done: w(50)},
		/* 26 */ ledger.Project{Name: "酉", Nature: "新建", ActualStart: started, Plan: w(6000), Done: w(3000)},
		/* 27 */ ledger.Project{Name: "戌", Nature: "终止", Status: "未开工", PlanStart: day(2025, 3, 1), Total: w(900), Plan: w(6000)},
		/* 28 */ ok("亥"),
		// Planned for May: not overdue until May is over, and not yet judged against 序时进度.
		/* 29 */
		ledger.Project{Name: "甲乙", Nature: "新建", Status: "未开工", PlanStart: ledger.MonthDate(2025, 5), Plan: w(100), Done: w(0)},
	)
	l := newLedger(day(2025, 5, 31), fullColumns, ps...)
	l.Problems = []ledger.Problem{
		{Kind: ledger.ProblemBadNumber, Row: 5, Col: colPlan, Field: ledger.FieldPlan, Value: "12万5"},
		{Kind: ledger.ProblemBadDate, Row: 6, Col: colActualStart, Field: ledger.FieldActualStart, Value: "2025.13.1"},
	}
	l.Totals = []ledger.TotalRow{{Row: 30, Label: "小计", Covers: []int{10, 11},
		Amounts: map[ledger.Field]ledger.Amount{ledger.FieldPlan: w(200.02), ledger.FieldDone: w(100.01), ledger.FieldTotal: w(3)}}}
	r := Default()
	r.Milestones = nil // targets are tested elsewhere

	res := Evaluate(l, r, Options{})
	type want struct {
		key, cell, value, msg string
	}
	wants := []want{
		{"bad-number@5:9", "J5", "12万5", "年度计划投资“12万5”不是有效的金额，请填写数字（单位万元），如 1200.50。"},
		{"bad-date@6:13", "N6", "2025.13.1", "实际开工时间“2025.13.1”不是有效的日期，请填写如 2025-03-15 或 2025年3月 的日期。"},
		{"missing-value@7:1", "B7", "", "项目名称为空，请填写项目名称。"},
		{"missing-value@8:4", "E8", "", "建设性质为空，请填写“新建”“续建”“终止”或“预备”。"},
		{"missing-value@9:9", "J9", "", "年度计划投资为空，请填写本年计划完成的投资（万元），没有计划的填0。"},
		{"bad-value@10:4", "E10", "改扩建", "建设性质“改扩建”不是可用的值，请填写“新建”“续建”“终止”或“预备”。"},
		{"bad-value@11:14", "O11", "待定", "开工状态“待定”无法识别，请填写“已开工”“已复工”“开工”“复工”“是”“已竣工”“竣工”“在建”“未开工”“未复工”或“否”。"},
		{"bad-value@12:15", "P12", "待定", "是否入库“待定”无法识别，请填写“是”“已入库”“已纳统”“否”或“未入库”。"},
		{"negative-amount@13:8", "I13", "-5.00", "总投资为负数（-5.00），请填写不小于0的金额。"},
		{"duplicate-project@14:1", "B14", "甲 ", "项目“甲 ”与第5行重复，同一项目请只填一行，统计时只计第5行；如确是不同项目，请填写项目代码加以区分。"},
		{"duplicate-project@16:2", "C16", "C1", "项目代码“C1”与第15行重复，同一项目请只填一行；统计时只计第15行。"},
		{"status-conflict@17:14", "O17", "未开工", "开工状态为“未开工”，但实际开工时间填了2025-04-01，请核对后改正其中一项。"},
		{"future-start@18:13", "N18", "2025-07-01", "实际开工时间2025-07-01晚于截至日期2025-05-31，还没到的日期不能算开工，请核对；如是计划日期，请填在计划开工时间列。"},
		{"done-exceeds-total@19:11", "L19", "150.00", "累计完成投资150.00万元超过总投资100.00万元，请核对这两个数字。"},
		{"done-exceeds-plan@20:10", "K20", "120.00", "本年完成投资120.00万元超过年度计划投资100.00万元，请核对；如确已超额完成，可报请调整年度计划。"},
		{"missing-start-date@21:13", "N21", "", "开工状态为“已开工”，但实际开工时间为空，请填写实际开工日期。"},
		// 计划 April (month precision) is overdue at the end of May; no investment since: red.
		{"behind-schedule@22:10", "K22", "0.00", "红灯：本年投资完成率0.0%，低于序时进度41.7个百分点，请加快投资进度。"},
		{"overdue-start@22:12", "M22", "2025-04", "计划开工时间2025-04已过，项目仍未开工，请说明原因并抓紧开工。"},
		{"behind-schedule@23:10", "K23", "10.00", "红灯：本年投资完成率10.0%，低于序时进度31.7个百分点，请加快投资进度。"},
		{"behind-schedule@24:10", "K24", "30.00", "黄灯：本年投资完成率30.0%，低于序时进度11.7个百分点，请加快投资进度。"},
		{"not-in-stats@25:15", "P25", "否", "项目已开工，总投资800.00万元（500万元及以上），但是否入库为“否”，请尽快办理入库纳统。"},
		{"missing-leader@26:7", "H26", "", "重点项目（年度计划投资6000.00万元，5000万元及以上）没有包联领导，请按“五个一”要求明确包联领导。"},
		// 总投资 3 stated, 0 summed: off. 年度计划投资 200.02 against 200: off by 0.02. 本年完成投资 off by 0.01: rounding.
		{"total-mismatch@30:8", "I30", "3.00", "小计行的总投资为3.00万元，所列项目之和为0.00万元，相差3.00万元，请核对合计数或各项目的数字。"},
		{"total-mismatch@30:9", "J30", "200.02", "小计行的年度计划投资为200.02万元，所列项目之和为200.00万元，相差0.02万元，请核对合计数或各项目的数字。"},
	}
	var keys []string
	for _, w := range wants {
		keys = append(keys, w.key)
	}
	wantFindingKeys(t, res.Findings, keys)
	for i, w := range wants {
		f := res.Findings[i]
		if f.Cell != w.cell || f.Value != w.value || f.Message != w.msg || f.Sheet != "台账" {
			t.Errorf("%s:\n got %s %q %q\nwant %s %q %q", w.key, f.Cell, f.Value, f.Message, w.cell, w.value, w.msg)
		}
	}
	sev := map[RuleID]Severity{}
	for _, f := range res.Findings {
		sev[f.Rule] = f.Severity
	}
	for rule, s := range map[RuleID]Severity{
		"bad-number": SeverityError, "bad-date": SeverityError, "missing-value": SeverityError, "bad-value": SeverityError,
		"negative-amount": SeverityError, "duplicate-project": SeverityError, "total-mismatch": SeverityError,
		"status-conflict": SeverityError, "future-start": SeverityError, "done-exceeds-total": SeverityError,
		"done-exceeds-plan": SeverityWarning, "missing-start-date": SeverityWarning, "overdue-start": SeverityWarning,
		"behind-schedule": SeverityWarning, "not-in-stats": SeverityWarning, "missing-leader": SeverityWarning,
	} {
		if sev[rule] != s {
			t.Errorf("%s severity %q, want %q", rule, sev[rule], s)
		}
	}
	if res.Findings[0].Project != "甲" || res.Findings[1].Project != "乙" || res.Findings[len(res.Findings)-1].Project != "" {
		t.Error("findings do not name their projects")
	}
	if res.Worst() != SeverityError {
		t.Errorf("worst %q", res.Worst())
	}
}

func TestMissingColumns(t *testing.T) {
	l := newLedger(day(2025, 5, 31), []ledger.Field{ledger.FieldSeq, ledger.FieldTown}, rows(ledger.Project{Town: "礼义镇"})...)
	res := Evaluate(l, Default(), Options{})
	want := []struct {
		severity Severity
		field    ledger.Field
		msg      string
	}{
		{SeverityError, ledger.FieldName, "台账中没有找到“项目名称”列，请在表头加上“项目名称”列后再检查。"},
		{SeverityWarning, ledger.FieldNature, "台账中没有“建设性质”列，也没有“新建项目”“续建项目”分段行，无法计算新建开工率和续建复工率，请加上建设性质列。"},
		{SeverityWarning, ledger.FieldActualStart, "台账中没有“实际开工时间”列，也没有“开工状态”列，无法计算开工率和复工率，请加上实际开工时间列。"},
		{SeverityWarning, ledger.FieldPlan, "台账中没有“年度计划投资”列，无法计算投资完成率，也无法认定重点项目，请加上年度计划投资列。"},
		{SeverityWarning, ledger.FieldDone, "台账中没有“本年完成投资”列（如“1-5月完成投资”），无法计算投资完成率，请加上这一列。"},
	}
	if len(res.Findings) != len(want) {
		t.Fatalf("findings %v", findingKeys(res.Findings))
	}
	for i, w := range want {
		f := res.Findings[i]
		if f.Rule != "missing-column" || f.Row != 3 || f.Col != -1 || f.Cell != "" || f.Severity != w.severity || f.Field != w.field || f.Message != w.msg {
			t.Errorf("finding %d: %+v", i, f)
		}
	}

	// Monthly columns stand in for 本年完成投资; one 开工/计划开工时间 column for both dates.
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldName, ledger.FieldNature, ledger.FieldPlan, ledger.FieldStartEither, ledger.FieldMonthDone}
	l = newLedger(day(2025, 5, 31), cols, rows(ledger.Project{Name: "甲", Nature: "新建", Plan: w(100), Done: w(60), ActualStart: day(2025, 3, 1)})...)
	l.Columns[5].Month = 5
	res = Evaluate(l, Default(), Options{})
	if len(res.Findings) != 0 {
		t.Errorf("findings %v", findingKeys(res.Findings))
	}
	wantRate(t, "investment_rate", res.Metrics.InvestmentRate, 0.6)
	wantRate(t, "new_start_rate", res.Metrics.NewStartRate, 1)
}

// A group that misses a target gets its own target-missed finding, named by group.
func TestGroupTargetMissed(t *testing.T) {
	ps := rows(
		ledger.Project{Name: "甲", Nature: "新建", Town: "礼义镇", ActualStart: day(2025, 3, 1), Plan: w(100), Done: w(50)},
		ledger.Project{Name: "乙", Nature: "新建", Town: "礼义镇", Status: "未开工", Plan: w(100), Done: w(50)},
		ledger.Project{Name: "丙", Nature: "新建", Town: "礼义镇", Status: "未开工", Plan: w(100), Done: w(50)},
		ledger.Project{Name: "丁", Nature: "新建", Town: "崇文镇", ActualStart: day(2025, 1, 1), Plan: w(100), Done: w(50)},
		ledger.Project{Name: "戊", Nature: "新建", Town: "崇文镇", ActualStart: day(2025, 1, 1), Plan: w(100), Done: w(50)},
	)
	r := Default()
	r.Milestones = r.Milestones[:1]
	res := Evaluate(newLedger(day(2025, 4, 30), fullColumns, ps...), r, Options{})
	var got []Finding
	for _, f := range res.Findings {
		if f.Rule == "target-missed" {
			got = append(got, f)
		}
	}
	// Whole: 3 of 5 = 60% met; 礼义镇: 1 of 3 = 33.3% missed; 崇文镇: 2 of 2 met.
	// It names the projects not started and points at the first one's 计划开工时间 (M6).
	if len(got) != 1 || got[0].Group != "乡镇:礼义镇" || got[0].Cell != "M6" || got[0].Project != "乙" ||
		got[0].Message != "乡镇“礼义镇”一季度开门红：新建开工率 33.3%，目标 50%，还差1个项目开工，未完成。到期应开工而未开工的项目："+
			"乙（未填计划开工时间，至今未开工）、丙（未填计划开工时间，至今未开工）。请督促未开工的新建项目尽快开工，并在存在问题列写明原因。" {
		t.Errorf("target-missed %+v", got)
	}
	if tg := findTarget(res, "礼义镇", "一季度开门红", MetricNewStartRate); tg.GroupBy != GroupByTown || tg.Status != StatusMissed {
		t.Errorf("礼义镇 target %+v", tg)
	}
}

// A group's target counts only the projects due by the milestone, and its finding's
// advice fits the projects it names: one that has started since is not urged to start.
func TestGroupTargetDueProjects(t *testing.T) {
	ps := rows(
		// 县文旅局: planned 04-10, started 04-15: not due by 03-31.
		ledger.Project{Name: "康养小镇", Nature: "新建", Unit: "县文旅局", PlanStart: day(2025, 4, 10), ActualStart: day(2025, 4, 15), Plan: w(100), Done: w(50)},
		// 县农业农村局: planned for July, not started: not due.
		ledger.Project{Name: "农业大棚", Nature: "新建", Unit: "县农业农村局", PlanStart: ledger.MonthDate(2025, 7), Status: "未开工", Plan: w(100)},
		// 县水务局: planned 03-10, started 04-15: due, late, started since.
		ledger.Project{Name: "水源工程", Nature: "新建", Unit: "县水务局", PlanStart: day(2025, 3, 10), ActualStart: day(2025, 4, 15), Plan: w(100), Done: w(50)},
		ledger.Project{Name: "甲", Nature: "新建", Unit: "县交通局", PlanStart: day(2025, 2, 1), ActualStart: day(2025, 2, 1), Plan: w(100), Done: w(50)},
	)
	r := Default()
	r.Milestones = r.Milestones[:1]
	res := Evaluate(newLedger(day(2025, 5, 31), fullColumns, ps...), r, Options{})
	var got []Finding
	for _, f := range res.Findings {
		if f.Rule == RuleTargetMissed {
			got = append(got, f)
		}
	}
	// The whole ledger (1 of 4) and 县水务局 miss; both name the one project due and late.
	if len(got) != 2 || got[0].Group != "" || got[1].Group != "责任单位:县水务局" || got[1].Cell != "M7" ||
		got[0].Message != "一季度开门红：新建开工率 25.0%，目标 50%，还差1个项目开工，未完成。到期应开工而未开工的项目："+
			"水源工程（计划2025-03-10开工，2025-04-15才开工）。这些项目现已开工，请在存在问题列写明延误的原因。" ||
		got[1].Message != "责任单位“县水务局”一季度开门红：新建开工率 0.0%，目标 50%，还差1个项目开工，未完成。到期应开工而未开工的项目："+
			"水源工程（计划2025-03-10开工，2025-04-15才开工）。这些项目现已开工，请在存在问题列写明延误的原因。" {
		t.Errorf("target-missed %+v", got)
	}
	for _, unit := range []string{"县文旅局", "县农业农村局"} {
		if tg := findTarget(res, unit, "一季度开门红", MetricNewStartRate); tg.Status != StatusNotApplicable || tg.Note != "没有到期应开工的新建项目" {
			t.Errorf("%s: %+v", unit, tg)
		}
	}
	// The whole county still counts every new project: 1 of 4 by 03-31.
	if tg := findTarget(res, "", "一季度开门红", MetricNewStartRate); tg.Status != StatusMissed || tg.Actual.Percent(1) != "25.0%" {
		t.Errorf("whole ledger %+v", tg)
	}
}
