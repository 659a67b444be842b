package report

import (
	"bufio"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// renderMarkdown writes a document for pasting into a 通报 or a wiki: headings, the
// sentences, lists and pipe tables, one blank line between blocks.
func renderMarkdown(w io.Writer, d document) error {
	m := &mdWriter{bw: bufio.NewWriter(w)}
	heading := func(level int, text string) { m.block(strings.Repeat("#", level) + " " + mdEscape(text) + "\n") }
	if d.Title != "" {
		heading(d.Level, d.Title)
	}
	if len(d.Facts) > 0 {
		var b strings.Builder
		for _, f := range d.Facts {
			b.WriteString("- " + f.Label + "：" + mdEscape(f.Value) + "\n")
		}
		m.block(b.String())
	}
	for _, s := range d.Sections {
		if s.Title != "" {
			heading(d.Level+1, s.Title)
		}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case paragraph:
				if b.Heading {
					m.block("**" + mdEscape(b.text()) + "**\n")
					continue
				}
				m.block(mdEscape(b.text()) + "\n")
			case list:
				var items strings.Builder
				for _, item := range b.Items {
					items.WriteString("- " + mdEscape(item) + "\n")
				}
				m.block(items.String())
			case table:
				if b.WorkbookOnly {
					continue
				}
				if b.Name != "" {
					heading(d.Level+2, b.Name)
				}
				if len(b.Rows) == 0 {
					m.block("（无）\n")
					continue
				}
				m.block("")
				rows := make([][]string, len(b.Rows))
				for i, r := range b.Rows {
					rows[i] = make([]string, len(r))
					for j, c := range r {
						rows[i][j] = c.Text
					}
				}
				if err := renderMarkdownTable(m.bw, b.Header, rows, b.numberColumns()); err != nil {
					return err
				}
			}
		}
	}
	return m.bw.Flush()
}

// mdWriter puts one blank line between blocks.
type mdWriter struct {
	bw      *bufio.Writer
	started bool
}

func (m *mdWriter) block(s string) {
	if m.started {
		m.bw.WriteString("\n")
	}
	m.started = true
	m.bw.WriteString(s)
}

// renderMarkdownTable writes a pipe table; the columns marked in numbers are
// right-aligned ("---:"), so figures line up by their digits wherever it is pasted.
func renderMarkdownTable(w io.Writer, header []string, rows [][]string, numbers []bool) error {
	align := tw.CellAlignment{Global: tw.AlignLeft, PerColumn: make([]tw.Align, len(header))}
	for i := range align.PerColumn {
		align.PerColumn[i] = tw.AlignLeft
		if i < len(numbers) && numbers[i] {
			align.PerColumn[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off), // see renderTable
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(align),
		tablewriter.WithRowAlignmentConfig(align),
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
