package ooxml

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"gongjian/internal/xmltag"
)

// Relationship types the tool follows, by their full names.
const (
	RelOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	RelWorksheet      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	RelSharedStrings  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	RelStyles         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	RelComments       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	RelVMLDrawing     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
)

// RootRels is the package's own relationships part.
const RootRels = "_rels/.rels"

// maxRels bounds the relationships of one part: a workbook has one per sheet and a
// few more.
const maxRels = MaxSheets + 4096

// Rel is one relationship.
type Rel struct {
	ID     string
	Type   string // the full type name (RelWorksheet …)
	Target string // the part it points to, resolved against the part holding it; as written when External
	// External says Target is outside the package (a hyperlink, a linked workbook).
	External bool
	// Start and End bound its element in the relationships part's text.
	Start, End int64
}

// Rels are a part's relationships in the order written.
type Rels []Rel

// ByID returns the relationship with the id, or nil.
func (rs Rels) ByID(id string) *Rel {
	for i := range rs {
		if rs[i].ID == id {
			return &rs[i]
		}
	}
	return nil
}

// ByType returns the first relationship of the type, or nil. Strict and transitional
// type names both match: the last path step is compared.
func (rs Rels) ByType(typ string) *Rel {
	want := typ[strings.LastIndexByte(typ, '/')+1:]
	for i := range rs {
		t := rs[i].Type
		if t == typ || t[strings.LastIndexByte(t, '/')+1:] == want {
			return &rs[i]
		}
	}
	return nil
}

// RelsPath is where a part's relationships live ("xl/worksheets/_rels/sheet1.xml.rels").
func RelsPath(part string) string {
	if part == "" {
		return RootRels
	}
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// ResolveTarget resolves a relationship's target against the part that holds it
// ("" for the package); an absolute target ("/xl/styles.xml") is from the root.
func ResolveTarget(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(from), target))
}

// Rels reads the relationships of a part ("" for the package's own). A part without
// relationships has none: the error wraps ErrMissing.
func (p *Package) Rels(part string) (Rels, error) {
	name := RelsPath(part)
	sc, c, err := p.Scan(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return scanRels(sc, name, part)
}

// ParseRels reads a relationships part already in memory; from is the part they
// belong to ("" for the package's own).
func ParseRels(text []byte, from string) (Rels, error) {
	name := RelsPath(from)
	return scanRels(xmltag.NewScanner(bytes.NewReader(text), 4096), name, from)
}

func scanRels(sc *xmltag.Scanner, name, from string) (Rels, error) {
	var (
		out  Rels
		e    element
		open = -1 // the <Relationship> written with an end tag still open
	)
	for {
		err := e.next(sc, nil, false, name)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		tagName, closing, empty := sc.Name()
		if string(tagName) != "Relationship" {
			continue
		}
		if closing {
			if open >= 0 {
				out[open].End = sc.Offset() + int64(len(sc.Tag()))
				open = -1
			}
			continue
		}
		if sc.Long() {
			return nil, corrupt(name, "a relationship of more than %d bytes", len(sc.Tag()))
		}
		if len(out) >= maxRels {
			return nil, corrupt(name, "more than %d relationships", maxRels)
		}
		r := Rel{
			ID:       string(sc.Attr("Id")),
			Type:     string(sc.Attr("Type")),
			External: strings.EqualFold(string(sc.Attr("TargetMode")), "External"),
			Start:    sc.Offset(),
			End:      sc.Offset() + int64(len(sc.Tag())),
		}
		target := string(xmltag.AppendUnescaped(nil, sc.Attr("Target")))
		if r.External {
			r.Target = target
		} else {
			r.Target = ResolveTarget(from, target)
		}
		out = append(out, r)
		if !empty {
			open = len(out) - 1
		}
	}
}
