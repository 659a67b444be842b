package docx

import (
	"fmt"
	"strings"
)

// tableXML is a Table laid out for a text area: its column widths in twips.
type tableXML struct {
	t      Table
	widths []int
}

func newTable(t Table, avail int) *tableXML {
	return &tableXML{t: t, widths: columnWidths(t, avail)}
}

// Table type is 12 points. A half-width character is taken as 0.6 of that: 仿宋
// and Times New Roman digits are 0.5, the faces LibreOffice falls back to up to
// 0.64, and a number that wraps is worse than a column a little wide.
const (
	cellWide   = sizeSmall * 10
	cellNarrow = sizeSmall * 10 * 6 / 10
)

// cellPad is what a column needs beyond its text: the cell margins and half a
// character for the borders and the readers' rounding.
var cellPad = 2*cellMargin + cellWide/2

// Column text wider than maxNaturalColumn wraps rather than widening the
// column; Chinese text may wrap after minWrapColumn characters.
const (
	maxNaturalColumn = 30 * cellWide
	minWrapColumn    = 4 * cellWide
)

// The widths a column can be given, narrowest first: tierLeast breaks no number
// or word and wraps Chinese text after four characters; tierCells holds every
// cell on one line (the header on two); tierWhole the header on one line too.
const (
	tierLeast = iota
	tierCells
	tierWhole
	tiers
)

// columnTiers are a column's widths at each tier, padding included.
func columnTiers(t Table, c int) [tiers]int {
	header := clean(t.Header[c], maxCell)
	first, second := splitHeader(header)
	least := max(2*cellWide, cellTextWidth(first), cellTextWidth(second))
	cells := least
	for _, r := range t.Rows {
		if c >= len(r) {
			continue
		}
		text := clean(r[c], maxCell)
		w := cellTextWidth(text)
		cells = max(cells, min(w, maxNaturalColumn))
		least = max(least, unbreakableWidth(text), min(w, minWrapColumn))
	}
	cells = max(cells, least)
	whole := max(cells, min(cellTextWidth(header), maxNaturalColumn))
	return [tiers]int{least + cellPad, cells + cellPad, whole + cellPad}
}

// tableLeast is the narrowest the table can be.
func tableLeast(t Table) int {
	w := 0
	for c := range t.Header {
		w += columnTiers(t, c)[tierLeast]
	}
	return w
}

// columnWidths splits the text area's width between the columns. Given relative
// widths, in proportion. Otherwise much as a browser lays out a table: the
// columns go up tier by tier together while the whole tier fits; the width
// left is shared in proportion to what each column would take at the next tier;
// when even the widest tier fits, the spare width is shared in proportion to it.
// So numbers stay whole before any cell stays on one line, and cells stay on
// one line before headers do.
func columnWidths(t Table, avail int) []int {
	n := len(t.Header)
	if len(t.Widths) == n {
		return proportional(t.Widths, avail)
	}
	var at [tiers][]int
	var total [tiers]int
	for k := range tiers {
		at[k] = make([]int, n)
	}
	for c := range n {
		for k, w := range columnTiers(t, c) {
			at[k][c] = w
			total[k] += w
		}
	}
	if total[tierWhole] <= avail {
		return proportional(at[tierWhole], avail)
	}
	if total[tierLeast] >= avail {
		return proportional(at[tierLeast], avail) // too wide for the page: everything wraps
	}
	k := tierCells
	for total[k] < avail {
		k++
	}
	extra := make([]int, n)
	for c := range n {
		extra[c] = at[k][c] - at[k-1][c]
	}
	out := proportional(extra, avail-total[k-1])
	for c := range n {
		out[c] += at[k-1][c]
	}
	return out
}

// proportional divides total in proportion to weights; the rounding goes to the
// largest share, so the parts add up to total exactly.
func proportional(weights []int, total int) []int {
	sum, big := 0, 0
	for i, w := range weights {
		sum += w
		if w > weights[big] {
			big = i
		}
	}
	out := make([]int, len(weights))
	if sum == 0 {
		return out
	}
	given := 0
	for i, w := range weights {
		out[i] = total * w / sum
		given += out[i]
	}
	out[big] += total - given
	return out
}

// cellTextWidth is the widest line of s in table type.
func cellTextWidth(s string) int {
	widest := 0
	for line := range strings.SplitSeq(s, "\n") {
		widest = max(widest, widthOf(line, cellWide, cellNarrow))
	}
	return widest
}

// splitHeader breaks a header into two lines of about equal width, never inside
// a number and, when it costs at most a character more, before a bracket
// ("与序时进度差" / "（个百分点）"). A header of three characters or fewer
// (one would stand alone), or one that has its own line break, is returned whole
// as first.
func splitHeader(h string) (first, second string) {
	runes := []rune(h)
	if len(runes) <= 3 || strings.ContainsRune(h, '\n') {
		return h, ""
	}
	widths := make([]int, len(runes))
	total := 0
	for i, r := range runes {
		widths[i] = cellNarrow
		if isWide(r) {
			widths[i] = cellWide
		}
		total += widths[i]
	}
	best, bestLonger, bracket, bracketLonger := 0, total, 0, total
	acc := 0
	for i := 1; i < len(runes); i++ {
		acc += widths[i-1]
		if !isWide(runes[i-1]) && !isWide(runes[i]) && runes[i-1] != ' ' && runes[i] != ' ' {
			continue // inside a number or a word
		}
		longer := max(acc, total-acc)
		if longer <= bestLonger { // on a tie the longer line first, as a wrapped line would be
			best, bestLonger = i, longer
		}
		if (runes[i] == '（' || runes[i] == '(') && longer < bracketLonger {
			bracket, bracketLonger = i, longer
		}
	}
	if bracket > 0 && bracketLonger <= bestLonger+cellWide {
		best = bracket
	}
	if best == 0 {
		return h, ""
	}
	return string(runes[:best]), string(runes[best:])
}

// headerText is the header as written into a column of the given width: on one
// line when it fits, else broken where splitHeader says, so that Word and
// LibreOffice, which fill a line before wrapping, leave no single character
// alone on the second.
func headerText(h string, column int) string {
	if cellTextWidth(h) <= column-cellPad {
		return h
	}
	first, second := splitHeader(h)
	if second == "" {
		return h
	}
	return first + "\n" + second
}

// unbreakableWidth is the widest run of half-width characters other than spaces
// (a number, a date, a Latin word): lines break around it, not inside.
func unbreakableWidth(s string) int {
	widest, w := 0, 0
	for _, r := range s {
		if isWide(r) || r == ' ' || r == '\n' || r == '\t' {
			w = 0
			continue
		}
		w += cellNarrow
		widest = max(widest, w)
	}
	return widest
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
			style, jc, text = "TableHeader", "center", headerText(text, w)
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, w)
		fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:jc w:val="%s"/></w:pPr>`, style, jc)
		run{text: text}.write(b)
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
