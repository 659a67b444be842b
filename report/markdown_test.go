package report

import (
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	golden(t, "markdown.txt", render(t, FormatMarkdown, Options{Several: true}, mayOutcome(), missing))
	golden(t, "markdown_columns.txt", render(t, FormatMarkdown, Options{Columns: true}, mayOutcome()))
}

func TestMarkdownEscapes(t *testing.T) {
	got := mdEscape("*项目名称 | 合计_1")
	if got != `\*项目名称 \| 合计\_1` {
		t.Errorf("mdEscape = %q", got)
	}
	out := string(render(t, FormatMarkdown, Options{}, mayOutcome()))
	// The project name with a line break must not split a table row.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") && !strings.HasSuffix(line, "|") {
			t.Errorf("broken row: %q", line)
		}
	}
}
