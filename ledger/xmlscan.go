package ledger

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner splits an OOXML part into text runs and tags as bytes, for the few
// elements the reader needs; it builds no tree and allocates nothing per tag.
type xmlScanner struct {
	r    *bufio.Reader
	tag  []byte
	text []byte
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 1<<20)}
}

var errBadXML = errors.New("malformed XML")

// next reads the text before the next tag (into s.text) and the tag (into s.tag).
// keepText false skips the text without copying it.
func (s *xmlScanner) next(keepText bool) error {
	s.text = s.text[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		if len(chunk) > 0 && chunk[len(chunk)-1] == '<' {
			if keepText {
				s.text = append(s.text, chunk[:len(chunk)-1]...)
			}
			break
		}
		if keepText {
			s.text = append(s.text, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return err // io.EOF at the end of the part
		}
	}
	s.tag = append(s.tag[:0], '<')
	quote := byte(0)
	for {
		chunk, err := s.r.ReadSlice('>')
		s.tag = append(s.tag, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return errBadXML
		}
		for _, c := range chunk {
			switch {
			case quote == 0 && (c == '"' || c == '\''):
				quote = c
			case c == quote:
				quote = 0
			}
		}
		if quote != 0 {
			continue
		}
		if bytes.HasPrefix(s.tag, []byte("<!--")) && !bytes.HasSuffix(s.tag, []byte("-->")) {
			continue
		}
		if bytes.HasPrefix(s.tag, []byte("<![CDATA[")) {
			if !bytes.HasSuffix(s.tag, []byte("]]>")) {
				continue
			}
			// CDATA is text, not a tag.
			if keepText {
				s.text = append(s.text, s.tag[9:len(s.tag)-3]...)
			}
			s.tag = s.tag[:0]
		}
		return nil
	}
}

// name returns the tag's local name (prefix dropped) and whether it is an end tag or
// an empty-element tag. A processing instruction or comment has kind 0 name "".
func (s *xmlScanner) name() (name []byte, closing, empty bool) {
	t := s.tag
	if len(t) < 3 || t[1] == '?' || t[1] == '!' {
		return nil, false, false
	}
	t = t[1 : len(t)-1]
	if t[0] == '/' {
		closing = true
		t = t[1:]
	}
	if len(t) > 0 && t[len(t)-1] == '/' {
		empty = true
		t = t[:len(t)-1]
	}
	end := 0
	for end < len(t) && !isXMLSpace(t[end]) {
		end++
	}
	name = t[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name, closing, empty
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr returns the raw value of an attribute of the current tag, matched by its
// local name, or nil.
func (s *xmlScanner) attr(local string) []byte {
	t := s.tag
	for i := 1; i < len(t); i++ {
		if !isXMLSpace(t[i-1]) {
			continue
		}
		j := i
		for j < len(t) && t[j] != '=' && !isXMLSpace(t[j]) && t[j] != '>' && t[j] != '/' {
			j++
		}
		name := t[i:j]
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		for j < len(t) && isXMLSpace(t[j]) {
			j++
		}
		if j >= len(t) || t[j] != '=' {
			continue
		}
		j++
		for j < len(t) && isXMLSpace(t[j]) {
			j++
		}
		if j >= len(t) || t[j] != '"' && t[j] != '\'' {
			continue
		}
		q := t[j]
		e := bytes.IndexByte(t[j+1:], q)
		if e < 0 {
			return nil
		}
		if string(name) == local {
			return t[j+1 : j+1+e]
		}
		i = j + 1 + e
	}
	return nil
}

// appendUnescaped appends XML text with its entities decoded.
func appendUnescaped(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			dst = append(dst, '&')
			b = b[1:]
			continue
		}
		ent := b[1:j]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ent) > 2 && (ent[1] == 'x' || ent[1] == 'X') && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			case len(ent) > 1 && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			default:
				err = errBadXML
			}
			if err != nil {
				dst = append(dst, b[:j+1]...)
			} else {
				dst = utf8.AppendRune(dst, rune(n))
			}
		}
		b = b[j+1:]
	}
}

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
// consuming it through </c>; the text comes back unescaped. Anything else (formulas,
// rich text, prefixed elements, a cell cut by the buffer's end) is left for the tag by
// tag path: ok is false and nothing is consumed.
func (s *xmlScanner) simpleCell() ([]byte, bool) {
	buf, _ := s.r.Peek(s.r.Buffered())
	end := bytes.Index(buf, cellEnd)
	if end < 0 {
		return nil, false
	}
	content := buf[:end]
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
	s.text = appendUnescaped(s.text[:0], inner)
	s.r.Discard(end + len(cellEnd))
	return s.text, true
}
