package report

import (
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

// Ranks follow the rates as shown: two groups that both show 35.9% share a rank and
// stand in name order, whatever digits lie beyond; a group with no plan is unranked
// and last.
func TestRankOnTheShownRate(t *testing.T) {
	rate := func(num, den int64) *ledger.Rate { r := ledger.NewRate(num, den); return &r }
	group := func(name string, r *ledger.Rate) rules.Group {
		return rules.Group{Name: name, Amounts: rules.Amounts{AnnualPlan: ledger.Wan(100, 0)}, Metrics: rules.Metrics{InvestmentRate: r}}
	}
	schedule := ledger.NewRate(5, 12)
	rows := rankRows([]rules.Group{
		group("县水务局", rate(2550, 7100)),   // 35.915…% → 35.9%
		group("县工信局", rate(13230, 36900)), // 35.853…% → 35.9%
		group("县民政局", rate(500, 1200)),
		group("县发改局", nil),
		group("县交通局", rate(494, 1000)),
		group("县教育局", rate(3586, 10000)), // 35.86% → 35.9%
	}, &schedule, rules.Default())
	want := []struct {
		name string
		rank int
	}{{"县交通局", 1}, {"县民政局", 2}, {"县工信局", 3}, {"县教育局", 3}, {"县水务局", 3}, {"县发改局", 0}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i].Name != w.name || rows[i].Rank != w.rank {
			t.Errorf("row %d: %s rank %d, want %s rank %d", i+1, rows[i].Name, rows[i].Rank, w.name, w.rank)
		}
	}
	// Equal ranks show equal rates and gaps.
	for i := 2; i < 5; i++ {
		if rateCell(rows[i].Rate).Text != "35.9%" || pointsCell(rows[i].GapPoints).Text != "-5.8" {
			t.Errorf("%s shows %s / %s, want 35.9%% / -5.8", rows[i].Name, rateCell(rows[i].Rate).Text, pointsCell(rows[i].GapPoints).Text)
		}
	}
}
