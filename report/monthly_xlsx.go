package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongjian/report/internal/book"
)

// The monthly report as a workbook to print for the 调度会议: one sheet per section,
// the report's title and the section's sentences on top, each table with a styled
// header, number formats, lights in colour and, for the rankings and the financing
// funnel, a native chart under it. A4 landscape, fit to width, title rows repeated.

// WriteMonthlyWorkbook writes the report workbook to w.
func WriteMonthlyWorkbook(w io.Writer, m *Monthly) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newWorkbookStyles(f)
	if err != nil {
		return err
	}
	for i, s := range m.sections() {
		name := s.Sheet
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSectionSheet(f, st, name, m.Title, s); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	return book.Write(f, w)
}

type workbookStyles struct {
	title, heading, para, caption, header, text, count, amount, percent, points int
	tones                                                                       map[tone]int
}

func newWorkbookStyles(f *excelize.File) (*workbookStyles, error) {
	styles := book.NewStyles(f)
	cellStyle := func(numFmt int, custom string, horizontal string) int {
		s := excelize.Style{Font: book.Font(10.5, false), Border: book.Border(), Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "center", WrapText: true}}
		if custom != "" {
			s.CustomNumFmt = &custom
		} else {
			s.NumFmt = numFmt
		}
		return styles.Add(s)
	}
	st := &workbookStyles{
		title:   styles.Add(excelize.Style{Font: book.Font(18, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		heading: styles.Add(excelize.Style{Font: book.Font(14, true), Alignment: &excelize.Alignment{Vertical: "center"}}),
		para:    styles.Add(excelize.Style{Font: book.Font(11, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		caption: styles.Add(excelize.Style{Font: book.Font(12, true), Alignment: &excelize.Alignment{Vertical: "center"}}),
		header: styles.Add(excelize.Style{Font: book.Font(10.5, true), Border: book.Border(), Fill: book.Fill(book.HeaderFill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		text:    cellStyle(0, "", "left"),
		count:   cellStyle(1, "", "center"),
		amount:  cellStyle(4, "", "right"),
		percent: cellStyle(0, "0.0%", "right"),
		points:  cellStyle(0, "+0.0;-0.0;0.0", "right"),
		tones:   map[tone]int{},
	}
	// In a fixed order: ranging over a map would number the styles differently each run.
	for _, tc := range []struct {
		tone  tone
		color string
	}{{toneBad, "FF7C80"}, {toneWarn, "FFE699"}, {toneGood, "A9D08E"}} {
		st.tones[tc.tone] = styles.Add(excelize.Style{Font: book.Font(10.5, true), Border: book.Border(), Fill: book.Fill(tc.color),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	}
	return st, styles.Err()
}

// writeSectionSheet lays one section out on its sheet.
func writeSectionSheet(f *excelize.File, st *workbookStyles, sheet, title string, s section) error {
	paragraphs, tables := s.paragraphs(), s.tables()
	cols := 2
	for _, t := range tables {
		cols = max(cols, len(t.Header)+boolInt(t.Chart != nil && t.Chart.Line != nil))
	}
	last, _ := excelize.ColumnNumberToName(cols)
	row := 1
	merge := func(style int, value string, height float64) error {
		a, b := "A"+strconv.Itoa(row), last+strconv.Itoa(row)
		if err := f.MergeCell(sheet, a, b); err != nil {
			return err
		}
		f.SetCellValue(sheet, a, value)
		f.SetCellStyle(sheet, a, b, style)
		f.SetRowHeight(sheet, row, height)
		row++
		return nil
	}
	if err := merge(st.title, title, 36); err != nil {
		return err
	}
	if err := merge(st.heading, s.Title, 24); err != nil {
		return err
	}
	for _, p := range paragraphs {
		// Rows do not grow to fit merged text: give the paragraph the lines it needs.
		lines := utf8.RuneCountInString(p)/(cols*9) + 1
		if err := merge(st.para, p, float64(lines)*16+4); err != nil {
			return err
		}
	}
	titleRows := row - 1
	widths := make([]float64, cols)
	firstHeader := 0
	afterChart := false
	for _, t := range tables {
		row++
		if afterChart {
			// A table under a chart starts a printed page with its own caption and
			// header, rather than running on below the chart.
			if err := f.InsertPageBreak(sheet, "A"+strconv.Itoa(row)); err != nil {
				return err
			}
		}
		afterChart = t.Chart != nil
		f.SetCellValue(sheet, "A"+strconv.Itoa(row), t.Name)
		f.SetCellStyle(sheet, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), st.caption)
		row++
		header := t.Header
		if t.Chart != nil && t.Chart.Line != nil {
			header = append(append([]string(nil), header...), t.Chart.LineName)
		}
		headerRow := row
		if firstHeader == 0 {
			firstHeader = row
		}
		for c, h := range header {
			ref, _ := excelize.CoordinatesToCellName(c+1, row)
			f.SetCellValue(sheet, ref, h)
			f.SetCellStyle(sheet, ref, ref, st.header)
			widths[c] = max(widths[c], textWidthOf(h)+2)
		}
		f.SetRowHeight(sheet, row, 30)
		if len(t.Rows) == 0 {
			row++
			ref := "A" + strconv.Itoa(row)
			f.SetCellValue(sheet, ref, "（无）")
			continue
		}
		for _, r := range t.Rows {
			row++
			for c, v := range r {
				ref, _ := excelize.CoordinatesToCellName(c+1, row)
				if err := setReportCell(f, st, sheet, ref, v); err != nil {
					return err
				}
				widths[c] = max(widths[c], min(textWidthOf(v.Text)+2, 40))
			}
			if t.Chart != nil && t.Chart.Line != nil {
				ref, _ := excelize.CoordinatesToCellName(len(r)+1, row)
				setReportCell(f, st, sheet, ref, rateCell(t.Chart.Line))
			}
		}
		if t.Chart != nil {
			if err := addTableChart(f, sheet, t, headerRow, row, len(t.Header)); err != nil {
				return err
			}
			row += 20 // the chart's height in rows, and a gap
		}
	}
	for c, w := range widths {
		name, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(sheet, name, name, max(w, 8))
	}
	repeat := firstHeader
	switch {
	case firstHeader == 0:
		repeat = titleRows
	case len(tables) > 1:
		// Print titles are one block of rows per sheet: with several tables any
		// header repeated would stand over another table's rows, so only the
		// report's title and the section's heading are.
		repeat = 2
	}
	return printSetup(f, sheet, repeat, firstHeader)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// textWidthOf estimates a text's width in Excel's character units: CJK counts two.
func textWidthOf(s string) float64 {
	return float64(textWidth(s)) * 1.1
}

func setReportCell(f *excelize.File, st *workbookStyles, sheet, ref string, v cell) error {
	style := st.text
	switch {
	case v.Text == "" && v.Num == "":
		// Nothing to say: an empty cell, not an empty string, which a chart would
		// plot as zero.
		return f.SetCellStyle(sheet, ref, ref, style)
	case v.Tone != toneNone:
		style = st.tones[v.Tone]
	case v.Text == "-":
		style = st.count // a dash for "none" sits in the middle of its column
	case v.Num != "":
		n, err := strconv.ParseFloat(v.Num, 64)
		if err != nil {
			return err
		}
		if p, ok := strings.CutSuffix(v.Text, "%"); ok && v.Kind == kindPercent {
			// The cell shows one decimal of a percent: give it the value the text was
			// rounded to, so Excel does not round a second time (0.3465 → 34.7%).
			if x, err := strconv.ParseFloat(p, 64); err == nil {
				n = x / 100
			}
		}
		if err := f.SetCellFloat(sheet, ref, n, -1, 64); err != nil {
			return err
		}
		switch v.Kind {
		case kindCount:
			style = st.count
		case kindAmount:
			style = st.amount
		case kindPercent:
			style = st.percent
		case kindPoints:
			style = st.points
		}
		return f.SetCellStyle(sheet, ref, ref, style)
	}
	if err := f.SetCellStr(sheet, ref, v.Text); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// addTableChart puts a native chart of a table under it: bars of one column per row,
// and the constant line (序时进度) from the column written after the table.
func addTableChart(f *excelize.File, sheet string, t table, headerRow, lastRow, ncols int) error {
	c := t.Chart
	col := func(i int) string { n, _ := excelize.ColumnNumberToName(i + 1); return n }
	q := "'" + sheet + "'!"
	rng := func(i int) string {
		return fmt.Sprintf("%s$%s$%d:$%s$%d", q, col(i), headerRow+1, col(i), lastRow)
	}
	anchor := fmt.Sprintf("A%d", lastRow+2)
	if len(c.Lines) > 0 {
		return f.AddChart(sheet, anchor, lineChart(c, func(i int) string { return fmt.Sprintf("%s$%s$%d", q, col(i), headerRow) }, rng))
	}
	bars := &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("%s$%s$%d", q, col(c.BarColumn), headerRow), Categories: rng(c.CategoryColumn), Values: rng(c.BarColumn)}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true}}}},
		Dimension: excelize.ChartDimension{Width: 760, Height: 340},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Family: "宋体", Size: 9, Color: "000000"}},
		YAxis:     excelize.ChartAxis{Font: excelize.Font{Family: "宋体", Size: 9, Color: "000000"}, MajorGridLines: true},
	}
	if c.Percent {
		bars.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
		zero := 0.0
		bars.YAxis.Minimum = &zero
	}
	if c.Line == nil {
		return f.AddChart(sheet, anchor, bars)
	}
	line := &excelize.Chart{
		Type:   excelize.Line,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s$%s$%d", q, col(ncols), headerRow), Categories: rng(c.CategoryColumn), Values: rng(ncols), Line: excelize.LineOptions{Width: 2.25}}},
	}
	return f.AddChart(sheet, anchor, bars, line)
}

// trendLines are the lines' looks in the order of chartSpec.Lines: the rates solid
// with markers, the last (序时进度) a dark dashed line without, so it reads as the bar
// the others are measured against also on a grey printer.
var trendLines = []struct {
	color string
	dash  excelize.LineDashType
}{{"2E75B6", excelize.LineDashSolid}, {"70AD47", excelize.LineDashSolid}, {"C00000", excelize.LineDashSolid}, {"404040", excelize.LineDashDash}}

// lineChart draws columns of a table as lines over its categories (months): dark
// axis labels, the value axis in percent from zero, a gap where a month is empty.
func lineChart(c *chartSpec, name, values func(int) string) *excelize.Chart {
	font := excelize.Font{Family: "宋体", Size: 10, Color: "000000"}
	zero := 0.0
	ch := &excelize.Chart{
		Type:         excelize.Line,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true, Color: "000000"}}}},
		Dimension:    excelize.ChartDimension{Width: 760, Height: 340},
		Legend:       excelize.ChartLegend{Position: "bottom", Font: &font},
		XAxis:        excelize.ChartAxis{Font: font},
		YAxis:        excelize.ChartAxis{Font: font, MajorGridLines: true, Minimum: &zero},
		ShowBlanksAs: "gap",
	}
	if c.Percent {
		ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
	}
	for i, column := range c.Lines {
		look := trendLines[min(i, len(trendLines)-1)]
		if i == len(c.Lines)-1 {
			look = trendLines[len(trendLines)-1]
		}
		color := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{look.color}}
		s := excelize.ChartSeries{Name: name(column), Categories: values(c.CategoryColumn), Values: values(column),
			Fill: color, Line: excelize.LineOptions{Width: 2.25, Dash: look.dash}}
		if look.dash == excelize.LineDashSolid {
			s.Marker = excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: color}
		} else {
			s.Marker = excelize.ChartMarker{Symbol: "none"}
		}
		ch.Series = append(ch.Series, s)
	}
	return ch
}

// printSetup makes a sheet print as a 县长 expects: the book's A4 setup with rows
// 1..repeat on every page, and the first table's header frozen on screen.
func printSetup(f *excelize.File, sheet string, repeat, headerRow int) error {
	if err := book.PrintSetup(f, sheet, repeat); err != nil {
		return err
	}
	if headerRow > 0 {
		cell := fmt.Sprintf("A%d", headerRow+1)
		return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell, ActivePane: "bottomLeft"})
	}
	return nil
}
