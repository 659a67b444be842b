package termsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Name returns s with every control character (C0, DEL, C1), line or paragraph
// separator, bidirectional formatting character and invalid UTF-8 byte written as a
// visible escape: ESC as \x1b, U+202E as \u202e. Anything else, Chinese included, is
// kept as it is; a name needing no escape is returned unchanged.
func Name(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafe(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func clean(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7F {
			return false
		} else if c >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return true
	}
	for _, r := range s {
		if unsafe(r) {
			return false
		}
	}
	return utf8.ValidString(s)
}

// unsafe reports whether a rune changes what a terminal shows rather than showing
// itself.
func unsafe(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // bidi
		return true
	}
	return false
}

// Width is how many columns s takes on a console: a Chinese character two, as a
// Chinese Windows console and Notepad show it.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
