package rules

import (
	"path/filepath"
	"testing"

	"gongjian/ledger"
)

// The projects Detail lists for each rate are the ones its figure counts: on every
// sample, their number is the rate's numerator and denominator, and their amounts sum
// to the 投资完成率's.
func TestDetailCountsWhatTheFiguresCount(t *testing.T) {
	for _, name := range []string{"全县开复工台账.xlsx", "错误台账.xlsx", "礼义镇开复工台账.xlsx", "逐月台账.xlsx", "亿元台账_1904.xlsx"} {
		l, err := ledger.Read(filepath.Join("..", "testdata", name), ledger.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res := Evaluate(l, Default(), Options{})
		d := res.Detail()
		for _, metric := range []string{MetricNewStartRate, MetricContinuingResumeRate, MetricStartRate} {
			mp, ok := d[metric]
			rate := res.Metrics.Get(metric)
			if !ok || rate == nil {
				if ok != (rate != nil) {
					t.Errorf("%s %s: listed %v, rate %v", name, metric, ok, rate)
				}
				continue
			}
			if got := ledger.NewRate(int64(len(mp.Numerator)), int64(len(mp.Denominator))); got.Cmp(*rate) != 0 {
				t.Errorf("%s %s: %d/%d, the rate is %s", name, metric, len(mp.Numerator), len(mp.Denominator), rate.Percent(2))
			}
		}
		c := res.Counts
		if len(d[MetricNewStartRate].Denominator) != c.New || len(d[MetricNewStartRate].Numerator) != c.NewStarted ||
			len(d[MetricContinuingResumeRate].Denominator) != c.Continuing || len(d[MetricContinuingResumeRate].Numerator) != c.ContinuingResumed {
			t.Errorf("%s: detail %d/%d, %d/%d; counts %+v", name, len(d[MetricNewStartRate].Numerator), len(d[MetricNewStartRate].Denominator),
				len(d[MetricContinuingResumeRate].Numerator), len(d[MetricContinuingResumeRate].Denominator), c)
		}
		var plan, done ledger.Amount
		inv := d[MetricInvestmentRate]
		for _, i := range inv.Denominator {
			plan = plan.Add(l.Projects[i].Plan)
		}
		for _, i := range inv.Numerator {
			done = done.Add(l.Projects[i].Done)
		}
		if res.Metrics.InvestmentRate == nil || ledger.AmountRate(done, plan).Cmp(*res.Metrics.InvestmentRate) != 0 {
			t.Errorf("%s: Σ本年完成 %s / Σ年度计划 %s of the listed projects, rate %v", name, done, plan, res.Metrics.InvestmentRate)
		}
		for _, mp := range d {
			for _, i := range mp.Denominator {
				if !res.Counted(i) || l.Projects[i].Nature == NatureTerminated {
					t.Errorf("%s: row %d is listed", name, l.Projects[i].Row)
				}
			}
		}
	}
}
