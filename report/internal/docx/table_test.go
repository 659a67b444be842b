package docx

import (
	"strings"
	"testing"
)

func sum(ns []int) int {
	s := 0
	for _, n := range ns {
		s += n
	}
	return s
}

// Columns fill the text area; numbers and names are never narrower than they
// are, and the spare width goes to long text.
func TestColumnWidths(t *testing.T) {
	portrait := textAreaWidth(false)
	lag := sampleLagging()
	w := columnWidths(lag, portrait)
	if sum(w) != portrait {
		t.Fatalf("widths add up to %d, want %d", sum(w), portrait)
	}
	for c := range lag.Header {
		if lo := columnTiers(lag, c)[tierLeast]; w[c] < lo {
			t.Errorf("column %s: %d, narrower than its numbers need (%d)", lag.Header[c], w[c], lo)
		}
	}
	// 序号 and 包联领导 hold their text on one line; the name and the reason take the most.
	if w[0] < 2*cellNarrow+cellPad || w[3] < 3*cellWide+cellPad {
		t.Errorf("short columns squeezed: %v", w)
	}
	if w[1] <= w[2] || w[4] <= w[2] {
		t.Errorf("long text columns not the widest: %v", w)
	}

	// A small table spreads in proportion to its text.
	small := Table{Header: []string{"指标", "数值"}, Rows: [][]string{{"项目总数", "177"}}}
	w = columnWidths(small, portrait)
	if sum(w) != portrait || w[0] <= w[1] {
		t.Errorf("small table: %v", w)
	}

	// Given widths are proportions of the text area.
	small.Widths = []int{1, 3}
	w = columnWidths(small, 8000)
	if w[0] != 2000 || w[1] != 6000 {
		t.Errorf("given widths: %v", w)
	}

	// A table wider than the page still fills it exactly.
	wide := Table{Header: strings.Split(strings.Repeat("金额（万元）,", 20), ",")[:20]}
	wide.Rows = [][]string{strings.Split(strings.Repeat("1234567.89,", 20), ",")[:20]}
	if w := columnWidths(wide, portrait); sum(w) != portrait {
		t.Errorf("too wide: %d", sum(w))
	}
}

// An attachment whose table cannot fit a portrait page turns landscape by
// itself; a narrow one stays portrait unless asked.
func TestAttachmentOrientation(t *testing.T) {
	d := &Document{}
	d.Add(Paragraph{Text: "正文"},
		Attachment{Label: "附件1", Title: "排名"}, sampleRanking(),
		Attachment{Label: "附件2", Title: "小表"}, Table{Header: []string{"指标", "数值"}},
		Attachment{Label: "附件3", Title: "横排", Landscape: true}, Table{Header: []string{"指标", "数值"}},
	)
	var got []bool
	for _, s := range splitSections(d.Blocks) {
		got = append(got, s.landscape)
	}
	if want := []bool{false, true, false, true}; !equalBools(got, want) {
		t.Errorf("landscape by section: %v, want %v", got, want)
	}
	if lo := tableLeast(sampleRanking()); lo <= textAreaWidth(false) || lo > textAreaWidth(true) {
		t.Errorf("the ranking needs %d twips: the test no longer tells the orientations apart", lo)
	}
	// A document that opens with an attachment has no empty first section.
	if secs := splitSections(d.Blocks[1:]); len(secs) != 3 {
		t.Errorf("%d sections", len(secs))
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Headers break into two even lines, before a bracket when it costs little,
// never inside a number, and short ones not at all.
func TestSplitHeader(t *testing.T) {
	for _, c := range []struct{ in, first, second string }{
		{"新建开工率", "新建开", "工率"},
		{"包联领导", "包联", "领导"},
		{"与序时进度差（个百分点）", "与序时进度差", "（个百分点）"},
		{"乡镇（部门）", "乡镇", "（部门）"},
		{"1-5月完成投资", "1-5月完", "成投资"},
		{"2025年计划", "2025", "年计划"},
		{"项目数", "项目数", ""},
		{"排名", "排名", ""},
		{"已有\n换行的表头", "已有\n换行的表头", ""},
	} {
		first, second := splitHeader(c.in)
		if first != c.first || second != c.second {
			t.Errorf("%q: %q / %q, want %q / %q", c.in, first, second, c.first, c.second)
		}
	}
	// Written whole when the column holds it, split when not.
	if got := headerText("新建开工率", 5*cellWide+cellPad); got != "新建开工率" {
		t.Errorf("wide column: %q", got)
	}
	if got := headerText("新建开工率", 4*cellWide+cellPad); got != "新建开\n工率" {
		t.Errorf("narrow column: %q", got)
	}
}
