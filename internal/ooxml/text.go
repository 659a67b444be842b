package ooxml

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gongjian/internal/xmltag"
)

// MaxCellChars is the most characters a cell holds, in Excel and here: a longer text
// (only a crafted file has one, Excel cannot save it) is read as its first
// MaxCellChars characters, and the tool writes no longer text into a cell or comment.
const MaxCellChars = 32767

// maxCellBytes is the most of a cell's text gathered before its _xHHHH_ escapes are
// decoded: MaxCellChars characters written as escapes of 7 bytes each fit.
const maxCellBytes = 256 << 10

// AppendText appends a piece of a cell's XML text to dst with its entities decoded,
// holding no more than a cell of MaxCellChars characters can need.
func AppendText(dst, raw []byte) []byte {
	if len(dst) >= maxCellBytes {
		return dst
	}
	dst = xmltag.AppendUnescaped(dst, raw)
	return dst[:min(len(dst), maxCellBytes)]
}

// CellText is a cell's text from what AppendText gathered: _xHHHH_ escapes decoded
// and cut to MaxCellChars characters.
func CellText(b []byte) string {
	return CutChars(DecodeEscapes(string(b)), MaxCellChars)
}

// CutChars returns s cut to at most n characters.
func CutChars(s string, n int) string {
	if len(s) <= n { // never more characters than bytes
		return s
	}
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// Ellipsis cuts s to at most n characters, its last one "…" when it was cut, for
// text the tool writes (a comment, a cell of the findings sheet).
func Ellipsis(s string, n int) string {
	cut := CutChars(s, n)
	if len(cut) == len(s) {
		return s
	}
	return CutChars(cut, n-1) + "…"
}

// DecodeEscapes turns OOXML's _xHHHH_ escapes (used for characters XML cannot hold,
// like _x000D_ for a carriage return) into their characters; _x005F_ is an underscore.
func DecodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// TextRuns follows the text elements of a string item (a shared string's <si>, an
// inline string's <is>): its text is in its <t> elements, plain or inside rich text
// runs, except those of phonetic runs (<rPh>), which Excel does not show.
type TextRuns struct {
	inT  bool
	inPh int
}

// See takes an <rPh> or <t> tag; inItem says whether it is inside a string item.
func (r *TextRuns) See(name []byte, closing, empty, inItem bool) {
	switch string(name) {
	case "rPh":
		if !empty {
			if closing {
				r.inPh--
			} else {
				r.inPh++
			}
		}
	case "t":
		r.inT = inItem && r.inPh == 0 && !closing && !empty
	}
}

// InText reports whether the text before the next tag is the item's.
func (r *TextRuns) InText() bool { return r.inT }
