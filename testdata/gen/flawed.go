package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// defect is a finding a correct reader and rules engine must report.
type defect struct {
	rule, field, note string
}

// flawedRow is one row of 错误台账: the project, the defects put into it on
// purpose, and the findings that follow from them and that a reader may
// reasonably report too (so a test should allow, not require, them).
type flawedRow struct {
	p     project
	bad   []defect
	maybe []defect
}

func clean(p project) flawedRow { return flawedRow{p: p} }

// flawedRows: one defect per row where possible, between clean rows. Clean
// rows are free of warnings too: started by 03-31 (续建 resumed), 完成率 ≥ 35%
// (序时 41.7%), 入库 是, and the 重点项目 have a 包联领导.
func flawedRows() []flawedRow {
	return []flawedRow{
		clean(project{code: pcode("2305", "44", "01", 104001), name: "陵川县城区集中供热热源厂改造项目", owner: "陵川县热力有限公司", town: "崇文镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(9600), plan: wan(3000), done: wan(1350), cum: wan(6850), planStart: d(2, 20), actualStart: d(2, 24), status: "已复工", stats: "是"}),
		{p: project{code: pcode("2501", "33", "03", 104012), name: "陵川县礼义镇光伏支架制造项目", owner: "陵川县恒光金属制品有限公司", town: "礼义镇", nature: "新建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(4800), plan: wan(2400), done: wan(960), cum: wan(960), planStart: d(3, 1), status: "已开工", stats: "是",
			raw: map[string]any{"actual_start": "2025.13.1"}, startDoubt: true},
			bad:   []defect{{"bad-date", "actual_start", `"2025.13.1"：没有13月`}},
			maybe: []defect{{"missing-start-date", "actual_start", "日期读不出，只剩状态“已开工”"}}},
		clean(project{code: pcode("2502", "52", "01", 104023), name: "陵川县附城镇智慧农贸市场项目", owner: "附城镇人民政府", town: "附城镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(1800), plan: wan(1200), done: wan(480), cum: wan(480), planStart: d(3, 1), actualStart: d(3, 6), status: "已开工", stats: "是"}),
		{p: project{code: pcode("2503", "44", "02", 104034), name: "陵川县西河底镇生物质热电联产项目", owner: "陵川县绿能热电有限公司", town: "西河底镇", nature: "新建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(26000), plan: wan(4000), done: 0, cum: 0, status: "未开工", stats: "否", problems: "环评批复尚未取得",
			raw: map[string]any{"plan_start": "待定"}},
			bad:   []defect{{"bad-date", "plan_start", `"待定"不是日期`}},
			maybe: []defect{{"behind-schedule", "done", "未开工，完成率0%（红）"}}},
		clean(project{code: pcode("2306", "44", "02", 104045), name: "陵川县西河底镇农光互补光伏二期项目", owner: "陵川县晶能新能源有限公司", town: "西河底镇", nature: "续建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(36000), plan: wan(9000), done: wan(3960), cum: wan(25960), planStart: d(2, 25), actualStart: d(3, 2), status: "已复工", stats: "是"}),
		{p: project{name: "陵川县平城镇农村生活污水治理项目", owner: "陵川县城乡水务有限公司", town: "平城镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", noTotal: true, plan: wan(1200), done: wan(520), cum: wan(1820), planStart: d(3, 1), actualStart: d(3, 4), status: "已复工", stats: "是",
			raw: map[string]any{"total": "约3000"}},
			bad: []defect{{"bad-number", "total", `"约3000"不是数字`}}},
		clean(project{code: pcode("2502", "01", "03", 104067), name: "陵川县平城镇中药材烘干仓储项目", owner: "陵川县药谷农业开发有限公司", town: "平城镇", nature: "新建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(1500), plan: wan(1000), done: wan(420), cum: wan(420), planStart: d(3, 5), actualStart: d(3, 12), status: "已开工", stats: "是"}),
		{p: project{code: pcode("2310", "48", "01", 104078), name: "陵川县杨村镇旅游环线公路工程", owner: "陵川县交通投资建设有限公司", town: "杨村镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县交通局", leader: "陈国栋", total: wan(14500), plan: wan(4200), noDone: true, cum: wan(9800), planStart: d(3, 1), actualStart: d(3, 7), status: "已复工", stats: "是",
			raw: map[string]any{"done": "#REF!"}},
			bad: []defect{{"bad-number", "done", `"#REF!"（以文字填入的公式错误）`}}},
		clean(project{code: pcode("2404", "88", "01", 104089), name: "陵川县杨村镇太行民俗村落保护开发项目", owner: "陵川县文化和旅游局", town: "杨村镇", nature: "续建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(6800), plan: wan(2000), done: wan(860), cum: wan(5260), planStart: d(3, 10), actualStart: d(3, 15), status: "已复工", stats: "是"}),
		{p: project{code: pcode("2501", "84", "01", 104090), name: "陵川县崇文镇人民医院住院楼项目", owner: "陵川县人民医院", town: "崇文镇", category: "社会民生", level: "县重点", unit: "县卫健局", leader: "赵文华", total: wan(12000), plan: wan(3600), done: wan(1500), cum: wan(8700), planStart: d(3, 1), actualStart: d(3, 3), status: "已开工", stats: "是",
			raw: map[string]any{"nature": "扩建"}},
			bad: []defect{{"bad-value", "nature", `建设性质"扩建"不是新建/续建/终止`}}},
		{p: project{code: pcode("2402", "84", "01", 104101), name: "陵川县附城镇县域医疗次中心建设项目", owner: "陵川县附城镇卫生院", town: "附城镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县卫健局", leader: "赵文华", total: wan(5200), plan: wan(1800), done: wan(760), cum: wan(3960), planStart: d(2, 25), actualStart: d(3, 1),
			stats: "是", raw: map[string]any{"status": "进行中"}},
			bad: []defect{{"bad-value", "status", `开工状态"进行中"不是允许的值`}}},
		clean(project{code: pcode("2502", "83", "01", 104112), name: "陵川县崇文镇第三小学建设项目", owner: "陵川县教育科技局", town: "崇文镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(4600), plan: wan(3000), done: wan(1200), cum: wan(1200), planStart: d(3, 1), actualStart: d(3, 10), status: "已开工", stats: "是"}),
		{p: project{code: pcode("2307", "33", "03", 104123), name: "陵川县礼义镇铸造园区标准化厂房二期项目", owner: "陵川县礼义工业园区开发有限公司", town: "礼义镇", nature: "续建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(8800), plan: wan(2600), done: wan(1100), cum: wan(6100), planStart: d(2, 20), actualStart: d(2, 22), status: "已复工",
			raw: map[string]any{"stats": "不清楚"}},
			bad: []defect{{"bad-value", "stats", `是否入库"不清楚"不是是/否`}}},
		{p: project{code: pcode("2403", "44", "01", 104134), name: "陵川县礼义镇农村电网改造升级工程", owner: "国网陵川县供电公司", town: "礼义镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县能源局", leader: "张海峰", total: wan(2200), plan: wan(900), done: wan(380), cum: wan(-35), planStart: d(3, 1), actualStart: d(3, 5), status: "已复工", stats: "是"},
			bad: []defect{{"negative-amount", "cum", "累计完成投资 -35.00"}}},
		clean(project{code: pcode("2405", "46", "01", 104145), name: "陵川县附城镇农村供水管网延伸工程", owner: "陵川县城乡水务有限公司", town: "附城镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县水务局", leader: "刘晓明", total: wan(2600), plan: wan(1000), done: wan(430), cum: wan(1930), planStart: d(3, 1), actualStart: d(3, 6), status: "已复工", stats: "是"}),
		// The first copy of the duplicated project: no finding of its own.
		clean(project{name: "陵川县崇文镇污水处理厂提标改造项目(一期)", owner: "陵川县城乡水务有限公司", town: "崇文镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(3600), plan: wan(1500), done: wan(640), cum: wan(2840), planStart: d(3, 1), actualStart: d(3, 3), status: "已复工", stats: "是"}),
		clean(project{code: pcode("2502", "13", "03", 104167), name: "陵川县西河底镇农产品加工园项目", owner: "陵川县丰源农产品有限公司", town: "西河底镇", nature: "新建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(5600), plan: wan(2800), done: wan(1050), cum: wan(1050), planStart: d(3, 10), actualStart: d(3, 20), status: "已开工", stats: "是"}),
		{p: project{code: pcode("2503", "88", "01", 104178), name: "陵川县平城镇乡村旅游服务中心项目", owner: "平城镇人民政府", town: "平城镇", nature: "新建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(1600), plan: wan(800), done: wan(320), cum: wan(320), planStart: d(4, 1), actualStart: d(4, 10), status: "未开工", stats: "是", startDoubt: true},
			bad:   []defect{{"status-conflict", "status", "开工状态“未开工”，实际开工时间却填了2025-04-10"}},
			maybe: []defect{{"overdue-start", "plan_start", "若按状态视为未开工：计划2025-04-01已过"}}},
		{p: project{code: pcode("2501", "88", "03", 104189), name: "陵川县杨村镇康养民宿集群项目", owner: "陵川县山居文旅有限公司", town: "杨村镇", nature: "新建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(3800), plan: wan(2000), done: wan(900), cum: wan(900), planStart: d(1, 5), actualStart: d(7, 1), status: "已开工", stats: "是", startDoubt: true, remark: "1月7日开工"},
			bad:   []defect{{"future-start", "actual_start", "实际开工时间2025-07-01晚于截至日期2025-05-31（应为2025-01-07）"}},
			maybe: []defect{{"overdue-start", "plan_start", "按日期截至5月底未开工，计划2025-01-05已过"}}},
		clean(project{code: pcode("2406", "01", "01", 104190), name: "陵川县平城镇高标准农田提质改造项目", owner: "陵川县农业农村局", town: "平城镇", nature: "续建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(3200), plan: wan(1400), done: wan(600), cum: wan(2400), planStart: d(3, 10), actualStart: d(3, 12), status: "已复工", stats: "是"}),
		{p: project{code: pcode("2409", "44", "01", 104201), name: "陵川县西河底镇村级光伏电站改造项目", owner: "西河底镇人民政府", town: "西河底镇", nature: "续建", category: "能源", level: "县重点", unit: "县能源局", leader: "张海峰", total: wan(800), plan: wan(300), done: wan(150), cum: wan(950), planStart: d(3, 1), actualStart: d(3, 2), status: "已复工", stats: "是"},
			bad: []defect{{"done-exceeds-total", "cum", "累计完成950.00 > 总投资800.00"}}},
		{p: project{code: pcode("2502", "33", "03", 104212), name: "陵川县礼义镇标准化厂房项目", owner: "陵川县礼义工业园区开发有限公司", town: "礼义镇", nature: "新建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(2400), plan: wan(500), done: wan(620), cum: wan(620), planStart: d(3, 1), actualStart: d(3, 5), status: "已开工", stats: "是"},
			bad: []defect{{"done-exceeds-plan", "done", "1-5月完成620.00 > 年度计划500.00"}}},
		// The second copy: a space and full-width brackets; same everything else.
		{p: project{name: "陵川县崇文镇污水处理厂 提标改造项目（一期）", owner: "陵川县城乡水务有限公司", town: "崇文镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(3600), plan: wan(1500), done: wan(640), cum: wan(2840), planStart: d(3, 1), actualStart: d(3, 3), status: "已复工", stats: "是", repeats: true},
			bad: []defect{{"duplicate-project", "name", "与上面的“…(一期)”是同一项目（名称只差空格和全角括号）"}}},
		clean(project{code: pcode("2501", "88", "01", 104234), name: "陵川县杨村镇游客集散中心项目", owner: "陵川县文化和旅游局", town: "杨村镇", nature: "新建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(2800), plan: wan(1500), done: wan(600), cum: wan(600), planStart: d(3, 1), actualStart: d(3, 12), status: "已开工", stats: "是"}),
		{p: project{code: pcode("2502", "78", "01", 104245), name: "陵川县崇文镇城市公园提升改造项目", owner: "陵川县城市建设投资有限公司", town: "崇文镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(1400), plan: wan(1000), done: wan(400), cum: wan(400), planStart: d(3, 15), status: "已开工", stats: "是", startDoubt: true},
			bad: []defect{{"missing-start-date", "actual_start", "状态“已开工”，没有实际开工时间"}}},
		{p: project{code: pcode("2503", "59", "03", 104256), name: "陵川县礼义镇农村物流配送中心项目", owner: "陵川县邮驿物流有限公司", town: "礼义镇", nature: "新建", category: "招商引资", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(2600), plan: wan(1500), done: 0, cum: 0, planStart: d(3, 10), status: "未开工", stats: "否", problems: "用地手续未办结"},
			bad:   []defect{{"overdue-start", "plan_start", "计划2025-03-10开工，至今未开工"}},
			maybe: []defect{{"behind-schedule", "done", "未开工，完成率0%（红）"}}},
		{p: project{code: pcode("2404", "87", "01", 104267), name: "陵川县附城镇文体中心项目", owner: "附城镇人民政府", town: "附城镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(3000), plan: wan(1000), done: wan(50), cum: wan(1850), planStart: d(3, 1), actualStart: d(3, 10), status: "已复工", stats: "是", problems: "配套资金未到位"},
			bad: []defect{{"behind-schedule", "done", "完成率5.0%，低于序时进度41.7%共36.7个百分点（红）"}}},
		{p: project{code: pcode("2407", "48", "01", 104278), owner: "陵川县交通投资建设有限公司", town: "平城镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县交通局", leader: "陈国栋", total: wan(4200), plan: wan(1600), done: wan(700), cum: wan(3100), planStart: d(3, 1), actualStart: d(3, 8), status: "已复工", stats: "是"},
			bad: []defect{{"missing-value", "name", "有数据但项目名称为空"}}},
		{p: project{code: pcode("2502", "84", "01", 104289), name: "陵川县西河底镇卫生院提升改造项目", owner: "陵川县西河底镇卫生院", town: "西河底镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县卫健局", leader: "赵文华", total: wan(900), noPlan: true, done: wan(300), cum: wan(300), planStart: d(3, 1), actualStart: d(3, 9), status: "已开工", stats: "是"},
			bad: []defect{{"missing-value", "plan", "年度计划投资为空"}}},
		{p: project{code: pcode("2502", "08", "03", 104290), name: "陵川县平城镇铁矿尾矿综合利用项目", owner: "陵川县鑫达矿业有限公司", town: "平城镇", nature: "新建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(2600), plan: wan(1200), done: wan(500), cum: wan(500), planStart: d(3, 1), actualStart: d(3, 16), status: "已开工", stats: "否"},
			bad: []defect{{"not-in-stats", "stats", "已开工、总投资2600.00≥500，是否入库为“否”"}}},
		{p: project{code: pcode("2209", "48", "01", 104301), name: "陵川县国道207线陵川段改建工程", owner: "陵川县交通运输局", town: "崇文镇", nature: "续建", category: "基础设施", level: "省重点", unit: "县交通局", total: wan(52000), plan: wan(6000), done: wan(2600), cum: wan(31600), planStart: d(2, 20), actualStart: d(2, 25), status: "已复工", stats: "是"},
			bad: []defect{{"missing-leader", "leader", "年度计划6000.00≥5000的重点项目，包联领导为空"}}},
		clean(project{code: pcode("2502", "01", "03", 104312), name: "陵川县礼义镇党参标准化种植基地项目", owner: "陵川县参源农业开发有限公司", town: "礼义镇", nature: "新建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(1200), plan: wan(800), done: wan(330), cum: wan(330), planStart: d(3, 1), actualStart: d(3, 10), status: "已开工", stats: "是"}),
		clean(project{code: pcode("2405", "47", "01", 104323), name: "陵川县崇文镇老旧小区改造三期项目", owner: "陵川县住房和城乡建设管理局", town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(4800), plan: wan(1800), done: wan(780), cum: wan(3980), planStart: d(2, 25), actualStart: d(3, 1), status: "已复工", stats: "是"}),
		clean(project{code: pcode("2501", "44", "03", 104334), name: "陵川县杨村镇10MW分布式光伏项目", owner: "陵川县光合新能源有限公司", town: "杨村镇", nature: "新建", category: "能源", level: "县重点", unit: "县能源局", leader: "张海峰", total: wan(4200), plan: wan(3000), done: wan(1260), cum: wan(1260), planStart: d(3, 1), actualStart: d(3, 15), status: "已开工", stats: "是"}),
		clean(project{code: pcode("2308", "44", "02", 104345), name: "陵川县西河底镇煤层气综合利用项目", owner: "陵川县蓝焰煤层气有限公司", town: "西河底镇", nature: "续建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(18000), plan: wan(5500), done: wan(2300), cum: wan(11300), planStart: d(2, 20), actualStart: d(2, 26), status: "已复工", stats: "是"}),
		clean(project{code: pcode("2502", "83", "01", 104356), name: "陵川县附城镇幼儿园建设项目", owner: "陵川县教育科技局", town: "附城镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(1600), plan: wan(1200), done: wan(500), cum: wan(500), planStart: d(3, 1), actualStart: d(3, 12), status: "已开工", stats: "是"}),
		clean(project{code: pcode("2502", "48", "01", 104367), name: "陵川县平城镇农村公路提质改造工程", owner: "平城镇人民政府", town: "平城镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县交通局", leader: "陈国栋", total: wan(2200), plan: wan(1800), done: wan(720), cum: wan(720), planStart: d(3, 5), actualStart: d(3, 18), status: "已开工", stats: "是"}),
		clean(project{code: pcode("2502", "88", "01", 104378), name: "陵川县平城镇红色旅游研学基地项目", owner: "陵川县文化和旅游局", town: "平城镇", nature: "新建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(2000), plan: wan(1200), done: wan(500), cum: wan(500), planStart: d(3, 1), actualStart: d(3, 18), status: "已开工", stats: "是"}),
	}
}

// flawedFinding is a defect placed at its cell.
type flawedFinding struct {
	rule, cell, note string
	row              int
	col              string
	maybe            bool
}

// writeFlawed writes 错误台账.xlsx and returns the table and every finding
// (injected and possible) with its cell.
func writeFlawed(path string) ([]project, []flawedFinding, error) {
	const sheet = "开复工台账"
	rows := flawedRows()
	ps := make([]project, len(rows))
	for i := range rows {
		ps[i] = rows[i].p
	}
	b, err := newBook("陵川县2025年重点项目开复工台账", "县住建局", false)
	if err != nil {
		return nil, nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, nil, err
	}
	cols := canonicalCols("1-5月完成投资")
	n := len(cols)
	if err := b.widths(sheet, cols); err != nil {
		return nil, nil, err
	}
	if err := b.merge(sheet, 1, 1, n, 1, "陵川县2025年重点项目开复工台账", b.st.title); err != nil {
		return nil, nil, err
	}
	if err := b.merge(sheet, 1, 2, 5, 2, "填报单位：县住建局（汇总）", b.st.filler); err != nil {
		return nil, nil, err
	}
	if err := b.set(sheet, n, 2, "单位：万元", b.st.unit); err != nil {
		return nil, nil, err
	}
	if err := b.header(sheet, 3, cols); err != nil {
		return nil, nil, err
	}
	var found []flawedFinding
	add := func(row int, d defect, maybe bool) {
		col := colName(colOf(cols, d.field))
		found = append(found, flawedFinding{rule: d.rule, cell: fmt.Sprintf("%s%d", col, row), note: d.note, row: row, col: col, maybe: maybe})
	}
	for i := range rows {
		row := 4 + i
		if err := b.projectRow(sheet, row, i+1, &ps[i], cols); err != nil {
			return nil, nil, err
		}
		for _, dd := range rows[i].bad {
			add(row, dd, false)
		}
		for _, dd := range rows[i].maybe {
			add(row, dd, true)
		}
	}
	// The 合计 row: 年度计划投资 off by exactly 100.00; 累计完成投资 right; the
	// two columns holding unreadable cells (总投资, 1-5月) left empty, so that no
	// other mismatch depends on how a reader sums an unreadable cell.
	totalRow := 4 + len(rows)
	wrongPlan := sumField(ps, "plan") + wan(100)
	if err := b.totalRow(sheet, totalRow, cols, ps, "合计", map[string]any{"total": nil, "done": nil, "plan": wrongPlan}); err != nil {
		return nil, nil, err
	}
	add(totalRow, defect{"total-mismatch", "plan", fmt.Sprintf("合计年度计划投资%s，各行之和%s，相差100.00", wrongPlan, sumField(ps, "plan"))}, false)
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return nil, nil, err
	}
	return ps, found, b.save(path)
}
