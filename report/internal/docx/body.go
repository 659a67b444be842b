package docx

import (
	"fmt"
	"strings"
)

// The relationship ids of the two footers, shared by every section.
const (
	relFooterOdd  = "rIdFooterOdd"
	relFooterEven = "rIdFooterEven"
)

// section is a run of blocks on pages of one orientation. The body is one
// section; each Attachment starts another, which is also what puts it on a new
// page.
type section struct {
	landscape bool
	blocks    []Block
}

func splitSections(blocks []Block) []section {
	secs := []section{{}}
	for _, bl := range blocks {
		if a, ok := bl.(Attachment); ok {
			secs = append(secs, section{landscape: a.Landscape})
		}
		last := &secs[len(secs)-1]
		last.blocks = append(last.blocks, bl)
	}
	for i := 1; i < len(secs); i++ {
		if !secs[i].landscape && !fitsPortrait(secs[i].blocks) {
			secs[i].landscape = true
		}
	}
	if len(secs[0].blocks) == 0 && len(secs) > 1 {
		secs = secs[1:] // a document that opens with an attachment
	}
	return secs
}

// fitsPortrait reports whether every table among blocks fits a portrait page
// without breaking a number or a name (tables with given widths always do).
func fitsPortrait(blocks []Block) bool {
	for _, b := range blocks {
		if t, ok := b.(Table); ok && len(t.Widths) == 0 {
			if tableLeast(t) > textAreaWidth(false) {
				return false
			}
		}
	}
	return true
}

// item is a paragraph or a table of the body.
type item interface{ write(*strings.Builder) }

// documentXML is word/document.xml.
func documentXML(d *Document) string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	secs := splitSections(d.Blocks)
	for i, s := range secs {
		items := sectionItems(s)
		last := i == len(secs)-1
		var end *para
		if len(items) > 0 {
			end, _ = items[len(items)-1].(*para)
		}
		if end == nil {
			// Word needs a paragraph after a table, and a section ends on one.
			end = &para{style: "Normal", carrier: true}
			items = append(items, end)
		}
		if !last {
			end.sectPr = sectPr(s.landscape)
		}
		for _, it := range items {
			it.write(&b)
		}
		if last {
			b.WriteString(sectPr(s.landscape))
		}
	}
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// sectionItems turns a section's blocks into paragraphs and tables.
func sectionItems(s section) []item {
	w := textAreaWidth(s.landscape)
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
	for i, bl := range s.blocks {
		switch v := bl.(type) {
		case Title:
			p := textPara("Title", v.Text)
			if i+1 < len(s.blocks) {
				if _, ok := s.blocks[i+1].(Subtitle); ok {
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
			p := &para{style: "Normal", runs: []run{{text: clean(v.Lead, maxText), bold: true}, {text: clean(v.Text, maxText)}}}
			add(p)
		case AttachmentNote:
			add(attachmentNoteParas(v)...)
		case Closing:
			add(closingParas(v, w)...)
		case PageBreak:
			breakNext = true
		case Attachment:
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

// textAreaWidth is the width of the 版心 across the page, in twips.
func textAreaWidth(landscape bool) int {
	if landscape {
		return pageHeight - landscapeLeft - landscapeRight
	}
	return pageWidth - marginLeft - marginRight
}

// sectPr is a section's page: size, margins, both footers, and a new page.
func sectPr(landscape bool) string {
	w, h, orient := pageWidth, pageHeight, ""
	top, right, bottom, left := marginTop, marginRight, marginBottom, marginLeft
	if landscape {
		w, h, orient = pageHeight, pageWidth, ` w:orient="landscape"`
		top, right, bottom, left = landscapeTop, landscapeRight, landscapeBottom, landscapeLeft
	}
	return fmt.Sprintf(`<w:sectPr>`+
		`<w:footerReference w:type="default" r:id="%s"/>`+
		`<w:footerReference w:type="even" r:id="%s"/>`+
		`<w:type w:val="nextPage"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/>`+
		`</w:sectPr>`,
		relFooterOdd, relFooterEven, w, h, orient,
		top, right, bottom, left, headerDistance, footerDistance(bottom))
}
