package xlsxpatch

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"gongjian/internal/ooxml"
)

// comment is one cell comment as it will be written.
type comment struct {
	row, col int
	author   string
	inner    string // the <text> element's inner XML (rich text runs kept)
	chars    int    // the characters of its text
}

var (
	commentRe = regexp.MustCompile(`(?s)<(?:\w+:)?comment\b([^>]*)>(.*?)</(?:\w+:)?comment>`)
	textRe    = regexp.MustCompile(`(?s)<(?:\w+:)?text\b[^>]*>(.*)</(?:\w+:)?text>`)
	authorRe  = regexp.MustCompile(`(?s)<(?:\w+:)?author\b[^>]*>(.*?)</(?:\w+:)?author>|<(?:\w+:)?author\b[^>]*/>`)
	runOpenRe = regexp.MustCompile(`<(?:\w+:)?r\b[^>]*>`)
	tOpenRe   = regexp.MustCompile(`<(?:\w+:)?t\b[^>]*>`)
)

// parseComments reads an existing comments part, taking out the lines an earlier run
// of the tool wrote (they start with marker) and keeping everything the clerk wrote.
func parseComments(text, marker, author string) []comment {
	var authors []string
	if body, _, ok := section(text, "authors"); ok {
		for _, m := range authorRe.FindAllStringSubmatch(body, -1) {
			authors = append(authors, html.UnescapeString(m[1]))
		}
	}
	var out []comment
	for _, m := range commentRe.FindAllStringSubmatch(text, -1) {
		ref := attr(" "+m[1], "ref")
		col, row, ok := ooxml.ParseCellRef(ref)
		if !ok {
			continue
		}
		c := comment{row: row, col: col}
		if id, ok := atoiAttr([]byte(" "+m[1]+">"), "authorId"); ok && id >= 0 && id < len(authors) {
			c.author = authors[id]
		}
		if t := textRe.FindStringSubmatch(m[2]); t != nil {
			c.inner = t[1]
		}
		c.inner = stripOwn(c.inner, marker)
		if c.inner == "" {
			continue // the comment was the tool's alone
		}
		c.chars = utf8.RuneCountInString(plainText(c.inner))
		out = append(out, c)
	}
	return out
}

// stripOwn removes the tool's lines from a comment's rich text. The tool always
// appends its text as the last run(s), or writes the whole comment.
func stripOwn(inner, marker string) string {
	i := strings.Index(inner, marker)
	if i < 0 {
		return inner
	}
	// Cut at the run holding the marker, if the text is in runs.
	runs := runOpenRe.FindAllStringIndex(inner[:i], -1)
	if len(runs) > 0 {
		kept := inner[:runs[len(runs)-1][0]]
		if plainText(kept) == "" {
			return ""
		}
		return kept
	}
	// Plain <t>: keep the text before the marker.
	loc := tOpenRe.FindStringIndex(inner)
	if loc == nil || loc[1] > i {
		return ""
	}
	before := strings.TrimRight(inner[loc[1]:i], "\r\n ")
	if strings.TrimSpace(html.UnescapeString(before)) == "" {
		return ""
	}
	return `<t xml:space="preserve">` + before + `</t>`
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// plainText is the visible text of a comment's inner XML, without the rPr elements.
func plainText(inner string) string {
	inner = regexp.MustCompile(`(?s)<(?:\w+:)?rPr\b.*?</(?:\w+:)?rPr>`).ReplaceAllString(inner, "")
	return strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(inner, "")))
}

// mergeComments adds the tool's text to the cells' comments: after the clerk's note
// when there is one, in a run of its own so the next run can take it out again. A
// comment holds at most what a cell does (ooxml.MaxCellChars): the tool's text past
// it is cut with "…", or left out.
func mergeComments(existing []comment, marks []Mark, author string) []comment {
	byCell := map[[2]int]int{}
	out := append([]comment(nil), existing...)
	for i, c := range out {
		byCell[[2]int{c.row, c.col}] = i
	}
	for _, m := range marks {
		if m.Comment == "" {
			continue
		}
		k := [2]int{m.Row, m.Col}
		i, ok := byCell[k]
		if !ok {
			out = append(out, comment{row: m.Row, col: m.Col, author: author})
			i = len(out) - 1
			byCell[k] = i
		}
		c := &out[i]
		text := m.Comment
		if c.inner != "" {
			text = "\n" + text
		}
		room := ooxml.MaxCellChars - c.chars
		if room < 2 {
			continue
		}
		text = ooxml.Ellipsis(text, room)
		c.chars += utf8.RuneCountInString(text)
		c.inner += `<r><rPr><sz val="9"/><color rgb="FF000000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">` + xmlEscape(text) + `</t></r>`
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].row != out[j].row {
			return out[i].row < out[j].row
		}
		return out[i].col < out[j].col
	})
	return out
}

// commentsXML renders the comments part.
func commentsXML(w io.Writer, cs []comment) error {
	var authors []string
	ids := map[string]int{}
	for _, c := range cs {
		if _, ok := ids[c.author]; !ok {
			ids[c.author] = len(authors)
			authors = append(authors, c.author)
		}
	}
	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<comments xmlns="` + nsMain + `"><authors>`)
	for _, a := range authors {
		b.WriteString("<author>" + xmlEscape(a) + "</author>")
	}
	b.WriteString("</authors><commentList>")
	for _, c := range cs {
		fmt.Fprintf(b, `<comment ref="%s" authorId="%d"><text>%s</text></comment>`, ooxml.CellRef(c.col, c.row), ids[c.author], c.inner)
	}
	b.WriteString("</commentList></comments>")
	return b.Flush()
}

// vmlXML renders the VML drawing that Excel needs to show the comments: one hidden
// note shape per comment. keep holds the shapes of an existing drawing that are not
// notes (buttons, form controls), which stay.
func vmlXML(w io.Writer, cs []comment, idBlock int, keep string) error {
	b := bufio.NewWriterSize(w, 64<<10)
	blocks := (len(cs) + 1023) / 1024
	if blocks == 0 {
		blocks = 1
	}
	var idmap []string
	for i := 0; i < blocks; i++ {
		idmap = append(idmap, fmt.Sprint(idBlock+i))
	}
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`)
	b.WriteString(`<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` + strings.Join(idmap, ",") + `"/></o:shapelayout>`)
	b.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	b.WriteString(keep)
	for i, c := range cs {
		fmt.Fprintf(b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:90pt;z-index:%d;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`, idBlock*1024+i+1, i+1)
		b.WriteString(`<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`)
		fmt.Fprintf(b, `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>%d, 15, %d, 2, %d, 15, %d, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			c.col+1, max(c.row-2, 0), c.col+4, max(c.row-2, 0)+5, c.row-1, c.col)
	}
	b.WriteString("</xml>")
	return b.Flush()
}

var shapeRe = regexp.MustCompile(`(?s)<v:shape\b[^>]*>.*?</v:shape>`)

// nonNoteShapes returns the shapes of an existing VML drawing that are not comment notes.
func nonNoteShapes(vml string) string {
	var keep []string
	for _, s := range shapeRe.FindAllString(vml, -1) {
		if !strings.Contains(s, `ObjectType="Note"`) {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, "")
}
