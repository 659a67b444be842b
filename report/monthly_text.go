package report

import "io"

// WriteMonthlyTable writes the report for the terminal: headings, the 通报 sentences,
// and CJK-aligned tables.
func WriteMonthlyTable(w io.Writer, m *Monthly) error {
	return renderTerminal(w, m.document(), false)
}

// WriteMonthlyMarkdown writes the report for pasting into a 通报: a heading per
// section, the sentences, and pipe tables.
func WriteMonthlyMarkdown(w io.Writer, m *Monthly) error {
	return renderMarkdown(w, m.document())
}
