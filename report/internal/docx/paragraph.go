package docx

import (
	"fmt"
	"strings"
)

// para is one paragraph as written: its style, what it changes of that style,
// and its runs.
type para struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	space           *spacing // nil: the style's
	ind             *indent  // nil: the style's
	jc              string   // "": the style's
	runs            []run
	// carrier marks an empty paragraph that only ends the body after a table or
	// breaks the page before one: one point high, so it never spills onto a page
	// of its own nor shows as a blank line.
	carrier bool
}

type spacing struct{ before, after int }

// indent is written whole: a paragraph's w:ind replaces all of its style's.
type indent struct{ left, right, firstLine, hanging int }

type run struct {
	text string
	bold bool
	size int // half-points; 0: the style's
}

func textPara(style, text string) *para {
	return &para{style: style, runs: []run{{text: clean(text, maxText)}}}
}

func (p *para) write(b *strings.Builder) {
	b.WriteString(`<w:p><w:pPr>`)
	fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, p.style)
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.pageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	switch {
	case p.carrier:
		b.WriteString(`<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`)
	case p.space != nil:
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, p.space.before, p.space.after)
	}
	if p.ind != nil {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d"`, p.ind.left, p.ind.right)
		if p.ind.hanging > 0 {
			fmt.Fprintf(b, ` w:hanging="%d"/>`, p.ind.hanging)
		} else {
			fmt.Fprintf(b, ` w:firstLine="%d"/>`, p.ind.firstLine)
		}
	}
	if p.jc != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.jc)
	}
	if p.carrier {
		b.WriteString(`<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>`)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.runs {
		r.write(b)
	}
	b.WriteString(`</w:p>`)
}

func (r run) write(b *strings.Builder) {
	if r.text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	if r.bold || r.size > 0 {
		b.WriteString(`<w:rPr>`)
		if r.bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.size > 0 {
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size, r.size)
		}
		b.WriteString(`</w:rPr>`)
	}
	writeText(b, r.text)
	b.WriteString(`</w:r>`)
}

// closingParas lays out the sender and the date (§7.3.5.2) on a text area of
// the given width: the sender two characters from the right margin, the date's
// first character two to the right of the sender's. The date is placed from the
// left, so its digits, whose width varies between fonts, cannot move its start.
// A date longer than that stays two from the margin and the sender moves left;
// a date alone stands four from the margin (§7.3.5.1).
func closingParas(c Closing, width int) []*para {
	issuer, date := clean(c.Issuer, maxText), clean(c.Date, maxText)
	two := 2 * charPitch
	li, ld := textWidth(issuer), textWidth(date)
	issuerInd := &indent{right: two}
	dateInd, dateJc := &indent{left: width - two - li + two}, "left"
	switch {
	case issuer == "":
		dateInd, dateJc = &indent{right: 2 * two}, "right"
	case li-ld < two:
		dateInd, dateJc = &indent{right: two}, "right"
		issuerInd = &indent{right: 2*two + ld - li}
	}
	var out []*para
	if issuer != "" {
		p := textPara("Closing", issuer)
		p.ind = issuerInd
		out = append(out, p)
	}
	if date != "" {
		p := textPara("Closing", date)
		p.ind, p.jc = dateInd, dateJc
		out = append(out, p)
	}
	if len(out) > 0 {
		out[0].space = &spacing{before: lineExact} // 正文下空一行
	}
	return out
}

// attachmentNoteParas writes "附件：1．标题" two characters in, the later numbers
// under the first; one attachment has no number. A title that runs onto a second
// line goes on under its own first character, after the number (§7.3.4: 与上一行
// 附件名称的首字对齐).
func attachmentNoteParas(n AttachmentNote) []*para {
	lead := "附件："
	start := 2 * charPitch
	left := start + textWidth(lead)
	var out []*para
	for i, t := range n.Titles {
		number := attachmentNumber(i, len(n.Titles))
		p := textPara("Normal", number+clean(t, maxText))
		p.ind = &indent{left: left + textWidth(number), hanging: textWidth(number)}
		// Flush left: a title broken at a pause is not stretched across the line.
		p.jc = "left"
		if i == 0 {
			p.runs[0].text = lead + p.runs[0].text
			p.ind.hanging += left - start
			p.space = &spacing{before: lineExact} // 正文下空一行
		}
		out = append(out, p)
	}
	return out
}

// attachmentNumber is the number of the i-th of n titles, "1．"; none for one.
func attachmentNumber(i, n int) string {
	if n < 2 {
		return ""
	}
	return fmt.Sprintf("%d．", i+1)
}

// AttachmentTitleFits reports whether the i-th of n titles of the 附件说明 stands on
// one line in any face a reader's machine may draw it in: its digits at their
// widest, as a table's are measured, and the quarter character LibreOffice puts
// between a digit and a Chinese character. A title that does not is better broken
// by its writer at a pause in the sense ("\n") than left to wrap a character or
// two onto a line of their own.
func AttachmentTitleFits(title string, i, n int) bool {
	line := "附件：" + attachmentNumber(i, n) + clean(title, maxText)
	w, prev := 0, rune(0)
	for _, r := range line {
		if isWide(r) {
			w += charPitch
		} else {
			w += tableType(size3).narrow(r) + charSqueeze
		}
		if prev != 0 && isWide(prev) != isWide(r) {
			w += size3 * 10 / 4
		}
		prev = r
	}
	return w <= textAreaWidth()-2*charPitch
}
