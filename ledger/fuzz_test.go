package ledger

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// isPlainNumber reports whether s is a sign, digits, a point and an exponent only:
// the strings decimal.NewFromString is the reference for.
func isPlainNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
}

func FuzzParseAmount(f *testing.F) {
	for _, c := range amountCases {
		f.Add(c.in, uint8(c.unit))
	}
	f.Fuzz(func(t *testing.T, s string, u uint8) {
		unit := Unit(u % 3)
		a, err := ParseAmount(s, unit)
		if err != nil {
			if a.IsSet() {
				t.Fatalf("ParseAmount(%q) = %d units with error %v", s, a.Units(), err)
			}
			return
		}
		if a.IsSet() {
			if a.Units() > maxAmountUnits || a.Units() < -maxAmountUnits {
				t.Fatalf("ParseAmount(%q) = %d units, beyond the limit", s, a.Units())
			}
			// Formatting a parsed amount and reading it back gives the same amount.
			back, err := ParseAmount(a.Fixed(4), UnitWan)
			if err != nil || back != a {
				t.Fatalf("ParseAmount(%q) = %s, which reads back as %v, %v", s, a.Fixed(4), back, err)
			}
		}
		// Typed in full-width forms, the same text reads the same.
		if wide := widen(s); wide != s {
			w, werr := ParseAmount(wide, unit)
			if w != a || (werr == nil) != (err == nil) {
				t.Fatalf("ParseAmount(%q) = %v, %v but ParseAmount(%q) = %v, %v", s, a, err, wide, w, werr)
			}
		}
		plain := strings.TrimSpace(s)
		if !isPlainNumber(plain) {
			return
		}
		d, derr := decimal.NewFromString(plain)
		if !a.IsSet() {
			if derr == nil && !isEmptyMarker(plain) {
				// decimal reads it; we may refuse it only for being out of range.
				if w := d.Shift(unit.scaleExp()).Round(0); w.Abs().LessThanOrEqual(decimal.New(maxAmountUnits, 0)) && plainExponentOK(plain) {
					t.Fatalf("ParseAmount(%q, %v) refused what decimal reads as %s", s, unit, d)
				}
			}
			return
		}
		if derr != nil {
			t.Fatalf("ParseAmount(%q) = %s but decimal refuses it: %v", s, a.Fixed(4), derr)
		}
		want := d.Shift(unit.scaleExp()).Round(0)
		if !want.Equal(decimal.New(a.Units(), 0)) {
			t.Fatalf("ParseAmount(%q, %v) = %d units, decimal says %s", s, unit, a.Units(), want)
		}
	})
}

// widen writes ASCII digits, signs, point and comma in their full-width forms, as an
// IME in full-width mode types them.
func widen(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || strings.ContainsRune("+-.,", r) {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// plainExponentOK reports whether s's exponent, if any, has at most three digits, the
// most ParseAmount accepts (Excel writes at most E±308).
func plainExponentOK(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return true
	}
	e := strings.TrimLeft(s[i+1:], "+-")
	return len(e) <= 3
}

func FuzzParseDate(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.in, c.date1904, c.year)
	}
	f.Fuzz(func(t *testing.T, s string, date1904 bool, year int) {
		d, err := ParseDate(s, date1904, year)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) = %+v with error %v", s, d, err)
			}
			return
		}
		if !d.IsSet() {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) = %+v: not set but not zero", s, d)
			}
			return
		}
		span := d.Day == spanQuarter && d.Month%3 == 0 || d.Day == spanHalf && d.Month%6 == 0 || d.Day == spanYear && d.Month == 12
		if d.Month < 1 || d.Month > 12 || d.Day < 0 && !span || int(d.Day) > daysIn(int(d.Year), int(d.Month)) || d.Year < 1900 || d.Year > 2200 {
			t.Fatalf("ParseDate(%q) = %+v, not a valid date", s, d)
		}
		// A date's own form reads back as the same date at the same precision.
		back, err := ParseDate(d.String(), false, 0)
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, which reads back as %+v, %v", s, d, back, err)
		}
		if n := d.DayOfYear(); n < 1 || n > 366 {
			t.Fatalf("%v.DayOfYear() = %d", d, n)
		}
		if d.Compare(d.MonthEnd()) > 0 {
			t.Fatalf("%v is after its month's end", d)
		}
	})
}

func FuzzNormalizeName(f *testing.F) {
	for _, c := range sameNameCases {
		f.Add(c.a)
		f.Add(c.b)
	}
	for _, c := range differentNameCases {
		f.Add(c.a)
	}
	f.Add("张三、李四 王五,赵六")
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if again := NormalizeName(n); again != n {
			t.Fatalf("NormalizeName not idempotent: %q → %q → %q", s, n, again)
		}
		if strings.ContainsAny(n, " \t\r\n\u3000") {
			t.Fatalf("NormalizeName(%q) = %q keeps a space", s, n)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("NormalizeName(%q) = %q is not valid UTF-8", s, n)
		}
		c := cleanText(s)
		if c != strings.TrimSpace(c) || strings.ContainsAny(c, "\r\n") {
			t.Fatalf("cleanText(%q) = %q", s, c)
		}
		names := SplitPersons(s)
		for _, name := range names {
			if name == "" || strings.ContainsAny(name, "、,，;；/ \n\u00a0\u3000") {
				t.Fatalf("SplitPersons(%q) gives %q", s, name)
			}
		}
		// Leaders, quick for the form the reader keeps, agrees with SplitPersons.
		if p := (Project{Leader: s}); !slices.Equal(p.Leaders(), names) && utf8.ValidString(s) {
			t.Fatalf("Leaders of %q = %q, want %q", s, p.Leaders(), names)
		}
		// The form the reader keeps splits back into the same people.
		if again := SplitPersons(normalizePersons(s)); !slices.Equal(again, names) && utf8.ValidString(s) {
			t.Fatalf("SplitPersons(normalizePersons(%q)) = %q, want %q", s, again, names)
		}
	})
}
