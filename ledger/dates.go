package ledger

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar date that keeps the precision it was written with: "2025年4月"
// is a month, "2025-04-15" a day, "2018年四季度" a quarter, "2018" a year. The zero
// Date is "not given".
//
// It takes four bytes, not 24: a project holds up to three. The reader makes no year
// outside 1900-2200 (ParseDate's range; a title's or header's year is 20xx), far
// inside int16. Day says the precision: a day (1-31), a month (0), or a span of
// months ending with Month (-3 a quarter, -6 a half year, -12 a year).
type Date struct {
	Year  int16
	Month int8 // 1-12; for a span, its last month
	Day   int8 // the day; 0 for a month; -3, -6 or -12 for a quarter, a half or a year
}

// The spans a Date can stand for, as negative Day values.
const (
	spanQuarter = -3
	spanHalf    = -6
	spanYear    = -12
)

// DayDate returns the date y-m-d.
func DayDate(y, m, d int) Date { return Date{int16(y), int8(m), int8(d)} }

// MonthDate returns the month y-m.
func MonthDate(y, m int) Date { return Date{int16(y), int8(m), 0} }

// QuarterDate returns the quarter q (1-4) of year y.
func QuarterDate(y, q int) Date { return Date{int16(y), int8(q * 3), spanQuarter} }

// HalfDate returns the first (h = 1) or second (h = 2) half of year y.
func HalfDate(y, h int) Date { return Date{int16(y), int8(h * 6), spanHalf} }

// YearDate returns the whole year y.
func YearDate(y int) Date { return Date{int16(y), 12, spanYear} }

// IsSet reports whether the date was given.
func (d Date) IsSet() bool { return d.Year != 0 }

// HasDay reports whether the date is precise to the day.
func (d Date) HasDay() bool { return d.Day > 0 }

// months is how many months the date spans: 0 for a day, 1 for a month, 3 for a quarter …
func (d Date) months() int {
	switch {
	case d.Day > 0:
		return 0
	case d.Day == 0:
		return 1
	}
	return -int(d.Day)
}

// String is "2025-04-15", "2025-04" for a month, "2018-Q4" for a quarter, "2018-H1"
// for a half year and "2018" for a year.
func (d Date) String() string {
	if !d.IsSet() {
		return ""
	}
	switch d.Day {
	case 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case spanQuarter:
		return fmt.Sprintf("%04d-Q%d", d.Year, int(d.Month)/3)
	case spanHalf:
		return fmt.Sprintf("%04d-H%d", d.Year, int(d.Month)/6)
	case spanYear:
		return fmt.Sprintf("%04d", d.Year)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Display is the date as a message shows it: String for a day or a month
// ("2025-04-15", "2025-04"), Label for a longer span ("2025年二季度", "2018年"), which
// "2025-Q2" would only puzzle a clerk with.
func (d Date) Display() string {
	if d.Day < 0 {
		return d.Label()
	}
	return d.String()
}

// Label is the date as a Chinese ledger writes it: "2025年4月15日", "2025年4月",
// "2018年四季度", "2018年上半年", "2018年".
func (d Date) Label() string {
	if !d.IsSet() {
		return ""
	}
	y := strconv.Itoa(int(d.Year)) + "年"
	switch d.Day {
	case 0:
		return y + strconv.Itoa(int(d.Month)) + "月"
	case spanQuarter:
		return y + []string{"一", "二", "三", "四"}[int(d.Month)/3-1] + "季度"
	case spanHalf:
		if d.Month <= 6 {
			return y + "上半年"
		}
		return y + "下半年"
	case spanYear:
		return y
	}
	return y + strconv.Itoa(int(d.Month)) + "月" + strconv.Itoa(int(d.Day)) + "日"
}

// bounds are the first and last day the date stands for, as numbers that order like
// the days (not day counts).
func (d Date) bounds() (lo, hi int) {
	base := int(d.Year) * 12 * 32
	if d.Day > 0 {
		v := base + int(d.Month)*32 + int(d.Day)
		return v, v
	}
	first := int(d.Month) - d.months() + 1
	return base + first*32 + 1, base + int(d.Month)*32 + 31
}

// Compare compares two dates at the coarser of their precisions: April 2025 is
// neither before nor after 2025-04-30, so "planned for April" is overdue only in May;
// the fourth quarter of 2018 only once 2018 is over.
func (d Date) Compare(o Date) int {
	dlo, dhi := d.bounds()
	olo, ohi := o.bounds()
	switch {
	case dhi < olo:
		return -1
	case dlo > ohi:
		return 1
	}
	return 0
}

// MonthEnd is the last day of the date's (last) month.
func (d Date) MonthEnd() Date {
	if !d.IsSet() {
		return d
	}
	return Date{d.Year, d.Month, int8(daysIn(int(d.Year), int(d.Month)))}
}

// DayOfYear is the day's number in its year (1-366); a month or a longer span counts
// as its last day.
func (d Date) DayOfYear() int {
	day := int(d.Day)
	if day <= 0 {
		day = daysIn(int(d.Year), int(d.Month))
	}
	return time.Date(int(d.Year), time.Month(d.Month), day, 0, 0, 0, 0, time.UTC).YearDay()
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

// ParseDate reads a date cell's raw value. date1904 picks the workbook's date system
// for serials; year is the ledger's year for text like "3月15日" that gives none (0 if
// unknown).
//
// Accepted: serials (1900 and 1904 systems, with or without a time of day),
// "2025-03-15", "2025/3/15", "2025.3.15", "2025.3", "2025.03", "2025-03",
// "2025年3月15日", "2025年3月", "2025年3月底", "3月15日", "20250315", a trailing time
// ("2025-03-15 00:00:00", "2025-03-15T00:00:00Z"), full-width digits. Month forms give
// a Date with Day 0. Empty markers give a zero Date and no error; anything else is
// ErrNotDate.
func ParseDate(raw string, date1904 bool, year int) (Date, error) {
	s := normalizeDateText(raw)
	if isEmptyMarker(s) {
		return Date{}, nil
	}
	if isNumberText(s) {
		// A number cell: 2025.3 typed as a number meaning March 2025, 20250315, or an
		// Excel serial.
		if d, ok := yearDotMonth(s); ok {
			return d, nil
		}
		if d, ok := yearOnly(s); ok {
			return d, nil
		}
		if len(s) == 8 && !strings.ContainsAny(s, ".eE") {
			if d, ok := compactDate(s); ok {
				return d, nil
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return Date{}, ErrNotDate
		}
		return serialDate(f, date1904)
	}
	if d, ok, err := spanDate(s, year); ok {
		return d, err
	}
	if d, ok, err := monthRange(s, year); ok {
		return d, err
	}
	return textDate(s, year)
}

// monthRangeRe is a start planned for a span of months: "2024年3-4月", "3月-4月",
// "3至4月份".
var monthRangeRe = regexp.MustCompile(`^(?:(\d{4})年)?(\d{1,2})月?[-至到](\d{1,2})月(?:份|底|前|底前)?$`)

// monthRange reads a span of months as its last month: a start planned for "3-4月"
// is due by the end of April.
func monthRange(s string, year int) (Date, bool, error) {
	m := monthRangeRe.FindStringSubmatch(strings.ReplaceAll(s, " ", ""))
	if m == nil {
		return Date{}, false, nil
	}
	from, _ := strconv.Atoi(m[2])
	to, _ := strconv.Atoi(m[3])
	if from < 1 || from >= to || to > 12 {
		return Date{}, true, ErrNotDate
	}
	if m[1] != "" {
		year, _ = strconv.Atoi(m[1])
	}
	if year == 0 {
		return Date{}, true, ErrNotDate
	}
	return MonthDate(year, to), true, nil
}

// yearOnly reads a year typed alone ("2018" in a number or text cell): a start planned
// for a year, judged overdue only once that year is over. As a serial, 2018 would be a
// day in 1905, which no ledger means.
func yearOnly(s string) (Date, bool) {
	if len(s) != 4 || !allDigits(s) {
		return Date{}, false
	}
	y, _ := strconv.Atoi(s)
	if y < 1990 || y > 2100 {
		return Date{}, false
	}
	return YearDate(y), true
}

// quarterWords are the ways a quarter is written after its year ("2018年四季度",
// "2018年第4季度", "2018Q4").
var quarterWords = map[string]int{
	"一季度": 1, "二季度": 2, "三季度": 3, "四季度": 4,
	"第一季度": 1, "第二季度": 2, "第三季度": 3, "第四季度": 4,
	"1季度": 1, "2季度": 2, "3季度": 3, "4季度": 4,
	"第1季度": 1, "第2季度": 2, "第3季度": 3, "第4季度": 4,
	"q1": 1, "q2": 2, "q3": 3, "q4": 4,
}

// spanDate reads the forms that name more than a month: "2018年", "2018年四季度",
// "四季度" (the ledger's year), "2018年上半年", "2018年底" (December). ok is false for
// text that is none of them; then err is nil and the other forms are tried.
func spanDate(s string, year int) (Date, bool, error) {
	t := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	t = strings.TrimSuffix(t, "前") // "2018年底前"
	y := 0
	if len(t) >= 4 && allDigits(t[:4]) {
		y, _ = strconv.Atoi(t[:4])
		t = t[4:]
		if rest, ok := strings.CutPrefix(t, "年"); ok {
			t = rest
		} else if rest, ok := strings.CutPrefix(t, "-"); ok && (strings.HasPrefix(rest, "q") || strings.HasPrefix(rest, "h")) {
			t = rest // the forms Date.String writes: "2018-Q4", "2018-H1"
		} else if t != "" && t[0] != 'q' {
			return Date{}, false, nil
		}
		if y < 1900 || y > 2200 {
			return Date{}, false, nil
		}
	}
	t = strings.TrimPrefix(t, "度") // "2018年度"
	var d Date
	switch {
	case t == "" && y != 0:
		return YearDate(y), true, nil
	case t == "底" || t == "末" || t == "年底" || t == "年末":
		d = MonthDate(y, 12)
	case t == "初" || t == "年初":
		d = MonthDate(y, 1)
	case t == "上半年" || t == "h1":
		d = HalfDate(y, 1)
	case t == "下半年" || t == "h2":
		d = HalfDate(y, 2)
	default:
		t = strings.TrimSuffix(strings.TrimSuffix(t, "末"), "底")
		q, ok := quarterWords[t]
		if !ok {
			return Date{}, false, nil
		}
		d = QuarterDate(y, q)
	}
	if y == 0 {
		if year == 0 {
			return Date{}, true, ErrNotDate
		}
		d.Year = int16(year)
	}
	return d, true, nil
}

// isNumberText reports whether s is how a number cell's value is stored: digits, at
// most one point, an optional exponent; not "0x1p16", "Inf" or "-5", which
// strconv.ParseFloat would take.
func isNumberText(s string) bool {
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case (c == 'e' || c == 'E') && digits > 0:
			rest := strings.TrimLeft(s[i+1:], "+-")
			if len(rest) == 0 || len(rest) < len(s[i+1:])-1 {
				return false
			}
			for j := 0; j < len(rest); j++ {
				if rest[j] < '0' || rest[j] > '9' {
					return false
				}
			}
			return true
		default:
			return false
		}
	}
	return digits > 0
}

// yearDotMonth reads "2025.3", "2025.03" and "2025.12", the year-month forms that are
// plain numbers when typed into a number cell. Such a cell holding 2025.10 stores
// 2025.1, so "2025.1" is January: October must be typed as 2025-10 or as text.
func yearDotMonth(s string) (Date, bool) {
	y, m, ok := strings.Cut(s, ".")
	if !ok || len(y) != 4 || len(m) < 1 || len(m) > 2 || !allDigits(y) || !allDigits(m) {
		return Date{}, false
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	if !validDate(yi, mi, 0) {
		return Date{}, false
	}
	return MonthDate(yi, mi), true
}

// compactDate reads "20250315".
func compactDate(s string) (Date, bool) {
	if !allDigits(s) {
		return Date{}, false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	if d == 0 || !validDate(y, m, d) {
		return Date{}, false
	}
	return DayDate(y, m, d), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// serialDate converts an Excel serial day number; only dates from 1990 to 2100 are
// plausible in a ledger, so a stray amount typed into a date column is not a date.
func serialDate(f float64, date1904 bool) (Date, error) {
	if math.IsNaN(f) || f < 1 || f > 80000 {
		return Date{}, ErrNotDate
	}
	days := math.Floor(f)
	// A time stored as 0.99999999 of a day is midnight, as Excel shows it: round the
	// time to the second first.
	if math.Round((f-days)*86400) >= 86400 {
		days++
	}
	var base time.Time
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		// Excel's 1900 system counts a 29 February 1900 that never was; from 1 March 1900 on
		// the serials are days since 30 December 1899.
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, int(days))
	if t.Year() < 1990 || t.Year() > 2100 {
		return Date{}, ErrNotDate
	}
	return DayDate(t.Year(), int(t.Month()), t.Day()), nil
}

// textDate reads the typed forms: "2025-03-15" and its "/" and "." twins, "2025-03",
// and the Chinese "2025年3月15日", "2025年3月", "3月15日".
func textDate(s string, year int) (Date, error) {
	// Drop a time of day: "2025-03-15 00:00:00", "2025-03-15T00:00:00Z".
	if i := strings.IndexAny(s, " T"); i > 0 && isTimeOfDay(s[i+1:]) {
		s = s[:i]
	}
	var parts [3]string
	n := 0
	if strings.ContainsAny(s, "年月") {
		s = strings.ReplaceAll(s, " ", "") // "2025年 3月"
		s = strings.TrimSuffix(s, "前")     // "3月底前": by the end of March
		// "5月中旬" is May: a planned start said to the 旬 is due by the month's end.
		for _, suf := range []string{"日", "号", "底", "初", "份", "上旬", "中旬", "下旬"} {
			if t, ok := strings.CutSuffix(s, suf); ok {
				s = t
				break
			}
		}
		y, rest, hasYear := strings.Cut(s, "年")
		if !hasYear {
			if year == 0 {
				return Date{}, ErrNotDate
			}
			rest, y = s, strconv.Itoa(year)
		}
		m, d, _ := strings.Cut(rest, "月")
		parts[0], parts[1], parts[2] = y, m, d
		n = 2
		if d != "" {
			n = 3
		}
	} else {
		for {
			i := strings.IndexAny(s, "-/.")
			if i < 0 {
				break
			}
			if n == 2 {
				return Date{}, ErrNotDate
			}
			parts[n], s = s[:i], s[i+1:]
			n++
		}
		parts[n] = s
		n++
		if n < 2 {
			return Date{}, ErrNotDate
		}
	}
	var nums [3]int
	for i, p := range parts[:n] {
		// A year has four digits, a month or day one or two.
		if !allDigits(p) || i == 0 && len(p) != 4 || i > 0 && len(p) > 2 {
			return Date{}, ErrNotDate
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if n == 3 && nums[2] == 0 {
		return Date{}, ErrNotDate
	}
	if !validDate(nums[0], nums[1], nums[2]) {
		return Date{}, ErrNotDate
	}
	return DayDate(nums[0], nums[1], nums[2]), nil
}

// isTimeOfDay reports whether s is a time as it trails a date: "00:00:00", "9:30",
// "00:00:00Z", "08:30:00+08:00", "00:00:00.000".
func isTimeOfDay(s string) bool {
	s = strings.TrimSuffix(s, "Z")
	if i := strings.LastIndexAny(s, "+-"); i > 0 {
		s = s[:i]
	}
	if !strings.Contains(s, ":") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c == ':' || c == '.') {
			return false
		}
	}
	return s[0] != ':'
}

// normalizeDateText folds full-width forms and dashes to ASCII and collapses spaces.
func normalizeDateText(s string) string {
	s = strings.TrimSpace(s)
	if !needsDateFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case r == '。':
			r = '.'
		case r == '—' || r == '–' || r == '~' || r == '−':
			r = '-'
		case unicode.IsSpace(r):
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// needsDateFold reports whether normalizeDateText has anything to change in s; most
// cells ("45731", "2025-03-15", "2025年3月15日") have not, and folding allocates.
func needsDateFold(s string) bool {
	prevSpace := false
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
			continue
		case foldWidth(r) != r, r == '。', r == '—', r == '–', r == '~', r == '−', unicode.IsSpace(r):
			return true
		}
		prevSpace = false
	}
	return false
}
