package report

import "io"

// The Writers of the terminal table and Markdown: each file's document as it finishes,
// and for several files a closing line.

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
	return renderTerminal(t.w, checkDocument(o, t.opts.Columns), t.opts.Color)
}

func (t *tableWriter) Close() error {
	if !t.opts.Several || t.opts.NoTally {
		return nil
	}
	_, err := io.WriteString(t.w, "\n"+t.tally.line()+"\n")
	return err
}

// markdownWriter writes each file as a section with headings and pipe tables, for
// pasting into a 通报 or a wiki; a file that could not be read says why.
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
	return renderMarkdown(m.w, checkDocument(o, m.opts.Columns))
}

func (m *markdownWriter) Close() error {
	if !m.opts.Several || m.opts.NoTally {
		return nil
	}
	_, err := io.WriteString(m.w, "\n"+mdEscape(m.tally.line())+"\n")
	return err
}
