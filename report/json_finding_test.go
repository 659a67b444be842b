package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"gongjian/rules"
)

// The hand-written encoding of a finding is byte for byte what encoding/json writes
// for its findingJSON, indented at any depth and compact, whatever the cell text.
func TestFindingJSON(t *testing.T) {
	texts := []string{"", "2025.13.1", `引号"和\反斜杠`, "换行\n回车\r制表\t退格\b换页\f", "\x00\x01\x1f\x7f",
		"<script>&amp;</script>", "行分隔\u2028段分隔\u2029", "坏的\xff\xfeUTF-8\xe4\xb8", "表情😀", "\u00a0全角　空格"}
	for _, text := range texts {
		for _, f := range []rules.Finding{
			{Rule: rules.RuleBadDate, Severity: rules.SeverityError, Sheet: text, Row: 17, Col: 7, Cell: "H17", Field: "actual_start", Value: text, Message: "实际开工时间“" + text + "”不是有效的日期。", Project: text},
			{Rule: rules.RuleTargetMissed, Severity: rules.SeverityWarning, Sheet: "台账", Row: 3, Col: -1, Message: text, Group: "乡镇:" + text},
		} {
			assertFindingJSON(t, f)
		}
	}
}

func FuzzFindingJSON(f *testing.F) {
	f.Add("2025.13.1", "约300", 17, 7)
	f.Add("\xff\u2028\"\\\n", "", 0, -1)
	f.Fuzz(func(t *testing.T, value, message string, row, col int) {
		assertFindingJSON(t, rules.Finding{Rule: rules.RuleBadNumber, Severity: rules.SeverityError, Sheet: value, Row: row, Col: col,
			Cell: message, Field: "total", Value: value, Message: message, Project: value + message, Group: message})
	})
}

func assertFindingJSON(t *testing.T, f rules.Finding) {
	t.Helper()
	for _, c := range []struct {
		prefix string
		indent bool
	}{{"", false}, {"    ", true}, {"      ", true}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if c.indent {
			enc.SetIndent(c.prefix, "  ")
		}
		if err := enc.Encode(findingJSONOf(&f)); err != nil {
			t.Fatal(err)
		}
		got := appendFindingJSON([]byte("x"), &f, c.prefix, c.indent)
		if w := append([]byte("x"), bytes.TrimSuffix(want.Bytes(), []byte("\n"))...); !bytes.Equal(got, w) {
			t.Errorf("prefix %q indent %v:\ngot  %s\nwant %s", c.prefix, c.indent, got, w)
		}
	}
}
