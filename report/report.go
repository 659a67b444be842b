package report

import (
	"fmt"
	"io"
	"path/filepath"

	"gongjian/internal/termsafe"
	"gongjian/ledger"
	"gongjian/rules"
)

// Outcome is what checking one file gave: its result, or the error that stopped it.
type Outcome struct {
	File   string        // the path as the user gave it
	Result *rules.Result // nil when Err is set
	Err    error         // usually a *ledger.Error; any other error is shown as an internal one
	// Annotated is where the annotated copy was written ("" when none was).
	Annotated string
}

// Failed reports whether the file could not be checked.
func (o Outcome) Failed() bool { return o.Err != nil || o.Result == nil }

// ErrorCode is the stable code of the error that stopped the file ("not-found", …).
func (o Outcome) ErrorCode() string {
	if e, ok := ledger.AsError(o.Err); ok && e.Code != "" {
		return e.Code
	}
	return "internal"
}

// ErrorMessage is one Chinese sentence naming the file and saying what went wrong.
// Errors that are not *ledger.Error get a fixed sentence, because their text is Go's,
// not a clerk's.
func (o Outcome) ErrorMessage() string {
	if e, ok := ledger.AsError(o.Err); ok && e.Message != "" {
		return e.Message
	}
	return termsafe.Name(filepath.Base(o.File)) + "：检查时发生内部错误，请把此文件和所用命令发给维护人员"
}

// shownFile is file as it may be printed on a terminal or pasted into a document:
// its control characters escaped. JSON and CSV keep the name as it is.
func (o Outcome) shownFile() string { return termsafe.Name(o.file()) }

// file is the path to show: the one the user gave, else the ledger's own.
func (o Outcome) file() string {
	if o.File != "" || o.Result == nil || o.Result.Ledger == nil {
		return o.File
	}
	return o.Result.Ledger.File
}

// Options steer a Writer.
type Options struct {
	// Color adds ANSI colours to the terminal table (red errors, yellow warnings).
	// The command sets it only when stdout is a terminal and NO_COLOR is unset.
	Color bool
	// Several says more than one file is being checked: JSON becomes an array, and the
	// table and Markdown end with a line summing up all files.
	Several bool
	// NoTally leaves out the closing line of the table and Markdown over several
	// files; the command sets it when its own summary goes to the same terminal.
	NoTally bool
	// Columns adds to the table and Markdown what each header cell was read as
	// (check --columns); JSON always has it.
	Columns bool
}

// Writer writes the outcomes of one run, one file at a time, as each file finishes.
type Writer interface {
	// Write adds one file's outcome.
	Write(o Outcome) error
	// Close ends the output (the JSON array, the closing tally); it does not close the
	// underlying io.Writer.
	Close() error
}

// NewWriter returns a Writer for the format. An unknown format is a programming error
// (the command validates --format first) and panics.
func NewWriter(w io.Writer, f Format, opts Options) Writer {
	switch f {
	case FormatTable:
		return &tableWriter{w: w, opts: opts}
	case FormatJSON:
		return &jsonWriter{w: w, opts: opts}
	case FormatJSONL:
		return &jsonlWriter{w: w}
	case FormatMarkdown:
		return &markdownWriter{w: w, opts: opts}
	case FormatCSV:
		return &csvWriter{w: w}
	}
	panic(fmt.Sprintf("report: unknown format %q", f))
}

// tally counts the outcomes of a run for the closing line.
type tally struct {
	files, failed    int
	errors, warnings int
}

func (t *tally) add(o Outcome) {
	t.files++
	if o.Failed() {
		t.failed++
		return
	}
	e, w := countSeverities(o.Result.Findings)
	t.errors += e
	t.warnings += w
}

// line is the closing sentence of a run over several files.
func (t *tally) line() string {
	s := fmt.Sprintf("共检查 %d 个文件", t.files)
	if t.failed > 0 {
		s += fmt.Sprintf("，其中 %d 个无法读取", t.failed)
	}
	return s + fmt.Sprintf("；错误 %d 条，警告 %d 条。", t.errors, t.warnings)
}

func countSeverities(fs []rules.Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == rules.SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
