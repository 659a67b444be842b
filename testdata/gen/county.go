package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// d is a 2025 date, the year of every sample.
func d(m, dd int) day { return ymd(2025, m, dd) }

// month is a 2025 month-precision date ("2025年4月").
func month(m int) day { return ymd(2025, m, 0) }

// pcode builds a national project code (24 characters) for 陵川县 (140524).
func pcode(yymm, industry, approval string, n int) string {
	return fmt.Sprintf("%s-140524-%s-%s-%06d", yymm, industry, approval, n)
}

// canonicalCols is the county layout: one header row with the canonical names.
func canonicalCols(doneHeader string) []column {
	return []column{
		{"序号", 6, "seq", kCenter},
		{"项目代码", 26, "code", kText},
		{"项目名称", 36, "name", kWrap},
		{"建设单位", 28, "owner", kWrap},
		{"所在乡镇", 10, "town", kCenter},
		{"建设性质", 8, "nature", kCenter},
		{"项目类别", 10, "category", kCenter},
		{"项目级别", 8, "level", kCenter},
		{"责任单位", 14, "unit", kCenter},
		{"包联领导", 10, "leader", kCenter},
		{"总投资", 12, "total", kAmount},
		{"年度计划投资", 12, "plan", kAmount},
		{doneHeader, 12, "done", kAmount},
		{"累计完成投资", 12, "cum", kAmount},
		{"计划开工时间", 12, "plan_start", kDate},
		{"实际开工时间", 15, "actual_start", kDateCN},
		{"开工状态", 9, "status", kCenter},
		{"是否入库", 8, "stats", kCenter},
		{"存在问题", 24, "problems", kWrap},
		{"备注", 16, "remark", kWrap},
	}
}

// countyProjects: 23 续建 (all resumed by 03-31), 16 新建 (10 started by 03-31,
// 3 more by 05-31, 3 not started), 1 终止. Every 乡镇, 责任单位 and 包联领导
// meets the first-quarter targets; main() checks this.
func countyProjects() []project {
	return []project{
		// 续建
		{code: pcode("2301", "44", "01", 100231), name: "陵川县城区集中供热管网改造工程", owner: "陵川县热力有限公司", town: "崇文镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(12800), plan: wan(4200), done: wan(2080.50), cum: wan(9960.50), planStart: d(2, 20), actualStart: d(2, 18), status: "已复工", stats: "是"},
		{code: pcode("2209", "27", "03", 100452), name: "陵川县礼义镇中药材精深加工产业园项目", owner: "山西太行本草药业有限公司", town: "礼义镇", nature: "续建", category: "工业", level: "市重点", unit: "县工信局", leader: "李志强", total: wan(36000), plan: wan(8000), done: wan(4050), cum: wan(22050), planStart: d(2, 25), actualStart: d(2, 26), status: "已复工", stats: "是"},
		{code: pcode("2306", "44", "02", 100517), name: "陵川县西河底镇100MW农光互补光伏发电项目", owner: "陵川县晶能新能源有限公司", town: "西河底镇", nature: "续建", category: "能源", level: "省重点", unit: "县能源局", leader: "张海峰", total: wan(42000), plan: wan(12000), done: wan(5860), cum: wan(30860), planStart: d(3, 1), actualStart: d(3, 5), status: "已复工", stats: "是"},
		{code: pcode("2308", "44", "02", 100588), name: "陵川县平城镇50MW分散式风电项目", owner: "陵川县风源新能源有限公司", town: "平城镇", nature: "续建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(38500), plan: wan(9000), done: wan(4275.25), cum: wan(27275.25), planStart: d(3, 1), actualStart: d(3, 10), status: "已复工", stats: "是"},
		{code: pcode("2304", "83", "01", 100612), name: "陵川县第一中学教学综合楼建设项目", owner: "陵川县教育科技局", town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(6800), plan: wan(2600), done: wan(1220), cum: wan(5420), planStart: d(2, 15), actualStart: d(2, 17), status: "已复工", stats: "是"},
		{code: pcode("2305", "84", "01", 100639), name: "陵川县人民医院医技综合楼项目", owner: "陵川县人民医院", town: "崇文镇", nature: "续建", category: "社会民生", level: "市重点", unit: "县卫健局", leader: "赵文华", total: wan(18600), plan: wan(5200), done: wan(2510.60), cum: wan(13710.60), planStart: d(2, 20), actualStart: d(2, 21), status: "已复工", stats: "是"},
		{code: pcode("2403", "46", "01", 100705), name: "陵川县附城镇农村供水保障工程", owner: "陵川县城乡水务有限公司", town: "附城镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县水务局", leader: "刘晓明", total: wan(3200), plan: wan(1500), done: wan(680), cum: wan(2380), planStart: d(3, 1), actualStart: d(3, 3), status: "已复工", stats: "是"},
		{code: pcode("2311", "48", "01", 100733), name: "陵川县太行山旅游公路（附城段）改造工程", owner: "陵川县交通投资建设有限公司", town: "附城镇", nature: "续建", category: "基础设施", level: "市重点", unit: "县交通局", leader: "陈国栋", total: wan(15600), plan: wan(4800), done: wan(2300), cum: wan(11500), planStart: d(3, 5), actualStart: d(3, 6), status: "已复工", stats: "是"},
		{name: "陵川县杨村镇太行康养小镇二期项目", owner: "山西太行康养旅游开发有限公司", town: "杨村镇", nature: "续建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(22000), plan: wan(3800), done: wan(1720), cum: wan(15720), planStart: d(3, 10), actualStart: d(3, 12), status: "已复工", stats: "是"},
		{code: pcode("2402", "47", "01", 100781), name: "陵川县崇文镇城市更新（老旧小区改造）项目", owner: "陵川县住房和城乡建设管理局", town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(5600), plan: wan(2200), done: wan(1060.80), cum: wan(4260.80), planStart: d(3, 1), actualStart: d(3, 2), status: "已复工", stats: "是"},
		{code: pcode("2404", "46", "01", 100802), name: "陵川县西河底镇污水处理厂提标改造工程", owner: "陵川县城乡水务有限公司", town: "西河底镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(2800), plan: wan(1200), done: wan(520), cum: wan(2120), planStart: d(2, 25), actualStart: d(2, 28), status: "已复工", stats: "是"},
		{code: pcode("2405", "13", "03", 100826), name: "陵川县礼义镇年产5万吨饲料加工项目", owner: "陵川县丰源饲料有限公司", town: "礼义镇", nature: "续建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(8600), plan: wan(2500), done: wan(1200), cum: wan(7000), planStart: d(3, 1), actualStart: d(3, 1), status: "已复工", stats: "是"},
		{name: "陵川县平城镇高标准农田建设项目", owner: "陵川县农业农村局", town: "平城镇", nature: "续建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(4500), plan: wan(2000), done: wan(900), cum: wan(3300), planStart: d(3, 10), actualStart: d(3, 15), status: "已复工", stats: "是"},
		{code: pcode("2407", "01", "03", 100874), name: "陵川县杨村镇党参种植加工基地项目", owner: "陵川县参源农业开发有限公司", town: "杨村镇", nature: "续建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(3600), plan: wan(1200), done: wan(560), cum: wan(2660), planStart: d(3, 15), actualStart: d(3, 18), status: "已复工", stats: "是"},
		{code: pcode("2210", "48", "01", 100013), name: "陵川县国道341线城区过境段改线工程", owner: "陵川县交通运输局", town: "崇文镇", nature: "续建", category: "基础设施", level: "省重点", unit: "县交通局", leader: "陈国栋", total: wan(68000), plan: wan(15000), done: wan(7850), cum: wan(46850), planStart: d(2, 20), actualStart: d(2, 25), status: "已复工", stats: "是"},
		{code: pcode("2309", "36", "03", 100921), name: "陵川县附城镇新能源汽车零部件制造项目", owner: "山西瑞驰汽车零部件有限公司", town: "附城镇", nature: "续建", category: "工业", level: "市重点", unit: "县工信局", leader: "李志强", total: wan(26000), plan: wan(6500), done: wan(3260), cum: wan(18260), planStart: d(2, 20), actualStart: d(2, 22), status: "已复工", stats: "是"},
		{code: pcode("2312", "46", "01", 100946), name: "陵川县城乡供水一体化工程", owner: "陵川县城乡水务有限公司", town: "礼义镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县水务局", leader: "刘晓明", total: wan(9800), plan: wan(3000), done: wan(1450), cum: wan(7450), planStart: d(3, 1), actualStart: d(3, 4), status: "已复工", stats: "是"},
		{code: pcode("2303", "84", "01", 100958), name: "陵川县中医院迁建项目", owner: "陵川县中医院", town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县卫健局", leader: "赵文华", total: wan(16500), plan: wan(4500), done: wan(2150), cum: wan(12650), planStart: d(2, 26), actualStart: d(2, 27), status: "已复工", stats: "是"},
		{code: pcode("2406", "42", "03", 100977), name: "陵川县西河底镇煤矸石综合利用项目", owner: "陵川县宏泰建材有限公司", town: "西河底镇", nature: "续建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(7200), plan: wan(2400), done: wan(1100), cum: wan(5100), planStart: d(3, 10), actualStart: d(3, 11), status: "已复工", stats: "是"},
		{name: "陵川县平城镇乡村振兴示范区建设项目", owner: "平城镇人民政府", town: "平城镇", nature: "续建", category: "农业", level: "县重点", unit: "县农业农村局", leader: "刘晓明", total: wan(5200), plan: wan(1800), done: wan(760), cum: wan(3560), planStart: d(3, 15), actualStart: d(3, 20), status: "已复工", stats: "是"},
		{code: pcode("2408", "48", "01", 101003), name: "陵川县杨村镇至夺火乡旅游公路工程", owner: "陵川县交通投资建设有限公司", town: "杨村镇", nature: "续建", category: "基础设施", level: "县重点", unit: "县交通局", leader: "陈国栋", total: wan(11800), plan: wan(3600), done: wan(1700), cum: wan(8500), planStart: d(3, 15), actualStart: d(3, 16), status: "已复工", stats: "是"},
		{code: pcode("2409", "83", "01", 101027), name: "陵川县职业中学实训基地建设项目", owner: "陵川县职业中学校", town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(4200), plan: wan(1600), done: wan(700), cum: wan(3300), planStart: d(3, 1), actualStart: d(3, 1), status: "已复工", stats: "是"},
		{code: pcode("2410", "88", "01", 101044), name: "陵川县礼义镇红色文化教育基地项目", owner: "陵川县文化和旅游局", town: "礼义镇", nature: "续建", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(3800), plan: wan(1200), done: wan(500), cum: wan(2700), planStart: d(3, 20), actualStart: d(3, 25), status: "已复工", stats: "是"},
		// 新建
		{code: pcode("2501", "83", "01", 101101), name: "陵川县崇文镇第二幼儿园建设项目", owner: "陵川县教育科技局", town: "崇文镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(2800), plan: wan(1800), done: wan(720), cum: wan(720), planStart: d(3, 1), actualStart: d(3, 8), status: "已开工", stats: "是"},
		{code: pcode("2501", "44", "03", 101118), name: "陵川县附城镇分布式光伏发电项目", owner: "陵川县光合新能源有限公司", town: "附城镇", nature: "新建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(6500), plan: wan(6000), done: wan(2950), cum: wan(2950), planStart: d(3, 15), actualStart: d(3, 20), status: "已开工", stats: "是"},
		{code: pcode("2412", "44", "02", 101126), name: "陵川县西河底镇200MW风电项目", owner: "华润新能源（陵川）有限公司", town: "西河底镇", nature: "新建", category: "招商引资", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(80000), plan: wan(20000), done: wan(9600), cum: wan(9600), planStart: d(3, 20), actualStart: d(3, 28), status: "已开工", stats: "是"},
		{code: pcode("2502", "14", "03", 101139), name: "陵川县礼义镇连翘茶精深加工项目", owner: "山西连翘生物科技有限公司", town: "礼义镇", nature: "新建", category: "招商引资", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(5800), plan: wan(3500), done: wan(1600), cum: wan(1600), planStart: d(3, 10), actualStart: d(3, 18), status: "已开工", stats: "是"},
		{code: pcode("2502", "59", "03", 101147), name: "陵川县平城镇农产品冷链物流园项目", owner: "陵川县冷链物流有限公司", town: "平城镇", nature: "新建", category: "招商引资", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(8200), plan: wan(4000), done: wan(1200), cum: wan(1200), planStart: d(4, 15), actualStart: d(4, 20), status: "已开工", stats: "是"},
		{code: pcode("2503", "88", "03", 101152), name: "陵川县杨村镇文旅康养综合体项目", owner: "山西太行文旅康养有限公司", town: "杨村镇", nature: "新建", category: "招商引资", level: "市重点", unit: "县工信局", leader: "陈国栋", total: wan(32000), plan: wan(8000), done: 0, cum: 0, planStart: d(7, 1), status: "未开工", stats: "否", problems: "林地占用手续正在报批"},
		{code: pcode("2501", "46", "01", 101160), name: "陵川县崇文镇城区雨污分流改造工程", owner: "陵川县住房和城乡建设管理局", town: "崇文镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(4600), plan: wan(3000), done: wan(1450), cum: wan(1450), planStart: d(3, 1), actualStart: d(3, 5), status: "已开工", stats: "是"},
		{name: "陵川县附城镇卫生院改造提升项目", owner: "陵川县附城镇卫生院", town: "附城镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县卫健局", leader: "赵文华", total: wan(1800), plan: wan(1200), done: wan(450), cum: wan(450), planStart: d(3, 20), actualStart: d(3, 26), status: "已开工", stats: "是"},
		{code: pcode("2502", "48", "01", 101183), name: "陵川县西河底镇农村道路提质改造工程", owner: "西河底镇人民政府", town: "西河底镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县交通局", leader: "陈国栋", total: wan(3400), plan: wan(2800), done: wan(1100), cum: wan(1100), planStart: d(3, 10), actualStart: d(3, 12), status: "已开工", stats: "是"},
		{code: pcode("2502", "83", "01", 101195), name: "陵川县平城镇小学综合楼项目", owner: "陵川县教育科技局", town: "平城镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县教育局", leader: "赵文华", total: wan(2200), plan: wan(1500), done: wan(620), cum: wan(620), planStart: d(3, 20), actualStart: d(3, 28), status: "已开工", stats: "是"},
		{code: pcode("2501", "46", "01", 101204), name: "陵川县杨村镇污水处理站建设项目", owner: "陵川县城乡水务有限公司", town: "杨村镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县水务局", leader: "刘晓明", total: wan(1200), plan: wan(1000), done: wan(420), cum: wan(420), planStart: d(3, 5), actualStart: d(3, 10), status: "已开工", stats: "是"},
		{code: pcode("2503", "46", "01", 101216), name: "陵川县礼义镇应急水源工程", owner: "陵川县城乡水务有限公司", town: "礼义镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县水务局", leader: "刘晓明", total: wan(1600), plan: wan(1600), done: 0, cum: 0, planStart: d(5, 10), status: "未开工", stats: "否", problems: "用地预审手续正在办理"},
		{name: "陵川县崇文镇智慧停车场建设项目", owner: "陵川县城市建设投资有限公司", town: "崇文镇", nature: "新建", category: "基础设施", level: "县重点", unit: "县住建局", leader: "王建军", total: wan(980), plan: wan(980), done: wan(300), cum: wan(300), planStart: d(5, 1), actualStart: d(5, 12), status: "已开工", stats: "是", remark: "5月新开工"},
		{code: pcode("2501", "51", "03", 101233), name: "陵川县附城镇中药材交易市场项目", owner: "陵川县药都商贸有限公司", town: "附城镇", nature: "新建", category: "工业", level: "县重点", unit: "县工信局", leader: "李志强", total: wan(3600), plan: wan(2000), done: wan(820), cum: wan(820), planStart: d(3, 1), actualStart: d(3, 15), status: "已开工", stats: "是"},
		{code: pcode("2502", "85", "01", 101247), name: "陵川县平城镇养老服务中心项目", owner: "陵川县民政局", town: "平城镇", nature: "新建", category: "社会民生", level: "县重点", unit: "县民政局", leader: "赵文华", total: wan(1500), plan: wan(1200), done: wan(500), cum: wan(500), planStart: d(3, 10), actualStart: d(3, 18), status: "已开工", stats: "是"},
		{code: pcode("2504", "44", "03", 101258), name: "陵川县西河底镇光伏储能电站项目", owner: "陵川县储能科技有限公司", town: "西河底镇", nature: "新建", category: "能源", level: "市重点", unit: "县能源局", leader: "张海峰", total: wan(12000), plan: wan(5000), done: 0, cum: 0, planStart: d(8, 1), status: "未开工", stats: "否", problems: "接入系统方案待电网公司批复"},
		// 终止: a new project dropped by its investor; its annual plan was cut to 0.
		{name: "陵川县杨村镇滑雪场配套设施项目", owner: "陵川县冰雪运动发展有限公司", town: "杨村镇", nature: "终止", category: "文旅", level: "县重点", unit: "县文旅局", leader: "陈国栋", total: wan(3000), plan: 0, done: 0, cum: 0, planStart: d(6, 15), status: "未开工", stats: "否", remark: "投资方撤资，项目终止"},
	}
}

// writeCounty writes 全县开复工台账.xlsx and returns its table for the figures.
func writeCounty(path string) ([]project, error) {
	return writeCountyLedger(path, countyProjects(), "1-5月完成投资")
}

// writeCountyLedger writes a county ledger in the tidy layout: its projects and the
// header of its 本年完成投资 column, which dates it.
func writeCountyLedger(path string, ps []project, doneHeader string) ([]project, error) {
	const sheet = "开复工台账"
	b, err := newBook("陵川县2025年重点项目开复工台账", "县发改局", false)
	if err != nil {
		return nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	cols := canonicalCols(doneHeader)
	n := len(cols)
	if err := b.widths(sheet, cols); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 1, n, 1, "陵川县2025年重点项目开复工台账", b.st.title); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(sheet, 1, 32); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 2, 5, 2, "填报单位：县发改局", b.st.filler); err != nil {
		return nil, err
	}
	if err := b.set(sheet, n, 2, "单位：万元", b.st.unit); err != nil {
		return nil, err
	}
	if err := b.header(sheet, 3, cols); err != nil {
		return nil, err
	}
	row := 4
	for i := range ps {
		if err := b.projectRow(sheet, row, i+1, &ps[i], cols); err != nil {
			return nil, err
		}
		row++
	}
	if err := b.totalRow(sheet, row, cols, ps, "合计", nil); err != nil {
		return nil, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("填报说明"); err != nil {
		return nil, err
	}
	if err := b.textSheet("填报说明", []string{
		"填报说明",
		"一、本表由各责任单位于每月3日前报县发改局（攻坚专班办公室），金额单位为万元，保留两位小数。",
		"二、建设性质填写“新建”“续建”或“终止”；开工状态填写“已开工”“未开工”“已复工”“未复工”。",
		"三、实际开工时间以主体工程开工为准，勘察、拆迁、“三通一平”不算开工。",
		"四、年度计划投资5000万元以上的重点项目须明确县级包联领导。",
		"五、计划总投资500万元以上的项目开工后须及时入库纳统。",
		"联系人：县发改局投资股  电话：0356-6212345",
	}); err != nil {
		return nil, err
	}
	return ps, b.save(path)
}
