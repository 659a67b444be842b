package ledger

import (
	"sort"
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

	nature, category string // from the current section rows
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
	r := &rowReader{l: l, date1904: date1904, seqCol: -1, nameCol: -1, dateYears: map[int]int{}}
	maxCol := -1
	for i := range l.Columns {
		if l.Columns[i].Index > maxCol {
			maxCol = l.Columns[i].Index
		}
	}
	r.byCol = make([]*Column, maxCol+1)
	r.types = make([]ValueType, maxCol+1)
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Field == "" {
			continue
		}
		r.byCol[c.Index] = c
		r.types[c.Index] = c.Field.Type()
		switch c.Field {
		case FieldSeq:
			r.seqCol = c.Index
		case FieldName:
			r.nameCol = c.Index
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
		r.enterSection(s)
		if r.hasAmounts(cells) {
			// A section row carrying its section's sums is its 小计.
			r.addTotal(row, cells, "小计")
		}
		return
	}
	r.addProject(row, cells)
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
		r.nature, r.category = "", ""
	}
	if s.nature != "" {
		r.nature = s.nature
	}
	if s.category != "" {
		r.category = s.category
	}
	if s.level == 1 && s.nature != "" {
		r.category = ""
	}
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
			if ptr := p.textPtr(col.Field); ptr != nil {
				*ptr = r.intern(c, cleanText(raw))
			}
		case TypeAmount:
			a, err := ParseAmount(raw, col.Unit)
			if err != nil {
				r.problem(ProblemBadNumber, row, c, col.Field, raw)
				continue
			}
			if k, ok := r.monthIdx[c]; ok {
				if p.Months == nil {
					p.Months = make([]Amount, len(r.monthIdx))
				}
				p.Months[k] = a
				monthlySum = monthlySum.Add(a)
				if col.Month >= latestMonth {
					latestMonth, p.MonthDone = col.Month, a
				}
				continue
			}
			if ptr := p.amountPtr(col.Field); ptr != nil {
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
}

// maxInterned is how many distinct values of a text column are shared before the
// column counts as one of mostly distinct values.
const maxInterned = 1024

// intern returns the column's earlier copy of s when there is one.
func (r *rowReader) intern(c int, s string) string {
	if s == "" {
		return s
	}
	if r.texts == nil {
		r.texts = make([]map[string]string, len(r.byCol))
		for i := range r.texts {
			r.texts[i] = map[string]string{}
		}
	}
	m := r.texts[c]
	if m == nil {
		return s
	}
	if v, ok := m[s]; ok {
		return v
	}
	if len(m) >= maxInterned {
		r.texts[c] = nil
		return s
	}
	m[s] = s
	return s
}

func (r *rowReader) readDate(p *Project, idx, row, c int, f Field, raw string) {
	d, err := ParseDate(raw, r.date1904, r.l.Year)
	if err != nil {
		if r.l.Year == 0 && strings.Contains(raw, "月") && !strings.Contains(raw, "年") {
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

// finish settles what needs the whole sheet: the year and as-of date, dates that
// waited for the year, the "开工/计划开工时间" column, and what each total covers.
func (r *rowReader) finish(above aboveHeader, opts Options, merges []Range) {
	l := r.l
	r.inheritMerged(merges)
	l.inferDates(above, r.dateYears, opts)
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
				l.Columns = append(l.Columns, Column{Index: c.Index, Letter: c.Letter, Header: c.Header, Field: f})
			}
		}
	}
	if r.monthly {
		// 本年完成 is the sum of the monthly columns, pointed at the latest one.
		cols := l.MonthColumns()
		last := cols[len(cols)-1]
		l.Columns = append(l.Columns, Column{Index: last.Index, Letter: last.Letter, Header: last.Header, Field: FieldDone, Unit: last.Unit, Month: last.Month})
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
