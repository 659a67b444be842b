package rules

import (
	"reflect"
	"testing"

	"gongjian/internal/enumtest"
	"gongjian/ledger"
)

func TestGroups(t *testing.T) {
	l := newLedger(day(2025, 5, 31), fullColumns, rows(
		ledger.Project{Name: "甲", Nature: "新建", Unit: "发改局", Leader: "王五 王五", Plan: w(100), Done: w(10)},
		ledger.Project{Name: "乙", Nature: "续建", Unit: "住建局", Leader: "王五，赵六", ActualStart: day(2025, 3, 1), Plan: w(300), Done: w(200)},
		ledger.Project{Name: "丙", Nature: "新建", Town: " ", Leader: "赵六", ActualStart: day(2025, 5, 2), Plan: w(200)},
	)...)
	res := Evaluate(l, Default(), Options{})
	type g struct {
		by       GroupBy
		name     string
		projects []int
		counts   Counts
		plan     string
	}
	var got []g
	for _, x := range res.Groups {
		got = append(got, g{x.By, x.Name, x.Projects, x.Counts, x.Amounts.AnnualPlan.String()})
	}
	// No 乡镇 at all (a blank name is no group); "王五 王五" is one membership.
	want := []g{
		{"unit", "住建局", []int{1}, Counts{Projects: 1, Continuing: 1, ContinuingResumed: 1, Started: 1}, "300.00"},
		{"unit", "发改局", []int{0}, Counts{Projects: 1, New: 1}, "100.00"},
		{"leader", "王五", []int{0, 1}, Counts{Projects: 2, New: 1, Continuing: 1, ContinuingResumed: 1, Started: 1}, "400.00"},
		{"leader", "赵六", []int{1, 2}, Counts{Projects: 2, New: 1, NewStarted: 1, Continuing: 1, ContinuingResumed: 1, Started: 2}, "500.00"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups\n got %+v\nwant %+v", got, want)
	}
	wantRate(t, "王五 investment", res.Groups[2].Metrics.InvestmentRate, 210.0/400)
	wantRate(t, "王五 schedule", res.Groups[2].Metrics.Schedule, 5.0/12)

	// Targets: the whole ledger first, then each group in the same order.
	var order []string
	for _, tg := range res.Targets {
		if len(order) == 0 || order[len(order)-1] != string(tg.GroupBy)+":"+tg.Group {
			order = append(order, string(tg.GroupBy)+":"+tg.Group)
		}
	}
	if !reflect.DeepEqual(order, []string{":", "unit:住建局", "unit:发改局", "leader:王五", "leader:赵六"}) {
		t.Errorf("target order %v", order)
	}
}

// A where on 包联领导 matches any one of the names in the cell.
func TestWhereLeader(t *testing.T) {
	f := newFilter(map[ledger.Field]string{ledger.FieldLeader: "赵六", ledger.FieldNature: "新建"})
	for _, tt := range []struct {
		p    ledger.Project
		want bool
	}{
		{ledger.Project{Leader: "王五、赵六", Nature: "新建"}, true},
		{ledger.Project{Leader: "赵六", Nature: "续建"}, false},
		{ledger.Project{Leader: "赵六六", Nature: "新建"}, false},
	} {
		if got := f.match(&tt.p); got != tt.want {
			t.Errorf("match(%+v) = %v", tt.p, got)
		}
	}
	if f.describe() != "包联领导为“赵六”、建设性质为“新建”" {
		t.Errorf("describe %q", f.describe())
	}
}

// Every grouping has its Chinese name and ranking heading (a new one without fails),
// reads a project field, and is parsed from its id; ids outside the list are refused.
func TestGroupByWords(t *testing.T) {
	values := enumtest.Values(t, ".", "GroupBy")
	if len(values) != len(GroupBys) {
		t.Errorf("GroupBys lists %d groupings, the source declares %d", len(GroupBys), len(values))
	}
	for _, v := range values {
		g, ok := ParseGroupBy(v)
		if !ok || g != GroupBy(v) {
			t.Errorf("ParseGroupBy(%q) = %q, %v", v, g, ok)
		}
		if g.Label() == v || g.RankingLabel() == v || g.Field() == "" {
			t.Errorf("GroupBy %q: label %q, ranking %q, field %q", v, g.Label(), g.RankingLabel(), g.Field())
		}
	}
	if GroupByUnit.Label() != "责任单位" || GroupByUnit.RankingLabel() != "县直部门（责任单位）" {
		t.Errorf("unit: %q, %q", GroupByUnit.Label(), GroupByUnit.RankingLabel())
	}
	for _, bad := range []string{"", "county", "Town", "level"} {
		if _, ok := ParseGroupBy(bad); ok {
			t.Errorf("ParseGroupBy(%q) accepted", bad)
		}
	}
}
