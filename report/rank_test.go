package report

import (
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

// Ranks follow the rate as shown: 35.94% and 35.86% both show 35.9% and share a rank,
// even though a finer rounding would split them (issue 14: ranks 9 and 10 both showed
// 35.9 % / −5.8).
func TestRankRowsOnTheShownRate(t *testing.T) {
	group := func(name string, done, plan int64) rules.Group {
		g := rules.Group{By: rules.GroupByUnit, Name: name}
		if plan > 0 {
			r := ledger.NewRate(done, plan)
			g.Metrics.InvestmentRate = &r
		}
		return g
	}
	schedule := ledger.NewRate(5, 12)
	rows := rankRows([]rules.Group{
		group("县水务局", 3594, 10000),
		group("县民政局", 0, 0),
		group("县工信局", 3586, 10000),
		group("县交通局", 1, 2),
		group("县教育局", 3584, 10000),   // shows 35.8%
		group("县文旅局", 35849, 100000), // 35.849% shows 35.8%: a fourth decimal does not split it from 县教育局
	}, &schedule, rules.Default())
	want := []struct {
		name string
		rank int
	}{{"县交通局", 1}, {"县工信局", 2}, {"县水务局", 2}, {"县教育局", 4}, {"县文旅局", 4}, {"县民政局", 0}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i].Name != w.name || rows[i].Rank != w.rank {
			t.Errorf("row %d: %s rank %d, want %s rank %d", i, rows[i].Name, rows[i].Rank, w.name, w.rank)
		}
	}
	// Equal ranks show equal rates; a rank below shows a lower one.
	for i := 1; i < len(rows); i++ {
		if rows[i].Rank == 0 {
			continue
		}
		prev, cur := rateCell(rows[i-1].Rate).Text, rateCell(rows[i].Rate).Text
		if (rows[i].Rank == rows[i-1].Rank) != (prev == cur) {
			t.Errorf("%s rank %d shows %s, %s rank %d shows %s", rows[i-1].Name, rows[i-1].Rank, prev, rows[i].Name, rows[i].Rank, cur)
		}
	}
}
