package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
)

// The merged ledger as a workbook: title, unit, one header row of canonical names,
// a row per project, a 合计 row. Streamed, so a county of thousands of projects
// costs little memory.

// mergeSourceHeader is the header of the column naming each project's file and row.
const mergeSourceHeader = "来源"

const (
	mergeHeaderRow = 3
	mergeFirstRow  = mergeHeaderRow + 1

	mergeSourceWidth = 40 // the 来源 column's
	mergeTitleSize   = 16 // points
	mergeCellSize    = 10
)

type mergeStyles struct {
	title, note, unit, header               int
	text, wrap, date, amount                int
	totalText, totalAmount, totalBlankStyle int
}

// WriteMerged writes the merged ledger as an .xlsx workbook. A large one spills
// into temporary files in tmpDir ("" is the system's), which the caller removes.
func WriteMerged(w io.Writer, m *ledger.Merged, tmpDir string) error {
	f := excelize.NewFile(excelize.Options{TmpDir: tmpDir})
	defer f.Close()
	sheet := m.Kind.Label()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newMergeStyles(f)
	if err != nil {
		return err
	}
	ncol := len(m.Columns) + 1 // and 来源
	last := ledger.ColumnLetter(ncol - 1)
	lastRow := mergeFirstRow + len(m.Rows) // the 合计 row
	// Settings the stream writer keeps must be made before it starts.
	// (AutoFilter first: it replaces the sheet properties that hold fit-to-page.)
	if err := f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", mergeHeaderRow, last, lastRow-1), nil); err != nil {
		return err
	}
	// A ledger of twenty-odd columns prints on A3, as offices print ledgers; on A4
	// its text would be four points high.
	if err := book.PrintSheet(f, sheet, book.Print{RepeatFrom: 1, RepeatTo: mergeHeaderRow, A3: true}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := mergeWidths(m, st)
	nameCol := 0
	for i, c := range m.Columns {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
		if c.Field == ledger.FieldName {
			nameCol = i
		}
	}
	if err := sw.SetColWidth(ncol, ncol, mergeSourceWidth); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: nameCol + 1, YSplit: mergeHeaderRow,
		TopLeftCell: ledger.CellName(nameCol+1, mergeFirstRow), ActivePane: "bottomRight",
	}); err != nil {
		return err
	}

	// Every row is as tall as its wrapped text (package book): the title across the
	// sheet, the header, and the long text columns and 来源 of each project.
	sheetWidth := 0.0
	for _, w := range widths {
		sheetWidth += w
	}
	var titleFit book.RowFit
	titleFit.Add(m.Title, sheetWidth, mergeTitleSize, true)

	// Row 1: the title; row 2: how many projects from how many ledgers, and the unit.
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: m.Title}}, excelize.RowOpts{Height: titleFit.Height(mergeTitleSize) + 6}); err != nil {
		return err
	}
	row2 := make([]any, ncol)
	for i := range row2 {
		row2[i] = excelize.Cell{StyleID: st.note}
	}
	row2[0] = excelize.Cell{StyleID: st.note, Value: fmt.Sprintf("共 %d 个项目，由 %d 个台账合并，“%s”列写明每个项目取自哪个文件的哪一行", len(m.Rows), len(m.Sources), mergeSourceHeader)}
	row2[ncol-1] = excelize.Cell{StyleID: st.unit, Value: "单位：万元"}
	if err := sw.SetRow("A2", row2, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	header := make([]any, ncol)
	var headerFit book.RowFit
	for i, c := range m.Columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.Field.Label()}
		headerFit.Add(c.Field.Label(), widths[i], mergeCellSize, true)
	}
	header[ncol-1] = excelize.Cell{StyleID: st.header, Value: mergeSourceHeader}
	if err := sw.SetRow(fmt.Sprintf("A%d", mergeHeaderRow), header, excelize.RowOpts{Height: max(headerFit.Height(mergeCellSize), 30)}); err != nil {
		return err
	}

	cells := make([]any, ncol)
	for i := range m.Rows {
		r := &m.Rows[i]
		var fit book.RowFit
		for j, c := range m.Columns {
			cell := mergedCell(r, c, i+1, st)
			cells[j] = cell
			if s, ok := cell.Value.(string); ok {
				fit.Add(s, widths[j], mergeCellSize, cell.StyleID == st.wrap)
			}
		}
		refs := make([]string, len(r.Sources))
		for k, s := range r.Sources {
			refs[k] = s.String()
		}
		source := strings.Join(refs, "；")
		cells[ncol-1] = excelize.Cell{StyleID: st.wrap, Value: source}
		fit.Add(source, widths[ncol-1], mergeCellSize, true)
		if err := sw.SetRow(fmt.Sprintf("A%d", mergeFirstRow+i), cells, excelize.RowOpts{Height: fit.Height(mergeCellSize)}); err != nil {
			return err
		}
	}

	// The 合计 row: exact sums, in the 序号 column's label the reader knows.
	total := make([]any, ncol)
	for j, c := range m.Columns {
		cell := excelize.Cell{StyleID: st.totalBlankStyle}
		if sum, ok := m.Totals[c.Field]; ok {
			cell = excelize.Cell{StyleID: st.totalAmount, Value: amountValue(sum)}
		}
		total[j] = cell
	}
	total[0] = excelize.Cell{StyleID: st.totalText, Value: fmt.Sprintf("合计：%d个", len(m.Rows))}
	total[ncol-1] = excelize.Cell{StyleID: st.totalBlankStyle}
	if err := sw.SetRow(fmt.Sprintf("A%d", lastRow), total, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	if err := sw.MergeCell("A2", ledger.ColumnLetter(max(ncol-4, 0))+"2"); err != nil {
		return err
	}
	if nameCol > 0 {
		// The 合计 label over 序号 … 项目名称; the reader finds it in the 序号 cell.
		if err := sw.MergeCell(fmt.Sprintf("A%d", lastRow), ledger.CellName(nameCol, lastRow)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := book.FixedDocProps(f, m.Title); err != nil {
		return err
	}
	return book.Write(f, w)
}

// mergeWidths are the columns' widths, 来源 last: each canonical column's own, but a
// column no ledger filled (建设规模及内容, 形象进度 …) only as wide as its header, on two
// lines when longer than four characters — it stays in the standard header for the clerks to fill, and leaves the
// printed page to the columns that say something.
func mergeWidths(m *ledger.Merged, st mergeStyles) []float64 {
	used := make([]bool, len(m.Columns))
	for i := range m.Rows {
		for j, c := range m.Columns {
			if !used[j] {
				v := mergedCell(&m.Rows[i], c, i+1, st).Value
				used[j] = v != nil && v != ""
			}
		}
	}
	widths := make([]float64, len(m.Columns)+1)
	for j, c := range m.Columns {
		widths[j] = c.Width
		if !used[j] {
			// On one line up to four characters, else on two ("建设规模" / "及内容").
			head := float64(book.Columns(c.Field.Label()))
			if head > 8 {
				head = math.Ceil(head/2) + 2
			}
			widths[j] = min(c.Width, max(6, head+2))
		}
	}
	widths[len(m.Columns)] = mergeSourceWidth
	return widths
}

// mergedCell is one project's value for a column: text as it was, amounts as numbers
// in 万元, dates as dates (a month as "2025年3月", which keeps its precision), and a
// cell the reader could not read as its text.
func mergedCell(r *ledger.MergedRow, c ledger.CanonicalColumn, seq int, st mergeStyles) excelize.Cell {
	p := &r.Project
	if raw, ok := r.Raw[c.Field]; ok {
		return excelize.Cell{StyleID: st.text, Value: raw}
	}
	switch c.Field.Type() {
	case ledger.TypeAmount:
		a := p.Amount(c.Field)
		if !a.IsSet() {
			return excelize.Cell{StyleID: st.amount}
		}
		return excelize.Cell{StyleID: st.amount, Value: amountValue(a)}
	case ledger.TypeDate:
		d := p.Date(c.Field)
		switch {
		case !d.IsSet():
			return excelize.Cell{StyleID: st.date}
		case !d.HasDay():
			return excelize.Cell{StyleID: st.date, Value: d.Label()} // "2025年4月", "2025年四季度"
		}
		return excelize.Cell{StyleID: st.date, Value: dateSerial(d)}
	}
	if c.Field == ledger.FieldSeq {
		return excelize.Cell{StyleID: st.text, Value: seq}
	}
	style := st.text
	if c.Width >= 20 {
		style = st.wrap
	}
	return excelize.Cell{StyleID: style, Value: p.Text(c.Field)}
}

// amountValue is an amount in 万元 as a number cell; the shortest decimal form of the
// float is the exact value (at most four decimals), so reading it back loses nothing.
func amountValue(a ledger.Amount) float64 { return float64(a.Units()) / 10000 }

// dateSerial is a day as an Excel serial number (1900 date system).
func dateSerial(d ledger.Date) float64 {
	t := time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, time.UTC)
	return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

func newMergeStyles(f *excelize.File) (mergeStyles, error) {
	var st mergeStyles
	dateFmt, amountFmt := book.DateFormat, book.AmountFormat
	font := book.Font(mergeCellSize, false)
	bold := book.Font(mergeCellSize, true)
	mid := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	fill := book.Fill(book.HeaderFill)
	specs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: book.Font(mergeTitleSize, true), Alignment: mid("center", true)}},
		{&st.note, excelize.Style{Font: book.Font(10, false), Alignment: mid("left", false)}},
		{&st.unit, excelize.Style{Font: book.Font(11, false), Alignment: mid("right", false)}},
		{&st.header, excelize.Style{Font: bold, Alignment: mid("center", true), Border: book.Border(), Fill: fill}},
		{&st.text, excelize.Style{Font: font, Alignment: mid("", false), Border: book.Border()}},
		{&st.wrap, excelize.Style{Font: font, Alignment: mid("", true), Border: book.Border()}},
		{&st.date, excelize.Style{Font: font, Alignment: mid("center", false), Border: book.Border(), CustomNumFmt: &dateFmt}},
		{&st.amount, excelize.Style{Font: font, Alignment: mid("right", false), Border: book.Border(), CustomNumFmt: &amountFmt}},
		{&st.totalText, excelize.Style{Font: bold, Alignment: mid("center", false), Border: book.Border(), Fill: fill}},
		{&st.totalAmount, excelize.Style{Font: bold, Alignment: mid("right", false), Border: book.Border(), Fill: fill, CustomNumFmt: &amountFmt}},
		{&st.totalBlankStyle, excelize.Style{Font: bold, Border: book.Border(), Fill: fill}},
	}
	styles := book.NewStyles(f)
	for _, s := range specs {
		*s.dst = styles.Add(s.style)
	}
	return st, styles.Err()
}
