package report

import (
	"fmt"
	"io"
)

// WriteMonthlyTable writes the report for the terminal: headings, the 通报 sentences,
// and CJK-aligned tables.
func WriteMonthlyTable(w io.Writer, m *Monthly) error {
	ew := &errWriter{w: w}
	fmt.Fprintln(ew, m.Title)
	for _, s := range m.sections() {
		fmt.Fprintf(ew, "\n%s\n", s.Title)
		for _, p := range s.Paragraphs {
			fmt.Fprintln(ew, wrapText(p, 100))
		}
		for _, t := range s.Tables {
			fmt.Fprintf(ew, "\n%s\n", t.Name)
			if len(t.Rows) == 0 {
				fmt.Fprintln(ew, "（无）")
				continue
			}
			if ew.err == nil {
				ew.err = renderTable(ew.w, t.Header, textRows(t, 44))
			}
		}
	}
	return ew.err
}

// WriteMonthlyMarkdown writes the report for pasting into a 通报: a heading per
// section, the sentences, and pipe tables.
func WriteMonthlyMarkdown(w io.Writer, m *Monthly) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# %s\n", mdEscape(m.Title))
	for _, s := range m.sections() {
		fmt.Fprintf(ew, "\n## %s\n\n", mdEscape(s.Title))
		for _, p := range s.Paragraphs {
			fmt.Fprintf(ew, "%s\n\n", mdEscape(p))
		}
		for _, t := range s.Tables {
			fmt.Fprintf(ew, "### %s\n\n", mdEscape(t.Name))
			if len(t.Rows) == 0 {
				fmt.Fprint(ew, "（无）\n\n")
				continue
			}
			if ew.err == nil {
				ew.err = renderMarkdownTable(ew.w, t.Header, textRows(t, 0))
			}
			fmt.Fprintln(ew)
		}
	}
	return ew.err
}

// textRows are a table's cells as shown; width > 0 wraps long text to that many columns.
func textRows(t table, width int) [][]string {
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = c.Text
			if width > 0 && c.Kind == kindText {
				rows[i][j] = wrapText(c.Text, width)
			}
		}
	}
	return rows
}

// errWriter keeps the first write error so a long report is written without checking
// every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
