package ledger

import (
	"math/big"
	"strings"
)

// Rate is an exact ratio: a count of projects over a count, an amount over an amount,
// a month over twelve, or the difference of two of them. Every percentage and every
// gap in 个百分点 the tool prints is rounded from a Rate by Round, once, so the table,
// the Markdown, the JSON, a finding's message and the report never disagree in the last
// digit (5200 ÷ 15000 is 34.7% everywhere, not 34.7% in one place and 34.6% in another).
//
// The zero Rate is 0. A Rate is never changed once made, so copies share freely.
type Rate struct {
	r *big.Rat
}

// NewRate is num/den; den must not be 0.
func NewRate(num, den int64) Rate {
	return Rate{new(big.Rat).SetFrac64(num, den)}
}

// AmountRate is a/b, exactly (b must not be zero).
func AmountRate(a, b Amount) Rate { return NewRate(a.Units(), b.Units()) }

// ParseRate reads a decimal written by a person: "0.5", "33.3", "1e-2". ok is false for
// anything else.
func ParseRate(s string) (Rate, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Rate{}, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Rate{}, false
	}
	return Rate{r}, true
}

// FloatRate is the exact value of a float64 (for thresholds a rules file gives as
// numbers, such as 10 points); never use it for a figure computed from a ledger.
func FloatRate(f float64) Rate {
	r := new(big.Rat)
	if r.SetFloat64(f) == nil {
		return Rate{}
	}
	return Rate{r}
}

func (r Rate) rat() *big.Rat {
	if r.r == nil {
		return new(big.Rat)
	}
	return r.r
}

// Float is the rate as a float64, for comparisons and charts; never print it.
func (r Rate) Float() float64 {
	f, _ := r.rat().Float64()
	return f
}

// Sub is r − o.
func (r Rate) Sub(o Rate) Rate { return Rate{new(big.Rat).Sub(r.rat(), o.rat())} }

// Mul is r × o.
func (r Rate) Mul(o Rate) Rate { return Rate{new(big.Rat).Mul(r.rat(), o.rat())} }

// Points is the rate in 个百分点 (× 100): a gap between two rates said the way a 通报 does.
func (r Rate) Points() Rate { return r.Mul(NewRate(100, 1)) }

// Cmp compares r and o exactly.
func (r Rate) Cmp(o Rate) int { return r.rat().Cmp(o.rat()) }

// Sign is -1, 0 or 1.
func (r Rate) Sign() int { return r.rat().Sign() }

// Round gives the rate with the given number of decimals, rounding half up (a half goes
// away from zero, as Amount.Fixed rounds money): the one rounding of every figure shown.
// A result that rounds to zero has no minus sign.
func (r Rate) Round(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	x := r.rat()
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	// |x| × 10^decimals, rounded half up, as a whole number: (2·n·scale + d) / (2·d).
	num := new(big.Int).Abs(x.Num())
	num.Mul(num, scale)
	num.Lsh(num, 1)
	den := new(big.Int).Lsh(x.Denom(), 1)
	num.Add(num, x.Denom())
	q := new(big.Int).Quo(num, den)
	digits := q.String()
	if decimals > 0 {
		if len(digits) <= decimals {
			digits = strings.Repeat("0", decimals-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-decimals] + "." + digits[len(digits)-decimals:]
	}
	if x.Sign() < 0 && q.Sign() != 0 {
		digits = "-" + digits
	}
	return digits
}

// Rounded is Round as a number, for JSON (4 places there).
func (r Rate) Rounded(decimals int) float64 {
	f, _ := new(big.Rat).SetString(r.Round(decimals))
	v, _ := f.Float64()
	return v
}

// Percent is the rate as a percentage with the given decimals: "34.7%".
func (r Rate) Percent(decimals int) string { return r.Points().Round(decimals) + "%" }

// PercentTrim is Percent with a trailing ".0" dropped, as 通报 write 序时进度 ("75%",
// "41.7%").
func (r Rate) PercentTrim(decimals int) string {
	s := r.Points().Round(decimals)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + "%"
}

// Ceil is the smallest whole number not below the rate.
func (r Rate) Ceil() int64 {
	x := r.rat()
	q, m := new(big.Int).DivMod(x.Num(), x.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// RoundInt is the rate rounded half up to a whole number.
func (r Rate) RoundInt() int64 {
	x := r.rat()
	num := new(big.Int).Abs(x.Num())
	num.Lsh(num, 1)
	num.Add(num, x.Denom())
	q := new(big.Int).Quo(num, new(big.Int).Lsh(x.Denom(), 1))
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64()
}
