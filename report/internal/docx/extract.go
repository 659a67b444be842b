package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// TextPart is one paragraph or one table of a document's body, in reading order.
type TextPart struct {
	Paragraph string     // the paragraph's text, when Table is nil
	Table     [][]string // the table's rows of cell texts
}

// maxDocumentXML bounds the body read by ExtractText (uncompressed bytes).
var maxDocumentXML int64 = 64 << 20

const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// ExtractText reads the text of a .docx body: each paragraph that has any text
// (tabs as "\t", line breaks as "\n"), and each table as rows of cell texts (a
// cell's paragraphs joined by "\n", a table nested in a cell flattened into its
// text). Field results are read, field codes, deleted text, headers and footers
// are not.
func ExtractText(r io.ReaderAt, size int64) ([]TextPart, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("不是 Word 文档（docx）：%w", err)
	}
	name, err := mainDocumentName(zr)
	if err != nil {
		return nil, err
	}
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("文档缺少正文部件 %s", name)
	}
	defer f.Close()
	lr := &io.LimitedReader{R: f, N: maxDocumentXML + 1}
	parts, err := extractBody(lr)
	if lr.N <= 0 {
		return nil, fmt.Errorf("文档正文超过 %d MB，不予读取", (maxDocumentXML+1<<20-1)>>20)
	}
	return parts, err
}

// mainDocumentName follows the package's officeDocument relationship; a package
// without one is taken to keep its body at word/document.xml.
func mainDocumentName(zr *zip.Reader) (string, error) {
	f, err := zr.Open("_rels/.rels")
	if err != nil {
		return "word/document.xml", nil
	}
	defer f.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:",attr"`
			Target string `xml:",attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&rels); err != nil {
		return "", fmt.Errorf("文档的关系部件无法读取：%w", err)
	}
	for _, r := range rels.Rel {
		if r.Type == relBase+"officeDocument" {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/"), nil
		}
	}
	return "word/document.xml", nil
}

// bodyReader walks document.xml's tokens, keeping the paragraph and the table
// being read.
type bodyReader struct {
	parts    []TextPart
	paraText strings.Builder
	paraOpen int // nested paragraphs (text boxes) count into the outer one
	inText   bool
	tblDepth int
	rows     [][]string
	row      []string
	cell     []string
}

func extractBody(r io.Reader) ([]TextPart, error) {
	d := xml.NewDecoder(r)
	br := &bodyReader{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return br.parts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("文档正文不是有效的 XML：%w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil { // the Choice said it already
					return nil, fmt.Errorf("文档正文不是有效的 XML：%w", err)
				}
				continue
			}
			if t.Name.Space == nsW {
				br.start(t.Name.Local)
			}
		case xml.EndElement:
			if t.Name.Space == nsW {
				br.end(t.Name.Local)
			}
		case xml.CharData:
			if br.inText && br.paraOpen > 0 {
				br.paraText.Write(t)
			}
		}
	}
}

func (br *bodyReader) start(local string) {
	switch local {
	case "tbl":
		br.tblDepth++
		if br.tblDepth == 1 {
			br.rows = nil
		}
	case "tr":
		if br.tblDepth == 1 {
			br.row = nil
		}
	case "tc":
		if br.tblDepth == 1 {
			br.cell = nil
		}
	case "p":
		if br.paraOpen == 0 {
			br.paraText.Reset()
		}
		br.paraOpen++
	case "t":
		br.inText = true
	case "tab":
		if br.paraOpen > 0 {
			br.paraText.WriteByte('\t')
		}
	case "br", "cr":
		if br.paraOpen > 0 {
			br.paraText.WriteByte('\n')
		}
	}
}

func (br *bodyReader) end(local string) {
	switch local {
	case "t":
		br.inText = false
	case "p":
		br.paraOpen--
		if br.paraOpen > 0 {
			br.paraText.WriteByte('\n')
			return
		}
		text := br.paraText.String()
		switch {
		case br.tblDepth > 0:
			br.cell = append(br.cell, text)
		case strings.TrimSpace(text) != "":
			br.parts = append(br.parts, TextPart{Paragraph: text})
		}
	case "tc":
		if br.tblDepth == 1 {
			br.row = append(br.row, strings.Join(nonEmpty(br.cell), "\n"))
		}
	case "tr":
		if br.tblDepth == 1 {
			br.rows = append(br.rows, br.row)
		}
	case "tbl":
		br.tblDepth--
		if br.tblDepth == 0 {
			br.parts = append(br.parts, TextPart{Table: br.rows})
		}
	}
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
