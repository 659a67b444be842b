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
)

// csvWorkbook makes a CSV ledger's rows into a workbook of one sheet of the ledger's
// sheet name, so the findings can be marked on it like on any other. Plain numbers
// become numbers; everything else stays text as the clerk typed it. It is built in
// memory, compressed (a 100,000-row ledger takes a few megabytes): no temporary file
// is made, so an interrupt can leave none behind. The styles part is left out; the
// patch adds one.
func csvWorkbook(ctx context.Context, sheet string, rows [][]string) (*bytes.Reader, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, p := range []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + xmlText(sheet) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
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
	if err := csvSheetXML(ctx, w, rows); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return bytes.NewReader(buf.Bytes()), nil
}

// The most rows and columns a worksheet holds; cells past them cannot be written.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
)

// csvSheetXML writes the rows as a worksheet with inline strings, looking at ctx
// every few thousand rows.
func csvSheetXML(ctx context.Context, out io.Writer, rows [][]string) error {
	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, rec := range rows[:min(len(rows), maxSheetRows)] {
		if i%4096 == 0 && ctx.Err() != nil {
			return context.Cause(ctx)
		}
		fmt.Fprintf(w, `<row r="%d">`, i+1)
		for j, v := range rec[:min(len(rec), maxSheetCols)] {
			switch {
			case v == "":
			case isPlainNumber(v):
				fmt.Fprintf(w, `<c r="%s"><v>%s</v></c>`, ledger.CellName(j, i+1), v)
			default:
				fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ledger.CellName(j, i+1), xmlText(v))
			}
		}
		w.WriteString("</row>")
	}
	w.WriteString(`</sheetData></worksheet>`)
	return w.Flush()
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
