package main

import "github.com/xuri/excelize/v2"

// pingchengCols: header variants only, 计划总投资 and 年度累计完成投资 in 亿元
// (one by its suffix, one by the sheet's "单位：亿元"), 年度投资计划 in 万元 by its suffix.
var pingchengCols = []column{
	{"序号", 6, "seq", kCenter},
	{"平台编码", 26, "code", kText},
	{"项目全称", 34, "name", kWrap},
	{"项目法人", 26, "owner", kWrap},
	{"建设地点", 10, "town", kCenter},
	{"项目性质", 8, "nature", kCenter},
	{"牵头单位", 13, "unit", kCenter},
	{"包抓领导", 9, "leader", kCenter},
	{"计划总投资（亿元）", 12, "total", kYi},
	{"年度投资计划（万元）", 12, "plan", kAmount},
	{"年度累计完成投资", 12, "done", kYi},
	{"拟开工日期", 12, "plan_start", kDate},
	{"实际开复工日期", 15, "actual_start", kDateCN},
	{"是否开工", 8, "status", kCenter},
	{"入库状态", 9, "stats", kCenter},
	{"存在问题", 22, "problems", kWrap},
}

// pingchengProjects: 6 续建, 10 新建, all started by 06-30 (8 of the 新建 by 03-31).
// Amounts are whole 万元 except one 亿元 total with six decimals (0.123456亿元 = 1234.56万元).
func pingchengProjects() []project {
	return []project{
		{code: pcode("2307", "44", "02", 102001), name: "陵川县平城镇100MW光伏发电项目", owner: "陵川县阳光新能源有限公司", nature: "续建", unit: "县能源局", leader: "张海峰", total: wan(45000), plan: wan(12000), done: wan(6350), planStart: d(2, 20), actualStart: d(2, 25), status: "是", stats: "已入库"},
		{code: pcode("2310", "77", "01", 102014), name: "陵川县平城镇矿山生态修复治理项目", owner: "陵川县生态环境投资有限公司", nature: "续建", unit: "县自然资源局", leader: "郭振宇", total: wan(12800), plan: wan(3000), done: wan(1560), planStart: d(3, 1), actualStart: d(3, 6), status: "是", stats: "已入库"},
		{code: pcode("2312", "48", "01", 102027), name: "陵川县平城镇至潞城镇公路改建工程", owner: "陵川县交通投资建设有限公司", nature: "续建", unit: "县交通局", leader: "郭振宇", total: wan(23600), plan: wan(6000), done: wan(3120), planStart: d(3, 1), actualStart: d(3, 3), status: "是", stats: "已入库"},
		{name: "陵川县平城镇现代农业产业园项目", owner: "陵川县农业发展集团有限公司", nature: "续建", unit: "县农业农村局", leader: "刘晓明", total: wan(9800), plan: wan(2500), done: wan(1305.50), planStart: d(2, 25), actualStart: d(3, 1), status: "是", stats: "已入库"},
		{code: pcode("2306", "08", "03", 102043), name: "陵川县平城镇铁矿采选技改项目", owner: "陵川县鑫达矿业有限公司", nature: "续建", unit: "县工信局", leader: "李志强", total: wan(32000), plan: wan(8000), done: wan(4010), planStart: d(2, 15), actualStart: d(2, 20), status: "是", stats: "已入库"},
		{name: "陵川县平城镇供水管网改造工程", owner: "陵川县城乡水务有限公司", nature: "续建", unit: "县住建局", leader: "刘晓明", total: wan(1234.56), plan: wan(1000), done: wan(600), planStart: d(3, 10), actualStart: d(3, 12), status: "是", stats: "已入库"},
		{code: pcode("2501", "44", "02", 102101), name: "陵川县平城镇风电储能一体化项目", owner: "陵川县风光储能科技有限公司", nature: "新建", unit: "县能源局", leader: "张海峰", total: wan(68000), plan: wan(15000), done: wan(8200), planStart: d(3, 10), actualStart: d(3, 18), status: "是", stats: "已入库"},
		{code: pcode("2501", "01", "03", 102112), name: "陵川县平城镇中药材种植加工基地项目", owner: "陵川县药谷农业开发有限公司", nature: "新建", unit: "县农业农村局", leader: "刘晓明", total: wan(6500), plan: wan(3000), done: wan(1480), planStart: d(3, 15), actualStart: d(3, 20), status: "是", stats: "已入库"},
		{code: pcode("2502", "83", "01", 102125), name: "陵川县平城镇九年一贯制学校建设项目", owner: "陵川县教育科技局", nature: "新建", unit: "县教育局", leader: "郭振宇", total: wan(8600), plan: wan(4000), done: wan(2100), planStart: d(3, 1), actualStart: d(3, 10), status: "是", stats: "已入库"},
		{code: pcode("2502", "84", "01", 102138), name: "陵川县平城镇卫生院医养结合项目", owner: "陵川县平城镇卫生院", nature: "新建", unit: "县卫健局", leader: "郭振宇", total: wan(3200), plan: wan(2000), done: wan(1060), planStart: d(3, 20), actualStart: d(3, 26), status: "是", stats: "已入库"},
		{name: "陵川县平城镇农村公路安全生命防护工程", owner: "平城镇人民政府", nature: "新建", unit: "县交通局", leader: "郭振宇", total: wan(850), plan: wan(850), done: wan(430), planStart: d(3, 10), actualStart: d(3, 19), status: "是", stats: "已入库"},
		{code: pcode("2502", "33", "03", 102150), name: "陵川县平城镇铸造产业升级项目", owner: "陵川县鼎盛铸造有限公司", nature: "新建", unit: "县工信局", leader: "李志强", total: wan(15000), plan: wan(5000), done: wan(2480), planStart: d(3, 20), actualStart: d(3, 25), status: "是", stats: "已入库"},
		{code: pcode("2503", "88", "03", 102163), name: "陵川县平城镇太行民宿集群项目", owner: "陵川县山居文旅有限公司", nature: "新建", unit: "县文旅局", leader: "张海峰", total: wan(7200), plan: wan(2500), done: wan(950), planStart: d(5, 1), actualStart: d(5, 10), status: "是", stats: "已入库", problems: "民宿改造涉及传统村落保护审批"},
		{name: "陵川县平城镇污水处理站建设项目", owner: "陵川县城乡水务有限公司", nature: "新建", unit: "县住建局", leader: "刘晓明", total: wan(1800), plan: wan(1500), done: wan(760), planStart: d(3, 25), actualStart: d(3, 28), status: "是", stats: "已入库"},
		{code: pcode("2504", "59", "03", 102177), name: "陵川县平城镇物流仓储中心项目", owner: "陵川县通达物流有限公司", nature: "新建", unit: "县工信局", leader: "李志强", total: wan(9500), plan: wan(3000), done: wan(1050), planStart: d(6, 1), actualStart: d(6, 10), status: "是", stats: "未入库", problems: "6月新开工，入库材料正在准备"},
		{code: pcode("2502", "88", "01", 102189), name: "陵川县平城镇太行山红色旅游线路提升项目", owner: "陵川县文化和旅游局", nature: "新建", unit: "县文旅局", leader: "张海峰", total: wan(4200), plan: wan(1800), done: wan(950), planStart: d(3, 5), actualStart: d(3, 15), status: "是", stats: "已入库"},
	}
}

func writePingcheng(path string) ([]project, error) {
	const sheet = "推进台账"
	ps := pingchengProjects()
	for i := range ps {
		ps[i].town = "平城镇"
	}
	b, err := newBook("平城镇2025年重点项目推进台账", "平城镇人民政府", true)
	if err != nil {
		return nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	cols := pingchengCols
	n := len(cols)
	if err := b.widths(sheet, cols); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 1, n, 1, "平城镇2025年重点项目推进台账（截至2025年6月30日）", b.st.title); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 2, 4, 2, "填报单位：平城镇人民政府", b.st.filler); err != nil {
		return nil, err
	}
	if err := b.set(sheet, n, 2, "单位：亿元", b.st.unit); err != nil {
		return nil, err
	}
	if err := b.header(sheet, 3, cols); err != nil {
		return nil, err
	}
	for i := range ps {
		if err := b.projectRow(sheet, 4+i, i+1, &ps[i], cols); err != nil {
			return nil, err
		}
	}
	if err := b.totalRow(sheet, 4+len(ps), cols, ps, "合计", nil); err != nil {
		return nil, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	return ps, b.save(path)
}
