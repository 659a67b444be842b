package ledger

import (
	"strings"
	"unicode"
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
// ledgers: whitespace and line breaks dropped, full-width forms folded, brackets and
// common punctuation unified, Latin letters lower-cased.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '【' || r == '[' || r == '{' || r == '〔':
			r = '('
		case r == '】' || r == ']' || r == '}' || r == '〕':
			r = ')'
		case r == '“' || r == '”' || r == '「' || r == '」' || r == '"' || r == '\'' || r == '‘' || r == '’':
			continue
		case r == '、' || r == '，' || r == ';' || r == '；' || r == '·' || r == '•':
			r = ','
		case r == '—' || r == '–' || r == '－':
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// cleanText trims a text cell and joins the lines of a name typed with line breaks
// ("陵川县\n供水工程" → "陵川县供水工程"); spaces inside Latin text are kept.
func cleanText(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, "")
}

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
