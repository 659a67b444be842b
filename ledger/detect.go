package ledger

import (
	"regexp"
	"strconv"
	"strings"
)

// headerScanRows is how far down a sheet the header is looked for (SPEC §2).
const headerScanRows = 15

// headerMatch is the best header found in a sheet.
type headerMatch struct {
	top, height int // first header row (1-based) and 1 or 2 rows
	columns     []Column
	score       int
	fields      int
	hasName     bool
	month       int // the "1-N月" month of the done column
	year        int // a year written in a header ("2025年计划投资")
	bestText    string
}

// dataStart is the first row below the header.
func (h *headerMatch) dataStart() int { return h.top + h.height }

// rows returns the header's row numbers.
func (h *headerMatch) rows() []int {
	if h.height == 2 {
		return []int{h.top, h.top + 1}
	}
	return []int{h.top}
}

// findHeader scores every row, and every pair of rows for two-level headers, of the
// first rows of a sheet (grid[i] is row i+1) and returns the best.
func findHeader(grid [][]string) headerMatch {
	limit := min(headerScanRows, len(grid))
	singles := make([]headerMatch, limit+2)
	for r := 1; r <= limit+1 && r <= len(grid); r++ {
		singles[r] = matchRows(grid[r-1], nil)
		singles[r].top, singles[r].height = r, 1
	}
	var best headerMatch
	for r := 1; r <= limit; r++ {
		cand := singles[r]
		if r < len(grid) {
			// A pair is a two-level header only when it says more than either row alone.
			pair := matchRows(grid[r-1], grid[r])
			pair.top, pair.height = r, 2
			if pair.score > singles[r].score && pair.score > singles[r+1].score && pair.fields > 1 {
				cand = pair
			}
		}
		if cand.score > best.score {
			best = cand
		}
	}
	return best
}

// matchRows interprets one header row (lower == nil) or two (upper over lower).
func matchRows(upper, lower []string) headerMatch {
	n := len(upper)
	if len(lower) > n {
		n = len(lower)
	}
	cell := func(row []string, c int) string {
		if c < len(row) {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	var m headerMatch
	seen := map[Field]int{} // field → index in m.columns
	group := ""             // the group header over this column ("投资情况（万元）")
	var texts []string
	for c := 0; c < n; c++ {
		up, low := cell(upper, c), cell(lower, c)
		if lower != nil {
			// A group cell ("投资情况") sits over its first column and, merged, over the
			// empty upper cells to its right; a vertically merged cell ("序号") ends it.
			switch {
			case up != "" && low != "":
				group = up
			case up != "" || low == "":
				group = ""
			}
		}
		if up == "" && low == "" {
			continue
		}
		col := Column{Index: c, Letter: ColumnLetter(c)}
		var h headerLabel
		var f Field
		var month int
		var ok bool
		if lower == nil || low == "" {
			col.Header = up
			h = normalizeHeader(up)
			f, month, ok = matchHeader(h)
		} else {
			col.Header = low
			if up != "" || group != "" {
				col.Header = group + "/" + low
			}
			h = normalizeHeader(low)
			f, month, ok = matchHeader(h)
			g := normalizeHeader(group)
			if !ok && group != "" {
				for _, t := range []string{g.text + h.text, h.text + g.text} {
					if f, month, ok = matchHeader(headerLabel{text: t}); ok {
						break
					}
				}
			}
			if !h.hasUnit && g.hasUnit {
				h.unit, h.hasUnit = g.unit, true
			}
			if h.year == 0 {
				h.year = g.year
			}
		}
		texts = append(texts, col.Header)
		if h.hasUnit {
			col.Unit = h.unit
		} else {
			col.Unit = unitUnset
		}
		if h.year != 0 && m.year == 0 {
			m.year = h.year
		}
		if ok {
			col.Month = month
			if prev, dup := seen[f]; dup {
				switch {
				case f == FieldMonthDone || f == FieldProgress:
					// monthly columns: keep them all
				case f == FieldDone && month > m.columns[prev].Month:
					m.columns[prev].Field = "" // an older "1-N月" column beside the current one
					seen[f] = len(m.columns)
				default:
					ok = false
				}
			} else {
				seen[f] = len(m.columns)
			}
		}
		if ok {
			col.Field = f
			if f == FieldDone && month > m.month {
				m.month = month
			}
		}
		m.columns = append(m.columns, col)
	}
	m.fields = len(seen)
	_, m.hasName = seen[FieldName]
	m.score = m.fields
	if m.hasName {
		m.score += 2
	}
	m.bestText = strings.Join(texts, "、")
	return m
}

// unitUnset marks a column whose header names no unit; the sheet's unit applies.
const unitUnset Unit = -1

var (
	unitCellRe = regexp.MustCompile(`单位[:：]?\s*(亿元|万元|元)`)
	yearRe     = regexp.MustCompile(`(20\d\d)\s*年`)
	// "截至2025年5月底", "截止5月31日", "2025年1-5月", "（截至2025年6月30日）"
	asOfRe      = regexp.MustCompile(`截[至止]\s*(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)?`)
	rangeMonRe  = regexp.MustCompile(`(?:(20\d\d)\s*年)?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月`)
	fillerRe    = regexp.MustCompile(`^(填报单位|报送单位|填表单位|上报单位)`)
	titleWordRe = regexp.MustCompile(`台账|表|清单|项目|情况`)
)

// aboveHeader is what the rows above the header say: the title, the 填报单位 line,
// a unit for the whole sheet, and the reporting date if the title gives one.
type aboveHeader struct {
	title, filler string
	unit          Unit
	hasUnit       bool
	year          int
	asOf          Date
}

func readAboveHeader(grid [][]string, top int) aboveHeader {
	var a aboveHeader
	for r := 1; r < top && r <= len(grid); r++ {
		for _, v := range grid[r-1] {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if m := unitCellRe.FindStringSubmatch(v); m != nil && !a.hasUnit {
				a.unit, a.hasUnit = unitFromText(m[1]), true
			}
			if fillerRe.MatchString(v) && a.filler == "" {
				a.filler = v
				continue
			}
			if a.title == "" && titleWordRe.MatchString(v) && !strings.HasPrefix(v, "单位") {
				a.title = cleanText(v)
			}
		}
	}
	if a.title != "" {
		a.year, a.asOf = datesInTitle(a.title)
	}
	return a
}

// datesInTitle reads the year and the reporting date a title states.
func datesInTitle(title string) (year int, asOf Date) {
	if m := yearRe.FindStringSubmatch(title); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	if m := asOfRe.FindStringSubmatch(title); m != nil {
		y := year
		if m[1] != "" {
			y, _ = strconv.Atoi(m[1])
		}
		mo, _ := strconv.Atoi(m[2])
		if y != 0 && mo >= 1 && mo <= 12 {
			d := MonthDate(y, mo).MonthEnd()
			if m[3] != "" {
				day, _ := strconv.Atoi(m[3])
				if validDate(y, mo, day) && day != 0 {
					d = DayDate(y, mo, day)
				}
			}
			return year, d
		}
	}
	if m := rangeMonRe.FindStringSubmatch(title); m != nil {
		y := year
		if m[1] != "" {
			y, _ = strconv.Atoi(m[1])
		}
		mo, _ := strconv.Atoi(m[2])
		if y != 0 && mo >= 1 && mo <= 12 {
			return year, MonthDate(y, mo).MonthEnd()
		}
	}
	return year, Date{}
}

func unitFromText(s string) Unit {
	switch s {
	case "亿元":
		return UnitYi
	case "元":
		return UnitYuan
	}
	return UnitWan
}
