package ledger

import (
	"strings"
	"testing"
)

// Header rows as real dispatch systems and published ledgers write them: the column
// names of public project-dispatch and 重点项目 systems' Excel exports and of their
// web tables. Each header must be read as the fields listed ("-": not used); the test
// reads only the header, which is what those systems have in common.
func TestRealHeaderSets(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]string // one or two header rows
		fields string
	}{
		{"a county PHP dispatch system's monthly export",
			[][]string{{"项目编号", "项目名称", "建设性质", "建设内容", "总投资", "今年计划投资", "今年累计完成投资", "本月完成投资", "计划开工时间", "计划竣工时间", "包联领导", "责任单位", "服务单位", "项目类型", "建设阶段", "本月进展", "问题和建议"}},
			"code name nature content total plan done month_done plan_start - leader unit - category status progress problems"},
		{"a city 重点项目 system's Excel export (month by month)",
			[][]string{{"项目名称", "建设内容和规模", "总投资（万元）", "年度计划投资（万元)", "建设性质", "所属区域", "县级领导", "市级包抓领导", "1月计划投资", "1月完成投资", "1-2月计划投资", "1-2月完成投资", "项目进展情况", "纳入情况", "调度情况", "项目类型", "县区行业主管部门", "是否纳入统计", "项目标签", "责任单位", "投资类别", "年份", "市直行业主管部门", "是否开复工"}},
			"name content total plan nature town leader - plan_to_date done plan_to_date done progress - - category unit stats - - - year - status"},
		{"the same system's project form",
			[][]string{{"项目名称", "投资主体", "项目地址", "总投资（万元）", "年度计划投资（万元）", "当月完成投资（万元）", "项目代码", "计划开工年月/拟开工日期", "计划竣工年月/拟竣工日期", "市级领导", "县级领导", "项目年份", "是否开复工", "是否纳入统计", "未开复工原因", "开工时间"}},
			"name owner town total plan month_done code plan_start - leader - year status stats problems actual_start"},
		{"a dispatch report form",
			[][]string{{"项目名称", "当月调度投资（万元）", "累计完成投资（万元）", "形象进度", "是否开复工", "开复工时间", "未开复工原因", "是否纳入统计库", "纳入统计库时间", "实际竣工时间", "存在的主要困难和问题"}},
			"name month_done cum_done progress status actual_start problems stats - - -"},
		{"a 项目调度 web form with the year in its labels",
			[][]string{{"项目名称", "项目成熟度", "建设地点（旗县区）", "项目审批监管平台代码", "牵头领导", "牵头单位", "2025年计划完成投资", "2025年已完成投资", "2025年是否开复工", "2025年计划开复时间"}},
			"name nature town code leader unit plan done status plan_start"},
		{"a planning table: the next year's plan as a group over 投资 | 主要建设内容",
			[][]string{
				{"项目名称", "批准文件", "主要建设内容及规模", "建设用地面积(亩)", "建设起止年限", "总投资", "2024年底累计完成投资", "2025年计划", "", "形象进度"},
				{"", "", "", "", "", "", "", "投资", "主要建设内容", ""}},
			"name - content - period total done_before plan - progress"},
		{"a highway project monthly report",
			[][]string{{"项目名称", "建设年限", "本月完成投资(万元)", "自元月至本月底完成投资（万元）", "开工至本月底累计完成投资(万元)", "主要建设内容"}},
			"name period month_done done cum_done content"},
		{"a works bureau's sub-office form",
			[][]string{{"项目名称", "主要建设内容", "开工时间", "计划完工时间", "概算投资（万元）", "自开工以来累计完成投资", "本年度计划完成投资", "本月计划完成投资（万元）", "本年度实际完成投资", "本月实际完成投资", "总体形象进度", "备注"}},
			"name content actual_start - total cum_done plan - done month_done progress remark"},
		{"an investment plan form with the reporting period",
			[][]string{{"项目名称", "计划完成投资（万元）", "完成投资（万元）", "年初至报告期累计完成投资（万元）", "占年计划（%）", "开工至报告期累计完成投资（万元）", "占总投资（%）"}},
			"name plan - done - cum_done -"},
		{"a table grouping the investment columns",
			[][]string{
				{"项目名称", "分管局委", "建设起止年限", "投资情况", "", "", "", "", "存在问题"},
				{"", "", "", "总投资", "年度计划投资", "当月投资", "当年项目累计投资", "项目累计投资", ""}},
			"name unit period total plan month_done done cum_done problems"},
		{"a monthly table with the month in its labels",
			[][]string{{"项目名称", "项目层级", "2023年度计划投资(万元)", "01月完成投资(万元)", "2023年1-12月累计完成投资(万元)", "是否开工", "当月已完成投资", "投资完成比例", "形象进度"}},
			"name level plan month_done done status month_done - progress"},
	}
	for _, tt := range tests {
		grid := [][]string{{"2025年重点项目调度表"}}
		grid = append(grid, tt.rows...)
		h := findHeader(grid)
		if h.top != 2 || h.height != len(tt.rows) {
			t.Errorf("%s: header at row %d+%d, want 2+%d", tt.name, h.top, h.height, len(tt.rows))
			continue
		}
		var got []string
		for _, c := range h.columns {
			f := string(c.Field)
			if f == "" {
				f = "-"
			}
			got = append(got, f)
		}
		if strings.Join(got, " ") != tt.fields {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, strings.Join(got, " "), tt.fields)
		}
	}
}
