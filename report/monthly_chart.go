package report

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongjian/report/internal/book"
)

// Charts for paper: every label dark and at least 9 points, the value axis in percent
// for rates, category names turned when there are many or long ones (all of them
// shown, none skipped, none overlapping), and the 序时进度 line labelled where it ends.

// chartFont is a chart's text: 宋体, dark.
func chartFont(size float64, bold bool) excelize.Font {
	return excelize.Font{Family: book.FontFamily, Size: size, Bold: bold, Color: "000000"}
}

// withLineColumn is the table with the chart's constant line (序时进度) as a last
// column, which the line's series reads.
func withLineColumn(t *table) *table {
	if t.Chart == nil || t.Chart.Line == nil {
		return t
	}
	out := *t
	out.Header = append(append([]string(nil), t.Header...), t.Chart.LineName)
	out.Rows = make([][]cell, len(t.Rows))
	for i, r := range t.Rows {
		out.Rows[i] = append(append([]cell(nil), r...), rateCell(t.Chart.Line))
	}
	return &out
}

// rotateCategories reports whether the category names are turned: when the widest
// would not fit the room a category has under the plot (labels at 9 points are about
// six pixels a column).
func rotateCategories(t *table, chartWidth int) bool {
	if t.Chart == nil || len(t.Rows) == 0 {
		return false
	}
	room := float64(chartWidth-100) / float64(len(t.Rows))
	for _, r := range t.Rows {
		if float64(book.Columns(r[t.Chart.CategoryColumn].Text))*6 > room-10 {
			return true
		}
	}
	return false
}

// addChart puts the table's chart at anchor: bars of one column per row, and the
// constant line from the table's last column. headerRow and lastRow are where the
// table will stand.
func (wb *workbookWriter) addChart(sheet, anchor string, t *table, headerRow, lastRow, width, height int) error {
	c := t.Chart
	col := func(i int) string { n, _ := excelize.ColumnNumberToName(i + 1); return n }
	q := "'" + sheet + "'!"
	rng := func(i int) string {
		return fmt.Sprintf("%s$%s$%d:$%s$%d", q, col(i), headerRow+1, col(i), lastRow)
	}
	axis := excelize.ChartAxis{Font: chartFont(9, false), TickLabelSkip: 1}
	if rotateCategories(t, width) {
		axis.Alignment.TextRotation = -45
	}
	values := excelize.ChartAxis{Font: chartFont(9, false), MajorGridLines: true}
	labelFmt := excelize.ChartNumFmt{}
	if c.Percent {
		values.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
		labelFmt = excelize.ChartNumFmt{CustomNumFmt: "0.0%"}
		zero := 0.0
		values.Minimum = &zero
	}
	if len(c.Lines) > 0 {
		wb.charts++
		ch := lineChart(c, func(i int) string { return fmt.Sprintf("%s$%s$%d", q, col(i), headerRow) }, rng, width, height)
		if c.Percent && linesAtMost(t, c.Lines, 1) {
			// Rates of 100% at most: the axis stops at 100%, not at an empty 120%.
			one := 1.0
			ch.YAxis.Maximum = &one
		}
		return wb.f.AddChart(sheet, anchor, ch)
	}
	bars := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: fmt.Sprintf("%s$%s$%d", q, col(c.BarColumn), headerRow), Categories: rng(c.CategoryColumn), Values: rng(c.BarColumn),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
			DataLabel: excelize.ChartDataLabel{Font: chartFont(9, false)},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: book.FontFamily, Size: 12, Bold: true, Color: "000000"}}}},
		Dimension: excelize.ChartDimension{Width: uint(width), Height: uint(height)},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: book.FontFamily, Size: 9, Color: "000000"}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: labelFmt},
		XAxis:     axis,
		YAxis:     values,
	}
	wb.charts++
	if c.Line == nil {
		bars.Legend.Position = "none"
		return wb.f.AddChart(sheet, anchor, bars)
	}
	lineCol := len(t.Header) - 1
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s$%s$%d", q, col(lineCol), headerRow), Categories: rng(c.CategoryColumn), Values: rng(lineCol),
			Line: excelize.LineOptions{Width: 2.25}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lineColor}},
			Marker: excelize.ChartMarker{Symbol: "none"}}},
		// The axes of a combined chart are drawn with the last chart's settings.
		XAxis: axis,
		YAxis: values,
	}
	wb.lineEnds[wb.charts] = lineLabelPoint(t)
	if valuesAtBase(t, height) {
		bars.Series[0].DataLabelPosition = excelize.ChartDataLabelsPositionInsideBase
		bars.Series[0].DataLabel.Font = chartFont(9, true)
		bars.Series[0].DataLabel.Font.Color = "FFFFFF"
	}
	return wb.f.AddChart(sheet, anchor, bars, line)
}

// valuesAtBase reports whether the bars' values go inside their bases, in white: when
// a bar ends just under the 序时进度 line, its value above it stands where the line
// runs and is struck through (LibreOffice draws the line over the labels). Only when
// every bar is tall enough to hold its value and the line runs well above the bases.
// Heights are reckoned in the axis's units: a label is about 16 of the plot's
// pixels, the plot about three fifths of the chart, the axis a little above the
// tallest bar or the line.
func valuesAtBase(t *table, chartHeight int) bool {
	line := t.Chart.Line.Rounded(4)
	top := line
	var values []float64
	for _, r := range t.Rows {
		v, err := strconv.ParseFloat(r[t.Chart.BarColumn].Num, 64)
		if err != nil {
			return false // a group with no rate: no bar to write in
		}
		values = append(values, v)
		top = max(top, v)
	}
	label := 16 / (float64(chartHeight) * 0.6) * top * 1.15
	struck := false
	for _, v := range values {
		if v < 1.3*label {
			return false
		}
		struck = struck || v < line && line-v < 1.2*label
	}
	return struck && line >= 1.5*label
}

// lineLabelPoint is the category at which the line is labelled: the one whose bar is
// lowest, so the label above the line stands clear of the bar and its value.
func lineLabelPoint(t *table) int {
	at, lowest := len(t.Rows)-1, 0.0
	for i, r := range t.Rows {
		v, err := strconv.ParseFloat(r[t.Chart.BarColumn].Num, 64)
		if err != nil {
			v = 0 // no rate: no bar
		}
		if i == 0 || v < lowest {
			at, lowest = i, v
		}
	}
	return at
}

// linesAtMost reports whether every value of the columns drawn as lines is at most max.
func linesAtMost(t *table, columns []int, max float64) bool {
	for _, r := range t.Rows {
		for _, c := range columns {
			if v, err := strconv.ParseFloat(r[c].Num, 64); err == nil && v > max {
				return false
			}
		}
	}
	return true
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
func lineChart(c *chartSpec, name, values func(int) string, width, height int) *excelize.Chart {
	font := chartFont(10, false)
	zero := 0.0
	ch := &excelize.Chart{
		Type:         excelize.Line,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: book.FontFamily, Size: 12, Bold: true, Color: "000000"}}}},
		Dimension:    excelize.ChartDimension{Width: uint(width), Height: uint(height)},
		Legend:       excelize.ChartLegend{Position: "bottom", Font: &font},
		XAxis:        excelize.ChartAxis{Font: font, TickLabelSkip: 1},
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
