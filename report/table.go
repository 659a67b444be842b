package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"gongjian/rules"
)

// Column widths (in terminal columns) past which cell text wraps, chosen so the
// findings table stays under about 120 columns with a long rule id.
const (
	messageWidth   = 60
	gapWidth       = 28
	headerLabelPad = 10
	sentenceWidth  = 100 // a sentence under a table
)

// ANSI colours for the terminal.
const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiReset  = "\x1b[0m"
)

type tableWriter struct {
	w     io.Writer
	opts  Options
	shown int // files already written, to separate the next one
	tally tally
}

func (t *tableWriter) Write(o Outcome) error {
	t.tally.add(o)
	// An unreadable file's message goes to stderr from the command; repeating it among
	// the tables would only say it twice on one screen.
	if o.Failed() {
		return nil
	}
	if t.shown > 0 {
		if _, err := io.WriteString(t.w, "\n\n"); err != nil {
			return err
		}
	}
	t.shown++
	if err := WriteTable(t.w, o, t.opts.Color); err != nil || !t.opts.Columns {
		return err
	}
	return writeColumns(t.w, o, writeColumnsTable)
}

func (t *tableWriter) Close() error {
	if !t.opts.Several {
		return nil
	}
	_, err := io.WriteString(t.w, "\n"+t.tally.line()+"\n")
	return err
}

// WriteTable writes the terminal summary of one checked file: the header, the
// metrics, the whole-ledger targets, the findings and their count. color adds ANSI
// colours. A failed outcome gets the file and its error message.
func WriteTable(w io.Writer, o Outcome, color bool) error {
	bw := bufio.NewWriter(w)
	if o.Failed() {
		bw.WriteString(padRight("文件", headerLabelPad) + o.shownFile() + "\n无法读取：" + o.ErrorMessage() + "\n")
		return bw.Flush()
	}
	res := o.Result

	for _, h := range headerLines(o) {
		bw.WriteString(padRight(h.Label, headerLabelPad) + h.Value + "\n")
	}

	if isFinancing(res) {
		if err := writeFinancingTable(bw, res); err != nil {
			return err
		}
		return writeFindingsTable(bw, res, color)
	}

	bw.WriteString("\n主要指标\n")
	labels, values := metricCells(res.Metrics)
	if err := renderTable(bw, labels, [][]string{values}); err != nil {
		return err
	}
	if s := scheduleSentence(res.Metrics); s != "" {
		bw.WriteString(s + "\n")
	}

	if targets := wholeLedgerTargets(res.Targets); len(targets) > 0 {
		bw.WriteString("\n目标完成情况\n")
		rows := make([][]string, 0, len(targets))
		for _, t := range targets {
			cells := targetCells(t)
			cells[5] = wrapText(cells[5], gapWidth)
			if color {
				cells[4] = paint(cells[4], statusColor(t.Status))
			}
			rows = append(rows, cells)
		}
		if err := renderTable(bw, targetHeader, rows); err != nil {
			return err
		}
	}
	writeJoinText(bw, res)
	return writeFindingsTable(bw, res, color)
}

// writeFindingsTable writes the findings and their count, and flushes.
func writeFindingsTable(bw *bufio.Writer, res *rules.Result, color bool) error {
	bw.WriteString("\n问题清单\n")
	if len(res.Findings) == 0 {
		bw.WriteString("未发现问题。\n")
		return bw.Flush()
	}
	rows := make([][]string, 0, len(res.Findings))
	for _, f := range res.Findings {
		cells := findingCells(f)
		cells[4] = wrapText(cells[4], messageWidth)
		if color {
			cells[2] = paint(cells[2], severityColor(f.Severity))
		}
		rows = append(rows, cells)
	}
	if err := renderTable(bw, findingHeader, rows); err != nil {
		return err
	}
	bw.WriteString(tallyLine(res.Findings, color) + "\n")
	return bw.Flush()
}

// writeFinancingTable writes a 融资需求台账's rates, funnel, totals by 融资方式 and by
// 金融机构, the projects with no bank and the join.
func writeFinancingTable(bw *bufio.Writer, res *rules.Result) error {
	fin := financingOf(res)
	bw.WriteString("\n主要指标\n")
	labels, values := financingMetricCells(fin)
	if err := renderTable(bw, labels, [][]string{values}); err != nil {
		return err
	}
	bw.WriteString("\n融资进展（对接 → 授信 → 签约 → 放款）\n")
	if err := renderTable(bw, funnelHeader, funnelRows(fin)); err != nil {
		return err
	}
	bw.WriteString(funnelNote + "\n")
	for _, g := range []struct {
		title, first string
		groups       []rules.FinancingGroup
	}{{"按融资方式（万元）", "融资方式", fin.ByMethod}, {"按金融机构（万元）", "金融机构", fin.ByBank}} {
		if len(g.groups) == 0 {
			continue
		}
		bw.WriteString("\n" + g.title + "\n")
		if err := renderTable(bw, financingGroupHeader(g.first), financingGroupRows(g.groups)); err != nil {
			return err
		}
	}
	bw.WriteString("\n" + wrapText(unassignedSentence(fin), sentenceWidth) + "\n")
	writeJoinText(bw, res)
	return nil
}

// writeJoinText writes what the join found, when the result was joined.
func writeJoinText(bw *bufio.Writer, res *rules.Result) {
	lines := joinLines(res)
	if lines == nil {
		return
	}
	bw.WriteString("\n" + joinTitle(res) + "\n")
	for _, l := range lines {
		bw.WriteString(wrapText(l, sentenceWidth) + "\n")
	}
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

func tallyLine(fs []rules.Finding, color bool) string {
	e, w := countSeverities(fs)
	if !color {
		return tallyText(fs)
	}
	es, ws := "错误 "+strconv.Itoa(e)+" 条", "警告 "+strconv.Itoa(w)+" 条"
	if e > 0 {
		es = paint(es, ansiRed)
	}
	if w > 0 {
		ws = paint(ws, ansiYellow)
	}
	return es + "，" + ws + "。"
}

func severityColor(s rules.Severity) string {
	if s == rules.SeverityError {
		return ansiRed
	}
	return ansiYellow
}

func statusColor(s rules.Status) string {
	switch s {
	case rules.StatusMissed:
		return ansiRed
	case rules.StatusMet:
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
// columns. JSON, CSV, Markdown and the annotated copy carry the text whole.
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
// (which may overhang by one character instead). A text longer than maxShownLines
// lines is cut with "…". It takes time linear in what it keeps.
func wrapText(s string, width int) string {
	if width <= 0 {
		return s
	}
	s = clipWidth(s, width*maxShownLines)
	if textWidth(s) <= width {
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
