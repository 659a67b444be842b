package xlsxpatch

import "unicode/utf8"

// xmlEscape is text as XML character data or an attribute value: markup escaped, and
// what XML 1.0 does not allow (control characters other than tab and line ends,
// U+FFFE, U+FFFF) left out; invalid UTF-8 becomes U+FFFD.
func xmlEscape(s string) string {
	if i := firstEscaped(s); i < len(s) {
		return string(appendXMLEscaped(append(make([]byte, 0, len(s)+16), s[:i]...), s[i:]))
	}
	return s // most text needs nothing, and costs nothing
}

// appendXMLEscaped appends s escaped as xmlEscape does: invalid UTF-8 as U+FFFD.
func appendXMLEscaped[T ~string | ~[]byte](b []byte, s T) []byte {
	for i := 0; i < len(s); {
		j := i + firstEscaped(s[i:])
		b = append(b, s[i:j]...)
		if j == len(s) {
			break
		}
		r, size := decodeRune(s[j:])
		switch r {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		case '\'':
			b = append(b, "&apos;"...)
		case utf8.RuneError:
			b = utf8.AppendRune(b, r) // an invalid byte, written as U+FFFD
		}
		// Anything else here is not allowed in XML 1.0 and is left out.
		i = j + size
	}
	return b
}

// firstEscaped is the index of the first byte of s that xmlEscape does not copy as
// it is (len(s) when none): markup, a control character other than tab and line
// ends, invalid UTF-8, U+FFFE or U+FFFF.
func firstEscaped[T ~string | ~[]byte](s T) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&' || c == '<' || c == '>' || c == '"' || c == '\'':
				return i
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				return i
			}
			i++
			continue
		}
		r, size := decodeRune(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			return i
		}
		i += size
	}
	return len(s)
}

// decodeRune is utf8.DecodeRuneInString for text or bytes; the few bytes it looks at
// are converted on the stack, as encoding/json does.
func decodeRune[T ~string | ~[]byte](s T) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}
