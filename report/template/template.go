package template

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
	"gongjian/rules"
)

// Options say which template to write.
type Options struct {
	Kind  ledger.Kind
	Year  int
	Org   string       // opens the title ("陵川县", "礼义镇"); "" is "XX县"
	Rules *rules.Rules // the values and 乡镇 offered in the dropdowns; nil is the default rules
}

// The template's layout: rows 1-2 above the header, the header on row 3.
const (
	templateHeaderRow = 3
	templateFirstRow  = templateHeaderRow + 1
	// templateBlankRows are drawn with borders; validation and formats reach
	// templateLastRow, so a longer ledger keeps its dropdowns.
	templateBlankRows = 20
	templateLastRow   = 1000
	templateHelpSheet = "填报说明"
	templateListSheet = "下拉选项"

	// Font sizes, in points.
	titleSize  = 16
	headerSize = 10
	noteSize   = 10
)

// Sheet is the name of the template's ledger sheet.
func Sheet(kind ledger.Kind) string { return kind.Label() }

// Title is the template's title: "XX县2025年重点项目开复工台账（截至2025年　月　日）";
// the clerk completes the date, which tells gongjian check the reporting date.
func Title(kind ledger.Kind, org string, year int) string {
	if org == "" {
		org = "XX县"
	}
	return fmt.Sprintf("%s%d年重点项目%s（截至%d年　月　日）", org, year, kind.Label(), year)
}

// Write writes the blank ledger of opts.Kind as an .xlsx workbook.
func Write(w io.Writer, opts Options) error {
	if opts.Rules == nil {
		opts.Rules = rules.Default()
	}
	f := excelize.NewFile()
	defer f.Close()
	t := &templateWriter{f: f, opts: opts, sheet: Sheet(opts.Kind), cols: ledger.CanonicalColumns(opts.Kind)}
	steps := []func() error{t.sheets, t.styles, t.layout, t.header, t.blankRows, t.validations, t.printSetup, t.help, t.lists}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := book.FixedDocProps(f, "重点项目"+opts.Kind.Label()+"模板"); err != nil {
		return err
	}
	return book.Write(f, w)
}

type templateWriter struct {
	f     *excelize.File
	opts  Options
	sheet string
	cols  []ledger.CanonicalColumn
	st    templateStyles
}

type templateStyles struct {
	title, filler, unit, header             int
	text, wrap, date, amount                int // bordered data cells
	colText, colWrap, colDate, colAmount    int // the columns' own formats, below the drawn rows
	helpTitle, helpHead, helpCell, helpNote int
}

func (t *templateWriter) lastCol() string { return ledger.ColumnLetter(len(t.cols) - 1) }

func (t *templateWriter) sheets() error {
	if err := t.f.SetSheetName("Sheet1", t.sheet); err != nil {
		return err
	}
	if _, err := t.f.NewSheet(templateHelpSheet); err != nil {
		return err
	}
	if _, err := t.f.NewSheet(templateListSheet); err != nil {
		return err
	}
	return t.f.SetSheetVisible(templateListSheet, false)
}

func (t *templateWriter) styles() error {
	dateFmt, amountFmt := book.DateFormat, book.AmountFormat
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Vertical: "center"}
	leftWrap := &excelize.Alignment{Vertical: "center", WrapText: true}
	font := book.Font(10, false)
	specs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&t.st.title, excelize.Style{Font: book.Font(titleSize, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&t.st.filler, excelize.Style{Font: book.Font(11, false), Alignment: left}},
		{&t.st.unit, excelize.Style{Font: book.Font(11, false), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&t.st.header, excelize.Style{Font: book.Font(headerSize, true), Alignment: center, Border: book.Border(),
			Fill: book.Fill(book.HeaderFill), Protection: &excelize.Protection{Locked: true}}},
		{&t.st.text, excelize.Style{Font: font, Alignment: left, Border: book.Border()}},
		{&t.st.wrap, excelize.Style{Font: font, Alignment: leftWrap, Border: book.Border()}},
		{&t.st.date, excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Border: book.Border(), CustomNumFmt: &dateFmt}},
		{&t.st.amount, excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: book.Border(), CustomNumFmt: &amountFmt}},
		{&t.st.colText, excelize.Style{Font: font, Alignment: left}},
		{&t.st.colWrap, excelize.Style{Font: font, Alignment: leftWrap}},
		{&t.st.colDate, excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, CustomNumFmt: &dateFmt}},
		{&t.st.colAmount, excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, CustomNumFmt: &amountFmt}},
		{&t.st.helpTitle, excelize.Style{Font: book.Font(14, true), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&t.st.helpHead, excelize.Style{Font: book.Font(10, true), Alignment: center, Border: book.Border(),
			Fill: book.Fill(book.HeaderFill)}},
		{&t.st.helpCell, excelize.Style{Font: book.Font(noteSize, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: book.Border()}},
		{&t.st.helpNote, excelize.Style{Font: book.Font(noteSize, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
	}
	styles := book.NewStyles(t.f)
	for _, s := range specs {
		*s.dst = styles.Add(s.style)
	}
	return styles.Err()
}

// cellStyles are a column's bordered style for the drawn rows and its own format below.
func (t *templateWriter) cellStyles(c ledger.CanonicalColumn) (cell, col int) {
	switch c.Field.Type() {
	case ledger.TypeDate:
		return t.st.date, t.st.colDate
	case ledger.TypeAmount:
		return t.st.amount, t.st.colAmount
	}
	if c.Width >= 20 {
		return t.st.wrap, t.st.colWrap
	}
	return t.st.text, t.st.colText
}

// layout sets the widths, the columns' formats (first: SetColStyle restyles cells
// already written) and the title rows.
func (t *templateWriter) layout() error {
	f, s := t.f, t.sheet
	for i, c := range t.cols {
		col := ledger.ColumnLetter(i)
		if err := f.SetColWidth(s, col, col, c.Width); err != nil {
			return err
		}
		_, colStyle := t.cellStyles(c)
		if err := f.SetColStyle(s, col, colStyle); err != nil {
			return err
		}
	}
	last := t.lastCol()
	if err := f.SetCellValue(s, "A1", Title(t.opts.Kind, t.opts.Org, t.opts.Year)); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", last+"1", t.st.title); err != nil {
		return err
	}
	// The title wraps within the sheet's width (a long 乡镇 or rules title), its row as
	// tall as its lines.
	total := 0.0
	for _, c := range t.cols {
		total += c.Width
	}
	var fit book.RowFit
	fit.Add(Title(t.opts.Kind, t.opts.Org, t.opts.Year), total, titleSize, true)
	if err := f.SetRowHeight(s, 1, max(fit.Height(titleSize), 32)); err != nil {
		return err
	}
	// 填报单位 over the left half, the unit at the right end of the same row.
	half := ledger.ColumnLetter(len(t.cols)/2 - 1)
	unitFrom := ledger.ColumnLetter(len(t.cols) - 3)
	for _, c := range []struct {
		from, to, text string
		style          int
	}{
		{"A", half, "填报单位：", t.st.filler},
		{unitFrom, last, "单位：万元", t.st.unit},
	} {
		if err := f.SetCellValue(s, c.from+"2", c.text); err != nil {
			return err
		}
		if err := f.MergeCell(s, c.from+"2", c.to+"2"); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, c.from+"2", c.to+"2", c.style); err != nil {
			return err
		}
	}
	// The cells between keep the plain look of the row, not a column's number format.
	if err := f.SetCellStyle(s, ledger.ColumnLetter(len(t.cols)/2)+"2", ledger.ColumnLetter(len(t.cols)-4)+"2", t.st.filler); err != nil {
		return err
	}
	return f.SetRowHeight(s, 2, 22)
}

// header writes the canonical names, a red "*" before the required ones.
func (t *templateWriter) header() error {
	f, s := t.f, t.sheet
	for i, c := range t.cols {
		cell := ledger.CellName(i, templateHeaderRow)
		if c.Required {
			runs := []excelize.RichTextRun{
				{Text: "*", Font: &excelize.Font{Family: book.FontFamily, Size: headerSize, Bold: true, Color: "FF0000"}},
				{Text: c.Field.Label(), Font: book.Font(headerSize, true)},
			}
			if err := f.SetCellRichText(s, cell, runs); err != nil {
				return err
			}
		} else if err := f.SetCellValue(s, cell, c.Field.Label()); err != nil {
			return err
		}
	}
	last := t.lastCol()
	hr := fmt.Sprint(templateHeaderRow)
	if err := f.SetCellStyle(s, "A"+hr, last+hr, t.st.header); err != nil {
		return err
	}
	var fit book.RowFit
	for _, c := range t.cols {
		label := c.Field.Label()
		if c.Required {
			label = "*" + label
		}
		fit.Add(label, c.Width, headerSize, true)
	}
	if err := f.SetRowHeight(s, templateHeaderRow, max(fit.Height(headerSize), 36)); err != nil {
		return err
	}
	// Frozen: the title rows and header, and the columns up to the project's name.
	name := 0
	for i, c := range t.cols {
		if c.Field == ledger.FieldName {
			name = i
		}
	}
	return f.SetPanes(s, &excelize.Panes{
		Freeze: true, XSplit: name + 1, YSplit: templateHeaderRow,
		TopLeftCell: ledger.CellName(name+1, templateFirstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: ledger.CellName(0, templateFirstRow), ActiveCell: ledger.CellName(0, templateFirstRow), Pane: "bottomRight"}},
	})
}

// blankRows draws the first rows to fill, with borders.
func (t *templateWriter) blankRows() error {
	f, s := t.f, t.sheet
	from, to := templateFirstRow, templateFirstRow+templateBlankRows-1
	for i, c := range t.cols {
		cell, _ := t.cellStyles(c)
		if err := f.SetCellStyle(s, ledger.CellName(i, from), ledger.CellName(i, to), cell); err != nil {
			return err
		}
	}
	for r := from; r <= to; r++ {
		if err := f.SetRowHeight(s, r, 20); err != nil {
			return err
		}
	}
	return nil
}

// The bounds of the date validation: any date a ledger may hold.
const (
	minDateSerial = 36526 // 2000-01-01
	maxDateSerial = 73415 // 2100-12-31
)

// validations add the dropdowns and the date and amount checks to the data cells,
// and an input message to each header cell.
func (t *templateWriter) validations() error {
	f, s := t.f, t.sheet
	listCol := 0
	for i, c := range t.cols {
		label := c.Field.Label()
		head := excelize.NewDataValidation(true)
		head.Sqref = ledger.CellName(i, templateHeaderRow)
		head.SetInput(clipRunes(label, 30), clipRunes(t.prompt(c), 250))
		if err := f.AddDataValidation(s, head); err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = ledger.CellName(i, templateFirstRow) + ":" + ledger.CellName(i, templateLastRow)
		switch {
		case c.Values != ledger.ValuesNone:
			values := t.opts.Rules.AllowedValues(c.Values)
			if len(values) == 0 {
				continue // no list in the rules (a county without towns): free text
			}
			letter := ledger.ColumnLetter(listCol)
			listCol++
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", templateListSheet, letter, letter, len(values)+1))
			style := excelize.DataValidationErrorStyleWarning
			msg := fmt.Sprintf("%s请从下拉列表中选择。", label)
			if c.Strict {
				style = excelize.DataValidationErrorStyleStop
				msg = fmt.Sprintf("%s只能从下拉列表中选择：%s。", label, strings.Join(values, "、"))
			}
			dv.SetError(style, "填写有误", clipRunes(msg, 250))
		case c.Field.Type() == ledger.TypeDate:
			if err := dv.SetRange(minDateSerial, maxDateSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			// A warning, not a stop: "2025年3月" (a month) is a valid answer the check reads.
			dv.SetError(excelize.DataValidationErrorStyleWarning, "请填写日期",
				label+"请填写日期，如 2025-03-15。只定到月份的可写 2025年3月，点“是”保留。")
		case c.Field.Type() == ledger.TypeAmount:
			if err := dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
				return err
			}
			dv.Formula2 = ""
			dv.SetError(excelize.DataValidationErrorStyleStop, "请填写金额",
				label+"请填写不小于 0 的数字，单位万元，如 1200.50；不要写“万元”等文字。")
		default:
			continue
		}
		if err := f.AddDataValidation(s, dv); err != nil {
			return err
		}
	}
	return nil
}

// prompt is a header cell's input message: what to fill, and that it is required.
func (t *templateWriter) prompt(c ledger.CanonicalColumn) string {
	p := c.Hint
	if c.Values != ledger.ValuesNone && len(t.opts.Rules.AllowedValues(c.Values)) == 0 {
		p = "请填写" + c.Field.Label() + "。" // the rules list no values: no dropdown to choose from
	}
	if c.Required {
		p = "（必填）" + p
	}
	return p
}

// lists writes the dropdowns' values into the hidden sheet, one column each, in the
// order validations numbered them. A list on a sheet has no length limit, unlike one
// typed into the validation (255 characters).
func (t *templateWriter) lists() error {
	col := 0
	for _, c := range t.cols {
		if c.Values == ledger.ValuesNone {
			continue
		}
		values := t.opts.Rules.AllowedValues(c.Values)
		if len(values) == 0 {
			continue
		}
		letter := ledger.ColumnLetter(col)
		col++
		if err := t.f.SetCellValue(templateListSheet, letter+"1", "下拉选项："+c.Field.Label()); err != nil {
			return err
		}
		for j, v := range values {
			if err := t.f.SetCellStr(templateListSheet, fmt.Sprintf("%s%d", letter, j+2), v); err != nil {
				return err
			}
		}
		if err := t.f.SetColWidth(templateListSheet, letter, letter, 20); err != nil {
			return err
		}
	}
	return nil
}

// printSetup: A3 landscape as a ledger of twenty-odd columns is printed (on A4 its
// text would be four points high), one page wide, the title and header on every page.
func (t *templateWriter) printSetup() error {
	return book.PrintSheet(t.f, t.sheet, book.Print{RepeatFrom: 1, RepeatTo: templateHeaderRow, A3: true})
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
