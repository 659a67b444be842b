package xlsxpatch

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// styleSheet edits styles.xml by appending to its fonts, fills, borders and cellXfs
// lists; the existing entries keep their indexes, so every cell keeps its style.
type styleSheet struct {
	text    string
	prefix  string // namespace prefix of the part's elements ("" or "x:")
	fills   []string
	xfs     []string
	fonts   int
	borders int

	newFonts, newFills, newBorders, newXfs []string
	newNumFmts                             []string
	clones                                 map[[2]int]int // (original xf, fill) → new xf
}

var (
	xfRe   = regexp.MustCompile(`(?s)<(?:\w+:)?xf\b[^>]*?(?:/>|>.*?</(?:\w+:)?xf>)`)
	fillRe = regexp.MustCompile(`(?s)<(?:\w+:)?fill\b[^>]*?(?:/>|>.*?</(?:\w+:)?fill>)`)
	fontRe = regexp.MustCompile(`(?s)<(?:\w+:)?font\b[^>]*?(?:/>|>.*?</(?:\w+:)?font>)`)
	bdrRe  = regexp.MustCompile(`(?s)<(?:\w+:)?border\b[^>]*?(?:/>|>.*?</(?:\w+:)?border>)`)
	rootRe = regexp.MustCompile(`<(\w+:)?styleSheet\b`)
)

// minimalStyles is used when a workbook has no styles part at all.
const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

func parseStyles(text string) (*styleSheet, error) {
	if text == "" {
		text = minimalStyles
	}
	s := &styleSheet{text: text, clones: map[[2]int]int{}}
	if m := rootRe.FindStringSubmatch(text); m != nil {
		s.prefix = m[1]
	}
	sec := func(name string) string {
		body, _, _ := section(text, name)
		return body
	}
	xfsBody, _, ok := section(text, "cellXfs")
	if !ok {
		return nil, fmt.Errorf("styles.xml has no cellXfs")
	}
	s.xfs = xfRe.FindAllString(xfsBody, -1)
	s.fills = fillRe.FindAllString(sec("fills"), -1)
	s.fonts = len(fontRe.FindAllString(sec("fonts"), -1))
	s.borders = len(bdrRe.FindAllString(sec("borders"), -1))
	return s, nil
}

// section returns the inner text of the first element with the local name and the
// offsets of its closing tag; ok is false when it is absent or self-closed.
func section(text, local string) (body string, closeAt int, ok bool) {
	open := regexp.MustCompile(`<(?:\w+:)?` + local + `\b[^>]*>`)
	loc := open.FindStringIndex(text)
	if loc == nil || strings.HasSuffix(text[loc[0]:loc[1]], "/>") {
		return "", -1, false
	}
	close := regexp.MustCompile(`</(?:\w+:)?` + local + `\s*>`)
	c := close.FindStringIndex(text[loc[1]:])
	if c == nil {
		return "", -1, false
	}
	return text[loc[1] : loc[1]+c[0]], loc[1] + c[0], true
}

func (s *styleSheet) el(xml string) string {
	if s.prefix == "" {
		return xml
	}
	// Give our elements the part's prefix: "<font>" → "<x:font>".
	return regexp.MustCompile(`<(/?)([a-zA-Z])`).ReplaceAllString(xml, "<${1}"+s.prefix+"${2}")
}

// solidFill returns the index of a new solid fill of the ARGB colour.
func (s *styleSheet) solidFill(argb string) int {
	s.newFills = append(s.newFills, s.el(fmt.Sprintf(`<fill><patternFill patternType="solid"><fgColor rgb="%s"/><bgColor indexed="64"/></patternFill></fill>`, argb)))
	return len(s.fills) + len(s.newFills) - 1
}

var numFmtIDRe = regexp.MustCompile(`<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"`)

// numFmt returns the id of a new custom number format ("0.0%"): one above every
// id the workbook has, at least 164, where custom formats start.
func (s *styleSheet) numFmt(code string) int {
	id := 163
	body, _, _ := section(s.text, "numFmts")
	for _, m := range numFmtIDRe.FindAllStringSubmatch(body, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n > id {
			id = n
		}
	}
	id += len(s.newNumFmts) + 1
	s.newNumFmts = append(s.newNumFmts, s.el(fmt.Sprintf(`<numFmt numFmtId="%d" formatCode="%s"/>`, id, code)))
	return id
}

func (s *styleSheet) font(xml string) int {
	s.newFonts = append(s.newFonts, s.el(xml))
	return s.fonts + len(s.newFonts) - 1
}

func (s *styleSheet) border(xml string) int {
	s.newBorders = append(s.newBorders, s.el(xml))
	return s.borders + len(s.newBorders) - 1
}

func (s *styleSheet) xf(xml string) int {
	s.newXfs = append(s.newXfs, s.el(xml))
	return len(s.xfs) + len(s.newXfs) - 1
}

// withFill returns a style that is xf with only its fill changed, cloned once per
// (style, fill): a date keeps its number format, a bold total its font.
func (s *styleSheet) withFill(xf, fill int) int {
	if xf < 0 || xf >= len(s.xfs) {
		xf = 0
	}
	key := [2]int{xf, fill}
	if n, ok := s.clones[key]; ok {
		return n
	}
	tag := []byte(s.xfs[xf])
	// Only the start tag carries fillId; children (alignment, protection) stay.
	end := strings.IndexByte(s.xfs[xf], '>') + 1
	start := tag[:end]
	selfClosed := end >= 2 && tag[end-2] == '/'
	start = setAttr(start, "fillId", fmt.Sprint(fill))
	start = setAttr(start, "applyFill", "1")
	out := string(start)
	if !selfClosed {
		out += string(tag[end:])
	}
	s.newXfs = append(s.newXfs, out)
	n := len(s.xfs) + len(s.newXfs) - 1
	s.clones[key] = n
	return n
}

// fillsWith returns the indexes of existing fills that use any of the colours.
func (s *styleSheet) fillsWith(argbs ...string) map[int]bool {
	out := map[int]bool{}
	for i, f := range s.fills {
		up := strings.ToUpper(f)
		for _, c := range argbs {
			if c != "" && strings.Contains(up, `RGB="`+strings.ToUpper(c)+`"`) {
				out[i] = true
			}
		}
	}
	return out
}

// xfFill is the fillId of an existing style.
func (s *styleSheet) xfFill(xf int) int {
	if xf < 0 || xf >= len(s.xfs) {
		return 0
	}
	n, _ := atoiAttr([]byte(s.xfs[xf][:strings.IndexByte(s.xfs[xf], '>')+1]), "fillId")
	return n
}

// render returns styles.xml with the new entries appended and the counts updated.
func (s *styleSheet) render() string {
	t := s.text
	if len(s.newNumFmts) > 0 {
		if body, _, ok := section(t, "numFmts"); ok {
			t = appendTo(t, "numFmts", s.newNumFmts, len(numFmtIDRe.FindAllString(body, -1)))
		} else {
			// numFmts is the style sheet's first child, before fonts.
			root := rootRe.FindStringIndex(t)
			end := root[1] + strings.IndexByte(t[root[1]:], '>') + 1
			t = t[:end] + s.el(fmt.Sprintf(`<numFmts count="%d">`, len(s.newNumFmts))) + strings.Join(s.newNumFmts, "") + s.el(`</numFmts>`) + t[end:]
		}
	}
	t = appendTo(t, "fonts", s.newFonts, s.fonts)
	t = appendTo(t, "fills", s.newFills, len(s.fills))
	t = appendTo(t, "borders", s.newBorders, s.borders)
	t = appendTo(t, "cellXfs", s.newXfs, len(s.xfs))
	return t
}

func appendTo(text, local string, add []string, had int) string {
	if len(add) == 0 {
		return text
	}
	_, closeAt, ok := section(text, local)
	if !ok {
		return text
	}
	text = text[:closeAt] + strings.Join(add, "") + text[closeAt:]
	open := regexp.MustCompile(`<(?:\w+:)?` + local + `\b[^>]*>`)
	loc := open.FindStringIndex(text)
	tag := setAttr([]byte(text[loc[0]:loc[1]]), "count", fmt.Sprint(had+len(add)))
	return text[:loc[0]] + string(tag) + text[loc[1]:]
}

var fontSizeRe = regexp.MustCompile(`<(?:\w+:)?sz\s+val="([0-9.]+)"`)

// defaultFontSize is the size of the workbook's default font (the first in fonts),
// whose digit is the unit of its column widths; 11 when it does not say.
func (s *styleSheet) defaultFontSize() float64 {
	body, _, _ := section(s.text, "fonts")
	first := fontRe.FindString(body)
	if m := fontSizeRe.FindStringSubmatch(first); m != nil {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 6 && v <= 72 {
			return v
		}
	}
	return 11
}
