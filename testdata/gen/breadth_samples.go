package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The six breadth samples. Every figure a test asserts is worked out here by hand.

// writeLeaders: 包联领导台账.xlsx — several leaders in one cell, written every way
// clerks write them: a line break, a wide gap, 、 and /, two-character names padded to
// three with spaces, NBSP or a full-width space, a post before a name. A 市级领导
// column beside the 包联领导 one is recognised and not used.
//
//	8 projects: 新建 4 (rows 5, 6, 8, 10), 续建 4 (rows 4, 7, 9, 11).
//	Σ总投资 27200, Σ年度计划 13600, Σ1-5月完成 4850; as-of 2025-05-31 (header).
//	Leaders, 8 (splitting at every space and joining lines gives 14: "李志强王建军",
//	"副县长", and 周, 红, 吴, 刚, 赵, 敏 each alone): 李志强 rows 4, 10; 王建军 4, 11; 张国华 5; 刘晓明 5; 陈卫东 6, 11;
//	赵敏 6, 9; 周红 7, 9; 吴刚 8. Five projects have two leaders (rows 4, 5, 6, 9, 11).
//	一季度开门红: 续建 4/4 resumed, 新建 3/4 started by 03-31 (row 6 has no start): met.
//	Missed by groups: 陈卫东, 赵敏 and 县教育局 (their one 新建, row 6, not started).
func writeLeaders(path string) error {
	b, s, err := titledSheet("城关镇2025年重点项目开复工台账", "城关镇人民政府", "重点项目", "城关镇2025年重点项目开复工台账", []float64{6, 26, 9, 12, 12, 12, 13, 16, 10, 12})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-5月完成投资（万元）", "实际开工时间", "包联\n领导", "市级领导", "责任单位"); err != nil {
		return err
	}
	rows := [][]any{
		{1, "城关镇污水管网改造工程", "续建", 3000, 1200, 500, d(2, 10), "李志强\n王建军", "赵光明", "县住建局"},
		{2, "城关镇农贸市场建设项目", "新建", 2000, 800, 300, d(3, 15), "张国华    刘晓明", nil, "县商务局"},
		{3, "城关镇中学扩建工程", "新建", 5000, 2000, 0, nil, "陈卫东、赵敏", nil, "县教育局"},
		{4, "城关镇集中供热管网工程", "续建", 4000, 1500, 700, d(1, 20), "周  红", nil, "县住建局"},
		{5, "城关镇20MW光伏电站", "新建", 8000, 6000, 2500, d(3, 1), "吴\u00a0\u00a0\u00a0刚", "赵光明", "县能源局"},
		{6, "城关镇养老服务中心", "续建", 1500, 600, 250, d(2, 1), "赵\u3000敏、周  红", nil, "县民政局"},
		{7, "城关镇主街道路提升工程", "新建", 2500, 1000, 400, d(3, 20), "副县长 李志强", nil, "县交通局"},
		{8, "城关镇文化广场改造", "续建", 1200, 500, 200, d(3, 5), "王建军/陈卫东", nil, "县文旅局"},
	}
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	return b.save(path)
}

// writeProgressTitle: 进展情况表.xlsx — the reporting month only in the title
// ("…投资路线图及5月进展情况表"), no year above the table, the year in a 项目年份
// column (2023, a past year): as-of 2023-05-31 from the title, never today or the
// year's end. 建设性质 in the words of published 通报 (在建, 新开工), 是否开工 是/否,
// 截至上一年底累计完成投资, 当年投资计划 and 今年累计完成投资, 县级领导.
//
//	10 projects: 续建 3 (rows 4, 5, 9), 新建 7; started (是) rows 4, 5, 6, 9.
//	Σ总投资 37100, Σ当年投资计划 14500, Σ今年累计完成 4430.
//	status-conflict ×5: 是否开工 否 with investment done, rows 7, 8, 10, 11, 12 (row 13
//	has none done). done-exceeds-total: row 9, 3500 before + 600 this year > 4000.
//	一季度开门红 新建开工率 1/7 missed, for the whole ledger and for 张国华, 陈卫东,
//	刘晓明, 县工信局, 县文旅局, 县农业农村局 (7 target-missed).
func writeProgressTitle(path string) error {
	b, s, err := titledSheet("全县重点项目投资路线图及5月进展情况表", "县发展和改革局", "Sheet1", "全县重点项目投资路线图及5月进展情况表", []float64{6, 24, 8, 9, 24, 10, 12, 10, 10, 8, 20, 9, 12})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "项目年份", "建设性质", "建设内容和规模", "总投资", "截至上一年底累计完成投资", "当年投资计划", "今年累计完成投资", "是否开工", "目前形象进度", "县级领导", "责任单位"); err != nil {
		return err
	}
	y := txt("2023")
	rows := [][]any{
		{1, "县城北环路建设工程", y, "在建", "新建道路6.2公里", 10000, 4000, 3000, 1300, "是", "路基完成80%", "李志强", "县发改局"},
		{2, "县人民医院门诊楼", y, "在建", "建筑面积2.1万平方米", 6000, 2000, 2000, 900, "是", "主体施工至6层", "王建军", "县发改局"},
		{3, "县职教中心实训楼", y, "新开工", "建筑面积1.2万平方米", 5000, nil, 2500, 1100, "是", "基础施工", "李志强", "县发改局"},
		{4, "农产品冷链物流中心", y, "新开工", "冷库3万吨", 3000, nil, 1500, 200, "否", "场地平整", "张国华", "县工信局"},
		{5, "食品产业园标准厂房", y, "新开工", "厂房4栋", 2000, nil, 1000, 150, "否", "土地手续办理中", "张国华", "县工信局"},
		{6, "城区供水管网改造", y, "在建", "改造管网18公里", 4000, 3500, 1000, 600, "是", "完成管网12公里", "王建军", "县住建局"},
		{7, "古镇文化旅游街区", y, "新开工", "改造街区1.5公里", 2500, nil, 1200, 100, "否", "方案设计", "陈卫东", "县文旅局"},
		{8, "红色教育基地", y, "新开工", "展馆0.6万平方米", 1800, nil, 900, 50, "否", "征地拆迁", "陈卫东", "县文旅局"},
		{9, "高标准农田建设", y, "新开工", "2万亩", 1600, nil, 800, 30, "否", "招标完成", "刘晓明", "县农业农村局"},
		{10, "中药材种植示范园", y, "新开工", "种植基地3000亩", 1200, nil, 600, 0, "否", "前期手续办理", "刘晓明", "县农业农村局"},
	}
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	return b.save(path)
}

// systemProject is one row of the system export: its cumulative plan and done at
// June; the earlier months are these scaled by m/6.
type systemProject struct {
	name, content, nature, area, leader, cityLeader, unit, status, stats string
	total, plan, planJune, doneJune                                      int
}

// writeSystemExport: 系统导出台账.xlsx — a project-dispatch system's export: no title,
// every month's "1-N月计划投资" and "1-N月完成投资" (24 columns, "1月…" for January),
// only January to June filled, the year in a 年份 column, 是否开复工 as 1/0, 是否纳入统计
// as √/×, 县级领导 beside 市级包抓领导. A hidden sheet 导出备份 holds a fuller header
// the automatic choice must pass over (--sheet reads it).
//
//	6 projects: 新建 3 (rows 3, 5, 6; row 5 not started: 0), 续建 3. As-of 2025-06-30
//	(the latest filled column, 1-6月). Σ总投资 56000, Σ年度计划 25900, Σ1-6月完成 6900.
//	Judged against its own 1-6月计划投资: row 3 (18.8% of plan, own plan 50.0%) red
//	31.3 points; row 6 (40.0%, own 60.0%) yellow 20.0; row 4 (25.0%, own 30.0%) is
//	not behind, though 25 points below 6/12. not-in-stats: row 3 (started, ×).
func writeSystemExport(path string) error {
	b, err := newBook("项目汇总", "重点项目调度系统", false)
	if err != nil {
		return err
	}
	header := []string{"项目名称", "建设内容和规模", "总投资（万元）", "年度计划投资（万元)", "建设性质", "所属区域", "县级领导", "市级包抓领导"}
	for m := 1; m <= 12; m++ {
		span := fmt.Sprintf("1-%d月", m)
		if m == 1 {
			span = "1月"
		}
		header = append(header, span+"计划投资", span+"完成投资")
	}
	header = append(header, "项目进展情况", "是否纳入统计", "责任单位", "年份", "是否开复工")
	widths := make([]float64, len(header))
	for i := range widths {
		widths[i] = 11
	}
	widths[0], widths[1] = 22, 20
	ps := []systemProject{
		{"东区供水管网改造", "管网12公里", "续建", "东区", "李志强", "赵光明", "县水务局", "1", "√", 5000, 2400, 1200, 1100},
		{"西区物流园", "仓储10万平方米", "新建", "西区", "王建军、张国华", "赵光明", "县商务局", "1", "×", 20000, 8000, 4000, 1500},
		{"南山旅游公路", "二级公路18公里", "续建", "南区", "李志强", "", "县交通局", "1", "√", 12000, 6000, 1800, 1500},
		{"北区实验学校", "24个班", "新建", "北区", "刘晓明", "", "县教育局", "0", "×", 3000, 3000, 600, 0},
		{"产业园标准厂房", "厂房6栋", "新建", "西区", "王建军", "", "县工信局", "1", "√", 9000, 4500, 2700, 1800},
		{"城区污水处理厂提标", "日处理3万吨", "续建", "城区", "陈卫东", "", "县住建局", "1", "√", 7000, 2000, 1000, 1000},
	}
	write := func(sheet string, ps []systemProject) error {
		s, err := newSheetWriter(b, sheet, widths)
		if err != nil {
			return err
		}
		if err := s.header(header...); err != nil {
			return err
		}
		for _, p := range ps {
			cells := []any{p.name, p.content, p.total, p.plan, p.nature, p.area, p.leader, orNil(p.cityLeader)}
			for m := 1; m <= 12; m++ {
				if m > 6 {
					cells = append(cells, nil, nil)
					continue
				}
				cells = append(cells, cumulative(p.planJune, m), cumulative(p.doneJune, m))
			}
			status := yesNo(0)
			if p.status == "1" {
				status = 1
			}
			cells = append(cells, "按计划推进", p.stats, p.unit, txt("2025"), status)
			if err := s.line(cells...); err != nil {
				return err
			}
		}
		return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, XSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
	}
	if err := write("项目汇总", ps); err != nil {
		return err
	}
	// The hidden sheet: the same columns with a 序号 and a 项目代码 more (a better
	// header), and only two projects.
	if _, err := b.f.NewSheet("导出备份"); err != nil {
		return err
	}
	backup := append([]string{"序号", "项目代码"}, header...)
	s := &sheetWriter{b: b, name: "导出备份", row: 1, width: len(backup)}
	if err := s.header(backup...); err != nil {
		return err
	}
	for i, p := range ps[:2] {
		if err := s.line(i+1, fmt.Sprintf("2501-140524-04-01-00000%d", i+1), p.name, p.content, p.total, p.plan, p.nature, p.area, p.leader); err != nil {
			return err
		}
	}
	if err := printSetup(b.f, "导出备份"); err != nil {
		return err
	}
	if err := b.f.SetSheetVisible("导出备份", false); err != nil {
		return err
	}
	return b.save(path)
}

// cumulative is a June figure scaled to month m, in whole 万元 and hundredths.
func cumulative(june, m int) float64 {
	return float64(june*100*m/6) / 100
}

// writeSubTables: 分类子表台账.xlsx — one sub-table per 类别, each opening with its title
// ("社会事业类项目" with "总数2个" beside it; "产业类项目（3个）"; "基础设施项目" alone) and
// its own copy of the header. No 项目类别 column: the titles set it.
//
//	7 projects: 社会事业 2 (rows 5, 6), 产业 3 (rows 9-11), 基础设施 2 (rows 14, 15);
//	新建 4, 续建 3. Σ总投资 25400, Σ年度计划 11600, Σ1-6月完成 5390 (the 合计 row, 16,
//	agrees). As-of 2025-06-30 from the title and the header.
func writeSubTables(path string) error {
	b, s, err := titledSheet("平川县2025年重点项目推进情况表", "平川县发展和改革局", "推进情况", "平川县2025年重点项目推进情况表（截至2025年6月30日）", []float64{6, 26, 22, 9, 11, 12, 12, 13, 10})
	if err != nil {
		return err
	}
	head := []string{"序号", "项目名称", "建设单位", "建设性质", "总投资", "年度计划投资", "1-6月完成投资", "实际开工时间", "包联领导"}
	blocks := []struct {
		title, count string
		rows         [][]any
	}{
		{"社会事业类项目", "总数2个", [][]any{
			{1, "平川县第二幼儿园", "县教育局", "新建", 2400, 1200, 650, d(3, 18), "李志强"},
			{2, "平川县全民健身中心", "县文旅局", "续建", 3600, 1500, 800, d(2, 25), "王建军"},
		}},
		{"产业类项目（3个）", "", [][]any{
			{1, "平川县农产品加工园", "平川县农投公司", "新建", 6000, 3000, 1500, d(4, 8), "张国华"},
			{2, "平川县新型建材厂", "平川县建材有限公司", "续建", 5200, 2000, 1100, d(1, 15), "张国华"},
			{3, "平川县电商物流仓", "平川县邮政分公司", "新建", 1800, 900, 340, d(5, 6), "刘晓明"},
		}},
		{"基础设施项目", "", [][]any{
			{1, "平川县城区雨污分流工程", "县住建局", "续建", 4200, 2200, 700, d(3, 2), "陈卫东"},
			{2, "平川县乡村公路改造", "县交通局", "新建", 2200, 800, 300, d(3, 28), "陈卫东"},
		}},
	}
	for _, blk := range blocks {
		if err := s.blockTitle(blk.title, blk.count); err != nil {
			return err
		}
		if err := s.header(head...); err != nil {
			return err
		}
		for _, r := range blk.rows {
			if err := s.line(r...); err != nil {
				return err
			}
		}
	}
	if err := s.line("合计", nil, nil, nil, 25400, 11600, 5390, nil, nil); err != nil {
		return err
	}
	return b.save(path)
}

// writeGroupHeader: 分组表头台账.xlsx — two header rows whose group cells are no
// field: "项目起止年月" over "起 | 止" (both halves of 建设起止年限), "二季度工作计划"
// over "工作内容及形象进度 | 投资" (a quarter's plan, not the year's), "预计新增经济
// 效益" over "销售 | 利润 | 税金". Both rows are header rows; the children are known
// by parent and child or not at all.
//
//	4 projects, rows 5-8: 新建 2, 续建 2, all started by 03-31. Σ总投资 14000, Σ年度计划
//	6400, Σ1-6月完成 3300 (51.6%): every milestone met, no finding at all. Period of
//	row 5: "2024.03-2026.12".
func writeGroupHeader(path string) error {
	b, s, err := titledSheet("2025年重点项目季度工作计划表", "县发展和改革局", "季度计划", "2025年重点项目季度工作计划表", []float64{6, 24, 9, 9, 9, 10, 12, 12, 24, 9, 9, 9, 9, 10, 13})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设性质", "项目起止年月", "", "总投资", "年度计划投资", "1-6月完成投资", "二季度工作计划", "", "预计新增经济效益", "", "", "包联领导", "实际开工时间"); err != nil {
		return err
	}
	if err := s.header("", "", "", "起", "止", "", "", "", "工作内容及形象进度", "投资", "销售", "利润", "税金", "", ""); err != nil {
		return err
	}
	for _, m := range [][4]int{{1, -2, 1, -1}, {2, -2, 2, -1}, {3, -2, 3, -1}, {4, -2, 5, -2}, {6, -2, 6, -1}, {7, -2, 7, -1},
		{8, -2, 8, -1}, {9, -2, 10, -2}, {11, -2, 13, -2}, {14, -2, 14, -1}, {15, -2, 15, -1}} {
		if err := s.mergeHeader(m[0], m[1], m[2], m[3]); err != nil {
			return err
		}
	}
	rows := [][]any{
		{1, "县城南污水处理厂", "续建", txt("2024.03"), txt("2026.12"), 5000, 2000, 1000, "二沉池及管网施工", 600, nil, nil, nil, "李志强", d(2, 20)},
		{2, "县第三中学建设项目", "新建", txt("2025.03"), txt("2026.08"), 4000, 2400, 1200, "主体封顶", 900, nil, nil, nil, "王建军", d(3, 10)},
		{3, "特色农产品加工厂", "新建", txt("2025.04"), txt("2026.06"), 3000, 1200, 700, "设备安装", 400, 8000, 900, 300, "张国华", d(3, 25)},
		{4, "县城集中供热改造", "续建", txt("2024.05"), txt("2025.10"), 2000, 800, 400, "管网改造", 200, nil, nil, nil, "刘晓明", d(1, 12)},
	}
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	return b.save(path)
}

// writeReserve: 预备项目台账.xlsx — values as published ledgers write them: 建设性质 在建,
// 新开工, 计划新开工, 预备, 储备, 前期; 计划开工时间 as a year (2025 as a number, "2026"),
// a quarter ("2025年四季度", "三季度"), "2025年底"; 是否开工 as 1/0, √/× and 否; 是否入库
// as √/×; what was done before this year as "至2024年已累计完成投资".
//
//	10 projects: 续建 2 (rows 4, 5), 新建 5 (rows 6, 7, 8, 9, 13), 预备 3 (rows 10-12:
//	listed, counted apart, in no start rate). Started: rows 4, 5, 6, 13 (新建 2 of 5).
//	Σ总投资 36800, Σ年度计划 9200, Σ1-9月完成 3500; as-of 2025-09-30 (title).
//	done-exceeds-total: row 5 (4500 before + 800 > 5000). not-in-stats: row 6 (×).
//	overdue-start: row 9 (二季度, over); rows 7 (四季度) and 8 (三季度, ends on the as-of
//	date) are not overdue yet. behind-schedule (75%): row 6 yellow (60.0%), row 13 red
//	(33.3%), row 9 red (not started after its quarter). target-missed: 一季度 新建开工率
//	(40.0%), 上半年 新建开工率 and 投资完成率 (38.0%), 三季度 both.
func writeReserve(path string) error {
	b, s, err := titledSheet("2025年重点项目开复工台账", "县发展和改革局", "开复工台账", "2025年重点项目开复工台账（截至2025年9月30日）", []float64{6, 24, 10, 10, 12, 12, 12, 14, 9, 9})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设性质", "总投资", "至2024年已累计完成投资", "年度计划投资", "1-9月完成投资", "计划开工时间", "是否开工", "是否入库"); err != nil {
		return err
	}
	rows := [][]any{
		{1, "县城东区棚户区改造", "在建", 8000, 3000, 2000, 1500, nil, yesNo(1), "√"},
		{2, "县医院综合楼", "在建", 5000, 4500, 1000, 800, nil, "√", "√"},
		{3, "装配式建筑产业园", "新开工", 3000, nil, 1500, 900, 2025, yesNo(1), "×"},
		{4, "县城智慧停车场", "新开工", 2000, nil, 1000, 0, "2025年四季度", yesNo(0), "×"},
		{5, "农村供水保障工程", "计划新开工", 1500, nil, 800, 0, "三季度", nil, nil},
		{6, "城乡客运枢纽站", "新开工", 2500, nil, 1200, 0, "2025年二季度", "×", "×"},
		{7, "抽水蓄能电站", "预备", 6000, nil, 500, 0, txt("2026"), yesNo(0), "×"},
		{8, "县城南环线", "储备", 4000, nil, 0, 0, nil, "否", nil},
		{9, "文旅康养小镇", "前期", 3000, nil, 300, 0, "2025年底", yesNo(0), nil},
		{10, "有机肥加工厂", "新开工", 1800, nil, 900, 300, "2024年", "√", "√"},
	}
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	return b.save(path)
}
