package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// liyiContinuing and liyiNew are the 礼义镇 May ledger. The ledger has no
// 建设性质 column: the section rows set it. raw holds the cells as the clerk
// typed them (text dates, text amounts); the typed fields are their meaning,
// and checkRawText confirms the two agree.
func liyiContinuing() []project {
	return []project{
		{name: "陵川县礼义镇铸造产业园标准化厂房项目", owner: "陵川县礼义工业园区开发有限公司", nature: "续建", unit: "县工信局", leader: "李志强",
			total: wan(15800), plan: wan(4500), done: wan(2036.40), planStart: d(2, 20), actualStart: d(2, 26), status: "是",
			raw: map[string]any{"plan": "4,500", "done": "2,036.40", "plan_start": "2025.2.20", "actual_start": "2025.2.26"}},
		{name: "陵川县礼义镇年产10万吨精制石料项目", owner: "陵川县宏达建材有限公司", nature: "续建", unit: "县工信局", leader: "李志强",
			total: wan(6200), plan: wan(1800), done: wan(760), planStart: month(3), actualStart: d(3, 1), status: "是",
			raw: map[string]any{"total": "6,200.00", "done": " 760 ", "plan_start": "2025年3月", "actual_start": "2025/3/1"}},
		{name: "陵川县礼义镇\n污水处理工程", owner: "陵川县城乡水务有限公司", nature: "续建", unit: "县住建局", leader: "王建军",
			total: wan(1200), plan: wan(600), done: wan(252.50), planStart: month(3), actualStart: d(3, 20), status: "是",
			problems: "管网入户段需协调村民",
			raw:      map[string]any{"total": "１２００", "plan": "600", "done": "252.50", "plan_start": "2025.03", "actual_start": "3月20日"}},
		{name: "陵川县礼义镇东城村至西城村道路改造工程", owner: "礼义镇人民政府", nature: "续建", unit: "县交通局", leader: "陈国栋",
			total: wan(2350.80), plan: wan(1200), done: wan(530.25), planStart: d(3, 1), actualStart: d(3, 5), status: "是",
			raw: map[string]any{"plan_start": "2025-03-01", "actual_start": "2025-03-05"}},
		{name: "陵川县礼义镇中心卫生院改造提升项目", owner: "陵川县礼义镇中心卫生院", nature: "续建", unit: "县卫健局", leader: "赵文华",
			total: wan(1200.50), plan: wan(800.50), done: wan(360), planStart: d(3, 10), actualStart: d(3, 15), status: "是",
			raw: map[string]any{"total": "1,200.50", "plan": "800.50", "done": "360.00", "plan_start": "2025年3月10日", "actual_start": "2025年3月15日"}},
	}
}

func liyiNew() []project {
	return []project{
		{name: "陵川县礼义镇50MW农光互补光伏项目", owner: "陵川县晶耀新能源有限公司", nature: "新建", unit: "县能源局", leader: "张海峰",
			total: wan(32000), plan: wan(12000), done: wan(4850), planStart: d(3, 15), actualStart: d(3, 28), status: "是",
			raw: map[string]any{"done": "4,850.00", "plan_start": "2025.3.15", "actual_start": "2025.3.28"}},
		{name: "陵川县礼义镇分散式风电项目", owner: "陵川县风润新能源有限公司", nature: "新建", unit: "县能源局", leader: "张海峰",
			total: wan(18500), plan: wan(6000), done: wan(2300), planStart: d(3, 1), actualStart: d(3, 8), status: "是",
			raw: map[string]any{"done": "2,300", "plan_start": "2025/3/1", "actual_start": "2025-03-08"}},
		{name: "陵川县礼义镇储能电站项目", owner: "陵川县储能科技有限公司", nature: "新建", unit: "县能源局", leader: "张海峰",
			total: wan(9600), plan: wan(3000), noDone: true, planStart: month(6), status: "否",
			problems: "并网接入批复尚未下达",
			raw:      map[string]any{"done": "—", "plan_start": "2025年6月"}},
		{name: "陵川县礼义镇党参连翘中药材加工项目", owner: "陵川县本草源药业有限公司", nature: "新建", unit: "县工信局", leader: "李志强",
			total: wan(5200), plan: wan(2600), done: wan(1050), planStart: month(3), actualStart: month(3), status: "是",
			raw: map[string]any{"done": "1,050.00", "plan_start": "2025.3", "actual_start": "2025年3月"}},
		{name: "陵川县礼义镇幸福院（农村养老服务中心）建设项目", owner: "礼义镇人民政府", nature: "新建", unit: "县民政局", leader: "赵文华",
			total: wan(860), plan: wan(860), done: wan(300), planStart: d(3, 20), actualStart: d(3, 26), status: "是",
			raw: map[string]any{"done": " 300 ", "plan_start": "3月20日", "actual_start": "3月26日"}},
		{name: "陵川县礼义镇智慧农业大棚项目", owner: "陵川县绿源农业开发有限公司", nature: "新建", unit: "县农业农村局", leader: "刘晓明",
			total: wan(2400), plan: wan(1500), noDone: true, planStart: month(7), status: "否",
			problems: "土地流转尚未完成",
			raw:      map[string]any{"done": "-", "plan_start": "2025年7月"}},
		{name: "陵川县礼义镇文旅康养小镇项目", owner: "山西太行文旅康养有限公司", nature: "新建", unit: "县文旅局", leader: "陈国栋",
			total: wan(45000), plan: wan(5000), done: wan(1500), planStart: d(4, 10), actualStart: d(4, 15), status: "是",
			raw: map[string]any{"plan_start": "2025.4.10", "actual_start": "2025年4月15日"}},
	}
}

// liyiCols is the May sheet's column order; the header is written by hand
// because it has two levels.
var liyiCols = []column{
	{"序号", 6, "seq", kCenter},
	{"项目名称", 30, "name", kWrap},
	{"*建设单位", 26, "owner", kWrap},
	{"总投资", 11, "total", kAmount},
	{"2025年计划投资", 11, "plan", kAmount},
	{"1—5月累计完成", 11, "done", kAmount},
	{"计划开工时间", 13, "plan_start", kCenter},
	{"开复工时间", 13, "actual_start", kCenter},
	{"是否开复工", 8, "status", kCenter},
	{"责任单位", 12, "unit", kCenter},
	{"包联领导", 9, "leader", kCenter},
	{"存在的主要困难\n和问题", 24, "problems", kWrap},
}

// liyiLayout records where the May sheet's rows went, for the README.
type liyiLayout struct {
	totalRow, contSection, contSubtotal, newSection, newSubtotal int
	firstCont, firstNew                                          int
}

func writeLiyi(path string) ([]project, liyiLayout, error) {
	var lay liyiLayout
	cont, nw := liyiContinuing(), liyiNew()
	all := append(append([]project{}, cont...), nw...)
	b, err := newBook("礼义镇2025年重点项目开复工台账", "礼义镇人民政府", false)
	if err != nil {
		return nil, lay, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", "填报说明"); err != nil {
		return nil, lay, err
	}
	if err := b.textSheet("填报说明", []string{
		"礼义镇重点项目开复工台账填报说明",
		"1. 每月3日前将上月台账报县攻坚专班办公室，新增一个工作表，表名为“N月台账”，不要删除以前月份的工作表。",
		"2. 续建项目、新建项目分别列示，每类后加小计；合计放在表头下方。",
		"3. 日期写到日，如只知道月份可写到月；金额以万元为单位。",
		"4. 带*号的栏目为必填项。",
	}); err != nil {
		return nil, lay, err
	}
	if err := writeLiyiApril(b); err != nil {
		return nil, lay, err
	}

	const sheet = "5月台账"
	if _, err := f.NewSheet(sheet); err != nil {
		return nil, lay, err
	}
	n := len(liyiCols)
	if err := b.widths(sheet, liyiCols); err != nil {
		return nil, lay, err
	}
	if err := b.merge(sheet, 1, 1, n, 1, "礼义镇2025年重点项目开复工台账（截至2025年5月底）", b.st.title); err != nil {
		return nil, lay, err
	}
	if err := b.merge(sheet, 1, 2, 6, 2, "报送单位：礼义镇人民政府", b.st.filler); err != nil {
		return nil, lay, err
	}
	// Two-level header, rows 3–4: single columns merged vertically, groups horizontally.
	for i, c := range liyiCols {
		col := i + 1
		switch {
		case col >= 4 && col <= 9:
			if err := b.set(sheet, col, 4, c.header, b.st.header); err != nil {
				return nil, lay, err
			}
		default:
			if err := b.merge(sheet, col, 3, col, 4, c.header, b.st.header); err != nil {
				return nil, lay, err
			}
		}
	}
	if err := b.merge(sheet, 4, 3, 6, 3, "投资情况（万元）", b.st.header); err != nil {
		return nil, lay, err
	}
	if err := b.merge(sheet, 7, 3, 9, 3, "开工情况", b.st.header); err != nil {
		return nil, lay, err
	}
	for _, r := range []int{3, 4} {
		if err := f.SetRowHeight(sheet, r, 24); err != nil {
			return nil, lay, err
		}
	}

	// subtotal writes a 合计/小计 row: the label merged over 序号..建设单位.
	subtotal := func(row int, label string, ps []project, totalAsText bool) error {
		if err := b.merge(sheet, 1, row, 3, row, label, b.st.totalText); err != nil {
			return err
		}
		for col := 4; col <= n; col++ {
			var v any
			style := b.st.totalText
			if col <= 6 {
				style = b.st.totalAmount
				s := sumField(ps, liyiCols[col-1].field)
				v = s.float()
				if col == 4 && totalAsText {
					v, style = s.grouped(), b.st.totalText
				}
			}
			if err := b.set(sheet, col, row, v, style); err != nil {
				return err
			}
		}
		return nil
	}

	lay.totalRow = 5
	if err := subtotal(5, fmt.Sprintf("合计：%d个", len(all)), all, false); err != nil {
		return nil, lay, err
	}
	row := 6
	seq := 1
	section := func(label string, ps []project, totalAsText bool, first, sec, sub *int) error {
		*sec = row
		if err := b.merge(sheet, 1, row, n, row, label, b.st.section); err != nil {
			return err
		}
		row++
		*first = row
		for i := range ps {
			if err := b.projectRow(sheet, row, seq, &ps[i], liyiCols); err != nil {
				return err
			}
			if err := f.SetRowHeight(sheet, row, 28); err != nil {
				return err
			}
			row++
			seq++
		}
		*sub = row
		if err := subtotal(row, "小计", ps, totalAsText); err != nil {
			return err
		}
		row++
		return nil
	}
	if err := section(fmt.Sprintf("一、续建项目（%d个）", len(cont)), cont, true, &lay.firstCont, &lay.contSection, &lay.contSubtotal); err != nil {
		return nil, lay, err
	}
	if err := section(fmt.Sprintf("二、新建项目（%d个）", len(nw)), nw, false, &lay.firstNew, &lay.newSection, &lay.newSubtotal); err != nil {
		return nil, lay, err
	}
	// 责任单位 (and for the energy projects 包联领导) merged over the rows that share it.
	merges := []struct{ col, from, to int }{
		{10, lay.firstCont, lay.firstCont + 1}, // 县工信局 over the two industrial projects
		{10, lay.firstNew, lay.firstNew + 2},   // 县能源局 over the three energy projects
		{11, lay.firstNew, lay.firstNew + 2},   // 张海峰 likewise
	}
	for _, m := range merges {
		from, _ := excelize.CoordinatesToCellName(m.col, m.from)
		v, _ := f.GetCellValue(sheet, from)
		for r := m.from + 1; r <= m.to; r++ {
			cell, _ := excelize.CoordinatesToCellName(m.col, r)
			if err := f.SetCellValue(sheet, cell, nil); err != nil {
				return nil, lay, err
			}
		}
		if err := b.merge(sheet, m.col, m.from, m.col, m.to, v, b.st.center); err != nil {
			return nil, lay, err
		}
	}
	row++ // a blank row, then the notes clerks put under the table
	if err := b.set(sheet, 1, row, "注：本表金额单位为万元。", b.st.note); err != nil {
		return nil, lay, err
	}
	if err := b.set(sheet, 1, row+1, "填报人：张三  审核人：李四", b.st.note); err != nil {
		return nil, lay, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"}); err != nil {
		return nil, lay, err
	}
	idx, err := f.GetSheetIndex(sheet)
	if err != nil {
		return nil, lay, err
	}
	f.SetActiveSheet(idx)
	if err := f.SaveAs(path); err != nil {
		return nil, lay, err
	}
	if err := f.Close(); err != nil {
		return nil, lay, err
	}
	return all, lay, plainFile(path)
}

// writeLiyiApril writes last month's sheet: fewer projects and fields, a
// "1-3月完成投资" header. It must lose to the May sheet when the reader picks one.
func writeLiyiApril(b *book) error {
	const sheet = "4月台账"
	f := b.f
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	cols := []column{
		{"序号", 6, "seq", kCenter},
		{"项目名称", 30, "name", kWrap},
		{"建设单位", 26, "owner", kWrap},
		{"总投资", 11, "total", kAmount},
		{"年度计划投资", 11, "plan", kAmount},
		{"1-3月完成投资", 11, "done", kAmount},
		{"开复工时间", 13, "actual_start", kDate},
		{"备注", 16, "remark", kWrap},
	}
	// Older figures: the same first projects, with what was done by March.
	older := append(liyiContinuing(), liyiNew()[0], liyiNew()[1], liyiNew()[3])
	doneMarch := []cents{wan(820), wan(310), wan(96), wan(180.25), wan(120), wan(1200), wan(400), wan(380)}
	for i := range older {
		older[i].raw = nil
		older[i].done = doneMarch[i]
		older[i].noDone = false
		if older[i].actualStart.d == 0 {
			older[i].actualStart.d = 20 // the April sheet had the day
		}
	}
	if err := b.widths(sheet, cols); err != nil {
		return err
	}
	if err := b.merge(sheet, 1, 1, len(cols), 1, "礼义镇2025年重点项目开复工台账（截至2025年3月底）", b.st.title); err != nil {
		return err
	}
	if err := b.header(sheet, 2, cols); err != nil {
		return err
	}
	for i := range older {
		if err := b.projectRow(sheet, 3+i, i+1, &older[i], cols); err != nil {
			return err
		}
	}
	return b.totalRow(sheet, 3+len(older), cols, older, "合计", nil)
}
