package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// writeBig writes an n-row ledger for timing and memory tests. It uses the
// StreamWriter because the normal API needs minutes and gigabytes at 100k
// rows. The data are random but seeded, so the same n gives the same file.
// Rows are clean of error-level defects; overdue and behind-schedule warnings
// occur naturally.
func writeBig(n int, path string) (figures, error) {
	var fg figures
	if n < 1 {
		return fg, fmt.Errorf("-big 需要正整数，得到 %d", n)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Title: "陵川县2025年重点项目开复工台账（压力测试）", Creator: "县发改局",
		Created: fixedTime, Modified: fixedTime, Language: "zh-CN"}); err != nil {
		return fg, err
	}
	const sheet = "开复工台账"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fg, err
	}
	ymdFmt := "yyyy-mm-dd"
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	right, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	amountStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &ymdFmt})

	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fg, err
	}
	widths := []float64{8, 26, 40, 28, 10, 8, 10, 12, 10, 12, 12, 12, 12, 14, 9, 8}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fg, err
		}
	}
	if err := sw.MergeCell("A1", "P1"); err != nil {
		return fg, err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: title, Value: "陵川县2025年重点项目开复工台账"}}); err != nil {
		return fg, err
	}
	row2 := make([]any, 16)
	row2[0] = "填报单位：县发改局"
	row2[15] = excelize.Cell{StyleID: right, Value: "单位：万元"}
	if err := sw.SetRow("A2", row2); err != nil {
		return fg, err
	}
	headers := []string{"序号", "项目代码", "项目名称", "建设单位", "所在乡镇", "建设性质", "项目类别", "责任单位", "包联领导",
		"总投资", "年度计划投资", "1-5月完成投资", "计划开工时间", "实际开工时间", "开工状态", "是否入库"}
	hrow := make([]any, len(headers))
	for i, h := range headers {
		hrow[i] = excelize.Cell{StyleID: head, Value: h}
	}
	if err := sw.SetRow("A3", hrow); err != nil {
		return fg, err
	}

	r := rand.New(rand.NewPCG(2025, 531))
	towns := []string{"崇文镇", "礼义镇", "附城镇", "西河底镇", "平城镇", "杨村镇", "潞城镇", "秦家庄乡", "夺火乡", "马圪当乡", "古郊乡", "六泉乡"}
	villages := []string{"东关", "西关", "南岭", "北山", "河东", "后沟", "石门", "柳树", "杨寨", "郭家川", "丈河", "积善"}
	kinds := []struct{ name, category, unit string }{
		{"农村供水工程", "基础设施", "县水务局"}, {"污水处理工程", "基础设施", "县住建局"}, {"分布式光伏项目", "能源", "县能源局"},
		{"风电项目", "能源", "县能源局"}, {"道路改造工程", "基础设施", "县交通局"}, {"小学建设项目", "社会民生", "县教育局"},
		{"卫生院提升项目", "社会民生", "县卫健局"}, {"文旅康养项目", "文旅", "县文旅局"}, {"中药材加工项目", "工业", "县工信局"},
		{"高标准农田项目", "农业", "县农业农村局"}, {"冷链物流项目", "招商引资", "县工信局"},
	}
	leaders := []string{"王建军", "李志强", "张海峰", "赵文华", "刘晓明", "陈国栋", "郭振宇"}
	asOf := d(5, 31)
	var total, plan, done cents
	for i := 0; i < n; i++ {
		town := towns[r.IntN(len(towns))]
		k := kinds[r.IntN(len(kinds))]
		name := fmt.Sprintf("陵川县%s%s村%s（%d号）", town, villages[r.IntN(len(villages))], k.name, i+1)
		code := ""
		if r.IntN(10) < 7 {
			code = pcode(fmt.Sprintf("%02d%02d", 22+r.IntN(4), 1+r.IntN(12)), fmt.Sprintf("%02d", 1+r.IntN(90)), fmt.Sprintf("%02d", 1+r.IntN(3)), i+1)
		}
		nature := "续建"
		if r.IntN(10) < 4 {
			nature = "新建"
		}
		// 500–80000 万元, skewed towards small projects as real ledgers are.
		t := cents(50000 + r.Int64N(1000000))
		if r.IntN(10) == 0 {
			t = cents(1000000 + r.Int64N(7000000))
		}
		p := t * cents(10+r.IntN(50)) / 100
		planStart := d(2+r.IntN(8), 1+r.IntN(28))
		var actual day
		status := "未开工"
		if nature == "续建" {
			planStart = d(2+r.IntN(2), 1+r.IntN(28))
			actual = d(planStart.m, min(planStart.d+r.IntN(10), 28))
			status = "已复工"
		} else if planStart.onOrBefore(d(5, 20)) && r.IntN(100) < 85 {
			actual = d(planStart.m, min(planStart.d+r.IntN(10), 28))
			status = "已开工"
		}
		var dn cents
		if !actual.none() {
			dn = p * cents(25+r.IntN(35)) / 100
		}
		leader := ""
		if p >= wan(5000) || r.IntN(10) < 8 {
			leader = leaders[r.IntN(len(leaders))]
		}
		stats := "否"
		if !actual.none() {
			stats = "是"
		}
		bp := project{nature: nature, total: t, plan: p, done: dn, planStart: planStart, actualStart: actual, status: status}
		fg.projects++
		if nature == "新建" {
			fg.newN++
			if bp.startedBy(asOf) {
				fg.newStarted++
			}
		} else {
			fg.cont++
			if bp.startedBy(asOf) {
				fg.contResumed++
			}
		}
		total, plan, done = total+t, plan+p, done+dn
		dateCell := func(t day) any {
			if t.none() {
				return nil
			}
			// One date in ten is typed as text, as clerks do.
			switch r.IntN(20) {
			case 0:
				return fmt.Sprintf("%d.%d.%d", t.y, t.m, t.d)
			case 1:
				return fmt.Sprintf("%d年%d月%d日", t.y, t.m, t.d)
			}
			return excelize.Cell{StyleID: dateStyle, Value: t.serial(false)}
		}
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		if err := sw.SetRow(cell, []any{
			i + 1, code, name, fmt.Sprintf("陵川县%s%s有限公司", villages[r.IntN(len(villages))], []string{"建设", "实业", "新能源", "农业开发", "文旅"}[r.IntN(5)]),
			town, nature, k.category, k.unit, leader,
			excelize.Cell{StyleID: amountStyle, Value: t.float()},
			excelize.Cell{StyleID: amountStyle, Value: p.float()},
			excelize.Cell{StyleID: amountStyle, Value: dn.float()},
			dateCell(planStart), dateCell(actual), status, stats,
		}); err != nil {
			return fg, err
		}
	}
	fg.total, fg.plan, fg.done, fg.asOf = total, plan, done, asOf
	last, _ := excelize.CoordinatesToCellName(1, 4+n)
	if err := sw.SetRow(last, []any{"合计", nil, nil, nil, nil, nil, nil, nil, nil,
		excelize.Cell{StyleID: amountStyle, Value: total.float()},
		excelize.Cell{StyleID: amountStyle, Value: plan.float()},
		excelize.Cell{StyleID: amountStyle, Value: done.float()},
	}); err != nil {
		return fg, err
	}
	if err := sw.Flush(); err != nil {
		return fg, err
	}
	// Write beside the target and rename, so an interrupted run leaves no half file.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".big-*.xlsx")
	if err != nil {
		return fg, err
	}
	// CreateTemp makes the file private; a test ledger should read like any other.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fg, err
	}
	if _, err := f.WriteTo(tmp); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fg, err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fg, err
	}
	return fg, os.Rename(tmp.Name(), path)
}
