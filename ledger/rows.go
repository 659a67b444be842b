package ledger

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// rowReader turns the rows below the header into projects, totals and problems.
type rowReader struct {
	l        *Ledger
	date1904 bool
	byCol    []*Column   // column index → its interpreted column, nil if none
	types    []ValueType // column index → its field's type (looked up once, not per cell)
	seqCol   int         // -1 if none
	nameCol  int         // -1 if none
	monthly  bool        // 本年完成 is the sum of month-by-month columns
	// monthIdx maps a monthly 完成投资 column's index to its place in Ledger.MonthColumns.
	monthIdx map[int]int
	// seriesIdx maps a "1-N月完成投资" or "1-N月计划投资" column's index to its place in
	// Extra.series, when the ledger has a series of them (seriesCols, in that order).
	seriesIdx  map[int]int
	seriesCols []int
	// persons marks the columns that name people (包联领导).
	persons []bool
	yearCol int         // the 年度/项目年份 column, -1 if none
	years   map[int]int // the years it gives, and how often
	// monthCol is the 填报月份 column (-1 if none); months the months it gives
	// (year*100+month, the year 0 when not given), and how often.
	monthCol int
	months   map[int]int
	// headerTexts are the header's cells as typed and normalised, to know a header
	// repeated over each sub-table of a sheet.
	headerTexts map[string]bool
	// lastTitle is the index of the last project row that may be a sub-table's title
	// ("社会事业项目"), titleText the text of a row passed over that may be one: a
	// repeated header right under it makes it one.
	lastTitle int
	titleText string
	// prevProject is the project read from the row above (-1 when that row was none),
	// pendingSection the section row above when it may be a 打包项目's parent, and pkg
	// the package whose children the rows being read are (package.go).
	prevProject    int
	pendingSection *pendingSection
	tentative      *tentativePackage
	pkg            *openPackage

	nature, category string   // from the current section rows
	sectionCats      []string // the category each section gives its rows, by section id - 1
	grade            string   // the 项目级别 a section names ("省重点项目")
	sectionText      string
	sectionID        int   // increases with each section row; 0 before any
	projectSection   []int // section id of each project
	subtotals        []subtotal
	inNotes          bool
	started          bool // a project or total row has been seen

	sizeHint int // projects expected (an upper bound), 0 if unknown
	// texts holds each text column's distinct values, so that the 100,000 copies of
	// "续建" or a town's name the cells arrive as share one string; a column found to
	// have more than maxInterned distinct values (names, codes) stops being looked up.
	texts []map[string]string

	dateYears map[int]int
	yearless  []pendingDate // dates like "3月15日" read before the year was known
	either    []pendingDate // "开工/计划开工时间" values, placed once the as-of is known
}

type subtotal struct {
	total   int // index into l.Totals
	section int // the section it sums, 0 if none
	grand   bool
	after   int // number of projects before it
	prevEnd int // number of projects before the previous total row
}

type pendingDate struct {
	project int
	col     int
	row     int
	raw     string
	date    Date
}

func newRowReader(l *Ledger, date1904 bool) *rowReader {
	r := &rowReader{l: l, date1904: date1904, seqCol: -1, nameCol: -1, yearCol: -1, monthCol: -1, lastTitle: -1, prevProject: -1, dateYears: map[int]int{}}
	maxCol := -1
	for i := range l.Columns {
		if l.Columns[i].Index > maxCol {
			maxCol = l.Columns[i].Index
		}
	}
	r.byCol = make([]*Column, maxCol+1)
	r.types = make([]ValueType, maxCol+1)
	r.persons = make([]bool, maxCol+1)
	r.headerTexts = map[string]bool{}
	doneYTD := 0
	for i := range l.Columns {
		c := &l.Columns[i]
		for _, t := range strings.Split(c.Header, "/") {
			if t = strings.TrimSpace(t); t != "" {
				r.headerTexts[t] = true
				r.headerTexts[normalizeHeader(t).text] = true
			}
		}
		if c.Field == FieldDone && c.Month > 0 {
			doneYTD++
		}
		if c.Field == "" {
			continue
		}
		r.byCol[c.Index] = c
		r.types[c.Index] = c.Field.Type()
		r.persons[c.Index] = c.Field.IsPerson()
		switch c.Field {
		case FieldSeq:
			r.seqCol = c.Index
		case FieldName:
			r.nameCol = c.Index
		case FieldYear:
			r.yearCol, r.years = c.Index, map[int]int{}
		case FieldReportMonth:
			r.monthCol, r.months = c.Index, map[int]int{}
		}
	}
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Field == FieldPlanToDate || c.Field == FieldDone && c.Month > 0 && doneYTD > 1 {
			if r.seriesIdx == nil {
				r.seriesIdx = map[int]int{}
			}
			r.seriesIdx[c.Index] = len(r.seriesCols)
			r.seriesCols = append(r.seriesCols, c.Index)
		}
	}
	months := l.MonthColumns()
	r.monthly = !l.Has(FieldDone) && len(months) > 0
	if len(months) > 0 {
		r.monthIdx = make(map[int]int, len(months))
		for k, c := range months {
			r.monthIdx[c.Index] = k
		}
	}
	return r
}

// maxSizeHint bounds the up-front allocation whatever a file claims: Excel's row limit.
const maxSizeHint = 1 << 20

// sizeFor sets the number of projects to make room for when the first one comes.
func (r *rowReader) sizeFor(n int) {
	r.sizeHint = max(0, min(n, maxSizeHint))
}

func (r *rowReader) cell(cells []string, c int) string {
	if c >= 0 && c < len(cells) {
		return cells[c]
	}
	return ""
}

func (r *rowReader) add(row int, cells []string) {
	first, nonEmpty := "", 0
	for _, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			if first == "" {
				first = v
			}
			nonEmpty++
		}
	}
	if nonEmpty == 0 || r.inNotes {
		return
	}
	// A sub-table's title is the row right above its repeated header: remember the
	// last row that may be one, forget it on any other row.
	lastTitle, titleText := r.lastTitle, r.titleText
	r.lastTitle, r.titleText = -1, ""
	prev, pending, tentative := r.prevProject, r.pendingSection, r.tentative
	r.prevProject, r.pendingSection, r.tentative = -1, nil, nil
	if r.started && r.isRepeatedHeader(cells) {
		r.repeatedHeader(lastTitle, titleText)
		return
	}
	label := first
	for _, c := range []int{r.seqCol, r.nameCol} {
		if v := strings.TrimSpace(r.cell(cells, c)); v != "" {
			if _, ok := totalLabelOf(v); ok {
				label = v
				break
			}
		}
	}
	if kind, ok := totalLabelOf(label); ok {
		r.addTotal(row, cells, kind)
		return
	}
	if isNote(first) && nonEmpty <= 3 {
		r.inNotes = r.started
		return
	}
	if !r.started {
		if isColumnNumberRow(cells) {
			return
		}
		if units, ok := unitRowUnits(cells); ok {
			for c, u := range units {
				if c < len(r.byCol) && r.byCol[c] != nil {
					r.byCol[c].Unit = u
				}
			}
			return
		}
	}
	if s, ok := r.sectionRow(cells, first, nonEmpty); ok {
		before := section{nature: r.nature, category: r.category, grade: r.grade}
		r.enterSection(s)
		total := -1
		if r.hasAmounts(cells) {
			// A section row carrying its section's sums is its 小计.
			total = len(r.l.Totals)
			r.addTotal(row, cells, "小计")
		}
		r.sectionPackage(row, s, before, total, cells)
		return
	}
	if nonEmpty <= 2 && !r.hasAmounts(cells) {
		if s, ok := parseBlockTitle(cells); ok {
			r.enterSection(s)
			return
		}
	}
	named := strings.TrimSpace(r.cell(cells, r.nameCol)) != ""
	r.placeRow(prev, pending, tentative, strings.TrimSpace(r.cell(cells, r.seqCol)), named)
	before := len(r.l.Projects)
	r.addProject(row, cells)
	if len(r.l.Projects) > before {
		r.prevProject = before
		if r.pkg != nil {
			r.joinPackage(before)
		}
	} else if r.tentative != nil {
		r.tentative = nil
	}
	if nonEmpty <= 2 && !r.hasAmounts(cells) {
		if len(r.l.Projects) > before {
			r.lastTitle = before // a row with only a name: a project, or a title
		} else {
			r.titleText = first // a title in the 序号 column, merged over the name
		}
	}
}

// dropPending removes the dates waiting for project i.
func dropPending(ps []pendingDate, i int) []pendingDate {
	return slices.DeleteFunc(ps, func(pd pendingDate) bool { return pd.project == i })
}

// isRepeatedHeader reports whether a row below the header repeats it: a sheet holding
// one sub-table per 类别 opens each with its own header, which is no project named
// "项目名称". Most rows are ruled out by one look at the name or 序号 cell.
func (r *rowReader) isRepeatedHeader(cells []string) bool {
	hit := false
	for _, c := range []int{r.nameCol, r.seqCol} {
		if v := strings.TrimSpace(r.cell(cells, c)); v != "" && r.headerTexts[v] {
			hit = true
		}
	}
	if !hit {
		return false
	}
	match, nonEmpty := 0, 0
	for _, v := range cells {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		nonEmpty++
		if r.headerTexts[v] || r.headerTexts[normalizeHeader(v).text] {
			match++
		}
	}
	return match >= 2 && match*2 >= nonEmpty
}

// repeatedHeader skips a repeated header row. The row just above it was the
// sub-table's title ("社会事业项目") if it held only a name, read as a project (project
// i), or a text the reader passed over (title): it sets the 项目类别 of the rows below.
func (r *rowReader) repeatedHeader(i int, title string) {
	if title != "" {
		r.enterBlock(title)
		return
	}
	if i < 0 || i != len(r.l.Projects)-1 {
		return
	}
	p := r.l.Projects[i]
	title = p.Name
	if title == "" {
		return
	}
	r.l.Projects = r.l.Projects[:i]
	r.projectSection = r.projectSection[:i]
	r.leavePackage(i)
	kept := r.l.Problems[:0]
	for _, pr := range r.l.Problems {
		if pr.Row != p.Row {
			kept = append(kept, pr)
		}
	}
	r.l.Problems = kept
	r.yearless = dropPending(r.yearless, i)
	r.either = dropPending(r.either, i)
	r.enterBlock(title)
}

// enterBlock starts a sub-table under its title.
func (r *rowReader) enterBlock(title string) {
	if s, ok := parseBlockTitle([]string{title}); ok {
		r.enterSection(s)
		return
	}
	title = cleanText(title)
	r.enterSection(section{text: title, level: 1, category: strings.TrimSuffix(strings.TrimSuffix(title, "项目"), "类")})
}

// totalRune is a character every total label contains ("计"), so most cells are
// ruled out without the copying totalLabel does; 0 if the labels share none.
var totalRune = func() rune {
	for _, r := range totalPrefixes[0] {
		all := true
		for _, p := range totalPrefixes {
			all = all && strings.ContainsRune(p, r)
		}
		if all {
			return r
		}
	}
	return 0
}()

// totalLabelOf is totalLabel, quick for the text of a project row.
func totalLabelOf(text string) (string, bool) {
	if totalRune != 0 && !strings.ContainsRune(text, totalRune) {
		return "", false
	}
	return totalLabel(text)
}

// sectionRow recognises "一、续建项目（21个）" in the seq or name column or as the
// first text of an otherwise empty row.
func (r *rowReader) sectionRow(cells []string, first string, nonEmpty int) (section, bool) {
	text := first
	if v := strings.TrimSpace(r.cell(cells, r.nameCol)); v != "" && r.nameCol >= 0 {
		if _, ok := parseSection(v, false); ok {
			text = v
		} else if seq := strings.TrimSpace(r.cell(cells, r.seqCol)); r.seqCol >= 0 && sectionNumber.MatchString(seq) {
			// The section's number in the 序号 column, its name in the name column:
			// "一 | 产业项目（44个）" is "一、产业项目（44个）".
			text = seq + "、" + v
			if strings.HasSuffix(seq, ")") || strings.HasSuffix(seq, "）") {
				text = seq + v
			}
		}
	}
	if s, ok := parseSection(text, false); ok && (nonEmpty <= 3 || r.hasAmounts(cells)) {
		return s, true
	}
	if nonEmpty <= 2 && !r.hasAmounts(cells) {
		if s, ok := parseSection(text, true); ok && s.nature != "" {
			return s, true
		}
	}
	return section{}, false
}

func (r *rowReader) enterSection(s section) {
	r.sectionID++
	r.sectionText = s.text
	if s.level == 1 {
		r.nature, r.category, r.grade = "", "", ""
	}
	if s.nature != "" {
		r.nature = s.nature
	}
	if s.grade != "" {
		r.grade = s.grade
	}
	if s.category != "" {
		r.category = s.category
	}
	if s.level == 1 && s.nature != "" {
		r.category = ""
	}
	r.sectionCats = append(r.sectionCats, r.category)
}

// sectionCategory is the 项目类别 section id gives its rows ("" for none, and before
// any section row).
func (r *rowReader) sectionCategory(id int) string {
	if id < 1 || id > len(r.sectionCats) {
		return ""
	}
	return r.sectionCats[id-1]
}

// hasAmounts reports whether any amount column of the row holds a number.
func (r *rowReader) hasAmounts(cells []string) bool {
	for c, col := range r.byCol {
		if col == nil || r.types[c] != TypeAmount {
			continue
		}
		if a, err := ParseAmount(r.cell(cells, c), col.Unit); err == nil && a.IsSet() {
			return true
		}
	}
	return false
}

func (r *rowReader) addTotal(row int, cells []string, kind string) {
	r.started = true
	t := TotalRow{Row: row, Label: kind, Amounts: map[Field]Amount{}}
	for c, col := range r.byCol {
		if col == nil || r.types[c] != TypeAmount {
			continue
		}
		raw := r.cell(cells, c)
		a, err := ParseAmount(raw, col.Unit)
		if err != nil {
			r.problem(ProblemBadNumber, row, c, col.Field, raw)
			continue
		}
		if !a.IsSet() {
			continue // an empty cell in a total row is not a zero, just not given
		}
		if k, ok := r.monthIdx[c]; ok {
			// Each month's column is checked on its own: a sum could hide two errors.
			if t.Months == nil {
				t.Months = make([]Amount, len(r.monthIdx))
			}
			t.Months[k] = a
			continue
		}
		if k, ok := r.seriesIdx[c]; ok {
			if t.series == nil {
				t.series = make([]Amount, len(r.seriesCols))
			}
			t.series[k] = a
			continue
		}
		if _, dup := t.Amounts[col.Field]; !dup {
			t.Amounts[col.Field] = a
		}
	}
	st := subtotal{total: len(r.l.Totals), after: len(r.l.Projects), grand: kind != "小计"}
	if !st.grand {
		st.section = r.sectionID
	}
	if n := len(r.subtotals); n > 0 {
		st.prevEnd = r.subtotals[n-1].after
	}
	r.subtotals = append(r.subtotals, st)
	r.l.Totals = append(r.l.Totals, t)
}

func (r *rowReader) problem(kind ProblemKind, row, col int, f Field, raw string) {
	r.l.Problems = append(r.l.Problems, Problem{Kind: kind, Row: row, Col: col, Field: f, Value: strings.TrimSpace(raw)})
}

func (r *rowReader) addProject(row int, cells []string) {
	// A row is a project when it names one, or holds values in two interpreted columns
	// (a project whose name was left empty); a lone number is a stray, not a project.
	if strings.TrimSpace(r.cell(cells, r.nameCol)) == "" {
		n := 0
		for c, col := range r.byCol {
			if col != nil && col.Field != FieldSeq && strings.TrimSpace(r.cell(cells, c)) != "" {
				n++
			}
		}
		if n < 2 {
			return
		}
	}
	r.started = true
	if r.l.Projects == nil && r.sizeHint > 0 {
		// Allocated on the first project, so a ledger without any keeps a nil slice.
		r.l.Projects = make([]Project, 0, r.sizeHint)
		r.projectSection = make([]int, 0, r.sizeHint)
	}
	idx := len(r.l.Projects)
	r.l.Projects = append(r.l.Projects, Project{Row: row, Section: r.sectionText})
	r.projectSection = append(r.projectSection, r.sectionID)
	p := &r.l.Projects[idx]
	var monthlySum Amount
	latestMonth := 0
	for c, col := range r.byCol {
		if col == nil {
			continue
		}
		raw := r.cell(cells, c)
		switch r.types[c] {
		case TypeText:
			if c == r.yearCol {
				r.countYear(raw)
				continue
			}
			if c == r.monthCol {
				r.countMonth(raw)
				continue
			}
			ptr := p.textPtr(col.Field)
			if ptr == nil {
				continue
			}
			v := r.text(c, raw)
			switch {
			case *ptr == "":
				*ptr = v
			case v == "":
				// an empty later column ("5月形象进度" left blank) keeps what an earlier one said
			case col.Field == FieldPeriod:
				*ptr += "-" + v // "项目起止年月" over "起 | 止"
			default:
				*ptr = v
			}
		case TypeAmount:
			a, err := ParseAmount(raw, col.Unit)
			if err != nil {
				r.problem(ProblemBadNumber, row, c, col.Field, raw)
				continue
			}
			if k, ok := r.monthIdx[c]; ok {
				ext := p.extForWrite()
				if ext.Months == nil {
					ext.Months = make([]Amount, len(r.monthIdx))
				}
				ext.Months[k] = a
				monthlySum = monthlySum.Add(a)
				if col.Month >= latestMonth {
					latestMonth, p.MonthDone = col.Month, a
				}
				continue
			}
			if k, ok := r.seriesIdx[c]; ok {
				if a.IsSet() {
					ext := p.extForWrite()
					if ext.series == nil {
						ext.series = make([]Amount, len(r.seriesCols))
					}
					ext.series[k] = a
				}
				continue
			}
			if ptr := p.amountPtr(col.Field); ptr != nil && (a.IsSet() || !ptr.IsSet()) {
				*ptr = a
			}
		case TypeDate:
			r.readDate(p, idx, row, c, col.Field, raw)
		}
	}
	if r.monthly {
		p.Done = monthlySum
	}
	p.Nature = canonicalNature(p.Nature)
	if p.Nature == "" && r.nature != "" {
		p.Nature, p.NatureFromSection = r.nature, true
	}
	if p.Category == "" {
		p.Category = r.category
	}
	if p.Level == "" {
		p.Level = r.grade
	}
}

// countYear notes the year a 年度/项目年份 cell gives ("2025", "2025年", "2025年度").
func (r *rowReader) countYear(raw string) {
	t := strings.TrimSpace(raw)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "度"), "年")
	if len(t) == 4 && isDigits(t) {
		if y, _ := strconv.Atoi(t); y >= 2000 && y <= 2100 {
			r.years[y]++
		}
	}
}

// text is a text cell as the reader keeps it: trimmed, the lines of a name joined,
// and the people of a person field listed as "甲、乙" however they were separated.
// Each column's distinct values are worked out once and shared, so that the 100,000
// copies of "续建" or a town's name the cells arrive as share one string; a column
// found to have more than maxInterned distinct values (names, codes) stops being
// looked up.
func (r *rowReader) text(c int, raw string) string {
	if raw == "" {
		return ""
	}
	if r.texts == nil {
		r.texts = make([]map[string]string, len(r.byCol))
		for i := range r.texts {
			r.texts[i] = map[string]string{}
		}
	}
	m := r.texts[c]
	if m != nil {
		if v, ok := m[raw]; ok {
			return v
		}
	}
	var v string
	switch {
	case r.persons[c]:
		v = normalizePersons(raw)
	case r.byCol[c].NewIfYes:
		v = newIfYes(cleanText(raw))
	default:
		v = cleanText(raw)
	}
	if m != nil {
		if len(m) >= maxInterned {
			r.texts[c] = nil
		} else {
			m[raw] = v
		}
	}
	return v
}

// maxInterned is how many distinct values of a text column are shared before the
// column counts as one of mostly distinct values.
const maxInterned = 1024

func (r *rowReader) readDate(p *Project, idx, row, c int, f Field, raw string) {
	d, err := ParseDate(raw, r.date1904, r.l.Year)
	if err != nil {
		if w, ok := startWords[strings.TrimSpace(raw)]; ok {
			// "已开工" typed where the date belongs gives no date; in the 实际开工时间
			// it says whether the project has started, when no 开工状态 cell does.
			if w != "" && p.Status == "" && (f == FieldActualStart || f == FieldStartEither) {
				p.Status = w
			}
			return
		}
		if r.l.Year == 0 && needsYear(raw) {
			r.yearless = append(r.yearless, pendingDate{project: idx, col: c, row: row, raw: raw})
			return
		}
		r.problem(ProblemBadDate, row, c, f, raw)
		return
	}
	if !d.IsSet() {
		return
	}
	r.dateYears[int(d.Year)]++
	if f == FieldStartEither {
		r.either = append(r.either, pendingDate{project: idx, col: c, row: row, raw: raw, date: d})
		return
	}
	if ptr := p.datePtr(f); ptr != nil {
		*ptr = d
	}
}

// needsYear reports whether a date cell the reader could not read names a month or a
// quarter without its year ("3月15日", "四季度"): it waits for the ledger's year.
func needsYear(raw string) bool {
	if strings.Contains(raw, "年") && !strings.Contains(raw, "半年") {
		return false
	}
	return strings.Contains(raw, "月") || strings.Contains(raw, "季度") || strings.Contains(raw, "半年")
}

// settleGenericStart reads a lone "开工时间" column beside a 开工状态 as clerks keep it:
// one date column for both, the day a project started or, while its 开工状态 says it
// has not, the day it is planned to. (A column named "实际开工时间" means what it says,
// and a date in it beside 未开工 stays a contradiction.)
func (r *rowReader) settleGenericStart() {
	l := r.l
	c := l.Column(FieldActualStart)
	if c == nil || c.Derived || l.Has(FieldPlanStart) || !l.Has(FieldStatus) || strings.Contains(c.Header, "实际") {
		return
	}
	moved := false
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.ActualStart.IsSet() && notStartedWords[strings.TrimSpace(p.Status)] {
			p.PlanStart, p.ActualStart = p.ActualStart, Date{}
			moved = true
		}
	}
	if moved {
		l.Columns = append(l.Columns, Column{Index: c.Index, Letter: c.Letter, Header: c.Header, Typed: c.Typed,
			Field: FieldPlanStart, Known: FieldPlanStart, Derived: true})
	}
}

// notStartedWords are the 开工状态 values that say a project has not started.
var notStartedWords = map[string]bool{"否": true, "未开工": true, "未复工": true, "未开复工": true, "暂未开工": true,
	"尚未开工": true, "0": true, "×": true, "✗": true}

// finish settles what needs the whole sheet: the year and as-of date, dates that
// waited for the year, the "开工/计划开工时间" column, and what each total covers.
func (r *rowReader) finish(above aboveHeader, opts Options, merges []Range) {
	l := r.l
	r.inheritMerged(merges)
	r.settleStatusCategory()
	r.settleSeries()
	l.inferDates(above, opts, r)
	r.settleDoneBefore()
	for _, pd := range r.yearless {
		col := r.byCol[pd.col]
		d, err := ParseDate(pd.raw, r.date1904, l.Year)
		if err != nil {
			r.problem(ProblemBadDate, pd.row, pd.col, col.Field, pd.raw)
			continue
		}
		if col.Field == FieldStartEither {
			r.either = append(r.either, pendingDate{project: pd.project, date: d})
			continue
		}
		if ptr := l.Projects[pd.project].datePtr(col.Field); ptr != nil {
			*ptr = d
		}
	}
	asOf := l.AsOf
	if opts.AsOf.IsSet() {
		asOf = opts.AsOf
	}
	for _, pd := range r.either {
		p := &l.Projects[pd.project]
		if pd.date.Compare(asOf) <= 0 {
			p.ActualStart = pd.date
		} else {
			p.PlanStart = pd.date
		}
	}
	if l.Has(FieldStartEither) {
		// Both dates come from this one column: the rules see them as ordinary fields.
		c := l.Column(FieldStartEither)
		for _, f := range []Field{FieldActualStart, FieldPlanStart} {
			if !l.Has(f) {
				l.Columns = append(l.Columns, Column{Index: c.Index, Letter: c.Letter, Header: c.Header, Typed: c.Typed, Field: f, Known: f, Derived: true})
			}
		}
	}
	r.settleGenericStart()
	if r.monthly {
		// 本年完成 is the sum of the monthly columns, pointed at the latest one.
		cols := l.MonthColumns()
		last := cols[len(cols)-1]
		l.Columns = append(l.Columns, Column{Index: last.Index, Letter: last.Letter, Header: last.Header, Typed: last.Typed,
			Field: FieldDone, Known: FieldDone, Unit: last.Unit, HasUnit: last.HasUnit, Month: last.Month, Derived: true})
	}
	l.NatureFromSections = !l.Has(FieldNature) && r.sectionID > 0
	if l.NatureFromSections {
		any := false
		for i := range l.Projects {
			if l.Projects[i].NatureFromSection {
				any = true
				break
			}
		}
		l.NatureFromSections = any
	}
	r.coverTotals()
}

// settleSeries picks, when the ledger has a series of "1-N月完成投资" columns, the
// latest month any row filled: its column gives 本年完成投资 and the ledger's month
// (a system export has all twelve, the later ones empty, and an empty cell is not a
// zero). "1-N月计划投资" of that month (or the latest before it) is each project's plan
// to date. The other columns of the series are kept but not used.
func (r *rowReader) settleSeries() {
	if len(r.seriesCols) == 0 {
		return
	}
	l := r.l
	filled := make([]bool, len(r.seriesCols))
	for i := range l.Projects {
		for k, a := range l.Projects[i].ext().series {
			if a.IsSet() {
				filled[k] = true
			}
		}
	}
	doneK, month := -1, 0
	for k, c := range r.seriesCols {
		if col := r.byCol[c]; col.Field == FieldDone && filled[k] && col.Month > month {
			doneK, month = k, col.Month
		}
	}
	// The plan to date is the plan of the month the done figures are of: the series'
	// month, else the month of the one "1-N月完成投资" column.
	at := month
	if doneK < 0 {
		at = l.Month
	}
	planK, planMonth := -1, 0
	for k, c := range r.seriesCols {
		if col := r.byCol[c]; col.Field == FieldPlanToDate && col.Month > planMonth && (at == 0 || col.Month <= at) && filled[k] {
			planK, planMonth = k, col.Month
		}
	}
	take := func(series []Amount, k int) Amount {
		if k >= 0 && k < len(series) {
			return series[k]
		}
		return Amount{}
	}
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.Ext == nil {
			continue
		}
		if doneK >= 0 {
			p.Done = take(p.Ext.series, doneK)
		}
		p.Ext.PlanToDate = take(p.Ext.series, planK)
		p.Ext.series = nil
		if p.Ext.Months == nil && !p.Ext.PlanToDate.IsSet() && !p.Ext.DoneBefore.IsSet() && p.Ext.Package == "" {
			p.Ext = nil
		}
	}
	for i := range l.Totals {
		t := &l.Totals[i]
		if a := take(t.series, doneK); doneK >= 0 && a.IsSet() {
			t.Amounts[FieldDone] = a
		}
		if a := take(t.series, planK); a.IsSet() {
			t.Amounts[FieldPlanToDate] = a
		}
		t.series = nil
	}
	for k, c := range r.seriesCols {
		col := r.byCol[c]
		switch {
		case k == doneK || k == planK:
			continue
		case !filled[k]:
			col.Note = "整列未填"
		case col.Field == FieldDone && doneK >= 0:
			col.Note = "取最近填写的“" + oneLine(r.byCol[r.seriesCols[doneK]].Header) + "”"
		case col.Field == FieldPlanToDate && planK >= 0:
			col.Note = "取与完成投资同月的“" + oneLine(r.byCol[r.seriesCols[planK]].Header) + "”"
		}
		col.Field = ""
	}
	for _, c := range r.seriesCols {
		if r.byCol[c].Known == FieldDone {
			l.Month = month // 0 when no row filled any: then the month comes from elsewhere
			break
		}
	}
}

// countMonth notes the month a 填报月份 cell gives: "2022-06", "2022年6月", "2022.6",
// "202206", a date, or "6月" alone.
func (r *rowReader) countMonth(raw string) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(raw), "份"))
	if len(t) == 6 && isDigits(t) {
		t = t[:4] + "-" + t[4:]
	}
	d, err := ParseDate(t, r.date1904, 0)
	if err == nil && d.IsSet() && d.Day >= 0 {
		r.months[int(d.Year)*100+int(d.Month)]++
		return
	}
	t = strings.TrimSuffix(t, "月")
	if m, err := strconv.Atoi(t); err == nil && m >= 1 && m <= 12 {
		r.months[m]++
	}
}

// columnMonth is the month the 填报月份 column gives most often, the latest between
// equals: its year (0 when the cells give none) and month (0 if no column).
func (r *rowReader) columnMonth() (year, month int) {
	best, bestN := 0, 0
	for ym, n := range r.months {
		if n > bestN || n == bestN && ym > best {
			best, bestN = ym, n
		}
	}
	return best / 100, best % 100
}

// columnYear is the year the 年度/项目年份 column gives most often (0 if none).
func (r *rowReader) columnYear() int {
	best, bestN := 0, 0
	for y, n := range r.years {
		if n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	return best
}

// settleDoneBefore reads a "至2024年底累计完成投资" column by the ledger's year: before
// it, what was done before this year; at or after it, the cumulative 累计完成投资.
func (r *rowReader) settleDoneBefore() {
	l := r.l
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Field != FieldDoneBefore || c.Year == 0 || c.Year < l.Year || l.Has(FieldCumDone) {
			continue
		}
		c.Field, c.Known = FieldCumDone, FieldCumDone
		for j := range l.Projects {
			p := &l.Projects[j]
			if p.Ext != nil && p.Ext.DoneBefore.IsSet() {
				p.CumDone, p.Ext.DoneBefore = p.Ext.DoneBefore, Amount{}
			}
		}
		for j := range l.Totals {
			if a, ok := l.Totals[j].Amounts[FieldDoneBefore]; ok {
				l.Totals[j].Amounts[FieldCumDone] = a
				delete(l.Totals[j].Amounts, FieldDoneBefore)
			}
		}
	}
}

// coverTotals decides which projects each total row sums: a 合计/总计 all of them; a
// 小计 the projects of its section, wherever in the section it stands, or with no
// sections, the projects since the previous total row.
func (r *rowReader) coverTotals() {
	for _, st := range r.subtotals {
		t := &r.l.Totals[st.total]
		switch {
		case st.grand:
			t.Covers = seq(0, len(r.l.Projects))
		case st.section > 0:
			for i, s := range r.projectSection {
				if s == st.section {
					t.Covers = append(t.Covers, i)
				}
			}
		default:
			t.Covers = seq(st.prevEnd, st.after)
		}
	}
	sort.SliceStable(r.l.Totals, func(i, j int) bool { return r.l.Totals[i].Row < r.l.Totals[j].Row })
}

func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// inheritMerged gives the projects under a vertically merged cell the value of its
// top cell, for the fields where that is what the clerk meant (a 乡镇 or 责任单位
// merged over its projects). It runs after the rows are read, so a reader can find
// the merged ranges (written after the cells) in the same pass.
//
// It visits each project of a column once, however many ranges a file lists: ranges
// never overlap in a file Excel wrote, and of overlapping ones in a crafted file the
// first (by top row) wins, so thousands of them cost no more than one.
func (r *rowReader) inheritMerged(merges []Range) {
	l := r.l
	if len(l.HeaderRows) == 0 || len(l.Projects) == 0 {
		return
	}
	dataTop := l.HeaderRows[len(l.HeaderRows)-1] + 1
	var vertical []Range
	for _, m := range merges {
		if m.Bottom > m.Top && m.Top >= dataTop && m.Left < len(r.byCol) {
			vertical = append(vertical, m)
		}
	}
	sort.SliceStable(vertical, func(i, j int) bool { return vertical[i].Top < vertical[j].Top })
	index := func(row int) int { // the first project at or below row
		return sort.Search(len(l.Projects), func(i int) bool { return l.Projects[i].Row >= row })
	}
	done := make([]int, len(r.byCol)) // per column, the last row inherited into
	for _, m := range vertical {
		i := index(m.Top)
		if i == len(l.Projects) || l.Projects[i].Row != m.Top {
			continue
		}
		top := &l.Projects[i]
		for c := m.Left; c <= m.Right && c < len(r.byCol); c++ {
			col := r.byCol[c]
			if col == nil || !fields[col.Field].Inherit || done[c] >= m.Bottom {
				continue
			}
			value := top.Text(col.Field)
			if value == "" {
				continue
			}
			for k := index(max(m.Top, done[c]) + 1); k < len(l.Projects) && l.Projects[k].Row <= m.Bottom; k++ {
				p := &l.Projects[k]
				ptr := p.textPtr(col.Field)
				switch {
				case ptr == nil:
				case col.Field == FieldNature && p.NatureFromSection:
					// The merged cell says it; the section row was only a fallback.
					*ptr, p.NatureFromSection = value, false
				case *ptr == "":
					*ptr = value
				}
			}
			done[c] = m.Bottom
		}
	}
}
