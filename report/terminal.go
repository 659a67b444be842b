package report

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Column widths (in terminal columns) past which cell text wraps, chosen so the
// tables stay within 120 columns: the findings table's message beside a cell, a cut
// project name and the longest rule name (开工日期晚于截至日期).
const (
	messageWidth        = 60
	findingMessageWidth = 50
	gapWidth            = 28
	headerLabelPad      = 10
	sentenceWidth       = 100 // a sentence under a table
)

// ANSI colours for the terminal.
const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiReset  = "\x1b[0m"
)

// renderTerminal writes a document for the terminal: the title and facts, each
// section's heading, paragraphs and lists wrapped at sentenceWidth, and CJK-aligned
// tables. color paints toned cells and spans.
func renderTerminal(w io.Writer, d document, color bool) error {
	bw := bufio.NewWriter(w)
	switch {
	case d.TitleLabel != "":
		bw.WriteString(padRight(d.TitleLabel, headerLabelPad) + d.Title + "\n")
	case d.Title != "":
		bw.WriteString(d.Title + "\n")
	}
	for _, f := range d.Facts {
		bw.WriteString(padRight(f.Label, headerLabelPad) + f.Value + "\n")
	}
	for _, s := range d.Sections {
		bw.WriteString("\n")
		if s.Title != "" {
			bw.WriteString(s.Title + "\n")
		}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case paragraph:
				bw.WriteString(terminalText(b, color) + "\n")
			case list:
				for _, item := range b.Items {
					bw.WriteString(wrapText(item, sentenceWidth) + "\n")
				}
			case table:
				if b.WorkbookOnly {
					continue
				}
				if b.Name != "" {
					bw.WriteString("\n" + b.Name + "\n")
				}
				if len(b.Rows) == 0 {
					bw.WriteString("（无）\n")
					continue
				}
				if err := renderTable(bw, b.Header, terminalRows(b, d.WrapCells, color)); err != nil {
					return err
				}
			}
		}
	}
	return bw.Flush()
}

// terminalText is a paragraph wrapped to the terminal, or, with colour, its spans
// painted (toned spans are the short tally line, which needs no wrapping).
func terminalText(p paragraph, color bool) string {
	if color {
		for _, sp := range p.Spans {
			if sp.Tone != toneNone {
				s := ""
				for _, sp := range p.Spans {
					s += paint(sp.Text, toneColor(sp.Tone))
				}
				return s
			}
		}
	}
	return wrapText(p.text(), sentenceWidth)
}

// terminalRows are a table's cells as shown: text wrapped to its column's width,
// toned cells painted when color is on.
func terminalRows(t table, wrapAll int, color bool) [][]string {
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			width := wrapAll
			if t.Wrap != nil {
				width = 0
				if j < len(t.Wrap) {
					width = t.Wrap[j]
				}
			}
			text := c.Text
			if width > 0 && c.Num == "" {
				text = wrapText(clipWidth(text, width*maxShownLines), width)
			}
			if color {
				text = paint(text, toneColor(c.Tone))
			}
			rows[i][j] = text
		}
	}
	return rows
}

// renderTable draws one table with ASCII borders. ASCII, not box-drawing lines: those
// are "ambiguous width" runes that a Chinese Windows console draws two columns wide,
// which breaks every border.
func renderTable(w io.Writer, header []string, rows [][]string) error {
	t := tablewriter.NewTable(w,
		// Process-wide, and must be passed to NewTable: with TERM unset and a zh_CN
		// locale tablewriter would otherwise count ambiguous runes twice.
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		// Text is wrapped beforehand (wrapText): tablewriter's own wrapping drops text
		// or marks every break with ↩ in Chinese.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(anySlice(header)...)
	for _, r := range rows {
		if err := t.Append(shownCells(r)...); err != nil {
			return err
		}
	}
	return t.Render()
}

// shownCells hands a row to tablewriter with each line cut to maxShownWidth columns
// (text wrapped beforehand is narrower) and at most maxShownLines lines: the terminal
// shows no more, and tablewriter's measuring grows faster than the text.
func shownCells(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		if len(s) > maxShownWidth {
			lines := strings.SplitN(s, "\n", maxShownLines+1)
			lines = lines[:min(len(lines), maxShownLines)]
			for j, l := range lines {
				lines[j] = clipWidth(l, maxShownWidth)
			}
			s = strings.Join(lines, "\n")
		}
		out[i] = s
	}
	return out
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// toneColor is the ANSI colour of a tone ("" for none).
func toneColor(t tone) string {
	switch t {
	case toneBad:
		return ansiRed
	case toneWarn:
		return ansiYellow
	case toneGood:
		return ansiGreen
	}
	return ""
}

func paint(s, color string) string {
	if color == "" || s == "" {
		return s
	}
	return color + s + ansiReset
}

// textWidth is the width of s in terminal columns, counting CJK as two and the
// ambiguous runes as one, whatever the locale says (see renderTable).
func textWidth(s string) int {
	return twwidth.WidthWithOptions(s, twwidth.Options{EastAsianWidth: false})
}

func padRight(s string, width int) string {
	if n := width - textWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s + " "
}

// A terminal table shows a long text (a 1 MB value quoted in a message) cut with "…":
// a wrapped cell in at most maxShownLines lines, any other cell in maxShownWidth
// columns. Paragraphs, JSON, CSV, Markdown and the annotated copy carry it whole.
const (
	maxShownLines = 10
	maxShownWidth = 120
)

// clipWidth cuts s to at most width columns, its last one "…" when it was cut. It
// looks at no more of s than it keeps.
func clipWidth(s string, width int) string {
	w, cut := 0, 0 // cut: where the text ends if "…" must follow it
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > width {
			return s[:cut] + "…"
		}
		w += rw
		if w <= width-1 {
			cut = i + utf8.RuneLen(r)
		}
	}
	return s
}

// runeWidth is the width of one rune, as textWidth counts it.
func runeWidth(r rune) int {
	if r < 0x80 {
		return 1
	}
	var b [utf8.UTFMax]byte
	return textWidth(string(b[:utf8.EncodeRune(b[:], r)]))
}

// wrapText breaks s into lines of at most width columns. It breaks between Chinese
// characters but not inside a run of Latin letters and digits ("2025-03-15", "H17")
// unless the run is wider than a line, never ends a line with opening punctuation
// ("“", "（"), and never starts one with closing punctuation such as "，" or "。"
// (which may overhang by one character instead). It takes time linear in the text.
func wrapText(s string, width int) string {
	if width <= 0 || textWidth(s) <= width {
		return s
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	for _, tok := range tokenize(s) {
		tw := textWidth(tok)
		if curW > 0 && curW+tw > width && !isClosingPunct(tok) {
			flush()
		}
		if curW == 0 {
			tok = strings.TrimLeft(tok, " ")
			if tok == "" {
				continue
			}
			tw = textWidth(tok)
		}
		for tw > width { // a run wider than a whole line is cut where it must be
			head, rest, hw := cutWidth(tok, width-curW)
			cur.WriteString(head)
			flush()
			tok, tw = rest, tw-hw
		}
		cur.WriteString(tok)
		curW += tw
	}
	if curW > 0 {
		flush()
	}
	return strings.Join(lines, "\n")
}

// tokenize splits text into runs of non-space ASCII, runs of spaces, and single other
// runes (each Chinese character is a place a line may break).
func tokenize(s string) []string {
	var toks []string
	start := -1 // start of the current ASCII run
	spaces := false
	for i, r := range s {
		isSpace := r == ' '
		isWord := r < 0x80 && !isSpace
		if start >= 0 && (isWord && !spaces || isSpace && spaces) {
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
		if isWord || isSpace {
			start, spaces = i, isSpace
			continue
		}
		toks = append(toks, string(r))
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	// Opening punctuation goes with what follows it, so no line ends with "“".
	glued := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for isOpeningPunct(t) && i+1 < len(toks) && toks[i+1] != " " && !strings.HasPrefix(toks[i+1], " ") {
			i++
			t += toks[i]
		}
		glued = append(glued, t)
	}
	return glued
}

// cutWidth splits s after at most width columns (at least one rune); headWidth is
// the width of head.
func cutWidth(s string, width int) (head, rest string, headWidth int) {
	w := 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > width && i > 0 {
			return s[:i], s[i:], w
		}
		w += rw
	}
	return s, "", w
}

func isOpeningPunct(tok string) bool {
	switch tok {
	case "（", "《", "「", "『", "“", "‘", "【":
		return true
	}
	return false
}

func isClosingPunct(tok string) bool {
	switch tok {
	case "，", "。", "；", "：", "、", "！", "？", "）", "》", "」", "』", "”", "’", "】":
		return true
	}
	return false
}
