package ledger

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// headerScanRows is how far down a sheet the header is looked for (docs/台账字段.md, 找表格).
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
func findHeader(grid [][]string) headerMatch { return builtinMatcher.findHeader(grid) }

func (mt *matcher) findHeader(grid [][]string) headerMatch {
	limit := min(headerScanRows, len(grid))
	singles := make([]headerMatch, limit+2)
	for r := 1; r <= limit+1 && r <= len(grid); r++ {
		singles[r] = mt.matchRows(grid[r-1], nil)
		singles[r].top, singles[r].height = r, 1
	}
	var best headerMatch
	for r := 1; r <= limit; r++ {
		cand := singles[r]
		if r < len(grid) {
			// A pair is a two-level header when it says more than either row alone, or
			// when the lower row is plainly the children of the upper row's groups
			// ("二季度工作计划" over "工作内容及形象进度 | 投资"): then both are header rows
			// even if the children name no field.
			pair := mt.matchRows(grid[r-1], grid[r])
			pair.top, pair.height = r, 2
			switch {
			case pair.score > singles[r].score && pair.score > singles[r+1].score && pair.fields > 1:
				cand = pair
			case pair.score >= singles[r].score && pair.score > singles[r+1].score && isSubHeader(grid[r-1], grid[r], cand.columns):
				cand = pair
			}
		}
		if cand.score > best.score {
			best = cand
		}
	}
	return best
}

// isSubHeader reports whether lower is the second row of a two-level header under
// upper: a group cell in upper with children under it and under the empty (merged)
// cells to its right, nothing in lower that reads as a number or a date, and the
// name column, merged down, empty in lower.
func isSubHeader(upper, lower []string, cols []Column) bool {
	cell := func(row []string, c int) string {
		if c >= 0 && c < len(row) {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	for _, c := range cols {
		if c.Field == FieldName && cell(lower, c.Index) != "" {
			return false
		}
	}
	children, group := 0, false
	for c := range lower {
		v := cell(lower, c)
		if v == "" {
			continue
		}
		if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64); err == nil {
			return false
		}
		if d, err := ParseDate(v, false, 2000); err == nil && d.IsSet() && !monthSpanRe.MatchString(v) && !strings.HasSuffix(v, "季度") {
			return false // a date; but "1月", "二季度" under "投资路线图" are labels
		}
		children++
		if cell(upper, c) != "" && cell(upper, c+1) == "" && cell(lower, c+1) != "" {
			group = true
		}
	}
	return children >= 2 && group
}

// monthSpanRe is a group header naming only months: "1-5月", "5月", "1至5月份".
var monthSpanRe = regexp.MustCompile(`^(?:1[-至到])?\d{1,2}月份?$`)

// isTotalChild reports whether a header under a group is its total ("合计", "小计").
func isTotalChild(t string) bool {
	switch t {
	case "合计", "小计", "总计", "合计数", "总额", "金额":
		return true
	}
	return false
}

// isPlanGroup reports whether a group header holds what is planned or expected
// ("二季度工作计划", "预计新增经济效益"), whose children are not the fields their own
// words loosely name.
func isPlanGroup(g string) bool {
	for _, w := range []string{"计划", "目标", "预计", "季度"} {
		if strings.Contains(g, w) {
			return true
		}
	}
	return false
}

// periodParts are the children a "项目起止年月" group has: the start and the end of
// the period, both read into 建设起止年限.
var periodParts = map[string]bool{"起": true, "止": true, "开始": true, "结束": true, "开工": true, "竣工": true, "起年": true, "止年": true, "起始": true, "完工": true}

// matchRows interprets one header row (lower == nil) or two (upper over lower).
func matchRows(upper, lower []string) headerMatch { return builtinMatcher.matchRows(upper, lower) }

func (mt *matcher) matchRows(upper, lower []string) headerMatch {
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
	var found []headerCell
	group := ""          // the group header over this column ("投资情况（万元）")
	groupAmount := false // the group names an amount field whose first child has not been read
	var texts []string
	for c := 0; c < n; c++ {
		up, low := cell(upper, c), cell(lower, c)
		if lower != nil {
			// A group cell ("投资情况") sits over its first column and, merged, over the
			// empty upper cells to its right; a vertically merged cell ("序号") ends it.
			switch {
			case up != "" && low != "":
				group = up
				gm, ok := mt.match(normalizeHeader(up))
				groupAmount = ok && gm.field.Type() == TypeAmount && gm.month == 0
			case up != "" || low == "":
				group, groupAmount = "", false
			}
		}
		if up == "" && low == "" {
			continue
		}
		col := Column{Index: c, Letter: ColumnLetter(c)}
		var h headerLabel
		var mm match
		var ok bool
		if lower == nil || low == "" {
			col.Header, col.Typed = up, up
			h = normalizeHeader(up)
			mm, ok = mt.match(h)
		} else {
			col.Header, col.Typed = low, low
			if up != "" || group != "" {
				col.Header = group + "/" + low
				col.Typed = group + "/" + low
			}
			h = normalizeHeader(low)
			mm, ok = mt.match(h)
			g := normalizeHeader(group)
			if ok && mm.month == 0 && monthSpanRe.MatchString(g.text) {
				// "1-5月" over "完成投资 | 计划投资": the group gives the month.
				if jm, jok := mt.match(headerLabel{text: g.text + h.text, before: g.text + h.text}); jok && jm.month != 0 {
					mm = jm
				}
			}
			if ok && mm.rank == rankLoose && isPlanGroup(g.text) {
				ok = false // "二季度工作计划" over "工作内容及形象进度": a plan, not the progress
			}
			if !ok && group != "" {
				for _, t := range []string{g.text + h.text, h.text + g.text} {
					if mm, ok = mt.match(headerLabel{text: t, before: t}); ok {
						break
					}
				}
				if ok && mm.rank == rankLoose && isPlanGroup(g.text) {
					ok = false // "二季度工作计划" + "工作内容及形象进度": a quarter's plan, not the year's
				}
				gm, gok := mt.match(g)
				switch {
				case ok || !gok:
				case gm.field == FieldPeriod && periodParts[h.text]:
					// "项目起止年月" over "起 | 止": both halves of the period.
					mm, ok = gm, true
				case groupAmount && (cell(upper, c) != "" || isTotalChild(h.text)):
					// An amount broken down: "本年计划" over "工程计划总额 | 资金计划总额",
					// "年度计划投资" over "合计 | 其中：中央资金": the first child (or the
					// 合计) is the amount itself, the others its parts.
					mm, ok = gm, true
					groupAmount = false
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
		col.HasUnit = h.hasUnit
		if h.hasUnit {
			col.Unit = h.unit
		} else {
			col.Unit = unitUnset
		}
		if h.year != 0 && m.year == 0 && !(ok && mm.field == FieldDoneBefore) {
			m.year = h.year
		}
		if ok {
			col.Year = mm.year
		}
		found = append(found, headerCell{col: col, match: mm, ok: ok, group: group})
	}
	m.columns = resolveColumns(found)
	seen := map[Field]bool{}
	for _, c := range m.columns {
		if c.Field != "" {
			seen[c.Field] = true
		}
		if c.Field == FieldDone && c.Month > m.month {
			m.month = c.Month
		}
	}
	m.fields = len(seen)
	m.hasName = seen[FieldName]
	m.score = m.fields
	if m.hasName {
		m.score += 2
	}
	m.bestText = strings.Join(texts, "、")
	return m
}

// headerCell is one header cell and what it was recognised as, before the columns
// naming the same field are settled.
type headerCell struct {
	col   Column
	match match
	ok    bool
	group string
}

// resolveColumns settles which column the reader reads each field from. Month columns
// are kept together (one per month); a "1-N月" series keeps every month until the
// rows tell which is the latest filled; the two halves of a period are joined; of
// other columns naming the same field, the surest name wins, then the first.
func resolveColumns(cells []headerCell) []Column {
	februaryYTD := map[Field]bool{} // a "1-2月…" column names the field
	singleMonths := map[Field]int{}
	thisYear, sinceStart := false, false // a 本年 完成投资 column; a "截至目前累计完成投资"
	for _, hc := range cells {
		if !hc.ok {
			continue
		}
		if hc.match.field == FieldDone {
			if hc.match.sinceStart {
				sinceStart = true
			} else {
				thisYear = true
			}
		}
		if hc.match.ytd && hc.match.month == 2 {
			februaryYTD[hc.match.field] = true
		} else if !hc.match.ytd && hc.match.month > 0 {
			singleMonths[hc.match.field]++
		}
	}
	// A system export writes the first month of its series as "1月完成投资" and
	// "1月计划投资": with "1-2月…" beside them they start the series. ("01月完成投资"
	// beside a lone "1-12月累计完成投资" is one month's.)
	for i := range cells {
		hc := &cells[i]
		if !hc.ok || hc.match.month != 1 || hc.match.ytd {
			continue
		}
		switch {
		case hc.match.field == FieldMonthDone && februaryYTD[FieldDone] && singleMonths[FieldMonthDone] == 1:
			hc.match.field, hc.match.ytd = FieldDone, true
		case hc.match.field == fieldMonthPlan && februaryYTD[FieldPlanToDate]:
			hc.match.field, hc.match.ytd = FieldPlanToDate, true
		}
	}
	// Beside "本年累计完成投资", "截至目前累计完成投资" is what was done since the project
	// began (截至上年 + 本年).
	if thisYear && sinceStart {
		for i := range cells {
			if cells[i].ok && cells[i].match.sinceStart {
				cells[i].match.field = FieldCumDone
			}
		}
	}
	best := map[Field]int{} // field → index of the column read
	var cols []Column
	for i, hc := range cells {
		col := hc.col
		cols = append(cols, col)
		if !hc.ok || hc.match.field == fieldMonthPlan {
			continue
		}
		f, mm := hc.match.field, hc.match
		cols[i].Known, cols[i].Month, cols[i].NewIfYes = f, mm.month, mm.newIfYes
		switch {
		case f == FieldMonthDone && mm.month > 0, f == FieldProgress && mm.month > 0:
			cols[i].Field = f // month-by-month columns: all kept
			continue
		case f == FieldPlanToDate, f == FieldDone && mm.ytd:
			cols[i].Field = f // a series: the rows pick the month
			if prev, ok := best[f]; ok && cols[prev].Month == 0 {
				cols[prev].Field, cols[prev].Note = "", "已有“"+oneLine(col.Header)+"”等按月累计的列"
			}
			best[f] = i
			continue
		}
		prev, dup := best[f]
		switch {
		case !dup:
			cols[i].Field = f
			best[f] = i
		case f == FieldDone && cols[prev].Month > 0:
			cols[i].Note = "已有“" + oneLine(cols[prev].Header) + "”等按月累计的列"
		case f == FieldPeriod && hc.group != "" && hc.group == cells[prev].group:
			cols[i].Field = f // "起" and "止" under one "项目起止年月"
		case mm.rank < cells[prev].match.rank:
			cols[prev].Field, cols[prev].Note = "", "已有"+col.Letter+"列“"+oneLine(col.Header)+"”"
			cols[i].Field = f
			best[f] = i
		default:
			cols[i].Note = "已有" + cols[prev].Letter + "列“" + oneLine(cols[prev].Header) + "”"
		}
	}
	return cols
}

// unitUnset marks a column whose header names no unit; the sheet's unit applies.
const unitUnset Unit = -1

var (
	unitCellRe = regexp.MustCompile(`单位[:：]?\s*(亿元|万元|元)`)
	yearRe     = regexp.MustCompile(`(20\d\d)\s*年`)
	// "截至2025年5月底", "截止5月31日", "（截至2025年6月30日）": the as-of date is 截至,
	// but many titles use 截止 (a deadline's word) for it, and both are read.
	asOfRe = regexp.MustCompile(`截[至止]\s*(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)?`)
	// "2025年1-5月", "1—5月"
	rangeMonRe = regexp.MustCompile(`(?:(20\d\d)\s*年)?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月`)
	// "…投资路线图及5月进展情况表", "2025年5月重点项目调度表", "五月份", "（2025年6月10日）"
	monthRe = regexp.MustCompile(`(?:(20\d\d)\s*年)?\s*(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*月份?\s*(?:(\d{1,2})\s*日)?`)
	// "二季度推进情况表", "前三季度", "第一季度", "上半年", "下半年"
	quarterRe   = regexp.MustCompile(`(?:(20\d\d)\s*年)?\s*(?:前|第)?([一二三四1-4])\s*季度`)
	halfRe      = regexp.MustCompile(`(?:(20\d\d)\s*年(?:度)?)?\s*([上下])半年`)
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
	when          titleDate
	// block is the title of the first sub-table, right above the header of a sheet
	// holding one block per 类别 ("社会事业类项目  总数2个").
	block section
}

// titleDate is the reporting date a title states, perhaps without its year ("二季度推进
// 情况表", "5月进展情况"): the ledger's year, however found, completes it.
type titleDate struct {
	year, month, day int // day 0: the month's end
}

func (t titleDate) isSet() bool { return t.month != 0 }

// in is the date in the given year, unless the title named its own.
func (t titleDate) in(year int) Date {
	if t.year != 0 {
		year = t.year
	}
	if year == 0 || t.month == 0 {
		return Date{}
	}
	if t.day != 0 && validDate(year, t.month, t.day) {
		return DayDate(year, t.month, t.day)
	}
	return MonthDate(year, t.month).MonthEnd()
}

func readAboveHeader(grid [][]string, top int) aboveHeader {
	var a aboveHeader
	var dateLines []string // lines that may state the date under a title that does not
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
				if _, block := parseBlockTitle(grid[r-1]); block && r == top-1 {
					continue
				}
				a.title = cleanText(v)
				continue
			}
			if asOfLineRe.MatchString(v) {
				dateLines = append(dateLines, v)
			}
		}
	}
	if top >= 2 && top-1 <= len(grid) {
		if s, ok := parseBlockTitle(grid[top-2]); ok {
			a.block = s
		}
	}
	if a.title != "" {
		a.year, a.when = datesInTitle(a.title)
	}
	// "（截至2024年5月31日）" on a line of its own under the title.
	for _, v := range dateLines {
		if a.when.isSet() {
			break
		}
		year, when := datesInTitle(v)
		if a.year == 0 {
			a.year = year
		}
		a.when = when
	}
	return a
}

// asOfLineRe is a line above the header stating the reporting date: "（截至2024年5月
// 31日）", "截止5月底", "2024年1-5月", "（2024年5月）" — not the day a form was filled in
// ("填报日期：2024年6月5日").
var asOfLineRe = regexp.MustCompile(`^[(（]?\s*(?:截[至止]|(?:20\d\d\s*年\s*)?1\s*[-—–~至到]\s*\d{1,2}\s*月|20\d\d\s*年\s*\d{1,2}\s*月(?:份|底|末)?\s*[)）]?$)`)

// datesInTitle reads the year and the reporting date a title states: "截至2025年5月
// 底", "1-5月", "5月进展情况", "二季度", "前三季度", "上半年". The date may come
// without its year.
func datesInTitle(title string) (year int, when titleDate) {
	if m := yearRe.FindStringSubmatch(title); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	valid := func(t titleDate) bool { return t.month >= 1 && t.month <= 12 }
	if m := asOfRe.FindStringSubmatch(title); m != nil {
		if t := (titleDate{atoi(m[1]), atoi(m[2]), atoi(m[3])}); valid(t) {
			return year, t
		}
	}
	if m := rangeMonRe.FindStringSubmatch(title); m != nil {
		if t := (titleDate{year: atoi(m[1]), month: atoi(m[2])}); valid(t) {
			return year, t
		}
	}
	for _, loc := range monthRe.FindAllStringSubmatchIndex(title, -1) {
		// Not the "5" of "1-5月", nor a digit inside a longer number.
		if start := loc[4]; start > 0 {
			prev, _ := utf8.DecodeLastRuneInString(title[:start])
			if prev == '-' || prev == '—' || prev == '~' || prev == '至' || prev == '到' || prev >= '0' && prev <= '9' {
				continue
			}
		}
		t := titleDate{month: chineseNumber(title[loc[4]:loc[5]])}
		if loc[2] >= 0 {
			t.year = atoi(title[loc[2]:loc[3]])
		}
		if loc[6] >= 0 {
			t.day = atoi(title[loc[6]:loc[7]])
		}
		if valid(t) {
			return year, t
		}
	}
	if m := quarterRe.FindStringSubmatch(title); m != nil {
		return year, titleDate{year: atoi(m[1]), month: chineseNumber(m[2]) * 3}
	}
	if m := halfRe.FindStringSubmatch(title); m != nil {
		t := titleDate{year: atoi(m[1]), month: 6}
		if m[2] == "下" {
			t.month = 12
		}
		return year, t
	}
	return year, titleDate{}
}

// chineseNumber reads "5", "五", "十一" (1-12); 0 for anything else.
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digits := map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
	return digits[s]
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

// oneLine is a header with its line breaks and spaces taken out, for a note.
func oneLine(h string) string { return strings.Join(strings.Fields(h), "") }
