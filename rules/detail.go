package rules

// MetricProjects are the projects one of the whole ledger's figures counts: those of
// its denominator and, among them, those of its numerator, as indexes into
// Ledger.Projects in row order. For 投资完成率 the denominator is the projects whose
// 年度计划投资 is summed and the numerator those whose 本年完成投资 is (a project
// may give one and not the other).
type MetricProjects struct {
	Numerator, Denominator []int
}

// Detail lists, for each rate of the whole ledger (MetricNewStartRate …
// MetricInvestmentRate) the rules could work out, the projects it counts — by the
// very tests the counts follow, so that "which ones?" has the answer the figure was
// made from. A repeated project and, in every rate, a 终止 one are left out.
func (r *Result) Detail() map[string]MetricProjects {
	out := map[string]MetricProjects{}
	j := r.progress
	if j == nil || r.Ledger == nil {
		return out
	}
	av := j.avail
	add := func(metric string, i int, inNumerator bool) {
		mp := out[metric]
		mp.Denominator = append(mp.Denominator, i)
		if inNumerator {
			mp.Numerator = append(mp.Numerator, i)
		}
		out[metric] = mp
	}
	for i := range r.Ledger.Projects {
		p := &r.Ledger.Projects[i]
		nature := natureOf(p)
		if !r.Counted(i) || nature == natureTerminated {
			continue
		}
		started := j.r.StartedBy(p, r.AsOf)
		if av.start {
			if av.nature && nature == natureNew {
				add(MetricNewStartRate, i, started)
			}
			if av.nature && nature == natureContinuing {
				add(MetricContinuingResumeRate, i, started)
			}
			if !av.nature || nature == natureNew || nature == natureContinuing {
				add(MetricStartRate, i, started)
			}
		}
		if av.investment {
			// The sums take every project's cells: a 本年完成 without a 年度计划 (a
			// missing-value error) is in the numerator and not the denominator.
			mp := out[MetricInvestmentRate]
			if p.Plan.IsSet() {
				mp.Denominator = append(mp.Denominator, i)
			}
			if p.Done.Sign() != 0 {
				mp.Numerator = append(mp.Numerator, i)
			}
			out[MetricInvestmentRate] = mp
		}
	}
	// A plan that sums to nothing gives no 投资完成率: list nothing for it.
	if r.Metrics.InvestmentRate == nil {
		delete(out, MetricInvestmentRate)
	}
	return out
}
