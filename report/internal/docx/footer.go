package docx

import (
	"fmt"
	"strings"
)

// The two footers: odd pages (Word's "default" when odd and even differ) and
// even pages.
const (
	relFooterOdd  = "rIdFooterOdd"
	relFooterEven = "rIdFooterEven"
)

var footers = []struct {
	rel, target string
	even        bool
}{
	{relFooterOdd, "footer1.xml", false},
	{relFooterEven, "footer2.xml", true},
}

// footerXML is a page number "— 7 —" in 宋体 四号, one character in from the
// outer edge: odd pages on the right, even pages on the left (§7.5). The number
// is a PAGE field; the digit inside is only what a reader shows before it
// updates.
func footerXML(even bool) string {
	jc, ind, shown := "right", `w:left="0" w:right="%d"`, "1"
	if even {
		jc, ind, shown = "left", `w:left="%d" w:right="0"`, "2"
	}
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>`)
	fmt.Fprintf(&b, `<w:ind `+ind+` w:firstLine="0"/><w:jc w:val="%s"/></w:pPr>`, size4*10, jc)
	// The dashes are East Asian ambiguous: the hint gives them the full-width form.
	dash := func(s string) {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, s)
	}
	dash("— ")
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	b.WriteString(`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	fmt.Fprintf(&b, `<w:r><w:t>%s</w:t></w:r>`, shown)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	dash(" —")
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}
