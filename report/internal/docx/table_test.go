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
	portrait := textAreaWidth()
	ty := tableType(sizeSmall4)
	lag := sampleLagging()
	w := columnWidths(lag, portrait, ty)
	if sum(w) != portrait {
		t.Fatalf("widths add up to %d, want %d", sum(w), portrait)
	}
	for c := range lag.Header {
		if lo := columnTiers(lag, c, ty)[tierLeast]; w[c] < lo {
			t.Errorf("column %s: %d, narrower than its numbers need (%d)", lag.Header[c], w[c], lo)
		}
	}
	// 序号 and 包联领导 hold their text on one line; the name and the reason take the most.
	if w[0] < 2*ty.narrow('0')+ty.pad() || w[3] < 3*ty.wide()+ty.pad() {
		t.Errorf("short columns squeezed: %v", w)
	}
	if w[1] <= w[2] || w[4] <= w[2] {
		t.Errorf("long text columns not the widest: %v", w)
	}

	// A small table spreads in proportion to its text.
	small := Table{Header: []string{"指标", "数值"}, Rows: [][]string{{"项目总数", "177"}}}
	w = columnWidths(small, portrait, ty)
	if sum(w) != portrait || w[0] <= w[1] {
		t.Errorf("small table: %v", w)
	}

	// Given widths are proportions of the text area.
	small.Widths = []int{1, 3}
	w = columnWidths(small, 8000, ty)
	if w[0] != 2000 || w[1] != 6000 {
		t.Errorf("given widths: %v", w)
	}

	// A table wider than the page still fills it exactly.
	wide := Table{Header: strings.Split(strings.Repeat("金额（万元）,", 20), ",")[:20]}
	wide.Rows = [][]string{strings.Split(strings.Repeat("1234567.89,", 20), ",")[:20]}
	if w := columnWidths(wide, portrait, sizeSmall5); sum(w) != portrait {
		t.Errorf("too wide: %d", sum(w))
	}
}

// A table takes the largest type at which its numbers and names fit the page.
func TestTableTypeSize(t *testing.T) {
	width := textAreaWidth()
	for _, c := range []struct {
		name  string
		table Table
		want  tableType
	}{
		{"lagging list", sampleLagging(), sizeSmall4},
		{"ten-column ranking", sampleRanking(), sizeSmall5},
		{"given widths", Table{Header: sampleRanking().Header, Rows: sampleRanking().Rows, Widths: []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, sizeSmall4},
		{"too wide for any", Table{Header: strings.Split(strings.Repeat("金额,", 20), ",")[:20],
			Rows: [][]string{strings.Split(strings.Repeat("1234567.89,", 20), ",")[:20]}}, sizeSmall5},
	} {
		if got := tableTypeFor(c.table, width); got != c.want {
			t.Errorf("%s: size %d, want %d", c.name, got, c.want)
		}
	}
	// The ranking really needs the steps down.
	if tableLeast(sampleRanking(), size5) <= width || tableLeast(sampleRanking(), sizeSmall5) > width {
		t.Errorf("the ranking needs %d twips at 五号 and %d at 小五 of %d: the test no longer tells the sizes apart",
			tableLeast(sampleRanking(), size5), tableLeast(sampleRanking(), sizeSmall5), width)
	}
}

// Headers break into two even lines, before a bracket when it costs little,
// never inside a number, and short ones not at all.
func TestSplitHeader(t *testing.T) {
	for _, c := range []struct{ in, first, second string }{
		{"新建开工率", "新建", "开工率"}, // two words, not "新建开" / "工率"
		{"本月完成率", "本月", "完成率"},
		{"包联领导", "包联", "领导"},
		{"与序时进度差（个百分点）", "与序时进度差", "（个百分点）"},
		{"乡镇（部门）", "乡镇", "（部门）"},
		{"1-5月完成投资", "1-5月完", "成投资"},
		{"2025年计划", "2025", "年计划"},
		{"项目数", "项目数", ""},
		{"排名", "排名", ""},
		{"已有\n换行的表头", "已有\n换行的表头", ""},
	} {
		first, second := splitHeader(c.in, sizeSmall4)
		if first != c.first || second != c.second {
			t.Errorf("%q: %q / %q, want %q / %q", c.in, first, second, c.first, c.second)
		}
	}
	// Written whole when the column holds it, split when not.
	ty := tableType(sizeSmall4)
	if got := headerText("新建开工率", 5*ty.wide()+ty.pad(), ty); got != "新建开工率" {
		t.Errorf("wide column: %q", got)
	}
	if got := headerText("新建开工率", 4*ty.wide()+ty.pad(), ty); got != "新建\n开工率" {
		t.Errorf("narrow column: %q", got)
	}
}

// Where a digit meets a Chinese character LibreOffice adds a quarter character, so a
// header such as "较4月" is measured with it: sized without, it broke after "较4".
func TestWidthCountsTheSpaceAroundDigits(t *testing.T) {
	ty := tableType(sizeSmall4)
	for _, tt := range []struct {
		text string
		want int
	}{
		{"排名", 2 * ty.wide()},
		{"48.8%", 3*ty.narrow('8') + ty.narrow('.') + ty.narrow('%')},
		{"较4月", 2*ty.wide() + ty.narrow('4') + 2*(ty.wide()/4)},
		{"2月排名", 3*ty.wide() + ty.narrow('2') + ty.wide()/4},
		{"5 月", 1*ty.wide() + ty.narrow('5') + ty.narrow(' ')}, // a space already parts them
	} {
		if got := ty.width(tt.text); got != tt.want {
			t.Errorf("width(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	tb := Table{Header: []string{"分组", "名称", "较4月", "预警"}, Rows: [][]string{{"乡镇", "崇文镇", "持平", ""}}}
	w := columnWidths(tb, tableLeast(tb, ty)+100, ty) // narrower than the table would like
	if need := ty.width("较4月") + ty.pad(); w[2] < need {
		t.Errorf("较4月 given %d twips, needs %d", w[2], need)
	}
}
