package annotate

import (
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
)

// LibreOffice prints the error sample's copy — in its own fallback faces, whose wider
// column unit fits more on a page than Excel does — with the sheets the tool adds
// under their headers on every page and no page of them holding a tail of rows
// (目标完成情况 once left two rows to a fourth page, 检查结果 three to a second).
func TestAnnotatedSheetsInLibreOffice(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	out := AnnotatedPath(in, "")
	annotateTo(t, res, out)
	_, pages := docxtest.PrintFile(t, docxtest.Default, out, t.TempDir())
	lines := map[string][]int{}
	for _, p := range pages {
		for sheet, header := range map[string][]string{findingsSheet: {"严重程度", "规则", "说明"}, targetsSheet: {"范围", "里程碑", "差距或还需"}} {
			all := true
			for _, h := range header {
				all = all && p.HasWord(h)
			}
			if all {
				lines[sheet] = append(lines[sheet], strings.Count(strings.TrimSpace(p.Text), "\n")+1)
			}
		}
	}
	for _, sheet := range []string{findingsSheet, targetsSheet} {
		n := lines[sheet]
		if len(n) == 0 {
			t.Errorf("no page of %s under its header", sheet)
			continue
		}
		if last, first := n[len(n)-1], n[0]; last*3 < first {
			t.Errorf("%s: pages of %v lines, the last a tail", sheet, n)
		}
	}
}
