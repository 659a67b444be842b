package main

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// cents is an amount in hundredths of 万元: the generator's own sums must be
// exact, independently of the reader it is meant to test.
type cents int64

// wan converts a literal 万元 amount from the data tables; every table value
// has at most two decimals, so rounding recovers it exactly.
func wan(x float64) cents { return cents(math.Round(x * 100)) }

func (c cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// float is the value written into a 万元 number cell.
func (c cents) float() float64 { return float64(c) / 100 }

// yi is the value written into a 亿元 number cell (1亿元 = 10000万元).
func (c cents) yi() float64 { return float64(c) / 1e6 }

// grouped formats with thousands separators, as clerks type them ("12,345.60").
func (c cents) grouped() string {
	s := c.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + "." + frac
}

// day is a calendar date as a ledger gives it; d == 0 means only the month was
// given ("2025年4月"), the zero value means no date.
type day struct{ y, m, d int }

func ymd(y, m, d int) day { return day{y, m, d} }

func (t day) none() bool { return t.y == 0 }

// onOrBefore compares at the coarser of the two precisions, as docs/台账字段.md says:
// a start "2025年3月" is on or before 2025-03-31.
func (t day) onOrBefore(at day) bool {
	if t.y != at.y {
		return t.y < at.y
	}
	if t.m != at.m {
		return t.m < at.m
	}
	if t.d == 0 || at.d == 0 {
		return true
	}
	return t.d <= at.d
}

func (t day) time() time.Time { return time.Date(t.y, time.Month(t.m), t.d, 0, 0, 0, 0, time.UTC) }

// serial is the Excel serial number of the date in the 1900 or 1904 system.
// Every date here is after 1900-03-01, so the 1900 leap-year bug does not matter.
func (t day) serial(date1904 bool) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return float64(t.time().Sub(epoch) / (24 * time.Hour))
}

func (t day) iso() string {
	if t.none() {
		return ""
	}
	if t.d == 0 {
		return fmt.Sprintf("%04d-%02d", t.y, t.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
}

// project is one row of a sample as the generator means it. Cells that a
// sample writes differently (text dates, "约300", a blank name) are kept in
// raw, keyed by field id; the typed fields are what a correct reader should
// understand, and what the figures are computed from.
type project struct {
	code, name, owner, town, nature, category, level, unit, leader string

	total, plan, done, cum cents
	// noTotal, noPlan, noDone: the cell is empty or unreadable, so the amount
	// is not part of any sum.
	noTotal, noPlan, noDone bool

	planStart, actualStart day
	status, stats          string
	problems, remark       string
	progress               string // 形象进度

	// months holds monthly completions (3月, 4月, 5月) for the month-by-month
	// sample; done is their sum there.
	months []cents

	raw map[string]any

	// startDoubt marks a row whose start a reader may reasonably count either
	// way (unreadable date, status/date conflict): the group check assumes the
	// worst so that no target-missed appears whichever way it goes.
	startDoubt bool

	// repeats marks the second copy of a duplicated project: a finding, and in no
	// figure (a project counts once, as its first row).
	repeats bool
}

// startedStatus lists the statuses that count as started when no date is given (docs/统计口径.md).
var startedStatus = map[string]bool{"已开工": true, "已复工": true, "开工": true, "是": true}

// startedBy follows docs/统计口径.md: an actual start on or before the date, or no
// date and a status that says started.
func (p *project) startedBy(at day) bool {
	if !p.actualStart.none() {
		return p.actualStart.onOrBefore(at)
	}
	return startedStatus[p.status]
}
