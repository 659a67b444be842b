package xlsxpatch

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"gongjian/internal/ooxml"
	"gongjian/report/internal/book"
)

// defaultColWidth is the width of a column the sheet leaves unset (Excel's 8.43).
const defaultColWidth = 8.43

// Sheet is a sheet to append: a header row and rows of cells.
type Sheet struct {
	Name    string
	Headers []string
	Widths  []float64 // column widths in characters; 0 leaves the default
	// Rows are the rows under the header, each at most as wide as Headers; nil for none.
	Rows       Rows
	AutoFilter bool // a filter on the header row over all rows
	// Footer is printed at the foot of every page, in Excel's header and footer codes
	// ("&C第 &P 页，共 &N 页"); "" prints none.
	Footer string
}

// Rows give an appended sheet's rows one at a time, as they are written, so that a
// list of 400,000 findings is never held as cells: Len of them, row i put in buf
// (whose room it may reuse) by Row. Row may be called more than once for a row.
type Rows interface {
	Len() int
	Row(i int, buf []Cell) []Cell
}

// Table is rows held in memory.
type Table [][]Cell

func (t Table) Len() int                   { return len(t) }
func (t Table) Row(i int, _ []Cell) []Cell { return t[i] }

// rowCount is the number of rows, 0 for none.
func (sh *Sheet) rowCount() int {
	if sh.Rows == nil {
		return 0
	}
	return sh.Rows.Len()
}

// Cell is one value of an appended sheet.
type Cell struct {
	Text    string
	Number  string // a number written exactly as given ("1234.50"); Text is ignored
	Percent bool   // Number is a fraction shown as a percentage with one decimal
	Link    string // a place in the workbook to jump to ("'开复工台账'!H17")
	Fill    Fill
}

// Fill colours a cell of an appended sheet.
type Fill int

const (
	FillNone Fill = iota
	FillError
	FillWarning
	FillGood
)

// sheetStyles are the styles the appended sheets use, added once to styles.xml.
type sheetStyles struct {
	header, text, number, percent, link int
	fills                               map[Fill][3]int // fill → text, number, percent styles
	// unitScale turns the sheet's column widths into book's units: the workbook's
	// default font sets the width of a column unit, and its size may not be 11.
	unitScale float64
}

// sheetFontSize is the size of the appended sheets' text, in points.
const sheetFontSize = 11

// maxBalancedRows: a sheet of more rows takes more pages than book.PageBreaks shares
// a table out over, whatever their heights; their heights are not kept.
const maxBalancedRows = 400

func addSheetStyles(s *styleSheet, errorFill, warningFill int) *sheetStyles {
	thin := s.border(`<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>`)
	// The sheets' own fonts, so their size — and the height their rows need — is known
	// whatever the workbook's default font is.
	plain := s.font(`<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`)
	bold := s.font(`<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`)
	link := s.font(`<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`)
	gray := s.solidFill("FFD9E1F2")
	green := s.solidFill("FFC6EFCE")
	xf := func(numFmt, font, fill int, align string) int {
		return s.xf(fmt.Sprintf(`<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment %s/></xf>`, numFmt, font, fill, thin, align))
	}
	const top = `vertical="top" wrapText="1"`
	// Rates with one decimal, as every other output shows them ("78.9%", not "78.95%").
	pct := s.numFmt("0.0%")
	st := &sheetStyles{
		header:    xf(0, bold, gray, `horizontal="center" vertical="center" wrapText="1"`),
		text:      xf(0, plain, 0, top),
		number:    xf(4, plain, 0, `vertical="top"`),
		percent:   xf(pct, plain, 0, `vertical="top"`),
		link:      xf(0, link, 0, top),
		fills:     map[Fill][3]int{},
		unitScale: s.defaultFontSize() / book.UnitSize,
	}
	// In a fixed order: ranging over a map would number the styles differently each run.
	for _, f := range []struct {
		fill Fill
		id   int
	}{{FillError, errorFill}, {FillWarning, warningFill}, {FillGood, green}} {
		st.fills[f.fill] = [3]int{xf(0, plain, f.id, top), xf(4, plain, f.id, `vertical="top"`), xf(pct, plain, f.id, `vertical="top"`)}
	}
	return st
}

// sheetXML renders an appended sheet with inline strings, so the shared string
// table is left alone.
func sheetXML(w io.Writer, sh *Sheet, st *sheetStyles, selected bool) error {
	b := bufio.NewWriterSize(w, 64<<10)
	ncols := len(sh.Headers)
	nrows := sh.rowCount()
	last := ooxml.CellRef(max(ncols-1, 0), nrows+1)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	fmt.Fprintf(b, `<dimension ref="A1:%s"/>`, last)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)
	if len(sh.Widths) > 0 {
		b.WriteString("<cols>")
		for i, w := range sh.Widths {
			if w > 0 {
				fmt.Fprintf(b, `<col min="%d" max="%d" width="%.1f" customWidth="1"/>`, i+1, i+1, w)
			}
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	// Each row as tall as its wrapped text (package book): Excel and WPS do not grow a
	// row of a file they open, so a three-line 说明 would show one line.
	width := func(c int) float64 {
		w := defaultColWidth
		if c < len(sh.Widths) && sh.Widths[c] > 0 {
			w = sh.Widths[c]
		}
		return w * st.unitScale
	}
	var hfit book.RowFit
	for c, h := range sh.Headers {
		hfit.Add(h, width(c), sheetFontSize, true)
	}
	// The rows' heights, for the print setup written after them: a sheet a few rows
	// over a page is shrunk onto one, one that would leave a tail of rows to its last
	// page broken evenly.
	sheetWidth := 0.0
	for c := range ncols {
		sheetWidth += width(c)
	}
	tall := hfit.Height(sheetFontSize)
	var heights []float64
	fmt.Fprintf(b, `<row r="1" ht="%g" customHeight="1">`, hfit.Height(sheetFontSize))
	for c, h := range sh.Headers {
		h = ooxml.Ellipsis(h, ooxml.MaxCellChars)
		fmt.Fprintf(b, `<c r="%s" s="%d" t="inlineStr"><is><t>%s</t></is></c>`, ooxml.CellRef(c, 1), st.header, xmlEscape(h))
	}
	b.WriteString("</row>")
	// Each row is put together in x and written at once, with no formatting of its
	// own: the findings sheet may have hundreds of thousands of rows.
	var row []Cell
	var x []byte
	links := false
	for i := range nrows {
		row = sh.Rows.Row(i, row[:0])
		r := i + 2
		var fit book.RowFit
		for c, cell := range row {
			fit.Add(cell.Text, width(c), sheetFontSize, cell.Number == "")
		}
		h := fit.Height(sheetFontSize)
		x = strconv.AppendInt(append(x[:0], `<row r="`...), int64(r), 10)
		x = strconv.AppendFloat(append(x, `" ht="`...), h, 'g', -1, 64)
		x = append(x, `" customHeight="1">`...)
		tall += h
		if len(heights) < maxBalancedRows {
			heights = append(heights, h)
		}
		for c, cell := range row {
			// A cell holds at most what Excel's does; a longer value is cut with "…".
			cell.Text = ooxml.Ellipsis(cell.Text, ooxml.MaxCellChars)
			style := st.text
			kind := 0
			switch {
			case cell.Number != "" && cell.Percent:
				style, kind = st.percent, 2
			case cell.Number != "":
				style, kind = st.number, 1
			case cell.Link != "":
				style = st.link
				links = true
			}
			if cell.Fill != FillNone && cell.Link == "" {
				style = st.fills[cell.Fill][kind]
			}
			x = ooxml.AppendCellRef(append(x, `<c r="`...), c, r)
			x = strconv.AppendInt(append(x, `" s="`...), int64(style), 10)
			switch {
			case kind > 0:
				x = append(append(append(x, `"><v>`...), cell.Number...), `</v></c>`...)
			case cell.Text == "":
				x = append(x, `"/>`...)
			default:
				x = appendXMLEscaped(append(x, `" t="inlineStr"><is><t xml:space="preserve">`...), cell.Text)
				x = append(x, `</t></is></c>`...)
			}
		}
		x = append(x, "</row>"...)
		b.Write(x)
	}
	b.WriteString("</sheetData>")
	if sh.AutoFilter && ncols > 0 {
		fmt.Fprintf(b, `<autoFilter ref="A1:%s"/>`, last)
	}
	if links {
		// The rows again, for their links: they go after the cells, and are not kept.
		b.WriteString("<hyperlinks>")
		for i := range nrows {
			row = sh.Rows.Row(i, row[:0])
			for c, cell := range row {
				if cell.Link == "" || cell.Number != "" {
					continue
				}
				x = ooxml.AppendCellRef(append(x[:0], `<hyperlink ref="`...), c, i+2)
				x = appendXMLEscaped(append(x, `" location="`...), cell.Link)
				x = appendXMLEscaped(append(x, `" display="`...), ooxml.Ellipsis(cell.Text, ooxml.MaxCellChars))
				x = append(x, `"/>`...)
				b.Write(x)
			}
		}
		b.WriteString("</hyperlinks>")
	}
	// The margins of every workbook the tool writes, which book's page estimates take.
	fmt.Fprintf(b, `<pageMargins left="%[1]g" right="%[1]g" top="%[1]g" bottom="%[1]g" header="%[2]g" footer="%[2]g"/>`, book.Margin, book.HeaderMargin)
	fitHeight := 0
	if book.OnePage(sheetWidth, tall) {
		fitHeight = 1
	}
	fmt.Fprintf(b, `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="%d"/>`, fitHeight)
	if sh.Footer != "" {
		b.WriteString(`<headerFooter><oddFooter>` + xmlEscape(sh.Footer) + `</oddFooter></headerFooter>`)
	}
	if len(heights) == nrows {
		if breaks := book.PageBreaks(sheetWidth, hfit.Height(sheetFontSize), hfit.Height(sheetFontSize), heights); len(breaks) > 0 {
			fmt.Fprintf(b, `<rowBreaks count="%d" manualBreakCount="%[1]d">`, len(breaks))
			for _, i := range breaks {
				fmt.Fprintf(b, `<brk id="%d" max="16383" man="1"/>`, i+1) // the last row of a page
			}
			b.WriteString(`</rowBreaks>`)
		}
	}
	b.WriteString(`</worksheet>`)
	return b.Flush()
}
