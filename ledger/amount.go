package ledger

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Amount is money in 万元, held exactly as a whole number of 0.0001 万元 (one 元), so
// sums never drift. The zero Amount is "not given", which is not the same as 0.
type Amount struct {
	// v is the amount in 0.0001 万元 shifted left one bit, with the low bit set when
	// the amount was given: eight bytes instead of sixteen, which is 7 MB on a
	// ledger of 100,000 projects with nine amounts each.
	v int64
}

func given(units int64) Amount { return Amount{v: units<<1 | 1} }

// units is the amount in 0.0001 万元 (0 when not given).
func (a Amount) units() int64 { return a.v >> 1 }

// set reports whether the amount was given.
func (a Amount) set() bool { return a.v&1 == 1 }

// amountScale is the number of Amount units in one 万元.
const amountScale = 10000

// Wan returns an Amount of the given number of 万元 and hundredths (Wan(12, 50) is 12.50 万元).
func Wan(whole int64, hundredths int64) Amount {
	return given(whole*amountScale + hundredths*100)
}

// AmountFromUnits returns an Amount of n 0.0001 万元.
func AmountFromUnits(n int64) Amount { return given(n) }

// IsSet reports whether the amount was given (an empty cell is not).
func (a Amount) IsSet() bool { return a.set() }

// Units is the amount in 0.0001 万元.
func (a Amount) Units() int64 { return a.units() }

// Add returns a+b; the sum is given when either is.
func (a Amount) Add(b Amount) Amount {
	if !a.set() && !b.set() {
		return Amount{}
	}
	return given(a.units() + b.units())
}

// Sub returns a-b; given when either is.
func (a Amount) Sub(b Amount) Amount {
	if !a.set() && !b.set() {
		return Amount{}
	}
	return given(a.units() - b.units())
}

// Cmp compares the values of a and b (not given counts as zero).
func (a Amount) Cmp(b Amount) int {
	switch {
	case a.units() < b.units():
		return -1
	case a.units() > b.units():
		return 1
	}
	return 0
}

// Sign is -1, 0 or 1.
func (a Amount) Sign() int { return a.Cmp(Amount{}) }

// Float returns the amount in 万元 as a float, for rates only; never sum floats.
func (a Amount) Float() float64 { return float64(a.units()) / amountScale }

// Decimal returns the exact value in 万元.
func (a Amount) Decimal() decimal.Decimal { return decimal.New(a.units(), -4) }

// In returns the exact value in the unit u: what a cell of a column in 亿元 holds.
func (a Amount) In(u Unit) decimal.Decimal { return decimal.New(a.units(), -u.scaleExp()) }

// String formats the amount in 万元 with two decimals, rounding half away from zero
// ("1234.57"); an amount not given is "".
func (a Amount) String() string {
	if !a.set() {
		return ""
	}
	return a.Fixed(2)
}

// Trimmed formats the amount in 万元 exactly, without trailing zeros ("5000", "0.5"),
// as a rule's threshold is written.
func (a Amount) Trimmed() string {
	s := a.Fixed(4)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
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
	div := uint64(1)
	for i := decimals; i < 4; i++ {
		div *= 10
	}
	// Work on the magnitude as uint64 so that even math.MinInt64 neither overflows nor
	// rounds past the top.
	u := uint64(a.units())
	neg := a.units() < 0
	if neg {
		u = -u
	}
	q := u / div
	if div > 1 && u%div >= div/2 {
		q++ // half away from zero
	}
	pow := uint64(1)
	for i := 0; i < decimals; i++ {
		pow *= 10
	}
	var buf [32]byte
	b := buf[:0]
	if neg && q != 0 {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, q/pow, 10)
	if decimals > 0 {
		b = append(b, '.')
		frac := q % pow
		for p := pow / 10; p > 0; p /= 10 {
			b = append(b, byte('0'+frac/p%10))
		}
	}
	return string(b)
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

// maxAmountUnits bounds a parsed amount at 10^11 万元, beyond any real project, so
// that summing thousands of them cannot overflow int64.
const maxAmountUnits = 1_000_000_000_000_000

// amountSuffixes are the units a clerk may write into the cell itself; longest first.
var amountSuffixes = [...]struct {
	text string
	unit Unit
}{{"万元", UnitWan}, {"亿元", UnitYi}, {"万", UnitWan}, {"亿", UnitYi}, {"元", UnitYuan}}

// ParseAmount reads a cell's text as an amount in the column's unit and returns it in
// 万元, rounded to 0.0001 万元 half away from zero. It accepts numbers as Excel stores
// them ("1234.5", "1.2E+3"), numeric text as people type it ("1,200.5", "１２００",
// " 300 ", "300万元", "1.2亿"), and the empty markers ("", "-", "—", "/", "无"), which
// give an Amount that is not set. Anything else is ErrNotNumber, never a silent zero:
// that includes "1,20" (thousands in groups of three only) and "300 200" (two numbers).
func ParseAmount(s string, unit Unit) (Amount, error) {
	s = strings.TrimSpace(s)
	if isEmptyMarker(s) {
		return Amount{}, nil
	}
	// A unit written into the cell wins over the column's.
	hadUnit := false
	for _, suf := range amountSuffixes {
		if t, ok := strings.CutSuffix(s, suf.text); ok {
			s = strings.TrimRightFunc(t, unicode.IsSpace)
			unit, hadUnit = suf.unit, true
			break
		}
	}
	// Folding allocates, so plain ASCII (what Excel stores) skips it.
	if needsNumberFold(s) {
		s = foldNumberText(s)
		if !hadUnit && isEmptyMarker(s) {
			return Amount{}, nil // "－－"
		}
	}
	n, ok := parseUnits(s, unit.scaleExp())
	if !ok {
		return Amount{}, ErrNotNumber
	}
	return given(n), nil
}

// parseUnits reads a plain number (sign, digits with optional comma thousands
// separators, point, exponent of at most three digits) and returns it times 10^scale,
// rounded half away from zero. It is exact for any number of digits and does not
// allocate; ok is false for anything else or beyond maxAmountUnits.
func parseUnits(s string, scale int32) (n int64, ok bool) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	// Integer part, with separators only between groups of three digits.
	intStart, digits, group, grouped := i, 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits++
			group++
			continue
		}
		if c != ',' {
			break
		}
		if group == 0 || group > 3 || grouped && group != 3 {
			return 0, false
		}
		grouped, group = true, 0
	}
	if grouped && group != 3 {
		return 0, false
	}
	intEnd := i
	fracStart, fracEnd := i, i
	if i < len(s) && s[i] == '.' {
		i++
		fracStart = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		fracEnd = i
	}
	fracDigits := fracEnd - fracStart
	digits += fracDigits
	if digits == 0 {
		return 0, false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		expNeg := false
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			expNeg = s[i] == '-'
			i++
		}
		expStart := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if i-expStart >= 3 {
				return 0, false // Excel writes at most E±308
			}
			exp = exp*10 + int(s[i]-'0')
		}
		if i == expStart {
			return 0, false
		}
		if expNeg {
			exp = -exp
		}
	}
	if i != len(s) {
		return 0, false
	}

	// The value is the digit string D times 10^shift; keep the digits left of the
	// point after shifting and round on the first one dropped.
	shift := exp - fracDigits + int(scale)
	keep := digits
	if shift < 0 {
		keep = digits + shift
	}
	roundUp := false
	k := 0
	for _, part := range [2]string{s[intStart:intEnd], s[fracStart:fracEnd]} {
		for j := 0; j < len(part) && k <= keep; j++ {
			c := part[j]
			if c == ',' {
				continue
			}
			if k < keep {
				n = n*10 + int64(c-'0')
				if n > maxAmountUnits {
					return 0, false
				}
			} else {
				roundUp = c >= '5'
			}
			k++
		}
	}
	for ; shift > 0 && n != 0; shift-- {
		n *= 10
		if n > maxAmountUnits {
			return 0, false
		}
	}
	if roundUp {
		n++
		if n > maxAmountUnits {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// needsNumberFold reports whether s has anything beyond printable ASCII, which
// foldNumberText must turn into the ASCII forms parseUnits reads.
func needsNumberFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < ' ' {
			return true
		}
	}
	return false
}

// foldNumberText turns full-width forms ("１２００", "１，２００．５", "－５") and the Unicode
// minus into ASCII and every kind of space into a plain one, keeping separators so that
// parseUnits can check them.
func foldNumberText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case r == '−':
			r = '-'
		case unicode.IsSpace(r):
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isEmptyMarker reports whether s (already folded) means "no value".
func isEmptyMarker(s string) bool {
	switch s {
	case "", "-", "--", "—", "——", "-—", "/", "／", "\\", "无", "暂无", "空", "—-":
		return true
	}
	return false
}
