package ledger

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Merging the 乡镇 ledgers into one county ledger: every project once, in the
// canonical columns and units, with the 乡镇 written in and the file and row it came
// from. The merged ledger is itself a ledger gongjian check reads.

// MergeOptions steer Merge.
type MergeOptions struct {
	Kind  Kind   // the kind merged; ledgers of the other kind are refused by the caller
	Title string // the merged ledger's title; "" is "全县2025年重点项目开复工台账"
	// AsOf is the reporting date written into the title ("（截至2025年5月31日）");
	// zero means the latest date the ledgers state themselves.
	AsOf  Date
	Towns []string // the county's 乡镇 (the rules' towns), to name a ledger's 乡镇
}

// Merged is the county ledger made of several ledgers.
type Merged struct {
	Kind       Kind
	Year       int
	AsOf       Date       // zero when no ledger states one and none was given
	AsOfSource AsOfSource // AsOfFlag (given), AsOfLedgers (the latest the ledgers state), ""
	Title      string
	Columns    []CanonicalColumn // the canonical columns written, 来源 not included
	Rows       []MergedRow
	Sources    []MergedSource
	Duplicates []Duplicate
	Totals     map[Field]Amount // the sum of each amount column over Rows
	Notes      []string         // Chinese lines the clerk should read (dates that differ …)
	// MixedMonths: the ledgers state different reporting months and no date was given.
	// A merged ledger would judge one month's figures against another month's targets,
	// so the caller refuses to write it (MonthsText lists each file and its month).
	MixedMonths bool
}

// MergedSource is one ledger merged.
type MergedSource struct {
	Name     string // the file as shown in 来源 (its base name unless two inputs share it)
	File     string // the path as given
	Sheet    string
	Projects int // project rows read (duplicates included)
	Year     int
	AsOf     Date
	// Town is the 乡镇 written into its projects when the ledger has no 所在乡镇 column,
	// and TownSource where it was found (TownFromFiller …); both "" otherwise.
	Town, TownSource string
	HasTownColumn    bool
	// OtherMonth: the ledger states a reporting month other than the merged ledger's
	// (merged with --as-of); the title and its rows' 来源 say which month it is.
	OtherMonth bool
	// Unreadable is the number of cells the reader could not read (bad amounts and
	// dates); they are written into the merged ledger as they were.
	Unreadable int
}

// MergedRow is one project of the merged
type MergedRow struct {
	Project Project
	Sources []SourceRef // where it came from; two or more for a duplicate
	// Raw holds the text of cells the reader could not read, written as they were so
	// that checking the merged ledger points at them again.
	Raw map[Field]string
}

// SourceRef is a row of a merged
type SourceRef struct {
	File string // MergedSource.Name
	Row  int    // the sheet's 1-based row
	// AsOf is the source's own reporting date when it is of another month than the
	// merged ledger; zero otherwise.
	AsOf Date
}

// String is "礼义镇开复工台账.xlsx 第7行", and "（5月31日数据）" after a row of another
// month than the merged ledger's.
func (s SourceRef) String() string {
	ref := fmt.Sprintf("%s 第%d行", s.File, s.Row)
	if s.AsOf.IsSet() {
		ref += "（" + monthDayText(s.AsOf) + "数据）"
	}
	return ref
}

// monthDayText is "5月31日", or "5月" for a month.
func monthDayText(d Date) string {
	if d.HasDay() {
		return fmt.Sprintf("%d月%d日", d.Month, d.Day)
	}
	return fmt.Sprintf("%d月", d.Month)
}

// Duplicate is the same project found twice: by 项目代码, else by normalised name.
type Duplicate struct {
	Project string
	Code    string // when found by code
	First   SourceRef
	Again   SourceRef
}

// Message is the Chinese line naming both sources.
func (d Duplicate) Message() string {
	by := "名称相同"
	if d.Code != "" {
		by = fmt.Sprintf("项目代码“%s”相同", d.Code)
	}
	return fmt.Sprintf("重复项目：%s 与 %s 的“%s”%s，合并台账中只写一次（数值取自前者），请核对",
		d.Again, d.First, d.Project, by)
}

// Merge joins the ledgers in the order given. The same project in two places is kept
// once, with the first one's values and both sources.
func Merge(ls []*Ledger, opts MergeOptions) *Merged {
	m := &Merged{Kind: opts.Kind, Totals: map[Field]Amount{}}
	if m.Kind == "" {
		m.Kind = KindKaifugong
	}
	names := sourceNames(ls)
	dups := NewProjectIndex(0)
	withMonth := false
	for i, l := range ls {
		src := MergedSource{Name: names[i], File: l.File, Sheet: l.Sheet, Projects: len(l.Projects),
			Year: l.Year, AsOf: statedAsOf(l), HasTownColumn: l.Has(FieldTown)}
		if !src.HasTownColumn {
			src.Town, src.TownSource = InferTown(l, opts.Towns)
		}
		raw := rawCells(l)
		for _, n := range raw {
			src.Unreadable += len(n)
		}
		if l.Has(FieldMonthDone) {
			withMonth = true
		}
		for _, p := range l.Projects {
			ref := SourceRef{File: src.Name, Row: p.Row}
			if !src.HasTownColumn && p.Town == "" {
				p.Town = src.Town
			}
			id := IdentityOf(&p)
			if j, match := dups.Duplicate(id); match != MatchNone {
				kept := &m.Rows[j]
				d := Duplicate{Project: p.Name, First: kept.Sources[0], Again: ref}
				if match == MatchCode {
					d.Code = p.Code
				}
				if d.Project == "" {
					d.Project = kept.Project.Name
				}
				kept.Sources = append(kept.Sources, ref)
				m.Duplicates = append(m.Duplicates, d)
				dups.Add(id, j) // a code it brings finds the kept row again
				continue
			}
			dups.Add(id, len(m.Rows))
			m.Rows = append(m.Rows, MergedRow{Project: p, Sources: []SourceRef{ref}, Raw: raw[p.Row]})
		}
		m.Sources = append(m.Sources, src)
	}
	m.Columns = mergeColumns(m.Kind, withMonth)
	for _, c := range m.Columns {
		if c.Field.Type() != TypeAmount {
			continue
		}
		var sum Amount
		for i := range m.Rows {
			sum = sum.Add(m.Rows[i].Project.Amount(c.Field))
		}
		if sum.IsSet() {
			m.Totals[c.Field] = sum
		}
	}
	m.settleDates(opts)
	m.Title = mergedTitle(opts.Title, m.Kind, m.Year, m.AsOf)
	m.markOtherMonths()
	for _, s := range m.Sources {
		if !s.HasTownColumn && s.Town == "" && s.Projects > 0 {
			m.Notes = append(m.Notes, fmt.Sprintf("%s 没有“所在乡镇”列，标题和填报单位中也没有写明乡镇，合并台账中这些项目的所在乡镇空着", s.Name))
		}
		if s.Unreadable > 0 {
			m.Notes = append(m.Notes, fmt.Sprintf("%s 有 %d 个金额或日期无法识别，已原样写入合并台账；请用 gongjian check 检查后改正", s.Name, s.Unreadable))
		}
	}
	return m
}

// statedAsOf is the reporting date a ledger states itself (a "1-N月" header, its
// title, its monthly columns); zero when it was only guessed from today's date.
func statedAsOf(l *Ledger) Date {
	switch l.AsOfSource {
	case AsOfHeader, AsOfTitle, AsOfMonthly, AsOfColumn:
		return l.AsOf
	}
	return Date{}
}

// settleDates decides the merged ledger's year and reporting date: the one given,
// else the latest the ledgers state, with a note when they differ.
func (m *Merged) settleDates(opts MergeOptions) {
	var dates []string
	distinct := map[Date]bool{}
	latest := Date{}
	for _, s := range m.Sources {
		if !s.AsOf.IsSet() {
			continue
		}
		distinct[s.AsOf] = true
		dates = append(dates, fmt.Sprintf("%s 截至 %s", s.Name, s.AsOf))
		if !latest.IsSet() || dateKey(s.AsOf) > dateKey(latest) {
			latest = s.AsOf
		}
	}
	months := map[int]bool{}
	for d := range distinct {
		months[int(d.Year)*12+int(d.Month)] = true
	}
	switch {
	case opts.AsOf.IsSet():
		m.AsOf, m.AsOfSource = opts.AsOf, AsOfFlag
	case latest.IsSet():
		m.AsOf, m.AsOfSource = latest, AsOfLedgers
		switch {
		case len(months) > 1:
			m.MixedMonths = true
		case len(distinct) > 1:
			m.Notes = append(m.Notes, fmt.Sprintf("各台账的截至日期不同（%s），合并台账按最晚的 %s；如需按其他日期，请用 --as-of 指定",
				strings.Join(dates, "，"), latest))
		}
	}
	years := map[int]int{}
	for _, s := range m.Sources {
		if s.Year != 0 {
			years[s.Year]++
		}
	}
	switch {
	case m.AsOf.IsSet():
		m.Year = int(m.AsOf.Year)
	default:
		for y, n := range years {
			if n > years[m.Year] || n == years[m.Year] && y > m.Year {
				m.Year = y
			}
		}
	}
	if len(years) > 1 {
		var list []string
		for _, s := range m.Sources {
			if s.Year != 0 && s.Year != m.Year {
				list = append(list, fmt.Sprintf("%s 是 %d 年的台账", s.Name, s.Year))
			}
		}
		if len(list) > 0 {
			m.Notes = append(m.Notes, fmt.Sprintf("%s，合并台账按 %d 年；请确认没有混入其他年份的台账", strings.Join(list, "，"), m.Year))
		}
	}
}

// MonthsText lists each ledger and the reporting date it states, one a line, for the
// refusal of ledgers of different months.
func (m *Merged) MonthsText() string {
	var lines []string
	for _, s := range m.Sources {
		when := "未写明截至日期"
		if s.AsOf.IsSet() {
			when = fmt.Sprintf("截至%d年%s", s.AsOf.Year, monthDayText(s.AsOf))
		}
		lines = append(lines, "  "+s.Name+"："+when)
	}
	return strings.Join(lines, "\n")
}

// markOtherMonths marks the sources of another month than the merged ledger's (given
// by --as-of) and their rows' 来源, and says them in the title: "（截至2025年6月30日；
// 礼义镇.xlsx为5月31日数据）".
func (m *Merged) markOtherMonths() {
	if !m.AsOf.IsSet() {
		return
	}
	other := map[string]Date{}
	var named []string
	for i := range m.Sources {
		s := &m.Sources[i]
		if !s.AsOf.IsSet() || s.AsOf.Year == m.AsOf.Year && s.AsOf.Month == m.AsOf.Month {
			continue
		}
		s.OtherMonth = true
		other[s.Name] = s.AsOf
		named = append(named, s.Name+"为"+monthDayText(s.AsOf)+"数据")
	}
	if len(named) == 0 {
		return
	}
	for i := range m.Rows {
		for j := range m.Rows[i].Sources {
			ref := &m.Rows[i].Sources[j]
			ref.AsOf = other[ref.File]
		}
	}
	for i := range m.Duplicates {
		d := &m.Duplicates[i]
		d.First.AsOf, d.Again.AsOf = other[d.First.File], other[d.Again.File]
	}
	note := "；" + strings.Join(named, "，")
	if strings.HasSuffix(m.Title, "）") {
		m.Title = strings.TrimSuffix(m.Title, "）") + note + "）"
	} else {
		m.Title += "（" + strings.TrimPrefix(note, "；") + "）"
	}
}

// mergedTitle is the given title, or "全县2025年重点项目开复工台账", with the reporting
// date appended unless the title already states one.
func mergedTitle(title string, kind Kind, year int, asOf Date) string {
	if title == "" {
		title = "全县重点项目" + kind.Label()
		if year != 0 {
			title = fmt.Sprintf("全县%d年重点项目%s", year, kind.Label())
		}
	}
	if asOf.IsSet() && !strings.Contains(title, "截至") && !strings.Contains(title, "截止") {
		if asOf.HasDay() {
			title += fmt.Sprintf("（截至%d年%d月%d日）", asOf.Year, asOf.Month, asOf.Day)
		} else {
			title += fmt.Sprintf("（截至%d年%d月底）", asOf.Year, asOf.Month)
		}
	}
	return title
}

// mergeColumns are the kind's canonical columns, with 本月完成投资 after 本年完成投资
// when a ledger has it.
func mergeColumns(kind Kind, withMonth bool) []CanonicalColumn {
	base := CanonicalColumns(kind)
	if kind != KindKaifugong || !withMonth {
		return base
	}
	var cols []CanonicalColumn
	for _, c := range base {
		cols = append(cols, c)
		if c.Field == FieldDone {
			cols = append(cols, CanonicalColumn{Field: FieldMonthDone, Width: 13})
		}
	}
	return cols
}

// sourceNames are the names shown in 来源: each file's base name, or the path as
// given when two inputs share a base name.
func sourceNames(ls []*Ledger) []string {
	count := map[string]int{}
	for _, l := range ls {
		count[filepath.Base(l.File)]++
	}
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = filepath.Base(l.File)
		if count[names[i]] > 1 {
			names[i] = filepath.ToSlash(l.File)
		}
	}
	return names
}

// rawCells are the cells the reader could not read, by row and field.
func rawCells(l *Ledger) map[int]map[Field]string {
	out := map[int]map[Field]string{}
	for _, pr := range l.Problems {
		f := pr.Field
		switch f {
		case FieldStartEither:
			f = FieldActualStart
		case FieldMonthDone:
			if c := l.Column(FieldDone); c != nil && c.Index != pr.Col {
				continue // one month of a month-by-month ledger: its sum is what is written
			}
		}
		if out[pr.Row] == nil {
			out[pr.Row] = map[Field]string{}
		}
		if _, dup := out[pr.Row][f]; !dup {
			out[pr.Row][f] = pr.Value
		}
	}
	return out
}

// dateKey orders dates; a month counts as its last day.
func dateKey(d Date) int {
	day := int(d.Day)
	if day <= 0 { // a month, a quarter or a year: its last day
		day = int(d.MonthEnd().Day)
	}
	return int(d.Year)*10000 + int(d.Month)*100 + day
}

// TotalFields lists the totals' fields in column order.
func (m *Merged) TotalFields() []Field {
	var fs []Field
	for _, c := range m.Columns {
		if _, ok := m.Totals[c.Field]; ok {
			fs = append(fs, c.Field)
		}
	}
	return fs
}
