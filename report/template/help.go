package template

import (
	"fmt"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/book"
)

// The template's 填报说明 sheet: the general rules of filling in, then one row per
// column saying what to write and which values are allowed.

// helpNotes are the general rules, numbered on the sheet.
func (t *templateWriter) helpNotes() []string {
	sheet := t.sheet
	notes := []string{
		fmt.Sprintf("在“%s”工作表第 %d 行起填写，一个项目一行；不要改动表头，不要在表头上方插入行。", sheet, templateFirstRow),
		"第 2 行“填报单位：”后填写本单位全称，如“填报单位：礼义镇人民政府”；标题中“截至　年　月　日”填写数据统计到的日期，如“截至2025年5月31日”。",
		"带红色 * 号的栏目必须填写；选中表头单元格可看到这一栏怎么填。",
		"金额单位均为万元，只填数字，可带两位小数，如 1200.50；不要写“万元”“亿元”等文字，没有的空着，不要填 0 代替未知。",
		"日期填写如 2025-03-15；只定到月份的写 2025年3月。",
		"带下拉箭头的栏目请从列表中选择，不要自己输入其他写法。",
		"需要时可在表格下方继续添加行；不需要填写合计行，检查时自动合计。",
		"填好后可用 gongjian check 检查，按提示改正标红、标黄的单元格后再报送。",
	}
	if t.opts.Kind == ledger.KindRongzi {
		notes[4] = "日期（对接时间）填写如 2025-03-15。"
	}
	return notes
}

// help writes the 填报说明 sheet.
func (t *templateWriter) help() error {
	f, s := t.f, templateHelpSheet
	widths := []float64{6, 16, 10, 60, 44} // A-E
	total := 0.0
	for i, w := range widths {
		col := ledger.ColumnLetter(i)
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
		total += w
	}
	set := func(cell string, v string, style int) error {
		if err := f.SetCellStr(s, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(s, cell, cell, style)
	}
	if err := set("A1", fmt.Sprintf("%s填报说明", t.opts.Kind.Label()), t.st.helpTitle); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A1", "E1"); err != nil {
		return err
	}
	if err := f.SetRowHeight(s, 1, 28); err != nil {
		return err
	}
	height := 28.0 + 15 // the title and the blank row under the notes
	row := 2
	for i, n := range t.helpNotes() {
		cell := fmt.Sprintf("A%d", row)
		if err := set(cell, fmt.Sprintf("%d. %s", i+1, n), t.st.helpNote); err != nil {
			return err
		}
		if err := f.MergeCell(s, cell, fmt.Sprintf("E%d", row)); err != nil {
			return err
		}
		var fit book.RowFit
		fit.Add(fmt.Sprintf("%d. %s", i+1, n), total, noteSize, true)
		if err := f.SetRowHeight(s, row, fit.Height(noteSize)); err != nil {
			return err
		}
		height += fit.Height(noteSize)
		row++
	}
	row++
	head := []string{"列", "栏目", "是否必填", "填写说明", "可选的值 / 格式"}
	var fit book.RowFit
	for i, h := range head {
		if err := set(ledger.CellName(i, row), h, t.st.helpHead); err != nil {
			return err
		}
		fit.Add(h, widths[i], noteSize, true)
	}
	headHeight := max(fit.Height(noteSize), 22)
	if err := f.SetRowHeight(s, row, headHeight); err != nil {
		return err
	}
	height += headHeight
	headRow := row
	var rowHeights []float64
	row++
	for i, c := range t.cols {
		required := ""
		if c.Required {
			required = "必填"
		}
		cells := []string{ledger.ColumnLetter(i), c.Field.Label(), required, c.Hint, t.allowed(c)}
		var fit book.RowFit
		for j, v := range cells {
			if err := set(ledger.CellName(j, row), v, t.st.helpCell); err != nil {
				return err
			}
			fit.Add(v, widths[j], noteSize, true)
		}
		if err := f.SetRowHeight(s, row, fit.Height(noteSize)); err != nil {
			return err
		}
		rowHeights = append(rowHeights, fit.Height(noteSize))
		row++
	}
	// Each page repeats the table's header, not the notes above it; a table that runs
	// a few rows onto a second page is shrunk onto one, one that would leave a tail
	// of rows to its last page is broken evenly.
	above := height
	for _, h := range rowHeights {
		height += h
	}
	for _, i := range book.PageBreaks(total, above, headHeight, rowHeights) {
		if err := f.InsertPageBreak(s, fmt.Sprintf("A%d", headRow+1+i)); err != nil {
			return err
		}
	}
	return book.PrintSheet(f, s, book.Print{RepeatFrom: headRow, RepeatTo: headRow, OnePage: book.OnePage(total, height)})
}

// allowed says which values a column takes, for the 填报说明 sheet.
func (t *templateWriter) allowed(c ledger.CanonicalColumn) string {
	if c.Values != ledger.ValuesNone {
		if v := t.opts.Rules.AllowedValues(c.Values); len(v) > 0 {
			return "下拉选择：" + strings.Join(v, "、")
		}
	}
	switch c.Field.Type() {
	case ledger.TypeAmount:
		return "数字，单位万元，如 1200.50"
	case ledger.TypeDate:
		if c.Field == ledger.FieldDockDate {
			return "日期，如 2025-03-15"
		}
		return "日期，如 2025-03-15；或月份，如 2025年3月"
	}
	switch c.Field {
	case ledger.FieldTown:
		return "乡镇名称，如 礼义镇"
	case ledger.FieldCode:
		return "如 2501-140524-04-01-123456"
	case ledger.FieldPeriod:
		return "如 2024-2026"
	case ledger.FieldLevel:
		return "省重点、市重点、县重点"
	}
	return "文字"
}
