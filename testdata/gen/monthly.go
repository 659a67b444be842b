package main

import "github.com/xuri/excelize/v2"

var monthlyCols = []column{
	{"序号", 6, "seq", kCenter},
	{"项目名称", 32, "name", kWrap},
	{"建设单位", 26, "owner", kWrap},
	{"建设性质", 8, "nature", kCenter},
	{"项目类别", 10, "category", kCenter},
	{"责任单位", 13, "unit", kCenter},
	{"包联领导", 9, "leader", kCenter},
	{"总投资", 12, "total", kAmount},
	{"年度计划投资", 12, "plan", kAmount},
	{"开工/计划开工时间", 13, "start_or_plan", kDate},
	{"3月实际完成投资", 11, "m3", kAmount},
	{"4月实际完成投资", 11, "m4", kAmount},
	{"5月实际完成投资", 11, "m5", kAmount},
	{"5月形象进度", 24, "progress", kWrap},
	{"存在问题", 22, "problems", kWrap},
}

// monthlyProjects: no year-to-date and no status column; 本年完成投资 is the
// sum of the three month columns, and a start date after 05-31 is a plan.
func monthlyProjects() []project {
	m := func(a, b, c float64) []cents { return []cents{wan(a), wan(b), wan(c)} }
	return []project{
		{name: "陵川县附城镇太行山大峡谷康养项目", owner: "山西大峡谷康养产业有限公司", nature: "续建", category: "文旅", unit: "县文旅局", leader: "陈国栋", total: wan(28000), plan: wan(6000), months: m(820, 960, 1020.50), actualStart: d(3, 1), progress: "主体封顶，开始内部装修"},
		{name: "陵川县附城镇中药材产业园二期项目", owner: "陵川县药都产业园开发有限公司", nature: "续建", category: "工业", unit: "县工信局", leader: "李志强", total: wan(16000), plan: wan(5000), months: m(620, 780, 850), actualStart: d(2, 20), progress: "3号、4号厂房钢结构安装"},
		{name: "陵川县附城镇生活垃圾填埋场封场工程", owner: "陵川县环境卫生服务中心", nature: "续建", category: "基础设施", unit: "县住建局", leader: "王建军", total: wan(2400), plan: wan(1000), months: m(120, 160, 180), actualStart: d(3, 10), progress: "覆土绿化完成60%"},
		{name: "陵川县附城镇至礼义镇连接线工程", owner: "陵川县交通投资建设有限公司", nature: "续建", category: "基础设施", unit: "县交通局", leader: "陈国栋", total: wan(9800), plan: wan(3200), months: m(300, 420, 460), actualStart: d(3, 5), progress: "路基完成4.2公里", problems: "沿线电力杆线迁改滞后"},
		{name: "陵川县附城镇30MW分布式光伏项目", owner: "陵川县光合新能源有限公司", nature: "新建", category: "能源", unit: "县能源局", leader: "张海峰", total: wan(12000), plan: wan(8000), months: m(0, 1500, 1850), actualStart: d(3, 28), progress: "支架基础施工"},
		{name: "陵川县附城镇中学教学楼建设项目", owner: "陵川县教育科技局", nature: "新建", category: "社会民生", unit: "县教育局", leader: "赵文华", total: wan(3600), plan: wan(2000), months: m(150, 280, 320), actualStart: d(3, 18), progress: "基础工程完成"},
		{name: "陵川县附城镇集中供水工程", owner: "陵川县城乡水务有限公司", nature: "新建", category: "基础设施", unit: "县水务局", leader: "刘晓明", total: wan(1500), plan: wan(1200), months: m(80, 160, 210.50), actualStart: d(3, 25), progress: "管网铺设8公里"},
		{name: "陵川县附城镇肉牛养殖示范园项目", owner: "陵川县牧源农业开发有限公司", nature: "新建", category: "农业", unit: "县农业农村局", leader: "刘晓明", total: wan(4200), plan: wan(2500), months: m(0, 0, 360), actualStart: d(5, 8), progress: "场地平整"},
		{name: "陵川县附城镇商贸物流园项目", owner: "陵川县通汇商贸物流有限公司", nature: "新建", category: "招商引资", unit: "县工信局", leader: "李志强", total: wan(18000), plan: wan(4000), planStart: d(7, 15), problems: "土地招拍挂程序进行中"},
		{name: "陵川县附城镇文化活动中心项目", owner: "附城镇人民政府", nature: "新建", category: "社会民生", unit: "县文旅局", leader: "赵文华", total: wan(1800), plan: wan(800), planStart: d(9, 1), problems: "施工图审查中",
			raw: map[string]any{"m3": "—", "m4": "—", "m5": "—"}},
		{name: "陵川县附城镇农村公路提档升级工程", owner: "附城镇人民政府", nature: "新建", category: "基础设施", unit: "县交通局", leader: "陈国栋", total: wan(2600), plan: wan(2000), months: m(300, 420, 380), actualStart: d(3, 12), progress: "完成路面铺设6公里"},
	}
}

func writeMonthly(path string) ([]project, error) {
	const sheet = "月度调度"
	ps := monthlyProjects()
	for i := range ps {
		p := &ps[i]
		p.town = "附城镇"
		for _, v := range p.months {
			p.done += v
		}
	}
	b, err := newBook("附城镇2025年重点项目月度调度表", "附城镇人民政府", false)
	if err != nil {
		return nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	cols := monthlyCols
	n := len(cols)
	if err := b.widths(sheet, cols); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 1, n, 1, "附城镇2025年重点项目月度调度表", b.st.title); err != nil {
		return nil, err
	}
	if err := b.set(sheet, n, 2, "单位：万元", b.st.unit); err != nil {
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
