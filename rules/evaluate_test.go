package rules

import (
	"reflect"
	"testing"

	"gongjian/ledger"
)

// A May ledger: the first quarter is judged from start dates (B started in April, so
// it does not count for 03-31), 双过半 is upcoming with what it still needs.
func mayLedger() *ledger.Ledger {
	return newLedger(day(2025, 5, 31), fullColumns, rows(
		ledger.Project{Name: "A", Nature: "新建", Town: "礼义镇", Leader: "张三、李四", ActualStart: day(2025, 2, 10), Plan: w(100), Done: w(50)},
		ledger.Project{Name: "B", Nature: "新建", Town: "礼义镇", ActualStart: day(2025, 4, 20), Plan: w(200), Done: w(20)},
		// "2025年3月": month precision, started by 03-31.
		ledger.Project{Name: "C", Nature: "新建", Town: "礼义镇", ActualStart: ledger.MonthDate(2025, 3), Plan: w(300), Done: w(100)},
		ledger.Project{Name: "D", Nature: "新建", Town: "礼义镇", Status: "未开工", Plan: w(400)},
		ledger.Project{Name: "E", Nature: "续建", Town: "崇文镇", ActualStart: day(2025, 3, 1), Plan: w(1000), Done: w(600)},
		ledger.Project{Name: "F", Nature: "续建", Town: "崇文镇", ActualStart: day(2024, 5, 1), Plan: w(500), Done: w(200)},
		ledger.Project{Name: "G", Nature: "终止", Town: "崇文镇", Plan: w(50), Done: w(10)},
	)...)
}

func TestEvaluateMay(t *testing.T) {
	res := Evaluate(mayLedger(), Default(), Options{})

	if res.AsOf != day(2025, 5, 31) || res.AsOfSource != "header" {
		t.Errorf("as-of %v from %q", res.AsOf, res.AsOfSource)
	}
	wantCounts := Counts{Projects: 7, New: 4, NewStarted: 3, Continuing: 2, ContinuingResumed: 2, Terminated: 1, Started: 5}
	if res.Counts != wantCounts {
		t.Errorf("counts %+v, want %+v", res.Counts, wantCounts)
	}
	if res.Amounts.AnnualPlan.String() != "2550.00" || res.Amounts.Done.String() != "980.00" || res.Amounts.Total.IsSet() {
		t.Errorf("amounts %+v", res.Amounts)
	}
	wantRate(t, "new_start_rate", res.Metrics.NewStartRate, 0.75)
	wantRate(t, "continuing_resume_rate", res.Metrics.ContinuingResumeRate, 1)
	wantRate(t, "start_rate", res.Metrics.StartRate, 5.0/6)
	wantRate(t, "investment_rate", res.Metrics.InvestmentRate, 970.0/2500) // 终止 G left out
	wantRate(t, "schedule", res.Metrics.Schedule, 5.0/12)

	q1, h1 := "一季度开门红", "上半年双过半"
	checkTargets(t, res, []wantTarget{
		{milestone: q1, metric: MetricContinuingResumeRate, status: StatusMet, actual: 1},
		{milestone: q1, metric: MetricNewStartRate, status: StatusMet, actual: 0.5}, // A and C; B only in April
		{milestone: h1, metric: MetricNewStartRate, status: StatusUpcoming, actual: 0.75, needed: true, neededProjects: 1},
		{milestone: h1, metric: MetricInvestmentRate, status: StatusUpcoming, actual: 0.388, needed: true, neededAmount: "280.00"},

		// A group is held only to the projects due by the milestone: B, with no planned
		// start, started in April, so nothing held it to March; D has not started at all.
		{group: "礼义镇", milestone: q1, metric: MetricContinuingResumeRate, status: StatusNotApplicable, actual: -1, note: "没有到期应开工的续建项目"},
		{group: "礼义镇", milestone: q1, metric: MetricNewStartRate, status: StatusMet, actual: 2.0 / 3},
		{group: "礼义镇", milestone: h1, metric: MetricNewStartRate, status: StatusUpcoming, actual: 0.75, needed: true, neededProjects: 1},
		{group: "礼义镇", milestone: h1, metric: MetricInvestmentRate, status: StatusUpcoming, actual: 0.17, needed: true, neededAmount: "330.00"},
		{group: "崇文镇", milestone: q1, metric: MetricNewStartRate, status: StatusNotApplicable, actual: -1, note: "没有到期应开工的新建项目"},
		{group: "崇文镇", milestone: q1, metric: MetricContinuingResumeRate, status: StatusMet, actual: 1},
		{group: "崇文镇", milestone: h1, metric: MetricInvestmentRate, status: StatusUpcoming, actual: 0.8 / 1.5, needed: true, neededAmount: "0.00"},
		{group: "张三", milestone: q1, metric: MetricNewStartRate, status: StatusMet, actual: 1},
		{group: "李四", milestone: h1, metric: MetricInvestmentRate, status: StatusUpcoming, actual: 0.5, needed: true, neededAmount: "0.00"},
	})
	// Only the milestones due by May and the next one are listed: 4 targets per scope.
	if len(res.Targets) != 4*5 {
		t.Errorf("%d targets, want 20", len(res.Targets))
	}
	if tg := findTarget(res, "", h1, MetricInvestmentRate); tg.Due != day(2025, 6, 30) || tg.TargetLabel != "50%" || tg.GroupBy != "" {
		t.Errorf("双过半 target %+v", tg)
	}

	// Groups: towns in string order, then leaders; A is in both its leaders' groups.
	var got [][3]any
	for _, g := range res.Groups {
		got = append(got, [3]any{string(g.By), g.Name, g.Projects})
	}
	want := [][3]any{
		{"town", "崇文镇", []int{4, 5, 6}},
		{"town", "礼义镇", []int{0, 1, 2, 3}},
		{"leader", "张三", []int{0}},
		{"leader", "李四", []int{0}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups %v, want %v", got, want)
	}
	g := res.Groups[1]
	if g.Counts != (Counts{Projects: 4, New: 4, NewStarted: 3, Started: 3}) || g.Amounts.AnnualPlan.String() != "1000.00" {
		t.Errorf("礼义镇 %+v %+v", g.Counts, g.Amounts)
	}
	wantRate(t, "礼义镇 new_start_rate", g.Metrics.NewStartRate, 0.75)
	wantRate(t, "礼义镇 continuing_resume_rate", g.Metrics.ContinuingResumeRate, -1)

	// B lags 序时进度 by 41.7 - 10 = 31.7 points: red. Nothing else is wrong.
	if keys := findingKeys(res.Findings); !reflect.DeepEqual(keys, []string{"behind-schedule@6:10"}) {
		t.Fatalf("findings %v", keys)
	}
	f := res.Findings[0]
	if f.Message != "红灯：本年投资完成率10.0%，低于序时进度31.7个百分点，请加快投资进度。" ||
		f.Cell != "K6" || f.Value != "20.00" || f.Project != "B" || f.Sheet != "台账" || f.Field != ledger.FieldDone {
		t.Errorf("finding %+v", f)
	}

	// The same input gives the same result.
	if again := Evaluate(mayLedger(), Default(), Options{}); !reflect.DeepEqual(again.Targets, res.Targets) ||
		!reflect.DeepEqual(again.Groups, res.Groups) || !reflect.DeepEqual(again.Findings, res.Findings) {
		t.Error("a second Evaluate differs")
	}
}

// newProjects is n 新建 projects of which the first started ones started in February.
func newProjects(n, started int) []ledger.Project {
	ps := make([]ledger.Project, n)
	for i := range ps {
		ps[i] = ledger.Project{Name: string(rune('甲' + i)), Nature: "新建", Plan: w(100), Done: w(0)}
		if i < started {
			ps[i].ActualStart = day(2025, 2, 1)
		}
	}
	return rows(ps...)
}

// setDone spreads done over the projects so that their sum is done.
func setDone(ps []ledger.Project, done float64) []ledger.Project {
	ps[0].Done = w(done)
	return ps
}

func TestEvaluateJune双过半(t *testing.T) {
	tests := []struct {
		name         string
		started      int
		done         float64
		newStatus    Status
		invStatus    Status
		invActual    float64
		wantFindings []string
		wantCell     string
		wantMessage  string
	}{
		{"met", 9, 500, StatusMet, StatusMet, 0.5, nil, "", ""},
		// The finding says the shortfall, names the projects below the target and marks
		// the first one's 本年完成.
		{"investment short by a cent", 9, 499.99, StatusMet, StatusMissed, 0.49999, []string{"target-missed@6:10"}, "K6",
			"上半年双过半：投资完成率 50.0%，目标 50%，还差0.01万元，未完成。完成率低于目标的项目：申（完成率0.0%）、甴（完成率0.0%）、" +
				"电（完成率0.0%）、甶（完成率0.0%）、男（完成率0.0%）等9个项目。请加快投资进度，并在存在问题列写明滞后原因。"},
		// It names the two not started and marks the first one's 计划开工时间.
		{"too few started", 8, 600, StatusMissed, StatusMet, 0.6, []string{"target-missed@13:12"}, "M13",
			"上半年双过半：新建开工率 80.0%，目标 90%，还差1个项目开工，未完成。到期应开工而未开工的项目：町（未填计划开工时间，至今未开工）、" +
				"画（未填计划开工时间，至今未开工）。请督促未开工的新建项目尽快开工，并在存在问题列写明原因。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLedger(day(2025, 6, 30), fullColumns, setDone(newProjects(10, tt.started), tt.done)...)
			r := Default()
			r.Milestones = r.Milestones[1:2] // 双过半 alone, so no other target interferes
			res := Evaluate(l, r, Options{})
			checkTargets(t, res, []wantTarget{
				{milestone: "上半年双过半", metric: MetricNewStartRate, status: tt.newStatus, actual: float64(tt.started) / 10},
				{milestone: "上半年双过半", metric: MetricInvestmentRate, status: tt.invStatus, actual: tt.invActual},
			})
			var missed []string
			for _, f := range res.Findings {
				if f.Rule == "target-missed" {
					missed = append(missed, fkey(f))
					if f.Message != tt.wantMessage || f.Group != "" || f.Cell != tt.wantCell {
						t.Errorf("finding %+v", f)
					}
				}
			}
			if !reflect.DeepEqual(missed, tt.wantFindings) {
				t.Errorf("target-missed %v, want %v", missed, tt.wantFindings)
			}
		})
	}
}

// A September ledger judges 双过半 by investment only when it is still below 50%; above,
// it may have been reached after June. 超序时 is judged in its own month against 75%.
func TestEvaluateSeptember(t *testing.T) {
	tests := []struct {
		name                 string
		done                 float64
		halfStatus, q3Status Status
		halfNote             string
		q4Needed             string
	}{
		{"below half", 450, StatusMissed, StatusMissed, "", "550.00"},
		{"above half, below schedule", 600, StatusUnknown, StatusMissed, "可能在到期后才达到，需用6月台账判断", "400.00"},
		{"above schedule", 800, StatusUnknown, StatusMet, "可能在到期后才达到，需用6月台账判断", "200.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := setDone(newProjects(10, 10), tt.done)
			ps[0].Category, ps[1].Category = "招商引资", "招商引资"
			ps[1].ActualStart = ledger.Date{}
			ps[1].Status = "未开工"
			l := newLedger(day(2025, 9, 30), fullColumns, ps...)
			res := Evaluate(l, Default(), Options{})
			checkTargets(t, res, []wantTarget{
				{milestone: "上半年双过半", metric: MetricInvestmentRate, status: tt.halfStatus, actual: tt.done / 1000, note: tt.halfNote},
				{milestone: "三季度超序时", metric: MetricInvestmentRate, status: tt.q3Status, actual: tt.done / 1000},
				{milestone: "三季度超序时", metric: MetricNewStartRate, status: StatusMissed, actual: 0.9},
				{milestone: "四季度收好官", metric: MetricInvestmentRate, status: StatusUpcoming, actual: tt.done / 1000, needed: true, neededAmount: tt.q4Needed},
				// where: 招商引资 — 1 of 2 started; 40% of 2 needs 1.
				{milestone: "招商引资项目当年开工", metric: MetricNewStartRate, status: StatusUpcoming, actual: 0.5, needed: true, neededProjects: 0},
			})
			q3 := findTarget(res, "", "三季度超序时", MetricInvestmentRate)
			if !near(q3.Target.Float(), 0.75) || q3.TargetLabel != "序时进度（75%）" {
				t.Errorf("超序时 target %v %q", q3.Target, q3.TargetLabel)
			}
		})
	}
}

// In a Q4 ledger both 12-31 milestones are upcoming; a where scope that matches no
// project is not applicable, not met or missed.
func TestEvaluateWhereNoMatch(t *testing.T) {
	l := newLedger(day(2025, 10, 31), fullColumns, newProjects(4, 1)...)
	res := Evaluate(l, Default(), Options{})
	checkTargets(t, res, []wantTarget{
		{milestone: "四季度收好官", metric: MetricInvestmentRate, status: StatusUpcoming, actual: 0, needed: true, neededAmount: "400.00"},
		{milestone: "招商引资项目当年开工", metric: MetricNewStartRate, status: StatusNotApplicable, actual: -1, note: "没有项目类别为“招商引资”的项目"},
		{milestone: "三季度超序时", metric: MetricNewStartRate, status: StatusMissed, actual: 0.25},
	})
	if tg := findTarget(res, "", "三季度超序时", MetricInvestmentRate); tg.Status != StatusMissed {
		t.Errorf("超序时 investment %s", tg.Status)
	}
}

// Without the columns a metric needs, it is nil and its targets unknown; a status
// alone counts as started at any date.
func TestEvaluateUnavailable(t *testing.T) {
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldName, ledger.FieldStatus}
	l := newLedger(day(2025, 4, 30), cols, rows(
		ledger.Project{Name: "甲", Status: "已开工"},
		ledger.Project{Name: "乙", Status: "否"},
		ledger.Project{Name: "丙", Status: "已复工"},
	)...)
	res := Evaluate(l, Default(), Options{})
	wantRate(t, "new_start_rate", res.Metrics.NewStartRate, -1)
	wantRate(t, "investment_rate", res.Metrics.InvestmentRate, -1)
	wantRate(t, "start_rate", res.Metrics.StartRate, 2.0/3)
	if res.Counts != (Counts{Projects: 3, Started: 2, NatureUnknown: true}) {
		t.Errorf("counts %+v: without 建设性质 the split is unknown, not 0", res.Counts)
	}
	natures := newLedger(day(2025, 4, 30), []ledger.Field{ledger.FieldName, ledger.FieldNature}, rows(
		ledger.Project{Name: "甲", Nature: "新建"}, ledger.Project{Name: "乙", Nature: "续建"})...)
	if c := Evaluate(natures, Default(), Options{}).Counts; c != (Counts{Projects: 2, New: 1, Continuing: 1, StartUnknown: true}) {
		t.Errorf("counts %+v: without 实际开工时间 or 开工状态 the started counts are unknown, not 0", c)
	}
	checkTargets(t, res, []wantTarget{
		{milestone: "一季度开门红", metric: MetricNewStartRate, status: StatusUnknown, actual: -1, note: "台账没有建设性质列，无法计算新建开工率"},
		{milestone: "上半年双过半", metric: MetricInvestmentRate, status: StatusUnknown, actual: -1, note: "台账没有年度计划投资列和本年完成投资列，无法计算投资完成率"},
	})
	want := []string{"missing-column@3:-1", "missing-column@3:-1", "missing-column@3:-1"}
	if keys := findingKeys(res.Findings); !reflect.DeepEqual(keys, want) {
		t.Errorf("findings %v, want %v", keys, want)
	}
	fields := []ledger.Field{res.Findings[0].Field, res.Findings[1].Field, res.Findings[2].Field}
	if !reflect.DeepEqual(fields, []ledger.Field{ledger.FieldNature, ledger.FieldPlan, ledger.FieldDone}) {
		t.Errorf("missing fields %v", fields)
	}

	// Section rows give the nature: no warning for it, and the rates are back.
	l.NatureFromSections = true
	l.Projects[0].Nature, l.Projects[1].Nature, l.Projects[2].Nature = "新建", "新建", "续建"
	res = Evaluate(l, Default(), Options{})
	wantRate(t, "new_start_rate", res.Metrics.NewStartRate, 0.5)
	wantRate(t, "continuing_resume_rate", res.Metrics.ContinuingResumeRate, 1)
	if len(res.Findings) != 2 {
		t.Errorf("findings %v", findingKeys(res.Findings))
	}
}

func TestEvaluateAsOfFlagAndDaySchedule(t *testing.T) {
	l := mayLedger()
	r := Default()
	r.Schedule = ScheduleDay
	res := Evaluate(l, r, Options{AsOf: ledger.MonthDate(2025, 3)})
	if res.AsOf != day(2025, 3, 31) || res.AsOfSource != "flag" {
		t.Errorf("as-of %v %q", res.AsOf, res.AsOfSource)
	}
	wantRate(t, "schedule", res.Metrics.Schedule, 90.0/365)
	// As of 03-31, B (April) has not started: counts follow the as-of date.
	if res.Counts.NewStarted != 2 {
		t.Errorf("new started %d", res.Counts.NewStarted)
	}
	checkTargets(t, res, []wantTarget{{milestone: "一季度开门红", metric: MetricNewStartRate, status: StatusMet, actual: 0.5}})
}

func TestEvaluateRongzi(t *testing.T) {
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldName, ledger.FieldNeed}
	l := newLedger(day(2025, 5, 31), cols, rows(
		ledger.Project{Name: "甲", Fin: &ledger.Financing{Need: w(100)}},
		ledger.Project{Name: "甲", Fin: &ledger.Financing{Need: w(-5)}},
	)...)
	l.Kind = ledger.KindRongzi
	res := Evaluate(l, nil, Options{})
	// No 对接金融机构 and no 对接状态 column: one missing-column warning each (rongzi_test.go).
	want := []string{"missing-column@3:-1", "missing-column@3:-1", "duplicate-project@6:1", "negative-amount@6:2"}
	if keys := findingKeys(res.Findings); !reflect.DeepEqual(keys, want) {
		t.Errorf("findings %v, want %v", keys, want)
	}
	// The repeat is checked but counts once.
	if res.Counts.Projects != 1 || len(res.Targets) != 0 || len(res.Groups) != 0 {
		t.Errorf("counts %+v, %d targets, %d groups", res.Counts, len(res.Targets), len(res.Groups))
	}
}

// The duplicate check asks the one project identity: codes typed in full width, with
// another dash or with spaces are the same code; a coded row matches an uncoded row of
// its name; two codes under one name are two projects.
func TestDuplicatesByIdentity(t *testing.T) {
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldCode, ledger.FieldName, ledger.FieldTotal}
	l := newLedger(day(2025, 5, 31), cols, rows(
		/* 5 */ ledger.Project{Code: "X-1", Name: "甲项目"},
		/* 6 */ ledger.Project{Code: "Ｘ－１", Name: "甲项目（一期）"},
		/* 7 */ ledger.Project{Code: " x—2 ", Name: "乙项目"},
		/* 8 */ ledger.Project{Code: "X-2", Name: "乙"},
		/* 9 */ ledger.Project{Name: "丙 项目"},
		/* 10 */ ledger.Project{Code: "X-3", Name: "丙项目"},
		/* 11 */ ledger.Project{Code: "X-4", Name: "丁项目"},
		/* 12 */ ledger.Project{Code: "X-5", Name: "丁项目"},
	)...)
	res := Evaluate(l, nil, Options{})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleDuplicateProject {
			got = append(got, f.Cell+" "+f.Message)
		}
	}
	want := []string{
		"B6 项目代码“Ｘ－１”与第5行重复，同一项目请只填一行；统计时只计第5行。",
		"B8 项目代码“X-2”与第7行重复，同一项目请只填一行；统计时只计第7行。",
		"C10 项目“丙项目”与第9行重复，同一项目请只填一行，统计时只计第9行；如确是不同项目，请填写项目代码加以区分。",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("duplicates\n got %q\nwant %q", got, want)
	}
	// Each repeat counts once, as the row it repeats.
	var counted []int
	for i := range l.Projects {
		if res.Counted(i) {
			counted = append(counted, l.Projects[i].Row)
		}
	}
	if want := []int{5, 7, 9, 11, 12}; !reflect.DeepEqual(counted, want) || res.Counts.Projects != 5 {
		t.Errorf("counted rows %v (%d projects), want %v", counted, res.Counts.Projects, want)
	}
}
