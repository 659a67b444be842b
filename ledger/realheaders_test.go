package ledger

import (
	"strconv"
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
			"name owner town total plan month_done code plan_start - - leader year status stats problems actual_start"},
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
		{"a city 项目申请库 export: 计划投资, 年度投资 and 年度计划投资 side by side (the last is the year's plan), a leader's post beside the leader",
			[][]string{{"序号", "项目审批代码", "项目进度", "项目进展情况", "进度状态", "项目结束", "项目结束日期", "项目名称", "项目状态", "项目性质", "项目业主单位", "项目隶属区域", "申报年份", "争资争项意向", "总投资", "计划投资", "中央预算内资金", "责任单位", "建设地点", "立项类型", "所属行业", "计划开始时间", "计划竣工时间", "招标方式", "建设规模及内容", "备注", "项目联系人姓名", "项目联系人电话", "包保责任领导姓名", "包保责任领导职务", "年度投资", "资金来源", "建设性质", "提交时间", "建设阶段", "总投资-合计", "年初至今累计完成投资额", "自开工累计完成投资", "年度计划投资"}},
			"seq code - progress - - - name status nature owner town - - total - - unit - - category plan_start - - content remark - - leader - - funding - - - - done cum_done plan"},
		{"a 发改委 重点项目 system's Excel export with remarks in its headers",
			[][]string{{"投资主体（企业名称）", "是否为市级重点项目", "统计库项目编码", "统计库中登记的项目名称", "是否在建（根据实际判断）", "建设规模及主要内容", "建设性质：新建、扩建、租赁、技改等", "实际开工时间（格式：YYYY-MM-DD）", "实际竣工时间（格式：YYYY-MM-DD）", "计划总投资（内资+外资）（万元）", "计划总投资 - 内资（万元）", "计划总投资 - 外资（万元）", "项目实际投资（内资+外资）（万元）", "年度计划投资（万元）", "项目在库计划总投资（万元）", "项目列统投资累计列统投资(万元)", "项目代码（备案证号）", "项目名称"}},
			"owner - - - status content nature actual_start - total - - - plan - - code name"},
		{"a 省市重点项目 monthly progress sheet: 1-5月, 6月 and 1-6月, the year's 形象进度 as a group",
			[][]string{
				{"序号", "项目名称", "建设起止年", "建设内容及规模", "计划总投资", "截至2025年底累计完成投资", "2026年预计投资", "1-5月完成投资", "6月完成投资", "1-6月完成投资", "完成率", "2026年工程形象进度", "", "", "业主单位", "责任单位", "备注"},
				{"", "", "", "", "", "", "", "", "", "", "", "4月进度", "6月进度", "全年目标", "", "", ""}},
			"seq name period content total done_before plan done month_done done - progress progress plan_progress owner unit remark"},
		{"a 办事处 quarterly table: 区县 and 建设地址, the year in the headers, where the project should be by the year's end",
			[][]string{{"序号", "区县", "项目名称", "建设地址", "建设起止年限", "项目建设规模", "计划总投资", "2012年计划投资", "2012年底工程应达形象进度", "至2011年已累计完成投资", "2012年6月完成投资", "2012年1-6月完成投资", "目前形象进度", "项目业主"}},
			"seq town name - period content total plan plan_progress done_before month_done done progress owner"},
		{"a city 重点项目库 list: 是否2026年新开工 says the 建设性质, 是否列统",
			[][]string{{"发改项目名称", "项目名称", "计划总投资", "年度计划投资（万元）", "形象进度", "是否2026年\n新开工", "是否开工\n（是/否）", "是否列统\n（是/否）", "累计列统投资\n（万元）", "列统投资完成率（%）", "项目内容", "项目代码", "来源", "所属板块", "所属区县"}},
			"- name total plan progress nature status stats - - content code - - town"},
		{"a province's 上报项目数据 template: 本年度投资计划 and its 完成情况, 项目(法人)单位, 项目属地",
			[][]string{{"序号", "项目名称", "建设内容及规模", "建设起止年限", "总投资（万元）", "到上年底累计完成投资（万元）", "本年度投资计划（万元）", "本年度投资计划完成情况（万元）", "立项批复文号", "批复单位", "批复时间", "项目类型", "项目类别", "产业类别", "投资类型", "所属行业", "项目(法人)单位", "项目联系人", "联系电话", "项目属地", "填报单位", "填报人"}},
			"seq name content period total done_before plan done - - - category - - - - owner contact phone town - -"},
		{"a city 投资项目总表 import: 是否已开工, 是否已入库, 项目推进情况, the month in a 录入月份 column",
			[][]string{{"审批监管平台代码", "项目名称", "建设地点", "所属批次", "行业分类", "建设内容及规模", "项目推进情况", "行业主管部门", "委内责任处室", "总投资（万元）", "开工以来累计完成投资（万元）", "本年累计完成投资", "剩余投资（万元）", "2022年计划完成投资（万元）", "录入月份", "本月完成投资", "是否为省重大项目", "是否为省重中之重项目", "是否为市重大项目", "是否申报集中开工", "集中开工年份批次", "是否已开工", "是否已入库", "开工时间", "入库时间", "完工时间", "存在的问题和困难", "需协调解决事项", "项目业主", "负责人及联系电话", "标签", "备注"}},
			"code name town - category content progress unit - total cum_done done - plan report_month month_done - - - - - status stats actual_start - - problems - owner - - remark"},
		{"a 重点项目管理台账: the name with the period in one header, 总投资及建设规模 as text",
			[][]string{{"建设项目名称及建设起止年月", "性质", "总投资及建设规模", "2024年止累计安排资金", "2025年计划投资", "2025年主要建设内容计划及时间进度计划", "上月项目进展情况(含上月投资完成情况、本年度投资完成情况)", "截至目前累计完成形象进度", "截至目前累计完成投资", "累计完成投资占总投资比例", "需要协调解决的问题", "项目主任", "备注"}},
			"name nature content - plan - - progress done - problems - remark"},
		{"an enterprise's capital-projects export in 元 with 合计 after each amount: 截止到目前 beside 本年 is since the start",
			[][]string{{"项目编码", "任务编号", "项目名称", "工建中心三级部门", "项目实际负责人", "项目当前状态", "立项批复总投资（元）", "采购订单金额（元）", "截止到目前累计完成投资合计（元）", "截止上年底累计完成投资合计（元）", "本年累计完成投资合计（元）", "本月完成投资合计（元）"}},
			"code - name - - - total - cum_done done_before done month_done"},
		{"a 年度投资计划 table whose amounts are broken down under a group: the first part is the amount",
			[][]string{
				{"序号", "项目名称", "年度", "年度投资计划报表", "项目总投资", "截止上年累计完成投资", "", "本年计划", "", "本年累计完成投资", "形象进度目标", "备注"},
				{"", "", "", "", "", "完成工程量总额", "资金到位总额", "工程计划总额", "资金计划总额", "", "", ""}},
			"seq name year - total done_before - plan - done plan_progress remark"},
		{"a 固定资产投资 statistics form",
			[][]string{{"项目名称", "编码", "重点工程标志", "计划总投资", "自开建至本年累计完成投资", "本年计划投资", "自年初累计完成投资"}},
			"name - - total cum_done plan done"},
		{"a county 项目管理 system's export: 累计完成投资 and no year's figure, 是否入统",
			[][]string{{"项目名称", "项目建设单位", "性质", "建设内容", "总投资", "累计完成投资", "完成进度", "是否入统", "项目进度", "现场照片", "租户ID"}},
			"name owner nature content total cum_done - stats - - -"},
		{"a district 发改委 项目进度 export: 归属部门, 年度投资, 工作目标, 区分管领导, its own 红黄绿标识",
			[][]string{{"归属部门", "项目大类", "项目类别", "项目名称", "项目内容", "年度投资", "年份", "累计完成投资", "竣工建成", "存在问题", "下一步计划", "项目是否缺建设用地指标", "是否需要区级、市级协调解决的问题", "资金支付来源", "工作目标", "区分管领导", "红黄绿标识", "备用字段1"}},
			"unit category - name content plan year cum_done - problems - - - - plan_progress leader - -"},
		{"a 政府投资项目 monthly report: 至今完成投资, 本月计划, quarterly 1到N月份",
			[][]string{{"项目名称", "项目总投资", "至今完成投资", "截止上年底累计下达计划", "本年度计划完成投资", "本年度已下达计划", "本月计划完成投资", "本月完成投资", "本年度已完成投资", "1到3月份完成投资", "1到6月份完成投资", "1到9月份完成投资", "1到12月份完成投资"}},
			"name total cum_done - plan - - month_done - done done done done"},
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

// Two-row headers as published county tables group their columns: the child is known
// by itself, by its group and itself ("1-5月" over 完成投资), or as its amount group's
// first part ("2023年计划投资" over 全年 | 其中1-5月); a rate under a month is no amount.
func TestPublishedGroupHeaders(t *testing.T) {
	tests := []struct {
		upper, lower []string
		want         string // field and month of each column
	}{
		{[]string{"序号", "项目名称", "年度投资计划", "", "", "包联领导", ""}, []string{"", "", "计划投资", "1-5月完成", "完成率", "县级", "市级"},
			"seq name plan done/5 - leader -"},
		{[]string{"序号", "项目名称", "总投资", "完成投资（万元）", "", ""}, []string{"", "", "", "本月", "本年累计", "开工累计"},
			"seq name total month_done done cum_done"},
		{[]string{"序号", "项目名称", "总投资", "2024年投资", ""}, []string{"", "", "", "计划", "完成"},
			"seq name total plan done"},
		{[]string{"序号", "项目名称", "总投资", "投资完成情况", "", ""}, []string{"", "", "", "本年完成", "开工累计完成", "完成率"},
			"seq name total done cum_done -"},
		{[]string{"序号", "项目名称", "总投资", "年度计划投资", "本年完成投资", ""}, []string{"", "", "", "", "合计", "其中：5月"},
			"seq name total plan done month_done/5"},
		{[]string{"序号", "项目名称", "开工情况", "", "", "责任单位", ""}, []string{"", "", "计划开工时间", "实际开工时间", "是否开工", "牵头单位", "配合单位"},
			"seq name plan_start actual_start status unit -"},
		{[]string{"序号", "项目名称", "总投资", "2023年计划投资", "", "形象进度", ""}, []string{"", "", "", "全年", "其中1-5月", "年度目标", "5月进展"},
			"seq name total plan plan_to_date/5 plan_progress progress/5"},
		{[]string{"序号", "项目名称", "建设性质", "总投资", "本年计划", "1-5月", ""}, []string{"", "", "", "", "", "完成投资", "占年计划%"},
			"seq name nature total plan done/5 -"},
		// An 投资路线图's months are labels, not dates: both rows are the header.
		{[]string{"序号", "项目名称", "2023年计划投资", "投资路线图（万元）", "", "", "", "截至5月底完成投资", "5月进展情况", "县级领导"},
			[]string{"", "", "", "1月", "2月", "3月", "二季度", "", "", ""},
			"seq name plan - - - - done/5 progress/5 leader"},
	}
	for _, tt := range tests {
		h := findHeader([][]string{{"2024年重点项目调度表"}, tt.upper, tt.lower})
		var got []string
		for _, c := range h.columns {
			f := string(c.Field)
			switch {
			case f == "":
				f = "-"
			case c.Month != 0:
				f += "/" + strconv.Itoa(c.Month)
			}
			got = append(got, f)
		}
		if h.height != 2 || strings.Join(got, " ") != tt.want {
			t.Errorf("%v / %v: %d rows\n got %s\nwant %s", tt.upper, tt.lower, h.height, strings.Join(got, " "), tt.want)
		}
	}
}
