package report

import (
	"testing"

	"gongjian/rules"
)

// Ranks follow the rate as shown: 35.94% and 35.86% both show 35.9% and share a rank,
// even though a finer rounding would split them (issue 14: ranks 9 and 10 both showed
// 35.9 % / −5.8).
func TestRankRowsOnTheShownRate(t *testing.T) {
	group := func(name string, rate *float64) rules.Group {
		return rules.Group{By: rules.GroupByUnit, Name: name, Metrics: rules.Metrics{InvestmentRate: rate}}
	}
	rows := rankRows([]rules.Group{
		group("县水务局", f64(0.3594)),
		group("县民政局", nil),
		group("县工信局", f64(0.3586)),
		group("县交通局", f64(0.5)),
		group("县教育局", f64(0.3584)), // shows 35.8%
	}, rules.Ratio{Num: 5, Den: 12}, rules.Default())
	want := []struct {
		name string
		rank int
	}{{"县交通局", 1}, {"县工信局", 2}, {"县水务局", 2}, {"县教育局", 4}, {"县民政局", 0}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i].Name != w.name || rows[i].Rank != w.rank {
			t.Errorf("row %d: %s rank %d, want %s rank %d", i, rows[i].Name, rows[i].Rank, w.name, w.rank)
		}
	}
}
