package docx

import (
	"fmt"
	"strings"
)

// style is one paragraph style of word/styles.xml. Every style states its font,
// size, weight, indent, alignment and line spacing in full: LibreOffice maps
// "heading 1" and "Title" onto its own styles and would keep their bold sans
// faces for anything left unsaid.
type style struct {
	id, name  string
	basedOn   string
	outline   int // outline level + 1 (0: none), for the navigation pane
	keepNext  bool
	before    int
	after     int
	line      int // exact line height
	firstLine int
	jc        string
	font      string
	size      int
	squeeze   bool // body type: 28 characters to the line
}

// styles are the document's paragraph styles, Normal first.
var styles = []style{
	{id: "Normal", name: "Normal", line: lineExact, firstLine: 2 * charPitch, jc: "both", font: fontBody, size: size3, squeeze: true},
	{id: "Title", name: "Title", basedOn: "Normal", after: lineExact, line: lineExact, jc: "center", font: fontTitle, size: size2},
	{id: "Subtitle", name: "Subtitle", basedOn: "Normal", after: lineExact, line: lineExact, jc: "center", font: fontKai, size: size3, squeeze: true},
	{id: "Addressee", name: "主送机关", basedOn: "Normal", line: lineExact, jc: "both", font: fontBody, size: size3, squeeze: true},
	{id: "Heading1", name: "heading 1", basedOn: "Normal", outline: 1, keepNext: true, line: lineExact, firstLine: 2 * charPitch, jc: "both", font: fontHeading, size: size3, squeeze: true},
	{id: "Heading2", name: "heading 2", basedOn: "Normal", outline: 2, keepNext: true, line: lineExact, firstLine: 2 * charPitch, jc: "both", font: fontKai, size: size3, squeeze: true},
	{id: "Closing", name: "署名和日期", basedOn: "Normal", line: lineExact, jc: "right", font: fontBody, size: size3, squeeze: true},
	{id: "AttachmentLabel", name: "附件标识", basedOn: "Normal", keepNext: true, line: lineExact, jc: "left", font: fontHeading, size: size3, squeeze: true},
	// The attachment's title on the third line (§8: one blank line under "附件1").
	{id: "AttachmentTitle", name: "附件标题", basedOn: "Normal", keepNext: true, before: lineExact, after: lineExact / 2, line: lineExact, jc: "center", font: fontTitle, size: size2},
	{id: "TableNote", name: "表格说明", basedOn: "Normal", keepNext: true, after: 60, line: tableTypes[0].line(), jc: "right", font: fontBody, size: sizeSmall4},
	{id: "TableText", name: "表格文字", basedOn: "Normal", line: tableTypes[0].line(), jc: "left", font: fontBody, size: sizeSmall4},
	{id: "TableHeader", name: "表头", basedOn: "TableText", line: tableTypes[0].line(), jc: "center", font: fontHeading, size: sizeSmall4},
	{id: "Footer", name: "footer", basedOn: "Normal", line: size4 * 10, jc: "center", font: fontSong, size: size4},
}

func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	// Defaults: body type; Chinese as the East Asian language (LibreOffice picks
	// its fallback faces by it) and English for digits and Latin letters (as
	// Chinese, LibreOffice breaks lines inside numbers); no widow control (it
	// would break the 22-line page) and no extra space between Chinese and digits
	// ("2025年", not "2025 年", and 28 characters a line).
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>`)
	writeFonts(&b, fontBody)
	fmt.Fprintf(&b, `<w:kern w:val="2"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size3, size3)
	b.WriteString(`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`)
	fmt.Fprintf(&b, `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/></w:pPr></w:pPrDefault>`, lineExact)
	b.WriteString(`</w:docDefaults>`)
	for i, s := range styles {
		s.write(&b, i == 0)
	}
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

func (s style) write(b *strings.Builder, isDefault bool) {
	b.WriteString(`<w:style w:type="paragraph"`)
	if isDefault {
		b.WriteString(` w:default="1"`)
	}
	fmt.Fprintf(b, ` w:styleId="%s"><w:name w:val="%s"/>`, s.id, s.name)
	if s.basedOn != "" {
		fmt.Fprintf(b, `<w:basedOn w:val="%s"/><w:next w:val="Normal"/>`, s.basedOn)
	}
	b.WriteString(`<w:qFormat/><w:pPr>`)
	if s.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	b.WriteString(`<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`) // LibreOffice reads them only here
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`, s.before, s.after, s.line)
	fmt.Fprintf(b, `<w:ind w:left="0" w:right="0" w:firstLine="%d"/><w:jc w:val="%s"/>`, s.firstLine, s.jc)
	if s.outline > 0 {
		fmt.Fprintf(b, `<w:outlineLvl w:val="%d"/>`, s.outline-1)
	}
	b.WriteString(`</w:pPr><w:rPr>`)
	writeFonts(b, s.font)
	b.WriteString(`<w:b w:val="0"/><w:bCs w:val="0"/><w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/>`)
	squeeze := 0
	if s.squeeze {
		squeeze = charSqueeze
	}
	fmt.Fprintf(b, `<w:spacing w:val="%d"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, squeeze, s.size, s.size)
	b.WriteString(`</w:rPr></w:style>`)
}

// writeFonts names one face for every script slot, as choosing a font for the
// whole text in Word or WPS does: digits and Latin letters in 仿宋 text are the
// font's half-width forms.
func writeFonts(b *strings.Builder, font string) {
	fmt.Fprintf(b, `<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/>`, font)
}
