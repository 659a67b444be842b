package annotate

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongjian/ledger"
	"gongjian/report/internal/book"
)

// csvWorkbook makes a CSV ledger's rows into a workbook of one sheet of the ledger's
// sheet name, so the findings can be marked on it like on any other, laid out to be
// sent on or printed (csvlayout.go): a bold, shaded, frozen and filtered header,
// borders round the table, amounts and dates as numbers in their formats, widths from
// the content, A4 landscape fitted to the width with the header on every page. It is
// built in memory, compressed (a 100,000-row ledger takes a few megabytes): no
// temporary file is made, so an interrupt can leave none behind.
func csvWorkbook(ctx context.Context, l *ledger.Ledger, rows [][]string) (*bytes.Reader, error) {
	rows = rows[:min(len(rows), maxSheetRows)]
	lo := layoutOf(l, rows)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, p := range []struct{ name, text string }{
		{"[Content_Types].xml", xmlHeader +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
		{"_rels/.rels", xmlHeader +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", csvWorkbookXML(l.Sheet, lo)},
		{"xl/_rels/workbook.xml.rels", xmlHeader +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", csvStyles},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, p.text); err != nil {
			return nil, err
		}
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	if err := csvSheetXML(ctx, w, rows, lo); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return bytes.NewReader(buf.Bytes()), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// csvWorkbookXML is the workbook of the one sheet, with the header's rows repeated on
// every printed page and the filter's range named as Excel names it.
func csvWorkbookXML(sheet string, lo *csvLayout) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + xmlText(sheet) + `" sheetId="1" r:id="rId1"/></sheets>`)
	if lo.headerFirst > 0 && lo.cols > 0 {
		ref := sheetRef(sheet)
		fmt.Fprintf(&b, `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">%s!$A$%d:$%s$%d</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">%s!$%d:$%d</definedName></definedNames>`,
			xmlText(ref), lo.headerLast, ledger.ColumnLetter(lo.cols-1), lo.tableLast, xmlText(ref), lo.headerFirst, lo.headerLast)
	}
	b.WriteString(`</workbook>`)
	return b.String()
}

// The most rows and columns a worksheet holds; cells past them cannot be written.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
)

// csvSheetXML writes the rows as a worksheet with inline strings, looking at ctx
// every few thousand rows.
func csvSheetXML(ctx context.Context, out io.Writer, rows [][]string, lo *csvLayout) error {
	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	w.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	lo.writeView(w)
	if lo.cols > 0 {
		w.WriteString(`<cols>`)
		for j, width := range lo.widths {
			fmt.Fprintf(w, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, j+1, j+1, width)
		}
		w.WriteString(`</cols>`)
	}
	w.WriteString(`<sheetData>`)
	for i, rec := range rows {
		if i%4096 == 0 && ctx.Err() != nil {
			return context.Cause(ctx)
		}
		lo.writeRow(w, i+1, rec[:min(len(rec), maxSheetCols)])
	}
	w.WriteString(`</sheetData>`)
	if lo.headerFirst > 0 && lo.cols > 0 {
		fmt.Fprintf(w, `<autoFilter ref="A%d:%s%d"/>`, lo.headerLast, ledger.ColumnLetter(lo.cols-1), lo.tableLast)
	}
	w.WriteString(`<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
		`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
		`<headerFooter><oddFooter>` + xmlText(book.Footer) + `</oddFooter></headerFooter></worksheet>`)
	return w.Flush()
}

// writeView freezes the header (and the columns up to 项目名称) in view.
func (lo *csvLayout) writeView(w *bufio.Writer) {
	if lo.headerLast == 0 {
		w.WriteString(`<sheetViews><sheetView workbookViewId="0"/></sheetViews>`)
		return
	}
	pane := "bottomLeft"
	split := fmt.Sprintf(`ySplit="%d"`, lo.headerLast)
	if lo.freezeCols > 0 {
		pane = "bottomRight"
		split = fmt.Sprintf(`xSplit="%d" `, lo.freezeCols) + split
	}
	fmt.Fprintf(w, `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane %s topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s"/></sheetView></sheetViews>`,
		split, ledger.CellName(lo.freezeCols, lo.headerLast+1), pane, pane)
}

// writeRow writes one row: the title, a header row, a row of the table (every cell
// bordered, empty ones too) or a row outside it as typed.
func (lo *csvLayout) writeRow(w *bufio.Writer, r int, rec []string) {
	table, header := lo.inTable(r), r >= lo.headerFirst && r <= lo.headerLast
	n := len(rec)
	if table {
		n = max(n, lo.cols)
	}
	// The cells as written, in buffers kept from row to row.
	lo.vals, lo.valKinds = lo.vals[:0], lo.valKinds[:0]
	for j := range n {
		v, kind := "", csvText
		if j < len(rec) {
			v = rec[j]
		}
		if table && !header {
			v, kind = lo.value(v, j)
		}
		lo.vals, lo.valKinds = append(lo.vals, v), append(lo.valKinds, kind)
	}
	// Written piece by piece, not with fmt: a 100,000-row ledger has 1.6 million cells.
	row := strconv.Itoa(r)
	w.WriteString(`<row r="` + row + `"`)
	switch {
	case r == lo.titleRow:
		w.WriteString(` ht="` + strconv.Itoa(titleHeight) + `" customHeight="1"`)
	case table:
		w.WriteString(` ht="` + strconv.FormatFloat(lo.rowHeight(lo.vals, lo.valKinds), 'g', -1, 64) + `" customHeight="1"`)
	}
	w.WriteString(">")
	for j, v := range lo.vals {
		kind, style := lo.valKinds[j], 0
		switch {
		case r == lo.titleRow:
			style = styleTitle
		case header:
			style = styleHeader
		case table:
			style = cellStyle(kind, j < lo.cols && lo.units[j] == ledger.UnitYi, lo.totals[r])
		}
		if v == "" && style == 0 {
			continue
		}
		w.WriteString(`<c r="` + lo.letter(j) + row + `"`)
		if style != 0 {
			w.WriteString(` s="` + strconv.Itoa(style) + `"`)
		}
		switch {
		case v == "":
			w.WriteString("/>")
		case kind == csvAmount || kind == csvDate || isPlainNumber(v):
			w.WriteString("><v>" + v + "</v></c>")
		default:
			w.WriteString(` t="inlineStr"><is><t xml:space="preserve">` + xmlText(v) + "</t></is></c>")
		}
	}
	w.WriteString("</row>")
}

// letter is a column's letter, made once per column.
func (lo *csvLayout) letter(j int) string {
	for len(lo.letters) <= j {
		lo.letters = append(lo.letters, ledger.ColumnLetter(len(lo.letters)))
	}
	return lo.letters[j]
}

// isPlainNumber reports whether a cell is kept as a number: only when writing the
// number back gives the same text, so codes with leading zeros and "1,200" stay
// exactly as typed.
func isPlainNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && strconv.FormatFloat(f, 'f', -1, 64) == s && !strings.HasPrefix(s, "+")
}

// xmlText escapes text for an element or attribute. Characters XML cannot hold (the
// control characters, a carriage return that a parser would fold) are written as
// OOXML's _xHHHH_ escapes, and an underscore that would start one as _x005F_, so the
// text reads back exactly.
func xmlText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '_' && looksLikeEscape(s[i:]):
			b.WriteString("_x005F_")
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == utf8.RuneError && size == 1:
			b.WriteString("\uFFFD")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// looksLikeEscape reports whether s starts with an _xHHHH_ escape.
func looksLikeEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	_, err := strconv.ParseUint(s[2:6], 16, 16)
	return err == nil
}
