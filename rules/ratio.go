package rules

import "math/big"

// Ratio is a rate as the two whole numbers it is worked out from: projects started
// over projects, or 本年完成投资 over 年度计划投资 in ledger.Amount units, or the
// months (days) gone over the months (days) of the year. A float64 rate cannot say
// whether 0.0825 is a shade under or exactly 8.25 个百分点; the fraction can, so
// differences of rates are rounded on it.
type Ratio struct{ Num, Den int64 }

// Ratios are the rates of Metrics as fractions; a zero Den where the rate is nil.
type Ratios struct {
	NewStartRate         Ratio
	ContinuingResumeRate Ratio
	StartRate            Ratio
	InvestmentRate       Ratio
	Schedule             Ratio
}

// Metrics are the rates of the fractions, each its own float so that no caller can
// change another's.
func (r Ratios) Metrics() Metrics {
	return Metrics{
		NewStartRate:         r.NewStartRate.Float(),
		ContinuingResumeRate: r.ContinuingResumeRate.Float(),
		StartRate:            r.StartRate.Float(),
		InvestmentRate:       r.InvestmentRate.Float(),
		Schedule:             r.Schedule.Float(),
		Ratios:               r,
	}
}

// Get returns a metric's fraction by its id (zero for an unknown id).
func (r Ratios) Get(metric string) Ratio {
	switch metric {
	case MetricNewStartRate:
		return r.NewStartRate
	case MetricContinuingResumeRate:
		return r.ContinuingResumeRate
	case MetricStartRate:
		return r.StartRate
	case MetricInvestmentRate:
		return r.InvestmentRate
	case MetricSchedule:
		return r.Schedule
	}
	return Ratio{}
}

// IsSet reports whether the ratio has a denominator.
func (r Ratio) IsSet() bool { return r.Den != 0 }

// Float is the rate as a float64, or nil when the ratio is not set.
func (r Ratio) Float() *float64 {
	if r.Den == 0 {
		return nil
	}
	f := float64(r.Num) / float64(r.Den)
	return &f
}

// PointsOver is r − o in 个百分点 rounded to one decimal, half up (四舍五入: a half
// goes away from zero), worked out on the exact fractions. ok is false when either
// ratio is not set.
func (r Ratio) PointsOver(o Ratio) (points float64, ok bool) {
	if r.Den == 0 || o.Den == 0 {
		return 0, false
	}
	// (r.Num·o.Den − o.Num·r.Den) / (r.Den·o.Den) × 1000 tenths of a point; the
	// products overflow int64 for county sums in 元, so big integers.
	num := new(big.Int).Mul(big.NewInt(r.Num), big.NewInt(o.Den))
	num.Sub(num, new(big.Int).Mul(big.NewInt(o.Num), big.NewInt(r.Den)))
	den := new(big.Int).Mul(big.NewInt(r.Den), big.NewInt(o.Den))
	if den.Sign() < 0 {
		num.Neg(num)
		den.Neg(den)
	}
	neg := num.Sign() < 0
	num.Abs(num)
	// round(|num|·1000/den) half up = ⌊(2·|num|·1000 + den) / (2·den)⌋
	num.Mul(num, big.NewInt(2000))
	num.Add(num, den)
	den.Mul(den, big.NewInt(2))
	tenths := num.Quo(num, den).Int64()
	if tenths == 0 {
		return 0, true // no "-0.0"
	}
	if neg {
		tenths = -tenths
	}
	return float64(tenths) / 10, true
}
