package xlsxpatch

import (
	"bytes"
	"testing"
)

// xmlEscapeByRune is xmlEscape as it was first written, rune by rune: the reference
// the faster one must match.
func xmlEscapeByRune(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\t', '\n', '\r':
			b.WriteRune(r)
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestXMLEscape(t *testing.T) {
	for _, s := range []string{"", "总投资“约300”不是有效的金额", `a<b>&"c'd`, "tab\tnl\ncr\r", "\x00\x01\x1f\x7f",
		"bad\xff\xfe utf8 \xe4\xb8", "\uFFFD\uFFFE\uFFFF end", "😀<", "&amp;"} {
		if got, want := xmlEscape(s), xmlEscapeByRune(s); got != want {
			t.Errorf("xmlEscape(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzXMLEscape(f *testing.F) {
	f.Add("a<b>&\"c'\x01\xff\uFFFE")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := xmlEscape(s), xmlEscapeByRune(s); got != want {
			t.Errorf("xmlEscape(%q) = %q, want %q", s, got, want)
		}
	})
}
