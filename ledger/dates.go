package ledger

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date that keeps the precision it was written with: "2025年4月"
// is a month (Day == 0), "2025-04-15" a day. The zero Date is "not given".
type Date struct {
	Year  int
	Month int // 1-12
	Day   int // 0 when only the month is known
}

// DayDate returns the date y-m-d.
func DayDate(y, m, d int) Date { return Date{y, m, d} }

// MonthDate returns the month y-m.
func MonthDate(y, m int) Date { return Date{y, m, 0} }

// IsSet reports whether the date was given.
func (d Date) IsSet() bool { return d.Year != 0 }

// HasDay reports whether the date is precise to the day.
func (d Date) HasDay() bool { return d.Day != 0 }

// String is "2025-04-15", or "2025-04" for a month.
func (d Date) String() string {
	if !d.IsSet() {
		return ""
	}
	if d.Day == 0 {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare compares two dates at the coarser of their precisions: April 2025 is
// neither before nor after 2025-04-30, so "planned for April" is overdue only in May.
func (d Date) Compare(o Date) int {
	if c := cmpInt(d.Year*12+d.Month, o.Year*12+o.Month); c != 0 {
		return c
	}
	if d.Day == 0 || o.Day == 0 {
		return 0
	}
	return cmpInt(d.Day, o.Day)
}

// MonthEnd is the last day of the date's month.
func (d Date) MonthEnd() Date {
	return Date{d.Year, d.Month, daysIn(d.Year, d.Month)}
}

// DayOfYear is the day's number in its year (1-366); a month counts as its last day.
func (d Date) DayOfYear() int {
	day := d.Day
	if day == 0 {
		day = daysIn(d.Year, d.Month)
	}
	return time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC).YearDay()
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2200 || m < 1 || m > 12 {
		return false
	}
	return d == 0 || d >= 1 && d <= daysIn(y, m)
}

// ErrNotDate means a cell's text is not a date.
var ErrNotDate = errors.New("不是日期")

// ParseDate reads a date cell's raw value. numeric says the raw value may be an
// Excel serial (a number cell); date1904 picks the workbook's date system; year is
// the ledger's year for text like "3月15日" that gives none (0 if unknown).
//
// Accepted: serials (1900 and 1904 systems), "2025-03-15", "2025/3/15",
// "2025.3.15", "2025.3", "2025.03", "2025-03", "2025年3月15日", "2025年3月",
// "3月15日", "20250315", a trailing time ("2025-03-15 00:00:00"), full-width digits.
// Empty markers give a zero Date and no error.
func ParseDate(raw string, date1904 bool, year int) (Date, error) {
	s := normalizeDateText(raw)
	if isEmptyMarker(s) {
		return Date{}, nil
	}
	// A number cell: an Excel serial, or 2025.3 typed as a number meaning March 2025.
	if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "-/年") {
		if d, ok := yearDotMonth(s); ok {
			return d, nil
		}
		if len(s) == 8 && !strings.Contains(s, ".") {
			if d, ok := compactDate(s); ok {
				return d, nil
			}
		}
		return serialDate(f, date1904)
	}
	return textDate(s, year)
}

// yearDotMonth reads "2025.3", "2025.03", "2025.12" and the "2025.3.15" forms that are
// plain numbers when typed into a number cell.
func yearDotMonth(s string) (Date, bool) {
	y, m, ok := strings.Cut(s, ".")
	if !ok || len(y) != 4 || len(m) < 1 || len(m) > 2 {
		return Date{}, false
	}
	yi, e1 := strconv.Atoi(y)
	mi, e2 := strconv.Atoi(m)
	if e1 != nil || e2 != nil || !validDate(yi, mi, 0) {
		return Date{}, false
	}
	return Date{yi, mi, 0}, true
}

func compactDate(s string) (Date, bool) {
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	if !validDate(y, m, d) || d == 0 {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// serialDate converts an Excel serial day number; only dates from 1990 to 2100 are
// plausible in a ledger, so a stray amount typed into a date column is not a date.
func serialDate(f float64, date1904 bool) (Date, error) {
	if math.IsNaN(f) || f < 1 || f > 80000 {
		return Date{}, ErrNotDate
	}
	days := int(math.Floor(f))
	var base time.Time
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		// Excel's 1900 system counts a 29 February 1900 that never was; from 1 March 1900 on
		// the serials are days since 30 December 1899.
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, days)
	if t.Year() < 1990 || t.Year() > 2100 {
		return Date{}, ErrNotDate
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

// textDate reads the typed forms.
func textDate(s string, year int) (Date, error) {
	// Drop a time of day: "2025-03-15 00:00:00", "2025-03-15T00:00:00Z".
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.TrimSuffix(s, "号")
	s = strings.TrimSuffix(s, "底")
	s = strings.TrimSuffix(s, "初")
	s = strings.TrimSuffix(s, "份")
	var parts []string
	if strings.ContainsAny(s, "年月") {
		y, rest, hasYear := strings.Cut(s, "年")
		if !hasYear {
			rest, y = s, ""
		}
		m, d, _ := strings.Cut(rest, "月")
		parts = []string{y, m, d}
		if d == "" {
			parts = parts[:2]
		}
		if y == "" {
			if year == 0 {
				return Date{}, ErrNotDate
			}
			parts[0] = strconv.Itoa(year)
		}
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if strings.Count(s, "-")+strings.Count(s, "/")+strings.Count(s, ".") != len(parts)-1 {
			return Date{}, ErrNotDate
		}
	}
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, ErrNotDate
	}
	nums := make([]int, 3)
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return Date{}, ErrNotDate
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, ErrNotDate
		}
		nums[i] = n
	}
	if len(parts[0]) != 4 {
		return Date{}, ErrNotDate
	}
	if len(parts) == 3 && nums[2] == 0 {
		return Date{}, ErrNotDate
	}
	if !validDate(nums[0], nums[1], nums[2]) {
		return Date{}, ErrNotDate
	}
	return Date{nums[0], nums[1], nums[2]}, nil
}

func normalizeDateText(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '－' || r == '—' || r == '–' || r == '~':
			b.WriteByte('-')
		case r == '／':
			b.WriteByte('/')
		case r == ' ' || r == '\u3000' || r == '\u00a0':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
