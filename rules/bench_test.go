package rules

import (
	"strconv"
	"testing"

	"gongjian/ledger"
)

// bigLedger is n projects spread over the county's towns, 50 units and 30 leaders.
func bigLedger(n int) *ledger.Ledger {
	towns := Default().Towns
	ps := make([]ledger.Project, n)
	for i := range ps {
		p := &ps[i]
		p.Row = 5 + i
		p.Name = "项目" + strconv.Itoa(i)
		p.Town = towns[i%len(towns)]
		p.Unit = "单位" + strconv.Itoa(i%50)
		p.Leader = "领导" + strconv.Itoa(i%30) + "、领导" + strconv.Itoa((i+7)%30)
		p.Nature = [...]string{"新建", "续建", "续建", "终止"}[i%4]
		if i%3 != 0 {
			p.ActualStart = day(2025, 1+i%6, 1+i%28)
		}
		p.Plan, p.Done, p.Total = w(float64(100+i%900)), w(float64(i%400)), w(float64(1000+i%9000))
		if i%10 == 0 {
			p.Category = "招商引资"
		}
	}
	return newLedger(day(2025, 5, 31), fullColumns, ps...)
}

func BenchmarkEvaluate100k(b *testing.B) {
	l := bigLedger(100_000)
	r := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Evaluate(l, r, Options{})
	}
}
