package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"time"
)

// The relationship and content types the patch writes.
const (
	nsMain        = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relWorksheet  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relComments   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relVML        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
	relStyles     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relOfficeDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	ctWorksheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctComments    = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	ctVML         = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	maxPartBytes  = 256 << 20 // a small part (workbook, styles, rels) larger than this is not a ledger
	contentTypes  = "[Content_Types].xml"
	rootRels      = "_rels/.rels"
	defaultWBPath = "xl/workbook.xml"
)

// pkg is what the patch needs to know about the workbook's package.
type pkg struct {
	files    map[string]*zip.File
	modified time.Time

	workbookPath string
	workbook     string // workbook.xml text
	wbRels       *rels
	styles       string
	stylesPath   string
	types        string

	sheets []wbSheet // in workbook order
}

type wbSheet struct {
	name string
	rid  string
	path string
	elem string // the <sheet …/> element as written
}

func openPackage(zr *zip.Reader) (*pkg, error) {
	p := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[f.Name] = f
	}
	var err error
	if p.types, err = p.read(contentTypes); err != nil {
		return nil, err
	}
	p.workbookPath = defaultWBPath
	if root, err := p.read(rootRels); err == nil {
		if r := parseRels(root).byType(relOfficeDoc); r != nil {
			p.workbookPath = relTarget("", r.target)
		}
	}
	if p.workbook, err = p.read(p.workbookPath); err != nil {
		return nil, err
	}
	if f := p.files[p.workbookPath]; f != nil {
		p.modified = f.Modified
	}
	wbRelsText, err := p.read(relsPath(p.workbookPath))
	if err != nil {
		return nil, err
	}
	p.wbRels = parseRels(wbRelsText)
	if r := p.wbRels.byType(relStyles); r != nil {
		p.stylesPath = relTarget(p.workbookPath, r.target)
		// A styles part named but missing is written afresh, as for a workbook
		// without one: Excel opens such a workbook with the default styles.
		if p.styles, err = p.read(p.stylesPath); err != nil && !errors.Is(err, errMissingPart) {
			return nil, err
		}
	}
	for _, m := range sheetElemRe.FindAllString(p.workbook, -1) {
		s := wbSheet{elem: m, name: html.UnescapeString(attr(m, "name")), rid: attrNS(m, "id")}
		if r := p.wbRels.byID(s.rid); r != nil {
			s.path = relTarget(p.workbookPath, r.target)
		}
		p.sheets = append(p.sheets, s)
	}
	return p, nil
}

var errMissingPart = errors.New("missing part")

// read returns a small part's text.
func (p *pkg) read(name string) (string, error) {
	f := p.files[name]
	if f == nil {
		for n, ff := range p.files {
			if strings.EqualFold(n, name) {
				f = ff
				break
			}
		}
	}
	if f == nil {
		return "", &PartError{Part: name, Err: errMissingPart}
	}
	rc, err := f.Open()
	if err != nil {
		return "", &PartError{Part: name, Err: err}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPartBytes))
	if err != nil {
		return "", &PartError{Part: name, Err: err}
	}
	return string(b), nil
}

func (p *pkg) exists(name string) bool { _, ok := p.files[name]; return ok }

// freeName returns the first of prefix1.ext, prefix2.ext … not in the package or taken.
func (p *pkg) freeName(prefix, ext string, taken map[string]bool) string {
	for i := 1; ; i++ {
		n := fmt.Sprintf("%s%d%s", prefix, i, ext)
		if !p.exists(n) && !taken[n] {
			return n
		}
	}
}

var sheetElemRe = regexp.MustCompile(`<(?:\w+:)?sheet\b[^>]*?(?:/>|>\s*</(?:\w+:)?sheet>)`)

// rels is a relationships part.
type rels struct {
	list []rel
	text string
}

type rel struct {
	id, typ, target, elem string
}

var relElemRe = regexp.MustCompile(`<(?:\w+:)?Relationship\b[^>]*?(?:/>|>\s*</(?:\w+:)?Relationship>)`)

func parseRels(text string) *rels {
	r := &rels{text: text}
	for _, m := range relElemRe.FindAllString(text, -1) {
		r.list = append(r.list, rel{id: attr(m, "Id"), typ: attr(m, "Type"), target: html.UnescapeString(attr(m, "Target")), elem: m})
	}
	return r
}

func (r *rels) byType(t string) *rel {
	for i := range r.list {
		if r.list[i].typ == t {
			return &r.list[i]
		}
	}
	return nil
}

func (r *rels) byID(id string) *rel {
	for i := range r.list {
		if r.list[i].id == id {
			return &r.list[i]
		}
	}
	return nil
}

// freeID returns an Id not used in the part.
func (r *rels) freeID() string {
	for i := len(r.list) + 1; ; i++ {
		id := fmt.Sprintf("rId%d", i)
		if r.byID(id) == nil {
			return id
		}
	}
}

// add appends a relationship to the part's text and list.
func (r *rels) add(typ, target string) string {
	id := r.freeID()
	elem := fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, xmlEscape(target))
	r.list = append(r.list, rel{id: id, typ: typ, target: target, elem: elem})
	if r.text == "" {
		r.text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
	}
	r.text = insertBeforeClose(r.text, "Relationships", elem)
	return id
}

// remove drops a relationship by Id.
func (r *rels) remove(id string) {
	for i := range r.list {
		if r.list[i].id == id {
			r.text = strings.Replace(r.text, r.list[i].elem, "", 1)
			r.list = append(r.list[:i], r.list[i+1:]...)
			return
		}
	}
}

// insertBeforeClose puts s before the closing tag of the named element (any prefix),
// expanding a self-closed element if needed.
func insertBeforeClose(text, local, s string) string {
	re := regexp.MustCompile(`</(\w+:)?` + local + `\s*>`)
	if loc := re.FindStringIndex(text); loc != nil {
		return text[:loc[0]] + s + text[loc[0]:]
	}
	self := regexp.MustCompile(`<((?:\w+:)?` + local + `)\b([^>]*?)/>`)
	if loc := self.FindStringSubmatchIndex(text); loc != nil {
		name := text[loc[2]:loc[3]]
		attrs := text[loc[4]:loc[5]]
		return text[:loc[0]] + "<" + name + attrs + ">" + s + "</" + name + ">" + text[loc[1]:]
	}
	return text
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\t', '\n', '\r':
			b.WriteRune(r)
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML 1.0
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
