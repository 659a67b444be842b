package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongjian/report/internal/book"
	"gongjian/report/internal/docx"
)

// The monthly report as a workbook to print for the 调度会议: a sheet per table, so
// every printed page carries the header of the table it holds (print titles repeat a
// sheet's one header row). A sheet opens with the report's title, its section's
// heading and, on the section's first sheet, the section's sentences; then the chart
// of the table, if it has one (it comes first, so it is never cut by a page break),
// the table's caption, header and rows. Every row is as tall as its wrapped text;
// A4 landscape, fitted to the page's width, page numbers at the foot.

// WriteMonthlyWorkbook writes the report workbook to w.
func WriteMonthlyWorkbook(w io.Writer, m *Monthly) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newWorkbookStyles(f)
	if err != nil {
		return err
	}
	wb := &workbookWriter{f: f, st: st, title: m.Title, anchors: map[string]string{}, lineEnds: map[int]int{}}
	for i, pg := range workbookPages(m.document()) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", pg.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(pg.name); err != nil {
			return err
		}
		if err := wb.writePage(pg); err != nil {
			return fmt.Errorf("%s: %w", pg.name, err)
		}
	}
	if err := wb.resolveLinks(); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := book.FixedDocProps(f, m.Title); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := book.Write(f, &buf); err != nil {
		return err
	}
	out, err := book.LabelLineEnds(buf.Bytes(), wb.lineEnds, "0.0%", lineColor)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// workbookPage is one sheet: a table with what stands above it.
type workbookPage struct {
	name    string
	heading string      // the section's heading ("二、分组排名")
	paras   []paragraph // the section's sentences, on its first sheet only
	table   *table      // nil for a section without tables
}

// workbookPages lays the document out a table a sheet, named by the table's Sheet, else
// the section's for its first table, else the table's caption.
func workbookPages(d document) []workbookPage {
	var out []workbookPage
	used := map[string]bool{}
	name := func(want string) string {
		want = sheetName(want)
		n, try := 2, want
		for used[try] {
			suffix := strconv.Itoa(n)
			try = truncateRunes(want, 31-len(suffix)) + suffix
			n++
		}
		used[try] = true
		return try
	}
	for _, s := range d.Sections {
		var paras []paragraph
		for _, b := range s.Blocks {
			if p, ok := b.(paragraph); ok {
				paras = append(paras, p)
			}
		}
		tables := s.tables()
		if len(tables) == 0 {
			out = append(out, workbookPage{name: name(s.Sheet), heading: s.Title, paras: paras})
			continue
		}
		for i := range tables {
			t := &tables[i]
			want := t.Sheet
			switch {
			case want == "" && i == 0 && s.Sheet != "":
				want = s.Sheet
			case want == "":
				want = t.Name
			}
			pg := workbookPage{name: name(want), heading: s.Title, table: t}
			if i == 0 {
				pg.paras = paras
			}
			out = append(out, pg)
		}
	}
	return out
}

// sheetName makes a sheet name Excel accepts: none of []:*?/\ and at most 31 characters.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if s == "" {
		s = "表"
	}
	return truncateRunes(s, 31)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// Sizes of the workbook's text, in points.
const (
	titleSize   = 16
	headingSize = 14
	paraSize    = 11
	captionSize = 12
	cellSize    = 10.5
)

// lineColor is the 序时进度 line's, and its label's.
const lineColor = "C00000"

type workbookStyles struct {
	title, heading, para, paraBad, caption, header int
	kinds                                          map[cellKind]int // text, count, amount, percent, points
	dash                                           int              // "-" for none, centred
	tones                                          map[tone]int
	links                                          map[cellKind]int // a linked figure: blue, underlined
}

func newWorkbookStyles(f *excelize.File) (*workbookStyles, error) {
	styles := book.NewStyles(f)
	cellStyle := func(font *excelize.Font, numFmt int, custom, horizontal string, wrap bool) int {
		s := excelize.Style{Font: font, Border: book.Border(), Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "center", WrapText: wrap}}
		if custom != "" {
			s.CustomNumFmt = &custom
		} else {
			s.NumFmt = numFmt
		}
		return styles.Add(s)
	}
	plain := book.Font(cellSize, false)
	link := &excelize.Font{Family: book.FontFamily, Size: cellSize, Color: "0563C1", Underline: "single"}
	kinds := func(font *excelize.Font) map[cellKind]int {
		return map[cellKind]int{
			kindText:    cellStyle(font, 0, "", "left", true),
			kindCount:   cellStyle(font, 1, "", "center", false),
			kindFigure:  cellStyle(font, 1, "", "right", false),
			kindMark:    cellStyle(font, 0, "", "center", false),
			kindAmount:  cellStyle(font, 4, "", "right", false),
			kindPercent: cellStyle(font, 0, "0.0%", "right", false),
			kindPoints:  cellStyle(font, 0, "+0.0;-0.0;0.0", "right", false),
		}
	}
	red := &excelize.Font{Family: book.FontFamily, Size: paraSize, Color: "C00000", Bold: true}
	st := &workbookStyles{
		title:   styles.Add(excelize.Style{Font: book.Font(titleSize, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		heading: styles.Add(excelize.Style{Font: book.Font(headingSize, true), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		para:    styles.Add(excelize.Style{Font: book.Font(paraSize, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		paraBad: styles.Add(excelize.Style{Font: red, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		caption: styles.Add(excelize.Style{Font: book.Font(captionSize, true), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		header: styles.Add(excelize.Style{Font: book.Font(cellSize, true), Border: book.Border(), Fill: book.Fill(book.HeaderFill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		kinds: kinds(plain),
		dash:  cellStyle(plain, 0, "", "center", false),
		links: kinds(link),
		tones: map[tone]int{},
	}
	// In a fixed order: ranging over a map would number the styles differently each run.
	for _, tc := range []struct {
		tone  tone
		color string
	}{{toneBad, "FF7C80"}, {toneWarn, "FFE699"}, {toneGood, "A9D08E"}} {
		st.tones[tc.tone] = styles.Add(excelize.Style{Font: book.Font(cellSize, true), Border: book.Border(), Fill: book.Fill(tc.color),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	}
	return st, styles.Err()
}

// workbookWriter writes the sheets and then the links between them.
type workbookWriter struct {
	f        *excelize.File
	st       *workbookStyles
	title    string
	anchors  map[string]string // anchor → "'明细'!A7"
	links    []pendingLink
	charts   int         // charts added so far (excelize numbers them in this order)
	lineEnds map[int]int // chart number → its line's last point, to be labelled
}

type pendingLink struct{ sheet, ref, anchor string }

// Column widths, in characters: a text column grows with its text up to maxTextWidth
// and wraps beyond; a header wraps within its column.
const (
	minColWidth      = 6
	maxTextWidth     = 40
	maxHeaderWidth   = 16
	chartRowsPerPx   = 1.0 / 20 // a default row is 15 points, 20 pixels
	defaultRowHeight = 15       // points
	// A chart's height in pixels: at most maxChartHeight, at least minChartHeight
	// (minRotatedChartHeight with its names turned).
	maxChartHeight        = 340
	minChartHeight        = 220
	minRotatedChartHeight = 300
	minChartWidth         = 600
	maxChartWidth         = 1000 // pixels: about the width of a landscape page
)

// columnWidths sizes the table's columns from its header and cells.
func columnWidths(t *table, ncols int) []float64 {
	widths := make([]float64, ncols)
	for c := range widths {
		widths[c] = minColWidth
	}
	for c, h := range t.Header {
		widths[c] = max(widths[c], min(float64(book.Columns(h))+2, maxHeaderWidth))
	}
	for _, r := range t.Rows {
		for c, v := range r {
			w := float64(book.Columns(v.Text))*1.1 + 2
			if v.Num == "" && v.Tone == toneNone {
				limit := float64(maxTextWidth)
				if c < len(t.Wrap) && t.Wrap[c] > 0 {
					limit = float64(t.Wrap[c]) + 2 // the table's own wrap width
				}
				w = min(w, limit)
			}
			widths[c] = max(widths[c], w)
		}
	}
	return widths
}

// The printed page, for sizing a chart so that it and a short table share one page:
// A4 landscape less the margins, in points, and the sheet width text needs.
const (
	pageWidthPt  = 770
	pageHeightPt = 490
	minSheetCols = 110 // column units: a sentence runs the width of the page
)

// writePage lays one sheet out.
func (wb *workbookWriter) writePage(pg workbookPage) error {
	f, st, sheet := wb.f, wb.st, pg.name
	t := pg.table
	if t != nil {
		t = withLineColumn(t)
	}
	var widths []float64
	if t != nil {
		widths = columnWidths(t, max(len(t.Header), 1))
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	// Title and sentences run across at least a page's width: a narrow table gets an
	// empty column after it for them.
	if total < minSheetCols {
		widths = append(widths, minSheetCols-total)
		total = minSheetCols
	}
	for c, w := range widths {
		name, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(widths))
	bannerHeight := func(text string, size float64) float64 {
		var fit book.RowFit
		fit.Add(text, total, size, true)
		return fit.Height(size)
	}
	row := 1
	used := 0.0 // points of the page taken so far
	// banner writes text merged across the sheet's width, its row as tall as its lines.
	banner := func(style int, text string, size, gap float64) error {
		a, b := "A"+strconv.Itoa(row), last+strconv.Itoa(row)
		if err := f.MergeCell(sheet, a, b); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, a, text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, b, style); err != nil {
			return err
		}
		h := bannerHeight(text, size) + gap
		used += h
		row++
		return f.SetRowHeight(sheet, row-1, h)
	}
	if err := banner(st.title, wb.title, titleSize, 6); err != nil {
		return err
	}
	if err := banner(st.heading, pg.heading, headingSize, 0); err != nil {
		return err
	}
	for _, p := range pg.paras {
		style := st.para
		for _, sp := range p.Spans {
			if sp.Tone == toneBad {
				style = st.paraBad
			}
		}
		if err := banner(style, p.text(), paraSize, 0); err != nil {
			return err
		}
	}
	print := book.Print{Header: wb.title}
	if t == nil {
		print.OnePage = book.OnePage(total, used)
		return book.PrintSheet(f, sheet, print)
	}
	// The table's rows, measured before anything is written.
	heights := make([]float64, len(t.Rows)+1)
	var fit book.RowFit
	for c, h := range t.Header {
		fit.Add(h, widths[c], cellSize, true)
	}
	heights[0] = fit.Height(cellSize)
	tableHeight := bannerHeight(t.Name, captionSize) + heights[0]
	for i, r := range t.Rows {
		var fit book.RowFit
		for c, v := range r {
			fit.Add(v.Text, widths[c], cellSize, v.Num == "")
		}
		heights[i+1] = fit.Height(cellSize)
		tableHeight += heights[i+1]
	}
	row++ // a blank row before the table or its chart
	used += defaultRowHeight
	firstDataRow := row + 2
	if t.Chart != nil {
		// The chart stands above its table (so a page break never cuts it) and reads
		// the rows below it; it shrinks, down to a legible size, to leave its table
		// on the same page.
		// Room for every category's name, up to about a landscape page's width.
		width := min(max(float64(len(t.Rows))*100+200, minChartWidth), maxChartWidth)
		scale := min(1, pageWidthPt/(max(total*7+5, width)*0.75))
		room := (pageHeightPt/scale - used - tableHeight) / 0.75 // pixels
		height := int(min(max(room, minChartHeight), maxChartHeight))
		if rotateCategories(t, int(width)) {
			height = max(height, minRotatedChartHeight)
		}
		chartRows := int(float64(height)*chartRowsPerPx) + 2
		used += float64(chartRows) * defaultRowHeight
		firstDataRow += chartRows
		if err := wb.addChart(sheet, "A"+strconv.Itoa(row), t, firstDataRow-1, firstDataRow+len(t.Rows)-1, int(width), height); err != nil {
			return err
		}
		row += chartRows
	}
	if err := banner(st.caption, t.Name, captionSize, 0); err != nil {
		return err
	}
	headerRow := row
	for c, h := range t.Header {
		ref, _ := excelize.CoordinatesToCellName(c+1, row)
		if err := f.SetCellStr(sheet, ref, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, ref, ref, st.header); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, row, heights[0]); err != nil {
		return err
	}
	if len(t.Rows) == 0 {
		row++
		if err := f.SetCellStr(sheet, "A"+strconv.Itoa(row), "（无）"); err != nil {
			return err
		}
	}
	mixed := mixedColumns(t)
	marks := make([]bool, len(t.Header)) // short marks (↑2, 持平, 预警), centred as in the 通报
	for c := range marks {
		marks[c] = columnAlign(*t, c) == docx.AlignCenter
	}
	for i, r := range t.Rows {
		row++
		for c, v := range r {
			ref, _ := excelize.CoordinatesToCellName(c+1, row)
			switch {
			case v.Kind == kindCount && mixed[c]:
				v.Kind = kindFigure
			case v.Kind == kindText && v.Num == "" && marks[c]:
				v.Kind = kindMark
			}
			if err := wb.setCell(sheet, ref, v); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, row, heights[i+1]); err != nil {
			return err
		}
	}
	print.RepeatFrom, print.RepeatTo = headerRow, headerRow
	above := used + heights[0]
	for _, h := range heights {
		used += h
	}
	print.OnePage = book.OnePage(total, used)
	for _, i := range book.PageBreaks(total, above, heights[0], heights[1:]) {
		if err := f.InsertPageBreak(sheet, "A"+strconv.Itoa(headerRow+1+i)); err != nil {
			return err
		}
	}
	if err := book.PrintSheet(f, sheet, print); err != nil {
		return err
	}
	// Freeze the header on screen when it stands near the top; below a chart the
	// frozen part would fill the window.
	if t.Chart == nil && headerRow <= 12 {
		return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow,
			TopLeftCell: "A" + strconv.Itoa(headerRow+1), ActivePane: "bottomLeft"})
	}
	return nil
}

// Kinds of the workbook's own: kindFigure is a count in a column of other figures
// (主要指标's 数值), right-aligned with them, not centred as a column of counts is;
// kindMark a short mark in a column of them (较4月's ↑2, 持平), centred.
const (
	kindFigure cellKind = -1 - iota
	kindMark
)

// mixedColumns marks the columns holding counts and other figures both.
func mixedColumns(t *table) []bool {
	out := make([]bool, len(t.Header))
	for c := range out {
		counts, others := false, false
		for _, r := range t.Rows {
			if c < len(r) && r[c].Num != "" {
				counts = counts || r[c].Kind == kindCount
				others = others || r[c].Kind != kindCount
			}
		}
		out[c] = counts && others
	}
	return out
}

// setCell writes one cell: numbers as numbers in their format, a light in its colour,
// a linked figure blue and underlined; an anchor is remembered for the links.
func (wb *workbookWriter) setCell(sheet, ref string, v cell) error {
	f, st := wb.f, wb.st
	if v.Anchor != "" {
		wb.anchors[v.Anchor] = fmt.Sprintf("'%s'!%s", sheet, ref)
	}
	styles := st.kinds
	if v.Link != "" {
		styles = st.links
		wb.links = append(wb.links, pendingLink{sheet: sheet, ref: ref, anchor: v.Link})
	}
	style := styles[kindText]
	if v.Kind == kindMark {
		style = styles[kindMark]
	}
	switch {
	case v.Text == "" && v.Num == "":
		// Nothing to say: an empty cell, not an empty string, which a chart would
		// plot as zero.
		return f.SetCellStyle(sheet, ref, ref, style)
	case v.Tone != toneNone:
		style = st.tones[v.Tone]
	case v.Text == "-":
		style = st.dash // a dash for "none" sits in the middle of its column
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
		return f.SetCellStyle(sheet, ref, ref, styles[v.Kind])
	}
	if err := f.SetCellStr(sheet, ref, v.Text); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// resolveLinks points each linked figure at its anchor, once every sheet is written.
func (wb *workbookWriter) resolveLinks() error {
	for _, l := range wb.links {
		loc, ok := wb.anchors[l.anchor]
		if !ok {
			continue
		}
		tip := "查看这个数字所计的项目"
		if err := wb.f.SetCellHyperLink(l.sheet, l.ref, loc, "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
			return err
		}
	}
	return nil
}
