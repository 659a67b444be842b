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

// isPersonSeparator reports whether r separates two people in a cell: the list
// punctuation clerks use, and a line break.
func isPersonSeparator(r rune) bool {
	switch r {
	case '、', ',', '，', ';', '；', '/', '／', '\\', '|', '\n', '\r':
		return true
	}
	return false
}

// SplitPersons splits a cell that names people into one name each: "李志强⏎王建军",
// "张国华    刘晓明", "陈卫东、赵敏", "周  红" (a two-character name padded to the width
// of three with spaces, NBSP or a full-width space: one person, 周红). A remark in
// brackets after a name ("李志强（副县长）") is dropped, and a name listed twice is
// listed once.
//
// A gap between two names of two or more characters separates them; a single
// character is a name's half padded apart and joins its neighbour ("吴   刚",
// "王 小明", "欧阳 锋"), as long as the joined name has at most three characters.
func SplitPersons(s string) []string {
	if s == "" {
		return nil
	}
	s = dropBracketed(s)
	var out []string
	add := func(name string) {
		if name != "" && !containsString(out, name) {
			out = append(out, name)
		}
	}
	for part := range strings.FieldsFuncSeq(s, isPersonSeparator) {
		tokens := personTokens(part)
		for i := 0; i < len(tokens); i++ {
			t := tokens[i]
			if utf8.RuneCountInString(t) != 1 || !isHan(t) {
				add(t)
				continue
			}
			if i+1 < len(tokens) {
				next := tokens[i+1]
				if n := utf8.RuneCountInString(next); n == 1 || n == 2 && isHan(next) {
					add(t + next) // "周  红", "王 小明"
					i++
					continue
				}
			}
			if n := len(out); n > 0 && i > 0 && out[n-1] == tokens[i-1] && utf8.RuneCountInString(out[n-1]) == 2 {
				out[n-1] += t // "欧阳 锋"
				continue
			}
			add(t)
		}
	}
	return out
}

// officialTitles are the posts written beside a leader's name ("副县长 李志强",
// "县委常委、常务副县长张国华"): a title alone is no person, and one before a name is
// dropped from it.
var officialTitles = []string{
	"县委常委常务副县长", "县委常委副县长", "常务副县长", "县委副书记", "县委书记", "县委常委", "副县长", "县长",
	"县人大常委会主任", "人大常委会主任", "县人大常委会副主任", "人大常委会副主任", "县政协主席", "县政协副主席",
	"政协主席", "政协副主席", "市委常委", "副市长", "市长", "副书记", "书记", "常委", "副主任", "主任", "副主席", "主席",
	"副部长", "部长", "局长", "副局长",
}

func isOfficialTitle(s string) bool {
	for _, t := range officialTitles {
		if s == t || strings.HasPrefix(s, t) && isHan(s[len(t):]) && utf8.RuneCountInString(s[len(t):]) >= 2 {
			return true
		}
	}
	return false
}

// personTokens splits one part of a person cell at its gaps and takes the titles out.
func personTokens(part string) []string {
	raw := strings.FieldsFunc(part, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
	tokens := raw[:0]
	for _, t := range raw {
		// "县级：李强" names the level before the person.
		if i := strings.IndexAny(t, ":："); i >= 0 {
			t = strings.TrimLeft(t[i:], ":：")
		}
		for _, title := range officialTitles {
			if t == title {
				t = ""
				break
			}
			rest, ok := strings.CutPrefix(t, title)
			if !ok {
				rest, ok = strings.CutSuffix(t, title) // "李志强副县长"
			}
			if ok && isHan(rest) && utf8.RuneCountInString(rest) >= 2 && utf8.RuneCountInString(rest) <= 4 {
				t = rest
				break
			}
		}
		if t != "" {
			tokens = append(tokens, t)
		}
	}
	return tokens
}

// isPersonList reports whether s is a person cell as the reader keeps it: names, none
// listed twice, joined by "、" (the form normalizePersons gives), so that splitting it
// at "、" gives the people. Most cells are a single name.
func isPersonList(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '、' && (isPersonSeparator(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("(（[【)）]】", r)) {
			return false
		}
	}
	if !strings.Contains(s, "、") {
		return !isOfficialTitle(s)
	}
	rest := s
	for rest != "" {
		name, after, _ := strings.Cut(rest, "、")
		if name == "" || isOfficialTitle(name) || strings.Contains("、"+after+"、", "、"+name+"、") {
			return false
		}
		rest = after
		if rest == "" && strings.HasSuffix(s, "、") {
			return false
		}
	}
	return true
}

// normalizePersons is a person cell as the reader keeps it: the names joined by "、".
func normalizePersons(s string) string {
	names := SplitPersons(s)
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names, "、")
}

// dropBracketed removes remarks in brackets: "李志强（副县长）" → "李志强".
func dropBracketed(s string) string {
	if !strings.ContainsAny(s, "(（[【") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '[', '【':
			depth++
			continue
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
