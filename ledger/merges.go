package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// sheetParts maps sheet names to their XML parts in the package, so merged ranges
// can be scanned from the bytes. excelize's GetMergeCells would unmarshal the whole
// worksheet (and make a later Rows() re-marshal it): seconds on a big ledger.
type sheetParts struct {
	file   string
	limit  int64
	byName map[string]string // sheet name → zip entry name
}

type xmlWorkbook struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func readSheetParts(file string, limit int64) (*sheetParts, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var wb xmlWorkbook
	var rels xmlRels
	if err := decodePart(&zr.Reader, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(&zr.Reader, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Clean(path.Join("xl", t))
		}
		targets[r.ID] = t
	}
	p := &sheetParts{file: file, limit: limit, byName: map[string]string{}}
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && a.Name.Space != "" {
				p.byName[s.Name] = targets[a.Value]
			}
		}
	}
	return p, nil
}

func decodePart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
		}
	}
	return fmt.Errorf("missing %s", name)
}

// merges scans the sheet's XML for <mergeCell ref="A1:B2"/> without building a DOM.
func (p *sheetParts) merges(sheet string) ([]Range, error) {
	entry, ok := p.byName[sheet]
	if !ok {
		return nil, nil
	}
	zr, err := zip.OpenReader(p.file)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != entry {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return scanMerges(io.LimitReader(rc, p.limit))
	}
	return nil, nil
}

var mergeTag = []byte("mergeCell")

// scanMerges finds every mergeCell element's ref in a stream, chunk by chunk, keeping
// a tail so an element split across two chunks is still seen whole.
func scanMerges(r io.Reader) ([]Range, error) {
	var out []Range
	buf := make([]byte, 0, 256<<10)
	chunk := make([]byte, 128<<10)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		done := err == io.EOF
		if err != nil && !done {
			return out, err
		}
		consumed := 0
		for {
			i := bytes.Index(buf[consumed:], mergeTag)
			if i < 0 {
				break
			}
			start := consumed + i
			end := bytes.IndexByte(buf[start:], '>')
			if end < 0 {
				break // the element continues in the next chunk
			}
			elem := buf[start : start+end]
			consumed = start + end
			after := elem[len(mergeTag):]
			if len(after) == 0 || after[0] == 's' {
				continue // <mergeCells count="…">
			}
			if rng, ok := refAttr(elem); ok {
				out = append(out, rng)
			}
		}
		if done {
			return out, nil
		}
		// Keep only what may hold the start of an unfinished element.
		keep := buf[consumed:]
		if len(keep) > 512 && bytes.Index(keep, mergeTag) < 0 {
			keep = keep[len(keep)-len(mergeTag):]
		}
		buf = append(buf[:0], keep...)
	}
}

func refAttr(elem []byte) (Range, bool) {
	i := bytes.Index(elem, []byte(`ref="`))
	if i < 0 {
		return Range{}, false
	}
	v := elem[i+5:]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return Range{}, false
	}
	return parseRangeRef(string(v[:j]))
}
