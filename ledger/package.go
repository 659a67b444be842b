package ledger

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// 打包项目: several small projects of one kind (a county's village roads, its
// farmland) reported as one package. Ledgers list the package as a parent row — its
// number ("1", "（一）"), its name ("陵川县2025年农村道路提升打包项目") and the sums of
// its parts — followed by the parts, numbered as its children ("1.1", "1.2" … or
// "1-1", "1-2" …). Published 通报 count the parts ("打包项目拆分后共569项"), so the
// reader does too: the children are the projects, each keeping the package's name and
// taking the parent's 乡镇, 责任单位, 包联领导 (and the other fields a merged cell
// hands down) where its own cells are empty; the parent is a total over them, checked
// as a 小计 is and counted nowhere.
//
// A package given by a section row ("（一）陵川县2025年农村供水打包项目" with its sums)
// is one when its name says 打包 or its rows are numbered as its children; its rows
// are the rest of the section. A parent with no children is an ordinary project, and
// ordinary 序号 (1, 2, 3 …) never open a package: only a row numbered n.1 right under
// the row numbered n does.

// PackageLabel is the Label of a package's parent row among the ledger's totals.
const PackageLabel = "打包项目"

// Package is the name of the 打包项目 the project is a part of ("" for most projects).
func (p *Project) Package() string { return p.ext().Package }

// PackageCount is how many 打包项目 the ledger lists and how many projects they were
// split into.
func (l *Ledger) PackageCount() (packages, parts int) {
	for _, t := range l.Totals {
		if t.Package != "" {
			packages++
			parts += len(t.Covers)
		}
	}
	return packages, parts
}

// openPackage is the package whose children the rows being read may be.
type openPackage struct {
	name   string
	number int // the parent's number n: its children are n.1, n.2 …; 0 for one named 打包 in a section row
	next   int // the k the next child is numbered n.k
	// section is, for a package given by a section row, that section's id: its
	// children are the projects of the section.
	section int
	total   int      // the parent's row among l.Totals, -1 when it gave no sums
	parent  *Project // the parent's cells the children take where theirs are empty
}

// pendingSection is a section row just read that may be a package's parent, if the
// next row is numbered as its child.
type pendingSection struct {
	id     int     // its section id
	row    int     // its sheet row
	number int     // its number ("（一）" is 1)
	name   string  // its text without the number and the count
	total  int     // its 小计 among l.Totals, -1 if it gave no sums
	before section // the classification the section row replaced, restored for a package
	parent *Project
}

// sectionPackage notes a section row just read (s, entered over the classification
// before; its 小计 at total or -1): a package now if its name says 打包, else perhaps
// once the next row is read.
func (r *rowReader) sectionPackage(row int, s section, before section, total int, cells []string) {
	name := sectionName(s.text)
	if s.level == 1 {
		before = section{} // a level-1 section row ends the classification above it
	}
	ps := pendingSection{id: r.sectionID, row: row, number: leadingNumber(s.text), name: name, total: total, before: before}
	named := strings.Contains(name, "打包")
	if !named && (ps.number == 0 || s.nature != "" || s.grade != "" || !projectLike(name)) {
		return
	}
	ps.parent = &Project{}
	for c, col := range r.byCol {
		if col != nil && fields[col.Field].Inherit && r.types[c] == TypeText {
			if ptr := ps.parent.textPtr(col.Field); ptr != nil {
				*ptr = r.text(c, r.cell(cells, c))
			}
		}
	}
	if named {
		r.openSectionPackage(ps, 0)
		return
	}
	r.pendingSection = &ps
}

// openSectionPackage makes the section row ps a package's parent (its children
// numbered n.k, or for n = 0 all the rows of the section): the classification its name
// set is undone, and its 小计 is the package's total, over its children only.
func (r *rowReader) openSectionPackage(ps pendingSection, n int) {
	r.nature, r.category, r.grade = ps.before.nature, ps.before.category, ps.before.grade
	r.sectionCats[ps.id-1] = r.category
	if ps.total >= 0 {
		t := &r.l.Totals[ps.total]
		t.Label, t.Package = PackageLabel, ps.name
		r.subtotals = slices.DeleteFunc(r.subtotals, func(st subtotal) bool { return st.total == ps.total })
	} else {
		// No sums to check, but the package is listed all the same.
		ps.total = len(r.l.Totals)
		r.l.Totals = append(r.l.Totals, TotalRow{Row: ps.row, Label: PackageLabel, Package: ps.name, Amounts: map[Field]Amount{}})
	}
	r.pkg = &openPackage{name: ps.name, number: n, next: 2, section: ps.id, total: ps.total, parent: ps.parent}
}

// placeRow decides, before a row is read as a project (seq its 序号 cell, named whether
// it names one), whether it is a package's child. It continues the open package,
// closes it, or opens one over the rows above: a section row numbered n (pending) or
// a project numbered n (prev, its index; -1 when the row above was no project) when
// this row is n.1. A project and a lone n.1 under it may be a project and one added
// later without renumbering: unless the project's name says 打包, the package opens
// at n.2 (tentative holds the first child until then).
func (r *rowReader) placeRow(prev int, pending *pendingSection, tentative *tentativePackage, seq string, named bool) {
	n, k, numbered := childNumber(seq)
	if p := r.pkg; p != nil {
		switch {
		case p.number == 0 && r.sectionID == p.section:
			return // a package named in a section row: all of the section's rows
		case p.number > 0 && prev >= 0 && numbered && n == p.number && p.follows(k):
			p.next++
			return
		}
		r.pkg = nil
	}
	if !numbered || !named {
		return
	}
	switch {
	case k == 1 && pending != nil && pending.number == n:
		r.openSectionPackage(*pending, n)
	case k == 1 && prev >= 0 && prev == len(r.l.Projects)-1 && parentNumber(r.l.Projects[prev].Seq) == n:
		if strings.Contains(r.l.Projects[prev].Name, "打包") {
			r.openParentPackage(prev, n, 2)
			return
		}
		r.tentative = &tentativePackage{parent: prev, number: n}
	case k == 2 && tentative != nil && tentative.number == n && prev == tentative.parent+1:
		r.openParentPackage(tentative.parent, n, 3)
		r.joinPackage(tentative.parent) // the first child, where its parent was
	}
}

// tentativePackage is a project numbered n (at parent) with one row numbered n.1 under
// it: a package if n.2 follows.
type tentativePackage struct {
	parent, number int
}

// follows reports whether a child numbered k comes next. A 序号 typed as a number
// loses its last zero ("1.10" is stored as 1.1): the tenth child may read as the first.
func (p *openPackage) follows(k int) bool {
	return k == p.next || p.next%10 == 0 && k == p.next/10
}

// openParentPackage makes project i, numbered n, the parent of a package whose
// children are the projects after it (next is the number of the next child): it leaves
// the projects and becomes a total over them.
func (r *rowReader) openParentPackage(i, n, next int) {
	parent := r.l.Projects[i]
	r.removeProject(i)
	t := TotalRow{Row: parent.Row, Label: PackageLabel, Package: parent.Name, Amounts: map[Field]Amount{}}
	ext := parent.ext()
	for c, col := range r.byCol {
		if col == nil || r.types[c] != TypeAmount {
			continue
		}
		if k, ok := r.monthIdx[c]; ok {
			t.Months = givenAt(t.Months, len(r.monthIdx), ext.Months, k)
			continue
		}
		if k, ok := r.seriesIdx[c]; ok {
			t.series = givenAt(t.series, len(r.seriesCols), ext.series, k)
			continue
		}
		if a := parent.Amount(col.Field); a.IsSet() {
			t.Amounts[col.Field] = a
		}
	}
	r.pkg = &openPackage{name: parent.Name, number: n, next: next, total: len(r.l.Totals), parent: &parent}
	r.l.Totals = append(r.l.Totals, t)
}

// givenAt copies cell k of a row's cells (from) into a total row's (to, made n long on
// its first given cell), when it was given.
func givenAt(to []Amount, n int, from []Amount, k int) []Amount {
	if k >= len(from) || !from[k].IsSet() {
		return to
	}
	if to == nil {
		to = make([]Amount, n)
	}
	to[k] = from[k]
	return to
}

// removeProject takes project i out of the projects read so far, with the dates
// waiting for it; the later ones move up.
func (r *rowReader) removeProject(i int) {
	r.l.Projects = slices.Delete(r.l.Projects, i, i+1)
	r.projectSection = slices.Delete(r.projectSection, i, i+1)
	fix := func(ps []pendingDate) []pendingDate {
		ps = dropPending(ps, i)
		for k := range ps {
			if ps[k].project > i {
				ps[k].project--
			}
		}
		return ps
	}
	r.yearless, r.either = fix(r.yearless), fix(r.either)
}

// joinPackage makes project i, just read, a child of the open package.
func (r *rowReader) joinPackage(i int) {
	pk := r.pkg
	p := &r.l.Projects[i]
	p.extForWrite().Package = pk.name
	for c, col := range r.byCol {
		if col == nil || !fields[col.Field].Inherit || r.types[c] != TypeText {
			continue
		}
		value := pk.parent.Text(col.Field)
		if col.Field == FieldNature {
			value = canonicalNature(value)
		}
		ptr := p.textPtr(col.Field)
		switch {
		case value == "" || ptr == nil:
		case col.Field == FieldNature && p.NatureFromSection:
			// The parent's cell says it; the section row was only a fallback.
			*ptr, p.NatureFromSection = value, false
		case *ptr == "":
			*ptr = value
		}
	}
	if pk.total >= 0 {
		t := &r.l.Totals[pk.total]
		t.Covers = append(t.Covers, i)
	}
}

// childNumber reads a child's 序号: "1.1", "1-2", "1—3", "１．４" are (1, 1) … (1, 4).
func childNumber(seq string) (n, k int, ok bool) {
	if len(seq) > 24 || len(seq) < 3 {
		return 0, 0, false
	}
	s := narrowDigits(seq)
	i := strings.IndexAny(s, ".-")
	if i <= 0 {
		return 0, 0, false
	}
	n, ok1 := smallNumber(s[:i])
	k, ok2 := smallNumber(s[i+1:])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	return n, k, true
}

// parentNumber reads a parent's 序号: "1", "1.", "1、", "一", "（一）"; 0 for anything else.
func parentNumber(seq string) int {
	s := strings.TrimRight(narrowDigits(strings.TrimSpace(seq)), ".、")
	if n, ok := smallNumber(s); ok {
		return n
	}
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "("), "（"), ")")
	return chineseSeq(strings.TrimSuffix(s, "）"))
}

// leadingNumber is the number a section row's text opens with ("（一）…", "一、…"), 0 if none.
func leadingNumber(text string) int {
	if m := sectionLevel2.FindString(text); m != "" {
		return parentNumber(strings.TrimRight(strings.TrimSpace(m), "、.．"))
	}
	if m := sectionLevel1.FindString(text); m != "" {
		return chineseSeq(strings.TrimRight(strings.TrimSpace(m), "、.．,，"))
	}
	return 0
}

// sectionName is a section row's text without its number and its count:
// "（一）陵川县2025年农村供水打包项目（3个）" → "陵川县2025年农村供水打包项目".
func sectionName(text string) string {
	for _, re := range []interface{ ReplaceAllString(string, string) string }{sectionLevel1, sectionLevel2} {
		if t := re.ReplaceAllString(text, ""); t != text {
			text = t
			break
		}
	}
	return strings.TrimSpace(sectionCount.ReplaceAllString(text, ""))
}

// projectLike reports whether a section row's name may be a project's rather than a
// classification's ("产业项目", "基础设施类"): a long name, not one of a 类.
func projectLike(name string) bool {
	return utf8.RuneCountInString(name) >= 8 && !strings.HasSuffix(strings.TrimSuffix(name, "项目"), "类")
}

// smallNumber reads 1 to 999 written in ASCII digits with no leading zero: a 序号,
// never "0001" or the tail of a float ("2.0000000000000004").
func smallNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 3 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// narrowDigits turns full-width digits and the separators of a 序号 ("．", "－", "—",
// "–") into ASCII; text with none of them is returned as is.
func narrowDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '０' && c <= '９':
			b.WriteByte(byte('0' + c - '０'))
		case c == '．':
			b.WriteByte('.')
		case c == '－' || c == '—' || c == '–':
			b.WriteByte('-')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// chineseSeq reads a Chinese numeral from 一 to 九十九; 0 for anything else.
func chineseSeq(s string) int {
	digit := func(r rune) int { return strings.IndexRune("零一二三四五六七八九", r) / 3 }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d := digit(rs[0]); d > 0 {
			return d
		}
	case len(rs) == 2 && rs[0] == '十':
		if d := digit(rs[1]); d > 0 {
			return 10 + d
		}
	case len(rs) == 2 && rs[1] == '十':
		if d := digit(rs[0]); d > 1 {
			return d * 10
		}
	case len(rs) == 3 && rs[1] == '十':
		if t, d := digit(rs[0]), digit(rs[2]); t > 1 && d > 0 {
			return t*10 + d
		}
	}
	return 0
}

// leavePackage takes project i, read as a package's child and then found to be the
// title of a sub-table, out of the package, which the sub-table's header closes.
func (r *rowReader) leavePackage(i int) {
	if pk := r.pkg; pk != nil && pk.total >= 0 {
		t := &r.l.Totals[pk.total]
		t.Covers = slices.DeleteFunc(t.Covers, func(c int) bool { return c >= i })
	}
	r.pkg = nil
}
