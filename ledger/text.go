package ledger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldWidth turns full-width ASCII forms (Ａ１（）) into their half-width twins and the
// ideographic space into a plain one.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// NormalizeName folds a project name for matching the same project across rows and
// ledgers: whitespace, line breaks and invisible characters (zero-width space, BOM)
// dropped, full-width forms folded, brackets, quotes and list punctuation unified,
// dashes unified (a run of them is one dash), Latin letters lower-cased. Applying it
// twice changes nothing.
func NormalizeName(s string) string { return fold(s, normalRune) }

// fold applies a character fold to s, a run of dashes becoming one dash ("陵川——晋城"
// is "陵川-晋城"). Most text is already folded: it is given back without a copy (the
// duplicate check folds every name and code of a 100,000-row ledger).
func fold(s string, f func(rune) (rune, bool)) string {
	if isFolded(s, f) {
		return s
	}
	return foldAll(s, f)
}

// foldAll is fold without its fast path.
func foldAll(s string, f func(rune) (rune, bool)) string {
	var b strings.Builder
	b.Grow(len(s))
	last := rune(0)
	for _, r := range s {
		r, keep := f(r)
		if !keep || r == '-' && last == '-' {
			continue
		}
		last = r
		b.WriteRune(r)
	}
	return b.String()
}

// isFolded reports whether fold would give s back unchanged.
func isFolded(s string, f func(rune) (rune, bool)) bool {
	last := rune(0)
	for _, r := range s {
		n, keep := f(r)
		if !keep || n != r || r == utf8.RuneError || r == '-' && last == '-' {
			return false
		}
		last = r
	}
	return true
}

// normalRune is what one character of a name becomes, and whether it is kept.
func normalRune(r rune) (rune, bool) {
	r = foldWidth(r)
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		return 0, false // text pasted from web pages carries U+200B and U+FEFF
	case r == '【' || r == '[' || r == '{' || r == '〔' || r == '〖' || r == '﹙':
		r = '('
	case r == '】' || r == ']' || r == '}' || r == '〕' || r == '〗' || r == '﹚':
		r = ')'
	case r == '“' || r == '”' || r == '「' || r == '」' || r == '"' || r == '\'' || r == '‘' || r == '’':
		return 0, false
	case r == '、' || r == '，' || r == ';' || r == '；' || r == '·' || r == '•' || r == '・' || r == '･' || r == '‧':
		r = ','
	case isDash(r):
		r = '-'
	case r == '〜':
		r = '~'
	}
	return unicode.ToLower(r), true
}

// isDash reports whether r is one of the dashes people type or paste for "-" (after
// full-width forms are folded).
func isDash(r rune) bool {
	switch r {
	case '—', '–', '－', '―', '‐', '‑', '‒', '−', '﹣':
		return true
	}
	return false
}

// cleanText trims a text cell and joins the lines of a name typed with line breaks
// ("陵川县\n供水工程" → "陵川县供水工程"); spaces inside a line are kept, and a break
// between two Latin words ("Phase\nII") becomes a space.
func cleanText(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return strings.TrimSpace(s)
	}
	// Bytes that are not UTF-8 go first, so that joining lines cannot make a character
	// out of the halves of two broken ones.
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(line)
			if isLatinLetter(last) && isLatinLetter(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

func isLatinLetter(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

// splitNames splits a cell that lists several people ("张三、李四 王五").
func splitNames(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '/' || r == '\n' || unicode.IsSpace(r)
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
