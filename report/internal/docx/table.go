package docx

import (
	"fmt"
	"strings"
)

// tableXML is a Table laid out for a text area: its type size and its column
// widths in twips.
type tableXML struct {
	t      Table
	ty     tableType
	widths []int
}

func newTable(t Table, avail int) *tableXML {
	ty := tableTypeFor(t, avail)
	return &tableXML{t: t, ty: ty, widths: columnWidths(t, avail, ty)}
}

func (x *tableXML) write(b *strings.Builder) {
	total := 0
	for _, w := range x.widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, total)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	fmt.Fprintf(b, `<w:tblCellMar><w:top w:w="%[1]d" w:type="dxa"/><w:left w:w="%[2]d" w:type="dxa"/>`+
		`<w:bottom w:w="%[1]d" w:type="dxa"/><w:right w:w="%[2]d" w:type="dxa"/></w:tblCellMar>`, cellMarginV, cellMargin)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, w := range x.widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	x.writeRow(b, x.t.Header, true)
	for _, r := range x.t.Rows {
		x.writeRow(b, r, false)
	}
	b.WriteString(`</w:tbl>`)
}

// writeRow writes one row; a row never splits across pages, and the header row
// repeats at the top of each page the table reaches (w:tblHeader).
func (x *tableXML) writeRow(b *strings.Builder, cells []string, header bool) {
	fmt.Fprintf(b, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d"/>`, minRowHeight)
	if header {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	for c, w := range x.widths {
		text := ""
		if c < len(cells) {
			text = clean(cells[c], maxCell)
		}
		style, jc := "TableText", alignName(x.align(c))
		if header {
			style, jc, text = "TableHeader", "center", headerText(text, w, x.ty)
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, w)
		fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="%s"/>`, style)
		size := 0
		if x.ty != tableTypes[0] { // the styles are set in the largest size
			size = int(x.ty)
			fmt.Fprintf(b, `<w:spacing w:line="%d" w:lineRule="exact"/>`, x.ty.line())
		}
		fmt.Fprintf(b, `<w:jc w:val="%s"/></w:pPr>`, jc)
		run{text: text, size: size}.write(b)
		b.WriteString(`</w:p></w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

func (x *tableXML) align(c int) Align {
	if c < len(x.t.Align) {
		return x.t.Align[c]
	}
	return AlignLeft
}

func alignName(a Align) string {
	switch a {
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return "left"
}
