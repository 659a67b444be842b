package xmltag

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// ErrMalformed means a tag was not closed before the part ended.
var ErrMalformed = errors.New("malformed XML")

// Scanner reads a part tag by tag. R is exposed for callers that look ahead (Peek,
// Buffered, Discard) to read common shapes in one step.
type Scanner struct {
	R    *bufio.Reader
	Tag  []byte // the last tag read, "<…>" (a CDATA section comes as one tag too)
	Text []byte // the text before it, when Next was asked to keep it
}

// NewScanner reads r through a buffer of size bytes.
func NewScanner(r io.Reader, size int) *Scanner {
	return &Scanner{R: bufio.NewReaderSize(r, size)}
}

// Next reads the text up to the next tag and the tag. The text is written to w when
// w is not nil (a rewriter passes everything through) and kept in Text when keep is
// true; a CDATA section's content counts as text. It returns io.EOF at the end.
func (s *Scanner) Next(w *bufio.Writer, keep bool) error {
	s.Text = s.Text[:0]
	for {
		chunk, err := s.R.ReadSlice('<')
		text := chunk
		found := len(chunk) > 0 && chunk[len(chunk)-1] == '<'
		if found {
			text = chunk[:len(chunk)-1]
		}
		if w != nil {
			w.Write(text)
		}
		if keep {
			s.Text = append(s.Text, text...)
		}
		if found {
			break
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return err // io.EOF at the end of the part
		}
	}
	s.Tag = append(s.Tag[:0], '<')
	quote := byte(0)
	for {
		chunk, err := s.R.ReadSlice('>')
		s.Tag = append(s.Tag, chunk...)
		// A '>' inside a quoted attribute value does not end the tag; quotes are
		// counted in every piece, also one cut short by the buffer, but not in a
		// comment or CDATA section, where they mean nothing.
		for _, c := range chunk {
			if len(s.Tag) > 1 && s.Tag[1] == '!' {
				break
			}
			switch {
			case quote == 0 && (c == '"' || c == '\''):
				quote = c
			case c == quote:
				quote = 0
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return ErrMalformed
		}
		if quote != 0 {
			continue
		}
		if bytes.HasPrefix(s.Tag, []byte("<!--")) && !bytes.HasSuffix(s.Tag, []byte("-->")) {
			continue
		}
		if bytes.HasPrefix(s.Tag, []byte("<![CDATA[")) {
			if !bytes.HasSuffix(s.Tag, []byte("]]>")) {
				continue
			}
			if keep {
				s.Text = append(s.Text, s.Tag[9:len(s.Tag)-3]...)
			}
		}
		return nil
	}
}

// Name returns the current tag's local name (prefix dropped) and whether it is an
// end tag or an empty-element tag; nil for a declaration, comment or CDATA section.
func (s *Scanner) Name() (name []byte, closing, empty bool) { return Name(s.Tag) }

// Name reads a tag as Scanner.Name does.
func Name(tag []byte) (name []byte, closing, empty bool) {
	if len(tag) < 3 || tag[1] == '?' || tag[1] == '!' {
		return nil, false, false
	}
	t := tag[1 : len(tag)-1]
	if t[0] == '/' {
		closing = true
		t = t[1:]
	}
	if len(t) > 0 && t[len(t)-1] == '/' {
		empty = true
		t = t[:len(t)-1]
	}
	end := 0
	for end < len(t) && !IsSpace(t[end]) {
		end++
	}
	name = t[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name, closing, empty
}

// IsSpace reports whether c is XML white space.
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Attr returns the raw value of an attribute of the current tag, matched by its
// local name (r:id matches "id"), or nil.
func (s *Scanner) Attr(local string) []byte {
	t := s.Tag
	for i := 1; i < len(t); i++ {
		if !IsSpace(t[i-1]) {
			continue
		}
		j := i
		for j < len(t) && t[j] != '=' && !IsSpace(t[j]) && t[j] != '>' && t[j] != '/' {
			j++
		}
		name := t[i:j]
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		for j < len(t) && IsSpace(t[j]) {
			j++
		}
		if j >= len(t) || t[j] != '=' {
			continue
		}
		j++
		for j < len(t) && IsSpace(t[j]) {
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

// CopyThrough copies everything up to and including end (an element's end tag, as
// written) to w without looking at the tags in between.
func (s *Scanner) CopyThrough(w *bufio.Writer, end []byte) error {
	var tail []byte // the end of a chunk cut by a full buffer, which end may straddle
	for {
		chunk, err := s.R.ReadSlice('>')
		w.Write(chunk)
		if err == bufio.ErrBufferFull {
			tail = append(tail[:0], chunk[max(0, len(chunk)-len(end)):]...)
			continue
		}
		if err != nil {
			return ErrMalformed
		}
		if bytes.HasSuffix(chunk, end) || len(tail) > 0 && bytes.HasSuffix(append(tail, chunk...), end) {
			return nil
		}
		tail = tail[:0]
	}
}

// AppendUnescaped appends XML text with its entities decoded.
func AppendUnescaped(dst, b []byte) []byte {
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
				err = ErrMalformed
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
