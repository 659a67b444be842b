package main

import "fmt"

// seqNum is a 序号 typed as a number ("5.1"): Excel keeps the number, so "5.10" is
// stored, and shown, as 5.1.
type seqNum float64

// writePackages: 打包项目台账.xlsx — a county ledger listing 打包项目 as published 通报
// count them: a package's parent row (its 序号, its name, the sums of its parts)
// followed by its parts numbered as its children, the parts being the projects.
//
//   - row 5, "1 | 陵川县2025年农村道路提升打包项目": parts 1.1–1.3 typed as numbers; the
//     parts leave 责任单位 and 包联领导 empty (1.2 names its own leader) and 建设性质
//     empty: they take the parent's (县交通局, 李志强, 新建).
//
//   - row 10, "3 | 陵川县2025年高标准农田建设打包项目": parts "3-1", "3-2" as text; the
//     parent states 年度计划投资 3600 where its parts sum to 3500 (total-mismatch H10).
//
//   - row 13, "4 | 陵川县城区老旧小区改造打包项目": a package named so with no parts under
//     it, an ordinary project.
//
//   - row 14, "5 | 陵川县2025年农村供水保障打包项目": ten parts numbered 5.1 … 5.10 typed
//     as numbers, the tenth stored as 5.1.
//
//   - 合计 on row 4, the sums of the parts (the parents' sums, but for row 10's plan).
//
//     18 projects (3 + 1 + 2 + 1 + 10 + 1) in 3 packages: 新建 15 (started by 05-31: 1.1,
//     1.2, 3-1, 3-2, 5.1–5.6 = 10; by 03-31: 1.1, 3-1, 5.1–5.6 = 8), 续建 3, all resumed.
//     Σ总投资 42000, Σ年度计划 18000, Σ1-5月完成 6600 (36.67%; 序时 41.7%). As-of
//     2025-05-31 (the 1-5月 header). Leaders: 李志强 3 projects (1.1, 1.3, 6), 王建军 2
//     (1.2, 4), 张国华 1, 赵敏 2, 陈卫东 10.
func writePackages(path string) error {
	b, s, err := titledSheet("陵川县2025年重点项目开复工台账", "陵川县发展和改革局", "开复工台账", "陵川县2025年重点项目开复工台账",
		[]float64{6, 30, 9, 10, 13, 10, 12, 12, 12, 12, 12, 10})
	if err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设性质", "所在乡镇", "责任单位", "包联领导", "总投资", "年度计划投资", "1-5月完成投资",
		"计划开工时间", "实际开工时间", "开工状态"); err != nil {
		return err
	}
	rows := [][]any{
		{"合计", nil, nil, nil, nil, nil, 42000, 18000, 6600},
		{1, "陵川县2025年农村道路提升打包项目", "新建", nil, "县交通局", "李志强", 9000, 4500, 1000},
		{seqNum(1.1), "崇文镇农村道路提升工程", nil, "崇文镇", nil, nil, 3000, 1500, 600, d(3, 15), d(3, 20), "已开工"},
		{seqNum(1.2), "礼义镇农村道路提升工程", nil, "礼义镇", nil, "王建军", 2500, 1000, 400, d(4, 1), d(4, 10), "已开工"},
		{seqNum(1.3), "西河底镇农村道路提升工程", nil, "西河底镇", nil, nil, 3500, 2000, 0, d(6, 15), nil, "未开工"},
		{2, "陵川县人民医院医技综合楼项目", "续建", "崇文镇", "县卫健局", "张国华", 8000, 3000, 1500, nil, ymd(2024, 5, 10), "已复工"},
		{3, "陵川县2025年高标准农田建设打包项目", "新建", nil, "县农业农村局", "赵敏", 6000, 3600, 1100},
		{txt("3-1"), "附城镇高标准农田建设", nil, "附城镇", nil, nil, 3000, 1500, 600, d(3, 1), d(3, 5), "已开工"},
		{txt("3-2"), "杨村镇高标准农田建设", nil, "杨村镇", nil, nil, 3000, 2000, 500, d(4, 1), d(4, 20), "已开工"},
		{4, "陵川县城区老旧小区改造打包项目", "续建", "崇文镇", "县住建局", "王建军", 5000, 2000, 900, nil, ymd(2024, 8, 1), "已复工"},
		{5, "陵川县2025年农村供水保障打包项目", "新建", nil, "县水务局", "陈卫东", 2000, 1000, 300},
	}
	villages := []struct{ town, village string }{
		{"崇文镇", "东关村"}, {"崇文镇", "西街村"}, {"礼义镇", "礼义村"}, {"礼义镇", "北街村"}, {"西河底镇", "西河底村"},
		{"西河底镇", "积善村"}, {"附城镇", "附城村"}, {"附城镇", "丈河村"}, {"杨村镇", "杨村"}, {"杨村镇", "上河村"},
	}
	// "5.10" typed as a number is 5.1.
	seqs := []seqNum{5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9, 5.1}
	for k, v := range villages {
		r := []any{seqs[k], v.town + v.village + "供水工程", nil, v.town, nil, nil, 200, 100, 50, d(3, 10), d(3, 11+k), "已开工"}
		if k >= 6 {
			r[8], r[9], r[10], r[11] = 0, d(7, 1), nil, "未开工"
		}
		rows = append(rows, r)
	}
	rows = append(rows, []any{6, "陵川县太行山旅游公路改造工程", "续建", "附城镇", "县交通局", "李志强", 12000, 4000, 1800, nil, ymd(2024, 4, 1), "已复工"})
	for _, r := range rows {
		if err := s.line(r...); err != nil {
			return err
		}
	}
	if s.row != 26 {
		return fmt.Errorf("the table ends at row %d, want 25", s.row-1)
	}
	return b.save(path)
}
