package ledger

import (
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Amount is money in 万元, held exactly as a whole number of 0.0001 万元 (one 元), so
// sums never drift. The zero Amount is "not given", which is not the same as 0.
type Amount struct {
	units int64 // 0.0001 万元
	set   bool
}

// amountScale is the number of Amount units in one 万元.
const amountScale = 10000

// Wan returns an Amount of the given number of 万元 and hundredths (Wan(12, 50) is 12.50 万元).
func Wan(whole int64, hundredths int64) Amount {
	return Amount{units: whole*amountScale + hundredths*100, set: true}
}

// AmountFromUnits returns an Amount of n 0.0001 万元.
func AmountFromUnits(n int64) Amount { return Amount{units: n, set: true} }

// IsSet reports whether the amount was given (an empty cell is not).
func (a Amount) IsSet() bool { return a.set }

// Units is the amount in 0.0001 万元.
func (a Amount) Units() int64 { return a.units }

// Add returns a+b; the sum is given when either is.
func (a Amount) Add(b Amount) Amount {
	return Amount{units: a.units + b.units, set: a.set || b.set}
}

// Sub returns a-b; given when either is.
func (a Amount) Sub(b Amount) Amount {
	return Amount{units: a.units - b.units, set: a.set || b.set}
}

// Cmp compares the values of a and b (not given counts as zero).
func (a Amount) Cmp(b Amount) int {
	switch {
	case a.units < b.units:
		return -1
	case a.units > b.units:
		return 1
	}
	return 0
}

// Sign is -1, 0 or 1.
func (a Amount) Sign() int { return a.Cmp(Amount{}) }

// Wan returns the amount in 万元 as a float, for rates only; never sum floats.
func (a Amount) Float() float64 { return float64(a.units) / amountScale }

// Decimal returns the exact value in 万元.
func (a Amount) Decimal() decimal.Decimal { return decimal.New(a.units, -4) }

// String formats the amount in 万元 with two decimals, rounding half away from zero
// ("1234.57"); an amount not given is "".
func (a Amount) String() string {
	if !a.set {
		return ""
	}
	return a.Fixed(2)
}

// Fixed formats the amount in 万元 with the given number of decimals (0 to 4),
// rounding half away from zero; an amount not given formats as zero.
func (a Amount) Fixed(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	if decimals > 4 {
		decimals = 4
	}
	div := int64(1)
	for i := decimals; i < 4; i++ {
		div *= 10
	}
	u := a.units
	neg := u < 0
	if neg {
		u = -u
	}
	q := (u + div/2) / div // rounded, in 10^-decimals 万元
	pow := int64(1)
	for i := 0; i < decimals; i++ {
		pow *= 10
	}
	s := strconv.FormatInt(q/pow, 10)
	if decimals > 0 {
		frac := strconv.FormatInt(q%pow, 10)
		s += "." + strings.Repeat("0", decimals-len(frac)) + frac
	}
	if neg && q != 0 {
		s = "-" + s
	}
	return s
}

// Unit is the unit of an amount column.
type Unit int

const (
	UnitWan  Unit = iota // 万元, the unit amounts are held in
	UnitYi               // 亿元 = 10000 万元
	UnitYuan             // 元 = 0.0001 万元
)

// String is the unit's Chinese name.
func (u Unit) String() string {
	switch u {
	case UnitYi:
		return "亿元"
	case UnitYuan:
		return "元"
	}
	return "万元"
}

// scaleExp is the power of ten that turns a value in this unit into Amount units.
func (u Unit) scaleExp() int32 {
	switch u {
	case UnitYi:
		return 8
	case UnitYuan:
		return 0
	}
	return 4
}

// ErrNotNumber means a cell's text is not an amount.
var ErrNotNumber = errors.New("不是数字")

// ParseAmount reads a cell's text as an amount in the column's unit and returns it in
// 万元. It accepts numbers as Excel stores them ("1234.5", "1.2E+3"), numeric text as
// people type it ("1,200.5", "１２００", " 300 ", "300万元", "1.2亿"), and the empty
// markers ("", "-", "—", "/", "无"), which give an Amount that is not set. Anything
// else is ErrNotNumber.
func ParseAmount(s string, unit Unit) (Amount, error) {
	s = normalizeNumberText(s)
	if isEmptyMarker(s) {
		return Amount{}, nil
	}
	// A unit written into the cell wins over the column's.
	for _, suf := range []struct {
		text string
		unit Unit
	}{{"万元", UnitWan}, {"亿元", UnitYi}, {"万", UnitWan}, {"亿", UnitYi}, {"元", UnitYuan}} {
		if strings.HasSuffix(s, suf.text) {
			s = strings.TrimSpace(strings.TrimSuffix(s, suf.text))
			unit = suf.unit
			break
		}
	}
	if s == "" || !looksNumeric(s) {
		return Amount{}, ErrNotNumber
	}
	if n, ok := parsePlainDecimal(s, unit.scaleExp()); ok {
		return Amount{units: n, set: true}, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, ErrNotNumber
	}
	d = d.Shift(unit.scaleExp()).Round(0)
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.New(1, 17)) {
		return Amount{}, ErrNotNumber
	}
	return Amount{units: d.IntPart(), set: true}, nil
}

// parsePlainDecimal is the fast path for "-123.45": digits with an optional sign and
// point, scaled by 10^exp and rounded half away from zero. ok is false for anything
// else (exponents, too many digits), which the slow path handles.
func parsePlainDecimal(s string, exp int32) (int64, bool) {
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" || len(s) > 30 {
		return 0, false
	}
	var n int64
	digits, frac := 0, -1
	roundUp := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if frac >= 0 {
				return 0, false
			}
			frac = 0
		case c >= '0' && c <= '9':
			if frac >= 0 && int32(frac) >= exp {
				if int32(frac) == exp && c >= '5' {
					roundUp = true
				}
				frac++
				continue
			}
			if digits > 15 {
				return 0, false
			}
			n = n*10 + int64(c-'0')
			if n != 0 {
				digits++
			}
			if frac >= 0 {
				frac++
			}
		default:
			return 0, false
		}
	}
	if frac == 0 && len(s) == 1 {
		return 0, false // "." alone
	}
	kept := frac
	if kept < 0 {
		kept = 0
	}
	if int32(kept) > exp {
		kept = int(exp)
	}
	for i := int32(kept); i < exp; i++ {
		if n > 1e17 {
			return 0, false
		}
		n *= 10
	}
	if roundUp {
		n++
	}
	if neg {
		n = -n
	}
	return n, true
}

func looksNumeric(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return false
		}
	}
	return true
}

// normalizeNumberText folds full-width digits and signs to ASCII and drops spaces and
// thousands separators.
func normalizeNumberText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == '＋':
			b.WriteByte('+')
		case r == ',' || r == '，' || r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' || r == '\n' || r == '\r':
			// thousands separators and stray spaces
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isEmptyMarker reports whether s (already normalised) means "no value".
func isEmptyMarker(s string) bool {
	switch s {
	case "", "-", "--", "—", "——", "-—", "/", "／", "\\", "无", "暂无", "空", "—-":
		return true
	}
	return false
}
