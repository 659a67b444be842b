package wording

import (
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

func rate(t *testing.T, s string) *ledger.Rate {
	t.Helper()
	r, ok := ledger.ParseRate(s)
	if !ok {
		t.Fatalf("ParseRate(%q)", s)
	}
	return &r
}

func TestPoints(t *testing.T) {
	for _, tt := range []struct {
		diff string // a difference of rates, exact
		want string
	}{
		{"0.0833", "+8.3 个百分点"},
		{"-0.0357", "-3.6 个百分点"},
		{"-0.0004", "0.0 个百分点"},
		{"0", "0.0 个百分点"},
		{"0.00025", "0.0 个百分点"},
		{"0.00055", "+0.1 个百分点"},  // half up
		{"-0.00055", "-0.1 个百分点"}, // half away from zero
	} {
		if got := Points(rate(t, tt.diff).Points()); got != tt.want {
			t.Errorf("Points(%v) = %q, want %q", tt.diff, got, tt.want)
		}
	}
}

func TestPercentAndRateNum(t *testing.T) {
	for _, tt := range []struct {
		v    *ledger.Rate
		want string
	}{
		{nil, "-"}, {rate(t, "0.58333"), "58.3%"}, {rate(t, "1"), "100.0%"}, {rate(t, "0"), "0.0%"},
	} {
		if got := Percent(tt.v); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	for in, want := range map[string]string{"0.5": "0.5", "0.714285": "0.7143", "-0.00001": "0", "1": "1"} {
		if got := RateNum(*rate(t, in)); got != want {
			t.Errorf("RateNum(%s) = %q, want %q", in, got, want)
		}
	}
	// PercentNum is the rate as Percent shows it: 15/19 is 78.9%, 0.789, not 0.7895.
	for in, want := range map[string]string{"0.7894736": "0.789", "0.78950": "0.79", "0.5": "0.5", "1": "1", "0.00001": "0"} {
		if got := PercentNum(*rate(t, in)); got != want {
			t.Errorf("PercentNum(%s) = %q, want %q", in, got, want)
		}
		if r := rate(t, in); Percent(r) != Percent(rate(t, PercentNum(*r))) {
			t.Errorf("PercentNum(%s) shows %s, Percent %s", in, Percent(rate(t, PercentNum(*r))), Percent(r))
		}
	}
	if got := GapPoints(rate(t, "0.4293"), rate(t, "0.4167")); got == nil || got.Round(1) != "1.3" {
		t.Errorf("GapPoints = %v", got)
	}
	if GapPoints(nil, rate(t, "0.5")) != nil {
		t.Error("GapPoints without a rate is not nil")
	}
}

// Gap says what a target needs in the words of a 通报, whatever its status.
func TestGap(t *testing.T) {
	for _, tt := range []struct {
		name string
		t    rules.Target
		want string
	}{
		{"met", rules.Target{Status: rules.StatusMet, Target: *rate(t, "0.5"), Actual: rate(t, "0.5714")}, "+7.1 个百分点"},
		{"missed", rules.Target{Status: rules.StatusMissed, Target: *rate(t, "0.9"), Actual: rate(t, "0.8")}, "-10.0 个百分点"},
		{"upcoming projects", rules.Target{Status: rules.StatusUpcoming, Metric: rules.MetricNewStartRate, Needed: &rules.Needed{Projects: 2}}, "还需开工 2 个新建项目"},
		{"upcoming resumed", rules.Target{Status: rules.StatusUpcoming, Metric: rules.MetricContinuingResumeRate, Needed: &rules.Needed{Projects: 1}}, "还需复工 1 个续建项目"},
		{"upcoming amount", rules.Target{Status: rules.StatusUpcoming, Metric: rules.MetricInvestmentRate, Needed: &rules.Needed{Amount: ledger.Wan(5991, 10)}}, "还需完成投资 5991.10 万元"},
		{"upcoming reached", rules.Target{Status: rules.StatusUpcoming, Metric: rules.MetricNewStartRate, Needed: &rules.Needed{}}, "已达到目标"},
		{"unknown with note", rules.Target{Status: rules.StatusUnknown, Note: "台账没有开工状态"}, "台账没有开工状态"},
		{"not applicable", rules.Target{Status: rules.StatusNotApplicable}, "-"},
	} {
		if got := Gap(tt.t); got != tt.want {
			t.Errorf("%s: Gap = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDue(t *testing.T) {
	if got := Due(ledger.DayDate(2025, 3, 31)); got != "3月31日" {
		t.Errorf("Due(2025-03-31) = %q", got)
	}
	if got := Due(ledger.MonthDate(2025, 4)); got != "4月" {
		t.Errorf("Due(2025-04) = %q", got)
	}
}

// A finding says where it is and what it is about, also when it has no cell of its
// own: never a bare row number beside a blank.
func TestPlaceAndSubject(t *testing.T) {
	for _, tt := range []struct {
		name           string
		f              rules.Finding
		place, subject string
	}{
		{"a cell", rules.Finding{Rule: rules.RuleBadDate, Row: 16, Col: 5, Cell: "F16", Project: "礼义镇污水处理厂"}, "F16", "礼义镇污水处理厂"},
		{"a project's row", rules.Finding{Rule: rules.RuleUnknownProject, Row: 18, Col: -1, Project: "森林康养基地"}, "第18行", "森林康养基地"},
		{"a missing column", rules.Finding{Rule: rules.RuleMissingColumn, Row: 3, Col: -1, Field: ledger.FieldStats}, "表头", "是否入库列"},
		{"a 合计 row", rules.Finding{Rule: rules.RuleTotalMismatch, Row: 45, Col: 12, Cell: "M45", Field: ledger.FieldPlan}, "M45", "合计行"},
		{"a group's target", rules.Finding{Rule: rules.RuleTargetMissed, Row: 3, Col: -1, Group: "责任单位:县教育局"}, "全表", "责任单位：县教育局"},
		{"a group's target on its first project", rules.Finding{Rule: rules.RuleTargetMissed, Row: 9, Col: 7, Cell: "H9", Project: "甲", Group: "乡镇:礼义镇"}, "H9", "乡镇：礼义镇"},
		{"the whole ledger's target", rules.Finding{Rule: rules.RuleTargetMissed, Row: 3, Col: -1}, "全表", "全部项目"},
		{"the whole ledger", rules.Finding{Rule: rules.RuleNoProjects, Row: 3, Col: -1}, "全表", ""},
	} {
		if got := Place(tt.f); got != tt.place {
			t.Errorf("%s: Place = %q, want %q", tt.name, got, tt.place)
		}
		if got := Subject(tt.f); got != tt.subject {
			t.Errorf("%s: Subject = %q, want %q", tt.name, got, tt.subject)
		}
	}
}

func TestAgainstSchedule(t *testing.T) {
	tests := []struct {
		num, den int64 // the gap in 个百分点, as a fraction
		spaced   bool
		want     string
	}{
		{-16, 10, false, "低于序时进度1.6个百分点"},
		{-525, 100, false, "低于序时进度5.3个百分点"}, // half goes away from zero
		{2, 10, false, "高于序时进度0.2个百分点"},
		{-4, 100, false, "与序时进度持平"}, // shows as 0.0: not "低于…0.0"
		{0, 1, false, "与序时进度持平"},
		{-39, 10, true, "低于序时进度 3.9 个百分点"},
	}
	for _, tt := range tests {
		if got := AgainstSchedule(ledger.NewRate(tt.num, tt.den), tt.spaced); got != tt.want {
			t.Errorf("AgainstSchedule(%d/%d) = %q, want %q", tt.num, tt.den, got, tt.want)
		}
	}
}
