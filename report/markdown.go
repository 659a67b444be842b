package report

import (
	"bufio"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"gongjian/rules"
)

// markdownWriter writes each file as a section with headings and pipe tables, for
// pasting into a 通报 or a wiki.
type markdownWriter struct {
	w     io.Writer
	opts  Options
	n     int
	tally tally
}

func (m *markdownWriter) Write(o Outcome) error {
	m.tally.add(o)
	if m.n > 0 {
		if _, err := io.WriteString(m.w, "\n"); err != nil {
			return err
		}
	}
	m.n++
	if err := WriteMarkdown(m.w, o); err != nil || !m.opts.Columns || o.Failed() {
		return err
	}
	return writeColumns(m.w, o, writeColumnsMarkdown)
}

func (m *markdownWriter) Close() error {
	if !m.opts.Several {
		return nil
	}
	_, err := io.WriteString(m.w, "\n"+mdEscape(m.tally.line())+"\n")
	return err
}

// WriteMarkdown writes one file's summary as Markdown: the same content as the
// terminal table. A file that could not be read gets its heading and the reason,
// since a document pasted elsewhere has no stderr beside it.
func WriteMarkdown(w io.Writer, o Outcome) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("## " + mdEscape(o.shownFile()) + "\n\n")
	if o.Failed() {
		bw.WriteString("无法读取：" + mdEscape(o.ErrorMessage()) + "\n")
		return bw.Flush()
	}
	res := o.Result

	for _, h := range headerLines(o)[1:] { // the file is the heading
		bw.WriteString("- " + h.Label + "：" + mdEscape(h.Value) + "\n")
	}

	if isFinancing(res) {
		if err := writeFinancingMarkdown(bw, res); err != nil {
			return err
		}
		return writeFindingsMarkdown(bw, res)
	}

	bw.WriteString("\n### 主要指标\n\n")
	labels, values := metricCells(res.Metrics)
	if err := renderMarkdownTable(bw, labels, [][]string{values}); err != nil {
		return err
	}
	if s := scheduleSentence(res.Metrics); s != "" {
		bw.WriteString("\n" + s + "\n")
	}

	if targets := wholeLedgerTargets(res.Targets); len(targets) > 0 {
		bw.WriteString("\n### 目标完成情况\n\n")
		rows := make([][]string, 0, len(targets))
		for _, t := range targets {
			rows = append(rows, targetCells(t))
		}
		if err := renderMarkdownTable(bw, targetHeader, rows); err != nil {
			return err
		}
	}
	if lines := joinLines(res); lines != nil {
		bw.WriteString("\n### " + joinTitle(res) + "\n\n")
		for _, l := range lines {
			bw.WriteString("- " + mdEscape(l) + "\n")
		}
	}
	return writeFindingsMarkdown(bw, res)
}

// writeFinancingMarkdown is writeFinancingTable's Markdown twin.
func writeFinancingMarkdown(bw *bufio.Writer, res *rules.Result) error {
	fin := financingOf(res)
	bw.WriteString("\n### 主要指标\n\n")
	labels, values := financingMetricCells(fin)
	if err := renderMarkdownTable(bw, labels, [][]string{values}); err != nil {
		return err
	}
	bw.WriteString("\n### 融资进展（对接 → 授信 → 签约 → 放款）\n\n")
	if err := renderMarkdownTable(bw, funnelHeader, funnelRows(fin)); err != nil {
		return err
	}
	bw.WriteString("\n" + mdEscape(funnelNote) + "\n")
	for _, g := range []struct {
		title, first string
		groups       []rules.FinancingGroup
	}{{"按融资方式（万元）", "融资方式", fin.ByMethod}, {"按金融机构（万元）", "金融机构", fin.ByBank}} {
		if len(g.groups) == 0 {
			continue
		}
		bw.WriteString("\n### " + g.title + "\n\n")
		if err := renderMarkdownTable(bw, financingGroupHeader(g.first), financingGroupRows(g.groups)); err != nil {
			return err
		}
	}
	bw.WriteString("\n" + mdEscape(unassignedSentence(fin)) + "\n")
	if lines := joinLines(res); lines != nil {
		bw.WriteString("\n### " + joinTitle(res) + "\n\n")
		for _, l := range lines {
			bw.WriteString("- " + mdEscape(l) + "\n")
		}
	}
	return nil
}

// writeFindingsMarkdown writes the findings and their count, and flushes.
func writeFindingsMarkdown(bw *bufio.Writer, res *rules.Result) error {
	bw.WriteString("\n### 问题清单\n\n")
	if len(res.Findings) > 0 {
		rows := make([][]string, 0, len(res.Findings))
		for _, f := range res.Findings {
			rows = append(rows, findingCells(f))
		}
		if err := renderMarkdownTable(bw, findingHeader, rows); err != nil {
			return err
		}
		bw.WriteString("\n")
	}
	bw.WriteString(tallyText(res.Findings) + "\n")
	return bw.Flush()
}

func renderMarkdownTable(w io.Writer, header []string, rows [][]string) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off), // see renderTable
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone), // a pipe table row is one line
	)
	t.Header(anySlice(mdEscapeAll(header))...)
	for _, r := range rows {
		if err := t.Append(anySlice(mdEscapeAll(r))...); err != nil {
			return err
		}
	}
	return t.Render()
}

// mdEscaper escapes the characters that would turn cell text into Markdown syntax: a
// header written "*项目名称" must not start italics, a "|" must not end a cell.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`,
)

func mdEscape(s string) string { return mdEscaper.Replace(oneLine(s)) }

func mdEscapeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdEscape(s)
	}
	return out
}
