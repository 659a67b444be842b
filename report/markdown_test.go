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

// Numbers are right-aligned in a pipe table, text left: a column of counts, amounts or
// rates (with "-" for none) gets "---:", a column of names ":---".
func TestMarkdownRightAlignsNumbers(t *testing.T) {
	tb := table{Header: []string{"名称", "项目数", "完成率", "亮灯"}, Rows: [][]cell{
		{textCell("崇文镇"), countCell(10), rateCell(ptr("0.488")), textCell("绿灯")},
		{textCell("附城镇"), countCell(6), rateCell(nil), textCell("-")},
	}}
	var b strings.Builder
	if err := renderMarkdown(&b, document{Sections: []section{{Blocks: []block{tb}}}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	var sep string
	for _, l := range lines {
		if strings.HasPrefix(l, "|:") || strings.HasPrefix(l, "|-") {
			sep = l
		}
	}
	cols := strings.Split(strings.Trim(sep, "|"), "|")
	if len(cols) != 4 || !strings.HasPrefix(cols[0], ":") || !strings.HasSuffix(cols[1], ":") || strings.HasPrefix(cols[1], ":") ||
		!strings.HasSuffix(cols[2], ":") || !strings.HasPrefix(cols[3], ":") {
		t.Errorf("alignment row %q", sep)
	}
	if !strings.Contains(b.String(), "|     10 |") {
		t.Errorf("the count is not right-aligned:\n%s", b.String())
	}
}
