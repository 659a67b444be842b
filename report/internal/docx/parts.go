package docx

import (
	"fmt"
	"strings"
	"time"
)

// The package's fixed parts: content types, relationships, settings, the font
// table, the two footers and the document properties.

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeBase  = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// Part names.
const (
	partContentTypes = "[Content_Types].xml"
	partRootRels     = "_rels/.rels"
	partCore         = "docProps/core.xml"
	partApp          = "docProps/app.xml"
	partDocument     = "word/document.xml"
	partDocumentRels = "word/_rels/document.xml.rels"
	partStyles       = "word/styles.xml"
	partSettings     = "word/settings.xml"
	partFontTable    = "word/fontTable.xml"
)

// fixedTime stands in for the time of writing, which would make every file differ.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func contentTypesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, o := range []struct{ part, typ string }{
		{partDocument, typeBase + "document.main+xml"},
		{partStyles, typeBase + "styles+xml"},
		{partSettings, typeBase + "settings+xml"},
		{partFontTable, typeBase + "fontTable+xml"},
		{partCore, "application/vnd.openxmlformats-package.core-properties+xml"},
		{partApp, "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, o.part, o.typ)
	}
	for _, f := range footers {
		fmt.Fprintf(&b, `<Override PartName="/word/%s" ContentType="%sfooter+xml"/>`, f.target, typeBase)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

func rootRelsXML() string {
	return xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`
}

func documentRelsXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rIdStyles" Type="` + relBase + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relBase + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFontTable" Type="` + relBase + `fontTable" Target="fontTable.xml"/>`)
	for _, f := range footers {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%sfooter" Target="%s"/>`, f.rel, relBase, f.target)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// settingsXML turns on separate odd and even footers (page numbers on the outer
// side) and keeps full-width punctuation uncompressed, so every character takes
// its cell of the 28-character line.
func settingsXML() string {
	return xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="420"/>` +
		`<w:evenAndOddHeaders/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
		`</w:settings>`
}

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range fontTable {
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`, f.Name, f.AltName)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// coreXML holds the title (shown by readers and carried into a PDF) and the dates.
func coreXML(title string, modified time.Time) string {
	if modified.IsZero() {
		modified = fixedTime
	}
	stamp := modified.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	escape(&b, title)
	b.WriteString(`</dc:title>`)
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, stamp)
	fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, stamp)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func appXML() string {
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>gongjian</Application></Properties>`
}
