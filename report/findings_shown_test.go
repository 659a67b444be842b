package report

import (
	"slices"
	"strings"
	"testing"

	"gongjian/rules"
)

// The table lists every finding up to the limit; past it the errors first, each kind
// in sheet order, and a sentence counts what is left out and says where it all is.
func TestShownFindings(t *testing.T) {
	e := func(row int) rules.Finding { return rules.Finding{Severity: rules.SeverityError, Row: row} }
	w := func(row int) rules.Finding { return rules.Finding{Severity: rules.SeverityWarning, Row: row} }
	rows := func(fs []rules.Finding) []int {
		var out []int
		for _, f := range fs {
			out = append(out, f.Row)
		}
		return out
	}
	for _, c := range []struct {
		name  string
		all   []rules.Finding
		max   int
		want  []int
		about string // the sentence, when some are left out
	}{
		{"under the limit", []rules.Finding{w(2), e(3), w(4)}, 3, []int{2, 3, 4}, ""},
		{"errors first", []rules.Finding{w(2), e(3), w(4), e(5), w(6)}, 3, []int{3, 5, 2}, "另有 2 条未列出（错误 0 条，警告 2 条）"},
		{"errors alone", []rules.Finding{w(2), e(3), e(4), e(5), w(6)}, 2, []int{3, 4}, "另有 3 条未列出（错误 1 条，警告 2 条）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			shown := shownFindings(c.all, c.max)
			if got := rows(shown); !slices.Equal(got, c.want) {
				t.Errorf("rows %v, want %v", got, c.want)
			}
			if c.about == "" {
				return
			}
			s := moreFindingsSentence(c.all, shown, "")
			if !strings.Contains(s, c.about) || !strings.HasSuffix(s, "要看全部问题，请用 --format csv 或 --format json 输出。") {
				t.Errorf("sentence %q", s)
			}
			s = moreFindingsSentence(c.all, shown, "退回/台账\x1b.检查结果.xlsx")
			if !strings.Contains(s, "全部问题见检查结果文件 退回/台账\\x1b.检查结果.xlsx 的“检查结果”工作表") {
				t.Errorf("sentence %q", s)
			}
		})
	}
}
