package ledger

import "testing"

func TestMatchHeader(t *testing.T) {
	tests := []struct {
		header string
		field  Field
		month  int
		unit   Unit
		year   int
	}{
		{"项目名称", FieldName, 0, unitUnset, 0},
		{"*项目名称", FieldName, 0, unitUnset, 0},
		{"项目\n名称", FieldName, 0, unitUnset, 0},
		{" 项 目 名 称 ", FieldName, 0, unitUnset, 0},
		{"项目名称（全称）", FieldName, 0, unitUnset, 0},
		{"总投资（亿元）", FieldTotal, 0, UnitYi, 0},
		{"总投资(万元)", FieldTotal, 0, UnitWan, 0},
		{"计划总投资\n（万元）", FieldTotal, 0, UnitWan, 0},
		{"2025年计划投资", FieldPlan, 0, unitUnset, 2025},
		{"2025年计划完成投资（万元）", FieldPlan, 0, UnitWan, 2025},
		{"年度投资计划", FieldPlan, 0, unitUnset, 0},
		{"1-5月完成投资", FieldDone, 5, unitUnset, 0},
		{"1—5月累计完成", FieldDone, 5, unitUnset, 0},
		{"1~11月完成投资（万元）", FieldDone, 11, UnitWan, 0},
		{"1至6月完成", FieldDone, 6, unitUnset, 0},
		{"2025年1-3月完成投资", FieldDone, 3, unitUnset, 2025},
		{"3月实际完成投资", FieldMonthDone, 3, unitUnset, 0},
		{"12月完成投资", FieldMonthDone, 12, unitUnset, 0},
		{"5月形象进度", FieldProgress, 5, unitUnset, 0},
		{"本月完成投资", FieldMonthDone, 0, unitUnset, 0},
		{"累计完成投资", FieldCumDone, 0, unitUnset, 0},
		{"开工/计划开工时间", FieldStartEither, 0, unitUnset, 0},
		{"实际开复工日期", FieldActualStart, 0, unitUnset, 0},
		{"拟开工日期", FieldPlanStart, 0, unitUnset, 0},
		{"2025年是否开复工", FieldStatus, 0, unitUnset, 2025},
		{"存在的主要困难和问题", FieldProblems, 0, unitUnset, 0},
		{"存在问题及需协调事项", FieldProblems, 0, unitUnset, 0},
		{"项目代码", FieldCode, 0, unitUnset, 0},
		{"融资需求（万元）", FieldNeed, 0, UnitWan, 0},
		{"意向银行", FieldBank, 0, unitUnset, 0},
		{"建设地点", FieldTown, 0, unitUnset, 0},
		// the names of the real ledgers and system exports
		{"层次", FieldLevel, 0, unitUnset, 0},
		{"当年投资计划", FieldPlan, 0, unitUnset, 0},
		{"2026年预计投资", FieldPlan, 0, unitUnset, 2026},
		{"2025年计划完成投资", FieldPlan, 0, unitUnset, 2025},
		{"2023年度计划投资(万元)", FieldPlan, 0, UnitWan, 2023},
		{"其中：今年计划投资", FieldPlan, 0, unitUnset, 0},
		{"已完成投资", FieldDone, 0, unitUnset, 0},
		{"2025年已完成投资", FieldDone, 0, unitUnset, 2025},
		{"今年累计完成投资", FieldDone, 0, unitUnset, 0},
		{"年度建设任务", FieldPlanProgress, 0, unitUnset, 0},
		{"年度目标进度", FieldPlanProgress, 0, unitUnset, 0},
		{"全年目标", FieldPlanProgress, 0, unitUnset, 0},
		{"目前进度", FieldProgress, 0, unitUnset, 0},
		{"目前形象进度", FieldProgress, 0, unitUnset, 0},
		{"5月进度", FieldProgress, 5, unitUnset, 0},
		{"5月进展情况", FieldProgress, 5, unitUnset, 0},
		{"所在镇", FieldTown, 0, unitUnset, 0},
		{"区县", FieldTown, 0, unitUnset, 0},
		{"项目建设规模", FieldContent, 0, unitUnset, 0},
		{"建设内容和规模", FieldContent, 0, unitUnset, 0},
		{"建设起止年", FieldPeriod, 0, unitUnset, 0},
		{"项目起止年月", FieldPeriod, 0, unitUnset, 0},
		{"计划开工年月/拟开工日期", FieldPlanStart, 0, unitUnset, 0},
		{"2025年计划开复时间", FieldPlanStart, 0, unitUnset, 2025},
		{"当月调度投资", FieldMonthDone, 0, unitUnset, 0},
		{"当月调度投资）", FieldMonthDone, 0, unitUnset, 0},
		{"当月调度投资（万元））", FieldMonthDone, 0, UnitWan, 0},
		{"项目成熟度", FieldNature, 0, unitUnset, 0},
		{"项目平台代码", FieldCode, 0, unitUnset, 0},
		{"是否纳入统计", FieldStats, 0, unitUnset, 0},
		{"市级领导", FieldLeader, 0, unitUnset, 0},
		{"县级领导", FieldLeader, 0, unitUnset, 0},
		{"项目融资需求", FieldNeed, 0, unitUnset, 0},
		{"建设阶段", FieldStatus, 0, unitUnset, 0},
		{"截至上一年底累计完成投资", FieldDoneBefore, 0, unitUnset, 0},
		{"至2011年已累计完成投资", FieldDoneBefore, 0, unitUnset, 0},
		{"到2023年底累计完成投资", FieldDoneBefore, 0, unitUnset, 0},
		{"1-6月计划投资", FieldPlanToDate, 6, unitUnset, 0},
		{"1-12月计划完成投资", FieldPlanToDate, 12, unitUnset, 0},
		{"截至5月底完成投资", FieldDone, 5, unitUnset, 0},
		{"截止2025年6月累计完成投资（万元）", FieldDone, 6, UnitWan, 0},
		{"截至目前完成投资", FieldDone, 0, unitUnset, 0},
		{"截至13月底完成投资", "", 0, unitUnset, 0},
		{"县级包抓领导（职务）", FieldLeader, 0, unitUnset, 0},
		{"包联领导小组", "", 0, unitUnset, 0},
		{"总投资额（含征地）", FieldTotal, 0, unitUnset, 0},
		{"总投资完成率", "", 0, unitUnset, 0},
		{"计划开工时间（年月）", FieldPlanStart, 0, unitUnset, 0},
		{"13月完成投资", "", 0, unitUnset, 0},
		{"2-5月完成投资", "", 0, unitUnset, 0},
		{"陵川县2025年重点项目开复工台账", "", 0, unitUnset, 0},
		{"", "", 0, unitUnset, 0},
	}
	for _, tt := range tests {
		h := normalizeHeader(tt.header)
		f, m, _ := matchHeader(h)
		unit := unitUnset
		if h.hasUnit {
			unit = h.unit
		}
		if f != tt.field || m != tt.month || unit != tt.unit || h.year != tt.year {
			t.Errorf("%q: got field %q month %d unit %v year %d, want %q %d %v %d", tt.header, f, m, unit, h.year, tt.field, tt.month, tt.unit, tt.year)
		}
	}
}

func TestFindHeaderTwoLevel(t *testing.T) {
	grid := [][]string{
		{"礼义镇2025年重点项目开复工台账"},
		{"报送单位：礼义镇人民政府", "", "", "", "", "", "", "", "单位：万元"},
		{"序号", "项目名称", "投资情况", "", "", "开工时间", "", "责任单位", "存在问题"},
		{"", "", "总投资", "年度计划", "1-5月完成", "计划", "实际", "", ""},
		{"", "一、续建项目（2个）"},
		{"1", "礼义镇供水", "100", "50", "20", "2025.3", "2025.3.1", "县水务局", ""},
	}
	h := findHeader(grid)
	if h.top != 3 || h.height != 2 {
		t.Fatalf("header at %d+%d, want rows 3-4", h.top, h.height)
	}
	want := map[string]Field{"A": FieldSeq, "B": FieldName, "C": FieldTotal, "D": FieldPlan, "E": FieldDone, "F": FieldPlanStart, "G": FieldActualStart, "H": FieldUnit, "I": FieldProblems}
	for _, c := range h.columns {
		if want[c.Letter] != c.Field {
			t.Errorf("column %s %q: field %q, want %q", c.Letter, c.Header, c.Field, want[c.Letter])
		}
	}
	if h.month != 5 {
		t.Errorf("month %d, want 5", h.month)
	}
}

func TestFindHeaderPrefersSingleRowOverUnitLine(t *testing.T) {
	grid := [][]string{
		{"某县2025年开复工台账"},
		{"", "", "", "", "单位：万元"},
		{"序号", "项目名称", "建设性质", "年度计划投资", "1-6月完成投资"},
		{"1", "某项目", "新建", "100", "20"},
	}
	h := findHeader(grid)
	if h.top != 3 || h.height != 1 {
		t.Fatalf("header at %d+%d, want row 3 alone", h.top, h.height)
	}
	a := readAboveHeader(grid, h.top)
	if !a.hasUnit || a.unit != UnitWan || a.year != 2025 {
		t.Errorf("above header: %+v", a)
	}
}

func TestDatesInTitle(t *testing.T) {
	tests := []struct {
		title string
		year  int
		asOf  string
	}{
		{"陵川县2025年重点项目开复工台账", 2025, ""},
		{"礼义镇2025年重点项目开复工台账（截至2025年5月底）", 2025, "2025-05-31"},
		{"平城镇2025年重点项目推进台账（截至2025年6月30日）", 2025, "2025-06-30"},
		{"2025年1-8月重点项目进展情况表", 2025, "2025-08-31"},
		{"2025年重点项目台账（截止9月末）", 2025, "2025-09-30"},
		{"重点项目台账", 0, ""},
		// the month said in words, the year from the ledger (here 2024)
		{"全县重点项目投资路线图及5月进展情况表", 0, "2024-05-31"},
		{"2023年重点项目投资路线图及5月进展情况表", 2023, "2023-05-31"},
		{"重点项目二季度推进情况表", 0, "2024-06-30"},
		{"2022年全县重点项目前三季度进展", 2022, "2022-09-30"},
		{"上半年重点项目完成情况", 0, "2024-06-30"},
		{"2021年下半年重点项目", 2021, "2021-12-31"},
		{"重点项目1-5月推进情况", 0, "2024-05-31"},
		{"重点项目五月份调度表", 0, "2024-05-31"},
		{"重点项目十一月份调度表", 0, "2024-11-30"},
		{"2025年重点项目台账（2025年6月10日更新）", 2025, "2025-06-10"},
		{"2025年1-12月份重点项目完成情况", 2025, "2025-12-31"},
		{"第一季度重点项目", 0, "2024-03-31"},
	}
	for _, tt := range tests {
		y, w := datesInTitle(tt.title)
		year := y
		if year == 0 {
			year = 2024
		}
		d := w.in(year)
		if y != tt.year || d.String() != tt.asOf {
			t.Errorf("%q: got %d %q, want %d %q", tt.title, y, d, tt.year, tt.asOf)
		}
	}
}
