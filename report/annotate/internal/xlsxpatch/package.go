package xlsxpatch

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"gongjian/internal/ooxml"
)

// The namespaces the patch writes.
const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// pkg is what the patch needs to know about the workbook's package: its structure,
// read by internal/ooxml, and the text of the parts the patch edits.
type pkg struct {
	*ooxml.Package
	modified time.Time

	workbookPath string
	workbook     string // workbook.xml text
	wbRels       *rels
	styles       string
	stylesPath   string
	types        string // [Content_Types].xml text
	contentTypes *ooxml.ContentTypes

	sheets []wbSheet // in workbook order
}

type wbSheet struct {
	name string
	rid  string
	path string
	elem string // the <sheet …/> element as written
}

func openPackage(p *ooxml.Package) (*pkg, error) {
	wb, err := p.Workbook()
	if err != nil {
		return nil, err
	}
	pk := &pkg{Package: p, workbookPath: wb.Part, stylesPath: wb.Styles}
	if pk.types, err = pk.read(ooxml.ContentTypesPart); err != nil {
		return nil, err
	}
	if pk.contentTypes, err = ooxml.ParseContentTypes([]byte(pk.types)); err != nil {
		return nil, err
	}
	if pk.workbook, err = pk.read(wb.Part); err != nil {
		return nil, err
	}
	pk.modified = p.File(wb.Part).Modified
	if pk.wbRels, err = pk.readRels(wb.Part); err != nil {
		return nil, err
	}
	if wb.Styles != "" {
		// A styles part named but missing is written afresh, as for a workbook
		// without one: Excel opens such a workbook with the default styles.
		if pk.styles, err = pk.read(wb.Styles); err != nil && !errors.Is(err, ooxml.ErrMissing) {
			return nil, err
		}
	}
	for _, s := range wb.Sheets {
		pk.sheets = append(pk.sheets, wbSheet{name: s.Name, rid: s.RelID, path: s.Part, elem: pk.workbook[s.Start:s.End]})
	}
	return pk, nil
}

// read returns a small part's text.
func (p *pkg) read(name string) (string, error) {
	b, err := p.ReadPart(name)
	if err != nil {
		return "", &PartError{Part: name, Err: err}
	}
	return string(b), nil
}

// readRels reads a part's relationships for editing; a part without any has none.
func (p *pkg) readRels(part string) (*rels, error) {
	r := &rels{from: part}
	text, err := p.read(ooxml.RelsPath(part))
	switch {
	case err == nil:
	case p.Has(ooxml.RelsPath(part)):
		return nil, err
	default:
		return r, nil
	}
	list, err := ooxml.ParseRels([]byte(text), part)
	if err != nil {
		return nil, err
	}
	r.text = text
	for _, l := range list {
		r.list = append(r.list, rel{Rel: l, elem: text[l.Start:l.End]})
	}
	return r, nil
}

// freeName returns the first of prefix1.ext, prefix2.ext … not in the package or taken.
func (p *pkg) freeName(prefix, ext string, taken map[string]bool) string {
	for i := 1; ; i++ {
		n := fmt.Sprintf("%s%d%s", prefix, i, ext)
		if !p.Has(n) && !taken[n] {
			return n
		}
	}
}

// rels is a relationships part being edited.
type rels struct {
	from string // the part they belong to
	list []rel
	text string
}

type rel struct {
	ooxml.Rel
	elem string // its element as written
}

func (r *rels) byType(t string) *rel {
	for i := range r.list {
		if r.list[i].Type == t {
			return &r.list[i]
		}
	}
	return nil
}

func (r *rels) byID(id string) *rel {
	for i := range r.list {
		if r.list[i].ID == id {
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

// add appends a relationship to the part's text and list; target is relative to the
// part the relationships belong to.
func (r *rels) add(typ, target string) string {
	id := r.freeID()
	elem := fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, xmlEscape(target))
	r.list = append(r.list, rel{Rel: ooxml.Rel{ID: id, Type: typ, Target: ooxml.ResolveTarget(r.from, target)}, elem: elem})
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
		if r.list[i].ID == id {
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
