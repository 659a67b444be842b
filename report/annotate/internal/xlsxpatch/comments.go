package xlsxpatch

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
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

// commentSet is the sheet's comments as the copy gives them: the clerk's, kept from
// the existing part, with the tool's notes on the marked cells added, in cell order.
// They are made one at a time as they are written (each), never held all at once: a
// ledger may have hundreds of thousands of notes.
type commentSet struct {
	existing []comment // sorted by cell
	marks    []Mark    // sorted by cell (sortMarks); those with a Note give text
	note     func(b []byte, i int) []byte
	author   string // of a new comment

	fresh   comment  // the new comment each is at, reused
	n       int      // the number of comments, once counted
	authors []string // their authors, in the order they first write
	counted bool
	text    []byte // a note's text, reused
}

func newCommentSet(existing []comment, marks []Mark, note func([]byte, int) []byte, author string) *commentSet {
	slices.SortStableFunc(existing, func(a, b comment) int { return compareCell(a.row, a.col, b.row, b.col) })
	return &commentSet{existing: existing, marks: marks, note: note, author: author}
}

func compareCell(rowA, colA, rowB, colB int) int {
	if c := cmp.Compare(rowA, rowB); c != 0 {
		return c
	}
	return cmp.Compare(colA, colB)
}

// each calls fn with every comment in cell order: the clerk's comment at the cell, or
// a new one of the tool's, and the marks at the cell whose notes it gets (none for a
// comment the tool leaves alone).
func (cs *commentSet) each(fn func(c *comment, notes []Mark) error) error {
	ex, ms := cs.existing, cs.marks
	for {
		for len(ms) > 0 && ms[0].Note == 0 {
			ms = ms[1:]
		}
		if len(ms) == 0 {
			break
		}
		row, col := int(ms[0].Row), int(ms[0].Col)
		// The clerk's comments before the next note's cell, and all but the last at it.
		for len(ex) > 0 && (compareCell(ex[0].row, ex[0].col, row, col) < 0 ||
			len(ex) > 1 && compareCell(ex[1].row, ex[1].col, row, col) == 0) {
			if err := fn(&ex[0], nil); err != nil {
				return err
			}
			ex = ex[1:]
		}
		cs.fresh = comment{row: row, col: col, author: cs.author}
		c := &cs.fresh
		if len(ex) > 0 && ex[0].row == row && ex[0].col == col {
			c = &ex[0]
			ex = ex[1:]
		}
		n := 0
		for n < len(ms) && int(ms[n].Row) == row && int(ms[n].Col) == col {
			n++
		}
		if err := fn(c, ms[:n]); err != nil {
			return err
		}
		ms = ms[n:]
	}
	for i := range ex {
		if err := fn(&ex[i], nil); err != nil {
			return err
		}
	}
	return nil
}

// count is the number of comments and their authors, in the order they first write.
func (cs *commentSet) count() (n int, authors []string) {
	if cs.counted {
		return cs.n, cs.authors
	}
	seen := map[string]bool{}
	cs.each(func(c *comment, _ []Mark) error {
		cs.n++
		if !seen[c.author] {
			seen[c.author] = true
			cs.authors = append(cs.authors, c.author)
		}
		return nil
	})
	cs.counted = true
	return cs.n, cs.authors
}

// appendText appends a comment's text: the clerk's, then the tool's notes, each in a
// run of its own so the next run can take it out again. A comment holds at most what
// a cell does (ooxml.MaxCellChars): the tool's text past it is cut with "…", or left
// out.
func (cs *commentSet) appendText(b []byte, c *comment, notes []Mark) []byte {
	b = append(b, c.inner...)
	chars, empty := c.chars, c.inner == ""
	for _, m := range notes {
		if m.Note == 0 {
			continue
		}
		room := ooxml.MaxCellChars - chars
		if room < 2 {
			continue
		}
		cs.text = cs.text[:0]
		if !empty {
			cs.text = append(cs.text, '\n')
		}
		cs.text = cs.note(cs.text, int(m.Note)-1)
		n := runeCount(cs.text)
		if n > room {
			cut := ooxml.Ellipsis(string(cs.text), room)
			cs.text, n = append(cs.text[:0], cut...), utf8.RuneCountInString(cut)
		}
		chars += n
		empty = false
		b = append(b, `<r><rPr><sz val="9"/><color rgb="FF000000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">`...)
		b = append(appendXMLEscaped(b, cs.text), `</t></r>`...)
	}
	return b
}

// commentsXML renders the comments part.
func commentsXML(w io.Writer, cs *commentSet) error {
	_, authors := cs.count()
	ids := make(map[string]int, len(authors))
	for i, a := range authors {
		ids[a] = i
	}
	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<comments xmlns="` + nsMain + `"><authors>`)
	for _, a := range authors {
		b.WriteString("<author>" + xmlEscape(a) + "</author>")
	}
	b.WriteString("</authors><commentList>")
	var x []byte
	cs.each(func(c *comment, notes []Mark) error {
		x = ooxml.AppendCellRef(append(x[:0], `<comment ref="`...), c.col, c.row)
		x = strconv.AppendInt(append(x, `" authorId="`...), int64(ids[c.author]), 10)
		x = cs.appendText(append(x, `"><text>`...), c, notes)
		x = append(x, `</text></comment>`...)
		_, err := b.Write(x)
		return err
	})
	b.WriteString("</commentList></comments>")
	return b.Flush()
}

// vmlXML renders the VML drawing that Excel needs to show the comments: one hidden
// note shape per comment. keep holds the shapes of an existing drawing that are not
// notes (buttons, form controls), which stay.
func vmlXML(w io.Writer, cs *commentSet, idBlock int, keep string) error {
	b := bufio.NewWriterSize(w, 64<<10)
	n, _ := cs.count()
	blocks := (n + 1023) / 1024
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
	i := 0
	var x []byte
	num := func(n int) { x = strconv.AppendInt(x, int64(n), 10) }
	cs.each(func(c *comment, _ []Mark) error {
		i++
		x = append(x[:0], `<v:shape id="_x0000_s`...)
		num(idBlock*1024 + i)
		x = append(x, `" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:90pt;z-index:`...)
		num(i)
		x = append(x, `;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`...)
		x = append(x, `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`...)
		x = append(x, `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>`...)
		top := max(c.row-2, 0)
		anchor := [...]int{c.col + 1, 15, top, 2, c.col + 4, 15, top + 5, 16}
		for k, v := range anchor {
			if k > 0 {
				x = append(x, ", "...)
			}
			num(v)
		}
		x = append(x, `</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>`...)
		num(c.row - 1)
		x = append(x, `</x:Row><x:Column>`...)
		num(c.col)
		x = append(x, `</x:Column></x:ClientData></v:shape>`...)
		_, err := b.Write(x)
		return err
	})
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

// runeCount is utf8.RuneCount, which (Go 1.26) copies non-ASCII text to count it.
func runeCount(b []byte) int {
	n := 0
	for i := 0; i < len(b); n++ {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return n
}
