package rules

import (
	"testing"

	"gongjian/ledger"
)

// Progress judges each project once; check's findings come from it.
func TestProgress(t *testing.T) {
	asOf := day(2025, 5, 31) // 序时进度 5/12 = 41.7%
	p := func(name string, plan, done float64, planStart, actualStart ledger.Date, status, nature string) ledger.Project {
		return ledger.Project{Name: name, Plan: w(plan), Done: w(done), PlanStart: planStart, ActualStart: actualStart, Status: status, Nature: nature}
	}
	l := newLedger(asOf, fullColumns, rows(
		p("按期", 1000, 450, day(2025, 2, 1), day(2025, 2, 10), "已开工", "新建"),    // 45%: green
		p("滞后", 1000, 300, day(2025, 2, 1), day(2025, 2, 10), "已开工", "新建"),    // 30%: yellow, 11.7 behind
		p("未到期", 8000, 0, day(2025, 7, 1), ledger.Date{}, "未开工", "新建"),        // planned July: not judged
		p("逾期", 1600, 0, day(2025, 5, 10), ledger.Date{}, "未开工", "新建"),        // overdue, and red
		p("无计划日期", 500, 0, ledger.Date{}, ledger.Date{}, "未开工", "新建"),         // not judged, not overdue
		p("终止", 0, 0, day(2025, 3, 1), ledger.Date{}, "未开工", "终止"),            // never judged
		p("无计划", 0, 10, day(2025, 2, 1), day(2025, 2, 10), "已开工", "续建"),       // no rate
		p("差一点", 1000, 316.7, day(2025, 2, 1), day(2025, 2, 10), "已开工", "续建"), // 9.997 behind, shown 10.0: yellow
	)...)
	res := Evaluate(l, Default(), Options{})
	want := []struct {
		started, overdue, hasRate, judged, notDue, behind bool
		light                                             Light
		gap                                               string // shown, one decimal
	}{
		{true, false, true, true, false, false, LightGreen, "3.3"},
		{true, false, true, true, false, true, LightYellow, "-11.7"},
		{false, false, true, false, true, false, "", "0.0"},
		{false, true, true, true, false, true, LightRed, "-41.7"},
		{false, false, true, false, true, false, "", "0.0"},
		{false, false, false, false, false, false, "", "0.0"},
		{true, false, false, false, false, false, "", "0.0"},
		{true, false, true, true, false, true, LightYellow, "-10.0"}, // 9.997 behind, shown 10.0
	}
	for i, w := range want {
		got := res.Progress(i)
		if got.Started != w.started || got.Overdue != w.overdue || got.HasRate != w.hasRate || got.Judged != w.judged ||
			got.NotDue != w.notDue || got.Behind() != w.behind || got.Light != w.light || got.Gap.Round(1) != w.gap {
			t.Errorf("%s: %+v (behind %v, gap %s)", l.Projects[i].Name, got, got.Behind(), got.Gap.Round(1))
		}
	}
	// The findings are the Progress: behind-schedule on the three behind, overdue-start on one.
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleBehindSchedule || f.Rule == RuleOverdueStart {
			got = append(got, f.Project+":"+string(f.Rule))
		}
	}
	wantFindings := []string{"滞后:behind-schedule", "逾期:behind-schedule", "逾期:overdue-start", "差一点:behind-schedule"}
	if len(got) != len(wantFindings) {
		t.Fatalf("findings %q, want %q", got, wantFindings)
	}
	for i := range got {
		if got[i] != wantFindings[i] {
			t.Errorf("finding %d: %s, want %s", i, got[i], wantFindings[i])
		}
	}
	if (&Result{}).Progress(0) != (Progress{}) {
		t.Error("a result Evaluate did not make has a Progress")
	}
}

// A light is decided on the gap as shown: a lag shown as 10.0 points is yellow, one
// shown as 30.0 red, whatever digits lie beyond.
func TestLightOnShownGap(t *testing.T) {
	r := Default() // yellow from 10 points, red from 30
	schedule := ledger.NewRate(5, 12)
	for _, tt := range []struct {
		rate ledger.Rate
		want Light
	}{
		{ledger.NewRate(3167, 10000), LightYellow}, // 9.9967 points, shown 10.0
		{ledger.NewRate(3175, 10000), LightGreen},  // 9.9167, shown 9.9
		{ledger.NewRate(1167, 10000), LightRed},    // 29.9967, shown 30.0
		{ledger.NewRate(12, 100), LightYellow},     // 29.67
		{ledger.NewRate(2, 12), LightYellow},       // 25.0
		{schedule, LightGreen},
		{ledger.NewRate(9, 10), LightGreen},
	} {
		if got := r.LightFor(tt.rate, schedule); got != tt.want {
			t.Errorf("LightFor(%s) = %s, want %s", tt.rate.Percent(2), got, tt.want)
		}
	}
}
