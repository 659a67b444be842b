package main

import "fmt"

// Two more layouts of published tables: a city's 省市重点项目 monthly progress sheet
// and a 办事处's quarterly 推进情况表. Neither says 建设性质 or 开工状态: they report
// investment and 形象进度 only, so only the investment figures can be judged.

// writeCityMonthly: 省市重点项目6月进度表.xlsx — a city's key projects as its 发改委
// tracks them month by month: 1-5月完成投资, 6月完成投资 (that month alone) and 1-6月
// 完成投资 side by side, the clerk's own 完成率 (a percentage the reader leaves alone),
// "2025年工程形象进度" over 5月进度 | 6月进度 | 全年目标, the year's plan as "2025年预计
// 投资", what was done before as "截至2024年底累计完成投资", and the projects in two
// sections, 省重点 and 市重点, each with its 小计 in the section row.
//
//	14 projects (省重点 5, 市重点 9). As-of 2025-06-30 (the 1-6月 column). Σ计划总投资
//	1128000, Σ2025年预计投资 286200, Σ1-6月完成投资 139510, of which 6月 22380; Σ截至
//	2024年底 312400. The sums are in the file's 合计 and 小计 rows.
func writeCityMonthly(path string) error {
	type row struct {
		level, name, period, content, owner, unit string
		total, before, plan, may, june            int
		progMay, progJune, target                 string
	}
	all := []row{
		{"省重点", "江城至临港高速公路", "2023-2026年", "双向四车道高速公路56公里", "江城交投集团", "市交通运输局", 280000, 96000, 60000, 26000, 5600, "路基完成65%", "路基完成72%", "路基全部完成，路面完成30%"},
		{"省重点", "江城国际陆港物流枢纽", "2024-2027年", "仓储及分拨中心28万平方米", "江城陆港公司", "市商务局", 150000, 22000, 38000, 13500, 3100, "主体施工", "主体封顶", "一期投入运营"},
		{"省重点", "江城第一人民医院新院区", "2022-2025年", "床位1500张，建筑面积26万平方米", "市第一人民医院", "市卫健委", 180000, 120000, 45000, 21000, 3900, "室内装修", "设备安装", "建成投用"},
		{"省重点", "江城锂电新材料产业园", "2025-2027年", "年产5万吨正极材料", "江城新能科技有限公司", "市经信局", 220000, 0, 50000, 9000, 2500, "厂房基础施工", "厂房主体施工", "一期厂房封顶"},
		{"省重点", "江城引水二期工程", "2024-2026年", "输水管线42公里", "江城水务集团", "市水利局", 86000, 18000, 26000, 9800, 2100, "管线完成40%", "管线完成48%", "管线全部完成"},
		{"市重点", "江城老城区有机更新", "2024-2026年", "改造片区1.2平方公里", "江城城投公司", "市住建局", 45000, 9000, 15000, 4800, 1200, "拆迁安置", "道路施工", "完成道路及管网"},
		{"市重点", "江城职业技术学院新校区", "2023-2025年", "建筑面积18万平方米", "江城职业技术学院", "市教育局", 62000, 36000, 16000, 7400, 1500, "主体完工", "室内装修", "秋季投用"},
		{"市重点", "江城智慧停车场", "2025-2026年", "停车位3200个", "江城城投公司", "市住建局", 12000, 0, 6000, 600, 400, "基础施工", "基础施工", "完成主体"},
		{"市重点", "江城农产品冷链中心", "2025-2026年", "冷库5万吨", "江城供销集团", "市商务局", 18000, 0, 8000, 1500, 700, "场地平整", "桩基施工", "主体完工"},
		{"市重点", "江城污水处理厂三期", "2024-2025年", "日处理8万吨", "江城水务集团", "市住建局", 24000, 11400, 10600, 5200, 1300, "设备安装", "设备调试", "通水运行"},
		{"市重点", "江城文化艺术中心", "2023-2026年", "建筑面积6.5万平方米", "江城文旅集团", "市文广旅局", 38000, 16000, 9000, 3100, 580, "主体施工", "主体施工", "主体封顶"},
		{"市重点", "江城体育公园", "2025-2026年", "占地420亩", "江城城投公司", "市体育局", 9000, 0, 4200, 0, 0, "方案设计", "施工招标", "完成主体工程"},
		{"市重点", "江城高新区标准厂房", "2024-2025年", "厂房12万平方米", "江城高新区管委会", "市经信局", 16000, 6000, 9400, 4100, 900, "主体施工", "主体封顶", "交付使用"},
		{"市重点", "江城城乡供水一体化", "2024-2026年", "新建水厂1座及管网", "江城水务集团", "市水利局", 8000, 1000, 2000, 550, 400, "管网施工", "管网施工", "完成管网60%"},
	}
	b, s, err := titledSheet("江城市2025年省市重点项目6月进度表", "江城市发展和改革委员会", "6月进度", "江城市2025年省市重点项目6月进度表",
		[]float64{5, 26, 11, 24, 11, 12, 11, 11, 10, 11, 8, 14, 14, 18, 18, 12, 8})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设起止年", "建设内容及规模", "计划总投资", "截至2024年底累计完成投资", "2025年预计投资",
		"1-5月完成投资", "6月完成投资", "1-6月完成投资", "完成率", "2025年工程形象进度", "", "", "业主单位", "责任单位", "备注"); err != nil {
		return err
	}
	if err := s.header("", "", "", "", "", "", "", "", "", "", "", "5月进度", "6月进度", "全年目标", "", "", ""); err != nil {
		return err
	}
	if err := s.mergeTwoRows(12, 14); err != nil {
		return err
	}
	sums := func(rs []row) []any {
		var total, before, plan, may, june int
		for _, r := range rs {
			total, before, plan, may, june = total+r.total, before+r.before, plan+r.plan, may+r.may, june+r.june
		}
		return []any{nil, nil, total, before, plan, may, june, may + june, fmt.Sprintf("%.1f%%", float64(may+june)*100/float64(plan))}
	}
	if err := s.line(append([]any{nil, "合计"}, sums(all)...)...); err != nil {
		return err
	}
	seq := 0
	for _, sec := range []struct{ title, level string }{{"一、省重点项目（5个）", "省重点"}, {"二、市重点项目（9个）", "市重点"}} {
		var rows []row
		for _, r := range all {
			if r.level == sec.level {
				rows = append(rows, r)
			}
		}
		if err := s.line(append([]any{nil, sec.title}, sums(rows)...)...); err != nil {
			return err
		}
		for _, r := range rows {
			seq++
			var before any
			if r.before != 0 {
				before = r.before
			}
			rate := fmt.Sprintf("%.1f%%", float64(r.may+r.june)*100/float64(r.plan))
			if err := s.line(seq, r.name, r.period, r.content, r.total, before, r.plan, r.may, r.june, r.may+r.june, rate,
				r.progMay, r.progJune, r.target, r.owner, r.unit, sec.level); err != nil {
				return err
			}
		}
	}
	return b.save(path)
}

// writeQuarterTable: 二季度推进情况表.xlsx — a 办事处's table for its quarterly report,
// as its web system prints it: the title names the quarter and not the year ("城南办事
// 处重点项目二季度推进情况表"), the line under it the office and the day it was filled
// in, the year in the headers only ("2024年计划投资", "2024年1-6月完成投资"), 区县
// beside 建设地址, where each project should be by the year's end ("2024年底工程应达
// 形象进度") beside where it is ("目前形象进度").
//
//	8 projects. As-of 2024-06-30 (the header, and the title's 二季度). Σ计划总投资 52600,
//	Σ2024年计划投资 17400, Σ1-6月完成投资 8050 (46.3%), of which 6月 1580. Behind
//	序时进度 (50%) by 10 points or more: 城南社区卫生服务中心 (25.0%, red 25.0 →
//	yellow), 城南老旧小区改造 (0.0%, red).
func writeQuarterTable(path string) error {
	b, s, err := titledSheet("城南办事处重点项目二季度推进情况表", "城南办事处", "Sheet1", "城南办事处重点项目二季度推进情况表",
		[]float64{5, 8, 24, 14, 11, 22, 11, 11, 18, 12, 10, 12, 18, 16})
	if err != nil {
		return err
	}
	// The line under the title: the office and the day; no 单位 (the table is in 万元).
	if err := s.b.set(s.name, 14, 2, nil, s.b.st.unit); err != nil {
		return err
	}
	if err := s.b.set(s.name, 1, 2, "城南办项目组    填报时间：2024年7月5日", s.b.st.filler); err != nil {
		return err
	}
	if err := s.header("序号", "区县", "项目名称", "建设地址", "建设起止年限", "项目建设规模", "计划总投资", "2024年计划投资",
		"2024年底工程应达形象进度", "至2023年已累计完成投资", "2024年6月完成投资", "2024年1-6月完成投资", "目前形象进度", "项目业主"); err != nil {
		return err
	}
	rows := [][]any{
		{1, "城南区", "城南滨河景观带", "滨河路沿线", "2023-2025", "景观绿化12万平方米", 9000, 3000, "全部完工", 4200, 300, 1650, "绿化完成70%", "城南城投公司"},
		{2, "城南区", "城南农贸市场改造", "建设路", "2024-2024", "改造市场1.1万平方米", 2600, 2600, "投入使用", nil, 260, 1300, "主体改造完成", "城南办事处"},
		{3, "城南区", "城南社区卫生服务中心", "幸福街", "2024-2025", "建筑面积0.8万平方米", 3200, 2000, "主体封顶", nil, 100, 500, "基础施工", "城南办事处"},
		{4, "城南区", "城南老旧小区改造", "城南片区", "2024-2025", "改造小区14个", 5800, 2400, "完成改造8个", nil, 0, 0, "方案设计", "城南城投公司"},
		{5, "城南区", "城南小学扩建", "学府路", "2023-2024", "新建教学楼1栋", 4000, 1600, "秋季投用", 2100, 300, 900, "室内装修", "区教育局"},
		{6, "城南区", "城南雨污分流工程", "城南片区", "2024-2025", "改造管网16公里", 6000, 2600, "完成管网12公里", nil, 320, 1400, "完成管网7公里", "城南城投公司"},
		{7, "城南区", "城南商业街提升", "解放路", "2022-2024", "街区改造1.3公里", 12000, 1200, "全部完工", 10500, 150, 800, "完成立面改造", "城南文旅公司"},
		{8, "城南区", "城南物流配送中心", "工业园", "2024-2026", "仓储3万平方米", 10000, 2000, "主体完工", nil, 150, 1500, "主体施工", "城南物流公司"},
	}
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	return b.save(path)
}
