package xmltag

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// ErrMalformed means a tag was not closed before the part ended.
var ErrMalformed = errors.New("malformed XML")

const (
	// maxTag is the most of one tag kept. Real tags are a few hundred bytes; the longest
	// real ones (a data validation's sqref of thousands of ranges) stay well below.
	maxTag = 64 << 10
	// maxText is the most text kept of one stretch between two tags: more than a cell
	// of Excel's 32,767 characters needs, written with the longest escapes.
	maxText = 512 << 10
)

// tagKind is what a tag turned out to be from its first bytes.
type tagKind uint8

const (
	kindElement tagKind = iota // <name …>, </name>, <name/>, and <?…?>
	kindComment                // <!-- … -->
	kindCDATA                  // <![CDATA[ … ]]>
	kindOther                  // <!DOCTYPE …>
)

// Scanner reads a part tag by tag.
type Scanner struct {
	r       *bufio.Reader
	tag     []byte // the last tag read, "<…>"; when long, its first bytes and its end
	text    []byte // the text before it, when Next was asked to keep it
	long    bool   // the last tag was longer than maxTag
	textCut bool   // the text was longer than maxText
	tail    []byte // the last bytes of a long tag, for finding its end
	pos     int64  // bytes of the part consumed
	start   int64  // offset of the last tag's '<'
}

// NewScanner reads r through a buffer of size bytes.
func NewScanner(r io.Reader, size int) *Scanner {
	return &Scanner{r: bufio.NewReaderSize(r, size)}
}

// Next reads the text up to the next tag and the tag. The text is written to w when
// w is not nil (a rewriter passes everything through) and kept for Text when keep is
// true; a CDATA section's content counts as text. It returns io.EOF at the end.
//
// A tag longer than maxTag is written to w by Next itself (the caller must not write
// it again: Long tells); its Tag holds its start and end, enough for Name.
func (s *Scanner) Next(w *bufio.Writer, keep bool) error {
	s.text = s.text[:0]
	s.textCut = false
	for {
		chunk, err := s.r.ReadSlice('<')
		s.pos += int64(len(chunk))
		text := chunk
		found := len(chunk) > 0 && chunk[len(chunk)-1] == '<'
		if found {
			text = chunk[:len(chunk)-1]
		}
		if w != nil {
			w.Write(text)
		}
		if keep {
			s.keepText(text)
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
	s.start = s.pos - 1
	s.tag = append(s.tag[:0], '<')
	s.long = false
	kind := kindElement
	first := true
	quote := byte(0)
	textFrom := len(s.text) // where a CDATA section's content starts in text
	for {
		chunk, err := s.r.ReadSlice('>')
		s.pos += int64(len(chunk))
		if first {
			first = false
			kind = kindOf(chunk)
		}
		if kind == kindElement {
			// A '>' inside a quoted attribute value does not end the tag; quotes are
			// counted in every piece, also one cut short by the buffer.
			for _, c := range chunk {
				switch {
				case quote == 0 && (c == '"' || c == '\''):
					quote = c
				case c == quote:
					quote = 0
				}
			}
		}
		if kind == kindCDATA && keep {
			s.keepText(chunk)
		}
		s.addTag(w, chunk)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return ErrMalformed
		}
		switch {
		case quote != 0,
			kind == kindComment && !s.tagEnds("-->"),
			kind == kindCDATA && !s.tagEnds("]]>"):
			continue
		}
		if s.long {
			end := []byte(">")
			if s.tagEnds("/>") {
				end = []byte("/>")
			}
			s.tag = append(s.tag, end...)
		}
		if kind == kindCDATA && keep {
			s.trimCDATA(textFrom)
		}
		return nil
	}
}

// kindOf tells a tag's kind from its first bytes (after the '<'): the buffer holds at
// least 16 bytes, so a piece cut short by it still shows the start.
func kindOf(chunk []byte) tagKind {
	switch {
	case len(chunk) == 0 || chunk[0] != '!':
		return kindElement
	case bytes.HasPrefix(chunk, []byte("!--")):
		return kindComment
	case bytes.HasPrefix(chunk, []byte("![CDATA[")):
		return kindCDATA
	}
	return kindOther
}

// addTag adds a piece of the current tag: to the tag while it fits, else written
// through to w and only its last bytes remembered.
func (s *Scanner) addTag(w *bufio.Writer, chunk []byte) {
	if !s.long {
		if len(s.tag)+len(chunk) <= maxTag {
			s.tag = append(s.tag, chunk...)
			return
		}
		s.long = true
		if w != nil {
			w.Write(s.tag)
		}
		s.tail = append(s.tail[:0], s.tag[max(0, len(s.tag)-3):]...)
		s.tag = append(s.tag, chunk[:maxTag-len(s.tag)]...) // the head, for Name and Attr
	}
	if w != nil {
		w.Write(chunk)
	}
	s.tail = append(s.tail, chunk[max(0, len(chunk)-3):]...)
	s.tail = s.tail[max(0, len(s.tail)-3):]
}

// tagEnds reports whether the tag read so far ends with suffix (at most 3 bytes).
func (s *Scanner) tagEnds(suffix string) bool {
	if s.long {
		return bytes.HasSuffix(s.tail, []byte(suffix))
	}
	return bytes.HasSuffix(s.tag, []byte(suffix))
}

// keepText adds to the kept text, up to maxText.
func (s *Scanner) keepText(b []byte) {
	if room := maxText - len(s.text); len(b) > room {
		b = b[:max(room, 0)]
		s.textCut = true
	}
	s.text = append(s.text, b...)
}

// trimCDATA leaves of a CDATA section kept from text[from:] only its content.
func (s *Scanner) trimCDATA(from int) {
	body := s.text[from:]
	body = body[min(len(body), len("![CDATA[")):]
	body = bytes.TrimSuffix(body, []byte("]]>"))
	s.text = append(s.text[:from], body...)
}

// Tag is the last tag read, "<…>"; for a long tag, its first maxTag bytes and its end.
// It is only valid until the next call.
func (s *Scanner) Tag() []byte { return s.tag }

// Text is the text kept by the last Next; only valid until the next call.
func (s *Scanner) Text() []byte { return s.text }

// Long reports whether the last tag was longer than maxTag: its attributes may be
// cut off, and Next has already written it to its writer.
func (s *Scanner) Long() bool { return s.long }

// TextCut reports whether the last text was longer than maxText and was cut there.
func (s *Scanner) TextCut() bool { return s.textCut }

// Offset is where the last tag starts in the part.
func (s *Scanner) Offset() int64 { return s.start }

// Consumed is how much of the part the scanner has taken, read ahead or not.
func (s *Scanner) Consumed() int64 { return s.pos }

// Ahead returns the bytes already read from the part and not yet scanned, without
// consuming them, for reading a common shape in one step; Skip consumes them.
func (s *Scanner) Ahead() []byte {
	b, _ := s.r.Peek(s.r.Buffered())
	return b
}

// Skip consumes n bytes of Ahead.
func (s *Scanner) Skip(n int) {
	n, _ = s.r.Discard(n)
	s.pos += int64(n)
}

// Name returns the current tag's local name (prefix dropped) and whether it is an
// end tag or an empty-element tag; nil for a declaration, comment or CDATA section.
func (s *Scanner) Name() (name []byte, closing, empty bool) { return Name(s.tag) }

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
// local name (r:id matches "id"), or nil. Of a long tag only the attributes in its
// first maxTag bytes are found.
func (s *Scanner) Attr(local string) []byte {
	t := s.tag
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
		chunk, err := s.r.ReadSlice('>')
		s.pos += int64(len(chunk))
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
