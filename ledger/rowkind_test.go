package ledger

import "testing"

func TestParseSection(t *testing.T) {
	tests := []struct {
		text     string
		plain    bool
		ok       bool
		level    int
		nature   string
		category string
		grade    string
	}{
		{"一、续建项目（21个）", false, true, 1, "续建", "", ""},
		{"二、新建项目(12个)", false, true, 1, "新建", "", ""},
		{"（二）续建项目", false, true, 2, "续建", "", ""},
		{"(一)新开工项目", false, true, 2, "新建", "", ""},
		{"三、工业项目", false, true, 1, "", "工业", ""},
		{"四、招商引资项目（共5个）", false, true, 1, "", "招商引资", ""},
		{"第一部分 续建项目", false, true, 1, "续建", "", ""},
		{"续建项目（28个）", true, true, 1, "续建", "", ""},
		{"续建项目（28个）", false, false, 0, "", "", ""},
		{"陵川县供水工程", true, false, 0, "", "", ""},
		{"1、某某项目", false, false, 0, "", "", ""},
		// A key-project table's sections name the 项目级别, not a 类别.
		{"一、省重点项目（5个）", false, true, 1, "", "", "省重点"},
		{"二、市级重点建设项目", false, true, 1, "", "", "市重点"},
		{"（三）县重点项目", false, true, 2, "", "", "县重点"},
	}
	for _, tt := range tests {
		s, ok := parseSection(tt.text, tt.plain)
		if ok != tt.ok || s.level != tt.level || s.nature != tt.nature || s.category != tt.category || s.grade != tt.grade {
			t.Errorf("%q plain=%v: got ok=%v %+v", tt.text, tt.plain, ok, s)
		}
	}
}

func TestTotalLabel(t *testing.T) {
	for text, want := range map[string]string{
		"合计": "合计", "合 计": "合计", "合计：45个": "合计", "总计": "总计", "小计": "小计",
		"全县合计": "合计", "续建项目小计": "小计", "小区供水工程": "", "总投资": "",
	} {
		got, ok := totalLabel(text)
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q %v, want %q", text, got, ok, want)
		}
	}
}

func TestCanonicalNature(t *testing.T) {
	for in, want := range map[string]string{
		"新建": "新建", "新开工": "新建", " 新建 ": "新建", "续建": "续建", "复工": "续建",
		"终止": "终止", "扩建": "扩建", "": "",
	} {
		if got := canonicalNature(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

func TestHelperRows(t *testing.T) {
	if !isColumnNumberRow([]string{"1", "2", "3", "", "4"}) {
		t.Error("1 2 3 4 is a column number row")
	}
	if isColumnNumberRow([]string{"1", "某项目", "3"}) {
		t.Error("a project row is not a column number row")
	}
	units, ok := unitRowUnits([]string{"", "", "亿元", "（万元）", "年.月"})
	if !ok || units[2] != UnitYi || units[3] != UnitWan {
		t.Errorf("unit row: %v %v", units, ok)
	}
	if _, ok := unitRowUnits([]string{"1", "某项目", "万元"}); ok {
		t.Error("a project row is not a unit row")
	}
	if !isNote("注：本表金额单位为万元。") || !isNote("填报人：张三") || isNote("注册中心项目") {
		t.Error("notes")
	}
}
