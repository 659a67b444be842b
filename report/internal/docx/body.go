package docx

import (
	"fmt"
	"strings"
)

// item is a paragraph or a table of the body.
type item interface{ write(*strings.Builder) }

// documentXML is word/document.xml: the blocks, then the page setup.
//
// Every page is portrait, attachments too. §8 of the standard keeps a turned
// table's page number where the other pages have it, at the foot of the sheet,
// which in a landscape section is a text box turned in the side margin;
// LibreOffice 7.4 places such boxes at the page corner on even pages. A table
// too wide for the page is set in smaller type instead (see tableTypeFor).
func documentXML(d *Document) string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	items := bodyItems(d.Blocks)
	if len(items) == 0 {
		items = append(items, &para{style: "Normal"})
	}
	if _, ok := items[len(items)-1].(*tableXML); ok {
		items = append(items, &para{style: "Normal", carrier: true}) // Word ends a body on a paragraph
	}
	for _, it := range items {
		it.write(&b)
	}
	b.WriteString(sectPr())
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// bodyItems turns the blocks into paragraphs and tables.
func bodyItems(blocks []Block) []item {
	w := textAreaWidth()
	var out []item
	breakNext := false
	add := func(ps ...*para) {
		if len(ps) > 0 && breakNext {
			ps[0].pageBreakBefore = true
			breakNext = false
		}
		for _, p := range ps {
			out = append(out, p)
		}
	}
	for i, bl := range blocks {
		switch v := bl.(type) {
		case Title:
			p := textPara("Title", v.Text)
			if i+1 < len(blocks) {
				if _, ok := blocks[i+1].(Subtitle); ok {
					p.space = &spacing{} // the blank line goes under the subtitle
				}
			}
			add(p)
		case Subtitle:
			add(textPara("Subtitle", v.Text))
		case Addressee:
			add(textPara("Addressee", v.Text))
		case Heading1:
			add(textPara("Heading1", v.Text))
		case Heading2:
			add(textPara("Heading2", v.Text))
		case Paragraph:
			add(&para{style: "Normal", runs: []run{{text: clean(v.Lead, maxText), bold: true}, {text: clean(v.Text, maxText)}}})
		case AttachmentNote:
			keepWithLast(out)
			ps := attachmentNoteParas(v)
			for _, p := range ps {
				p.keepNext = true // the 附件说明 stays whole, and with the sender and date
			}
			add(ps...)
		case Closing:
			keepWithLast(out)
			ps := closingParas(v, w)
			if len(ps) == 2 {
				ps[0].keepNext = true
			}
			add(ps...)
		case PageBreak:
			breakNext = true
		case Attachment:
			breakNext = len(out) > 0 // 附件另面编排 (§7.3.7), unless it opens the document
			var ps []*para
			if v.Label != "" {
				ps = append(ps, textPara("AttachmentLabel", v.Label))
			}
			if v.Title != "" {
				ps = append(ps, textPara("AttachmentTitle", v.Title))
			}
			add(ps...)
		case Table:
			if v.Note != "" {
				add(textPara("TableNote", v.Note))
			} else if breakNext {
				add(&para{style: "Normal", carrier: true}) // a table cannot break before itself
			}
			out = append(out, newTable(v, w))
		}
	}
	return out
}

// keepWithLast keeps the body's last paragraph on the page of what follows it (the
// 附件说明, the sender and date): a page holding only the sender and the date,
// without a line of the text they close, is what §7.3.5.4 forbids.
func keepWithLast(items []item) {
	if len(items) == 0 {
		return
	}
	if p, ok := items[len(items)-1].(*para); ok && !p.carrier {
		p.keepNext = true
	}
}

// textAreaWidth is the width of the 版心, in twips.
func textAreaWidth() int { return pageWidth - marginLeft - marginRight }

// sectPr is the page setup: A4, the margins, the odd and even footers.
func sectPr() string {
	return fmt.Sprintf(`<w:sectPr>`+
		`<w:footerReference w:type="default" r:id="%s"/>`+
		`<w:footerReference w:type="even" r:id="%s"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/>`+
		`</w:sectPr>`,
		relFooterOdd, relFooterEven, pageWidth, pageHeight,
		marginTop, marginRight, marginBottom, marginLeft, headerDistance, footerDistance)
}
