package ledger

import (
	"cmp"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Rate is an exact ratio: a count of projects over a count, an amount over an amount,
// a month over twelve, or the difference of two of them. Every percentage and every
// gap in 个百分点 the tool prints is rounded from a Rate by Round, once, so the table,
// the Markdown, the JSON, a finding's message and the report never disagree in the last
// digit (5200 ÷ 15000 is 34.7% everywhere, not 34.7% in one place and 34.6% in another).
//
// A Rate is a fraction of two int64 kept in lowest terms, which is all a ledger's
// figures need and costs no allocation (a large ledger works out one for each project
// behind schedule); a result too large for them moves to math/big. The zero Rate is 0.
// A Rate is never changed once made, so copies share freely.
type Rate struct {
	num, den int64    // num/den with den > 0, in lowest terms; den == 0 means 0 (the zero Rate)
	big      *big.Rat // set instead when num/den would not fit
}

// NewRate is num/den; den must not be 0.
func NewRate(num, den int64) Rate {
	if den < 0 {
		if num == minInt64 || den == minInt64 {
			return fromBig(new(big.Rat).SetFrac64(num, den))
		}
		num, den = -num, -den
	}
	if g := gcd(abs64(num), uint64(den)); g > 1 {
		num /= int64(g)
		den /= int64(g)
	}
	return Rate{num: num, den: den}
}

const minInt64 = -1 << 63

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
	return fromBig(r), true
}

// FloatRate is the exact value of a float64 (for thresholds a rules file gives as
// numbers, such as 10 points); never use it for a figure computed from a ledger.
func FloatRate(f float64) Rate {
	r := new(big.Rat)
	if r.SetFloat64(f) == nil {
		return Rate{}
	}
	return fromBig(r)
}

// fromBig is r as a Rate, small when it fits.
func fromBig(r *big.Rat) Rate {
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		return Rate{num: r.Num().Int64(), den: r.Denom().Int64()}
	}
	return Rate{big: r}
}

// parts are the numerator and denominator (den > 0); ok is false for a big Rate.
func (r Rate) parts() (num, den int64, ok bool) {
	switch {
	case r.big != nil:
		return 0, 0, false
	case r.den == 0:
		return 0, 1, true
	}
	return r.num, r.den, true
}

// rat is the Rate as a big.Rat, for the rare result too large for int64.
func (r Rate) rat() *big.Rat {
	if r.big != nil {
		return r.big
	}
	n, d, _ := r.parts()
	return new(big.Rat).SetFrac64(n, d)
}

// Float is the rate as a float64, for comparisons and charts; never print it.
func (r Rate) Float() float64 {
	if n, d, ok := r.parts(); ok {
		return float64(n) / float64(d)
	}
	f, _ := r.big.Float64()
	return f
}

// Sub is r − o.
func (r Rate) Sub(o Rate) Rate {
	a, b, ok1 := r.parts()
	c, d, ok2 := o.parts()
	if ok1 && ok2 {
		// a/b − c/d = (a·d − c·b) / (b·d)
		ad, ok3 := mul64(a, d)
		cb, ok4 := mul64(c, b)
		bd, ok5 := mul64(b, d)
		if ok3 && ok4 && ok5 {
			if n, ok := sub64(ad, cb); ok {
				return NewRate(n, bd)
			}
		}
	}
	return fromBig(new(big.Rat).Sub(r.rat(), o.rat()))
}

// Mul is r × o.
func (r Rate) Mul(o Rate) Rate {
	a, b, ok1 := r.parts()
	c, d, ok2 := o.parts()
	if ok1 && ok2 {
		ac, ok3 := mul64(a, c)
		bd, ok4 := mul64(b, d)
		if ok3 && ok4 {
			return NewRate(ac, bd)
		}
	}
	return fromBig(new(big.Rat).Mul(r.rat(), o.rat()))
}

// Points is the rate in 个百分点 (× 100): a gap between two rates said the way a 通报 does.
func (r Rate) Points() Rate { return r.Mul(Rate{num: 100, den: 1}) }

// Cmp compares r and o exactly.
func (r Rate) Cmp(o Rate) int {
	a, b, ok1 := r.parts()
	c, d, ok2 := o.parts()
	if ok1 && ok2 {
		ad, ok3 := mul64(a, d)
		cb, ok4 := mul64(c, b)
		if ok3 && ok4 {
			return cmp.Compare(ad, cb)
		}
	}
	return r.rat().Cmp(o.rat())
}

// Sign is -1, 0 or 1.
func (r Rate) Sign() int {
	if n, _, ok := r.parts(); ok {
		return cmp.Compare(n, 0)
	}
	return r.big.Sign()
}

// Round gives the rate with the given number of decimals, rounding half up (a half goes
// away from zero, as Amount.Fixed rounds money): the one rounding of every figure shown.
// A result that rounds to zero has no minus sign.
func (r Rate) Round(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	digits, neg := r.roundedDigits(decimals)
	if decimals > 0 {
		if len(digits) <= decimals {
			digits = strings.Repeat("0", decimals-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-decimals] + "." + digits[len(digits)-decimals:]
	}
	if neg {
		digits = "-" + digits
	}
	return digits
}

// roundedDigits is |r| × 10^decimals rounded half up, as decimal digits, and whether
// r is below zero and does not round to zero.
func (r Rate) roundedDigits(decimals int) (string, bool) {
	if n, d, ok := r.parts(); ok && decimals <= 18 {
		// (2·|n|·10^decimals + d) / (2·d), in 128 bits.
		scale := uint64(1)
		for i := 0; i < decimals; i++ {
			scale *= 10
		}
		hi, lo := bits.Mul64(abs64(n), scale)
		if hi < 1<<62 && uint64(d) < 1<<62 {
			hi = hi<<1 | lo>>63 // × 2
			lo <<= 1
			var carry uint64
			lo, carry = bits.Add64(lo, uint64(d), 0)
			hi += carry
			if den := 2 * uint64(d); hi < den {
				q, _ := bits.Div64(hi, lo, den)
				return strconv.FormatUint(q, 10), n < 0 && q != 0
			}
		}
	}
	x := r.rat()
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	num := new(big.Int).Abs(x.Num())
	num.Mul(num, scale)
	num.Lsh(num, 1)
	num.Add(num, x.Denom())
	q := new(big.Int).Quo(num, new(big.Int).Lsh(x.Denom(), 1))
	return q.String(), x.Sign() < 0 && q.Sign() != 0
}

// Rounded is Round as a number, for JSON (4 places there).
func (r Rate) Rounded(decimals int) float64 {
	v, _ := strconv.ParseFloat(r.Round(decimals), 64)
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
	if n, d, ok := r.parts(); ok {
		q := n / d
		if n%d != 0 && n > 0 {
			q++
		}
		return q
	}
	x := r.big
	q, m := new(big.Int).DivMod(x.Num(), x.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// RoundInt is the rate rounded half up (away from zero) to a whole number.
func (r Rate) RoundInt() int64 {
	s, neg := r.roundedDigits(0)
	v, _ := strconv.ParseInt(s, 10, 64)
	if neg {
		return -v
	}
	return v
}

func abs64(n int64) uint64 {
	if n < 0 {
		return uint64(-n) // also right for the smallest int64
	}
	return uint64(n)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// mul64 is a·b, ok false when it does not fit in an int64.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if hi != 0 || lo > 1<<63-1 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// sub64 is a − b, ok false when it does not fit.
func sub64(a, b int64) (int64, bool) {
	c := a - b
	if (b > 0 && c > a) || (b < 0 && c < a) {
		return 0, false
	}
	return c, true
}
