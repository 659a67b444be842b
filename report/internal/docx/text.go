package docx

import (
	"strings"

	"golang.org/x/text/width"
)

// Text limits, in characters: a paragraph or title longer than maxText, or a cell
// longer than maxCell, is cut and ends with "……". No real sentence comes near
// them; they keep a runaway value from making a document no one can open.
const (
	maxText = 20000
	maxCell = 2000
)

// clean makes s fit for a WordprocessingML text node: invalid UTF-8 becomes
// U+FFFD; control characters other than tab and line feed, and the code points
// XML 1.0 forbids, are dropped; "\r\n" and a lone "\r" become "\n"; text past max
// characters is cut.
func clean(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == max {
			b.WriteString("……")
			break
		}
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			r = '\n'
		case r == '\t', r == '\n':
		case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0xFFFE, r == 0xFFFF:
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// escape writes s with the five XML special characters escaped (quotes too, so
// the result also serves in attribute values).
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&apos;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeText writes cleaned text as the content of a run: tabs become <w:tab/>,
// line feeds <w:br/>, and every piece keeps its spaces.
func writeText(b *strings.Builder, s string) {
	for len(s) > 0 {
		i := strings.IndexAny(s, "\t\n")
		piece := s
		if i >= 0 {
			piece = s[:i]
		}
		if piece != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			escape(b, piece)
			b.WriteString(`</w:t>`)
		}
		if i < 0 {
			break
		}
		if s[i] == '\t' {
			b.WriteString(`<w:tab/>`)
		} else {
			b.WriteString(`<w:br/>`)
		}
		s = s[i+1:]
	}
}

// textWidth is the printed width of s in body type, in twips: a wide character
// takes charPitch, a half-width digit or letter halfPitch.
func textWidth(s string) int { return widthOf(s, charPitch, halfPitch) }

// widthOf is the width of s at the given advances of a wide and a half-width
// character.
func widthOf(s string, wide, narrow int) int {
	w := 0
	for _, r := range s {
		if isWide(r) {
			w += wide
		} else {
			w += narrow
		}
	}
	return w
}

// isWide reports whether r takes a full character cell. East Asian ambiguous
// characters (— “ ” ·) count as wide: Chinese fonts draw them full width.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return true
	}
	return false
}
