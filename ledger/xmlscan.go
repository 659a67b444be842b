package ledger

import (
	"bytes"

	"gongjian/internal/ooxml"
	"gongjian/internal/xmltag"
)

var (
	cellEnd     = []byte("</c>")
	vOpen       = []byte("<v>")
	vClose      = []byte("</v>")
	isOpen      = []byte("<is><t>")
	isOpenSpace = []byte(`<is><t xml:space="preserve">`)
	isClose     = []byte("</t></is>")
)

// simpleCell reads, right after a cell's start tag, a cell whose whole content is
// <v>text</v> or <is><t>text</t></is> and whose end tag is already in the buffer,
// consuming it through </c>; the text comes back unescaped in buf. Anything else
// (formulas, rich text, prefixed elements, a cell cut by the buffer's end) is left for
// the tag by tag path: ok is false and nothing is consumed.
func simpleCell(s *xmltag.Scanner, buf []byte) ([]byte, bool) {
	ahead := s.Ahead()
	end := bytes.Index(ahead, cellEnd)
	if end < 0 {
		return nil, false
	}
	content := ahead[:end]
	var inner []byte
	switch {
	case bytes.HasPrefix(content, vOpen) && bytes.HasSuffix(content, vClose):
		inner = content[len(vOpen) : len(content)-len(vClose)]
	case bytes.HasPrefix(content, isOpen) && bytes.HasSuffix(content, isClose):
		inner = content[len(isOpen) : len(content)-len(isClose)]
	case bytes.HasPrefix(content, isOpenSpace) && bytes.HasSuffix(content, isClose):
		inner = content[len(isOpenSpace) : len(content)-len(isClose)]
	default:
		return nil, false
	}
	if bytes.IndexByte(inner, '<') >= 0 {
		return nil, false // more elements inside
	}
	buf = ooxml.AppendText(buf[:0], inner)
	s.Skip(end + len(cellEnd))
	return buf, true
}
