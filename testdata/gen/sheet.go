package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

// fixedTime is written as the workbooks' created/modified time so that
// re-running the generator gives the same bytes.
const fixedTime = "2025-06-03T09:00:00Z"

// book is a workbook being written, with the few styles every sample uses.
type book struct {
	f        *excelize.File
	date1904 bool
	st       styles
}

type styles struct {
	title, filler, unit, note                 int
	header, section                           int
	text, wrap, center                        int
	amount, yi, date, dateCN                  int
	totalText, totalAmount, totalYi, totalNum int
}

// kind says how a column's value is written.
type kind int

const (
	kText   kind = iota
	kWrap        // text that wraps (names, problems)
	kCenter      // short centred text: 序号, 建设性质, 开工状态
	kAmount      // 万元 number, #,##0.00
	kYi          // 亿元 number from a cents value
	kDate        // Excel date serial, yyyy-mm-dd
	kDateCN      // Excel date serial, yyyy"年"m"月"d"日"
)

// column is one column of a generated table: its header, width, the field id
// it shows (also the key of project.raw) and how it is written.
type column struct {
	header string
	width  float64
	field  string
	kind   kind
}

func newBook(title, creator string, date1904 bool) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, date1904: date1904}
	if date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			return nil, err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        fixedTime,
		Modified:       fixedTime,
		Language:       "zh-CN",
	}); err != nil {
		return nil, err
	}
	if err := b.makeStyles(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *book) makeStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10}
	bold := &excelize.Font{Family: "宋体", Size: 10, Bold: true}
	ymdFmt, cnFmt, yiFmt := "yyyy-mm-dd", `yyyy"年"m"月"d"日"`, "0.00####"
	mid := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 16, Bold: true}, Alignment: mid("center", false)}},
		{&b.st.filler, excelize.Style{Font: font, Alignment: mid("left", false)}},
		{&b.st.unit, excelize.Style{Font: font, Alignment: mid("right", false)}},
		{&b.st.note, excelize.Style{Font: font, Alignment: mid("left", false)}},
		{&b.st.header, excelize.Style{Font: bold, Border: border, Alignment: mid("center", true),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&b.st.section, excelize.Style{Font: bold, Border: border, Alignment: mid("left", false)}},
		{&b.st.text, excelize.Style{Font: font, Border: border, Alignment: mid("left", false)}},
		{&b.st.wrap, excelize.Style{Font: font, Border: border, Alignment: mid("left", true)}},
		{&b.st.center, excelize.Style{Font: font, Border: border, Alignment: mid("center", false)}},
		{&b.st.amount, excelize.Style{Font: font, Border: border, Alignment: mid("right", false), NumFmt: 4}},
		{&b.st.yi, excelize.Style{Font: font, Border: border, Alignment: mid("right", false), CustomNumFmt: &yiFmt}},
		{&b.st.date, excelize.Style{Font: font, Border: border, Alignment: mid("center", false), CustomNumFmt: &ymdFmt}},
		{&b.st.dateCN, excelize.Style{Font: font, Border: border, Alignment: mid("center", false), CustomNumFmt: &cnFmt}},
		{&b.st.totalText, excelize.Style{Font: bold, Border: border, Alignment: mid("center", false)}},
		{&b.st.totalAmount, excelize.Style{Font: bold, Border: border, Alignment: mid("right", false), NumFmt: 4}},
		{&b.st.totalYi, excelize.Style{Font: bold, Border: border, Alignment: mid("right", false), CustomNumFmt: &yiFmt}},
		{&b.st.totalNum, excelize.Style{Font: bold, Border: border, Alignment: mid("center", false)}},
	}
	for _, d := range defs {
		s := d.s
		id, err := b.f.NewStyle(&s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

func (b *book) styleFor(k kind) int {
	switch k {
	case kWrap:
		return b.st.wrap
	case kCenter:
		return b.st.center
	case kAmount:
		return b.st.amount
	case kYi:
		return b.st.yi
	case kDate:
		return b.st.date
	case kDateCN:
		return b.st.dateCN
	}
	return b.st.text
}

// set writes one cell with a style; a nil value leaves the cell empty but styled.
func (b *book) set(sheet string, col, row int, v any, style int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if v != nil {
		if err := b.f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

// merge merges a range and styles every cell of it (so borders show).
func (b *book) merge(sheet string, c1, r1, c2, r2 int, v any, style int) error {
	from, _ := excelize.CoordinatesToCellName(c1, r1)
	to, _ := excelize.CoordinatesToCellName(c2, r2)
	if v != nil {
		if err := b.f.SetCellValue(sheet, from, v); err != nil {
			return err
		}
	}
	if from != to {
		if err := b.f.MergeCell(sheet, from, to); err != nil {
			return err
		}
	}
	return b.f.SetCellStyle(sheet, from, to, style)
}

func (b *book) widths(sheet string, cols []column) error {
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
	}
	return nil
}

// header writes a one-row header.
func (b *book) header(sheet string, row int, cols []column) error {
	for i, c := range cols {
		if err := b.set(sheet, i+1, row, c.header, b.st.header); err != nil {
			return err
		}
	}
	return b.f.SetRowHeight(sheet, row, 30)
}

// projectRow writes one project; raw overrides win over the typed fields.
func (b *book) projectRow(sheet string, row, seq int, p *project, cols []column) error {
	for i, c := range cols {
		v, style := b.value(seq, p, c)
		if err := b.set(sheet, i+1, row, v, style); err != nil {
			return fmt.Errorf("%s row %d %s: %w", sheet, row, c.header, err)
		}
	}
	return nil
}

func (b *book) value(seq int, p *project, c column) (any, int) {
	if v, ok := p.raw[c.field]; ok {
		switch v.(type) {
		case string:
			if c.kind == kWrap {
				return v, b.st.wrap
			}
			return v, b.st.center
		case nil:
			return nil, b.styleFor(c.kind)
		}
		return v, b.styleFor(c.kind)
	}
	style := b.styleFor(c.kind)
	amount := func(a cents, missing bool) any {
		if missing {
			return nil
		}
		if c.kind == kYi {
			return a.yi()
		}
		return a.float()
	}
	date := func(d day) any {
		if d.none() {
			return nil
		}
		return d.serial(b.date1904)
	}
	switch c.field {
	case "seq":
		return seq, style
	case "code":
		return orNil(p.code), style
	case "name":
		return orNil(p.name), style
	case "owner":
		return orNil(p.owner), style
	case "town":
		return orNil(p.town), style
	case "nature":
		return orNil(p.nature), style
	case "category":
		return orNil(p.category), style
	case "level":
		return orNil(p.level), style
	case "unit":
		return orNil(p.unit), style
	case "leader":
		return orNil(p.leader), style
	case "status":
		return orNil(p.status), style
	case "stats":
		return orNil(p.stats), style
	case "problems":
		return orNil(p.problems), style
	case "remark":
		return orNil(p.remark), style
	case "progress":
		return orNil(p.progress), style
	case "start_or_plan":
		// The one-column export: the actual start once there is one, else the plan.
		if !p.actualStart.none() {
			return date(p.actualStart), style
		}
		return date(p.planStart), style
	case "total":
		return amount(p.total, p.noTotal), style
	case "plan":
		return amount(p.plan, p.noPlan), style
	case "done":
		return amount(p.done, p.noDone), style
	case "cum":
		return amount(p.cum, false), style
	case "plan_start":
		return date(p.planStart), style
	case "actual_start":
		return date(p.actualStart), style
	case "m3", "m4", "m5":
		i := int(c.field[1] - '3')
		if i < len(p.months) {
			return p.months[i].float(), style
		}
		return nil, style
	}
	return nil, style
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// colName returns the letter of a 1-based column.
func colName(i int) string {
	s, _ := excelize.ColumnNumberToName(i)
	return s
}

// colOf returns the 1-based column of a field in cols.
func colOf(cols []column, field string) int {
	for i, c := range cols {
		if c.field == field {
			return i + 1
		}
	}
	panic("no column for field " + field)
}

// textSheet writes a sheet of plain text lines (填报说明).
func (b *book) textSheet(sheet string, lines []string) error {
	if err := b.f.SetColWidth(sheet, "A", "A", 100); err != nil {
		return err
	}
	for i, l := range lines {
		if err := b.set(sheet, 1, i+1, l, b.st.note); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) save(path string) error {
	b.f.SetActiveSheet(0)
	if err := b.f.SaveAs(path); err != nil {
		return err
	}
	if err := b.f.Close(); err != nil {
		return err
	}
	return plainFile(path)
}

// plainFile drops the execute bits excelize leaves (it creates files with
// os.ModePerm), so the committed samples are ordinary 0644 files.
func plainFile(path string) error { return os.Chmod(path, 0o644) }

// sumField adds up one amount field over the projects, as the 合计 row should.
func sumField(ps []project, field string) cents {
	var s cents
	for i := range ps {
		p := &ps[i]
		switch field {
		case "total":
			if !p.noTotal {
				s += p.total
			}
		case "plan":
			if !p.noPlan {
				s += p.plan
			}
		case "done":
			if !p.noDone {
				s += p.done
			}
		case "cum":
			s += p.cum
		case "m3", "m4", "m5":
			if i := int(field[1] - '3'); i < len(p.months) {
				s += p.months[i]
			}
		}
	}
	return s
}

// totalRow writes a 合计/小计 row: the label in the first column and the sum
// of every amount column. override replaces a column's sum (by field id): a
// nil value leaves the cell empty, a cents value is written as given.
func (b *book) totalRow(sheet string, row int, cols []column, ps []project, label string, override map[string]any) error {
	for i, c := range cols {
		var v any
		style := b.st.totalText
		if i == 0 {
			v = label
		}
		if c.kind == kAmount || c.kind == kYi {
			style = b.st.totalAmount
			if c.kind == kYi {
				style = b.st.totalYi
			}
			s := sumField(ps, c.field)
			if o, ok := override[c.field]; ok {
				if o == nil {
					v = nil
					s = 0
				} else {
					s = o.(cents)
				}
			}
			if o, ok := override[c.field]; !ok || o != nil {
				if c.kind == kYi {
					v = s.yi()
				} else {
					v = s.float()
				}
			}
		}
		if err := b.set(sheet, i+1, row, v, style); err != nil {
			return err
		}
	}
	return nil
}
