package report

import "gongjian/rules"

// The financing tables check and the report both show, built once.

// funnelTable is the funnel 对接 → 授信 → 签约 → 放款: each stage counts the projects
// that reached it or a later one; the first two rows' amounts are 融资需求. first
// names the first row ("全部项目" in a check, "融资需求" in the report).
func funnelTable(name, first string, c rules.FinancingCounts, a rules.FinancingAmounts) table {
	return table{Name: name, Header: []string{"环节", "项目数", "金额（万元）"}, Rows: [][]cell{
		{textCell(first), countCell(c.Projects), amountCell(a.Need)},
		{textCell("已对接"), countCell(c.Docked), amountCell(a.DockedNeed)},
		{textCell("已授信"), countCell(c.Credited), amountCell(a.Credit)},
		{textCell("已签约"), countCell(c.Signed), amountCell(a.Signed)},
		{textCell("已放款"), countCell(c.Disbursed), amountCell(a.Disbursed)},
	}}
}

// financingGroupTable is the totals by 融资方式 or by 金融机构; first names the grouping.
func financingGroupTable(name, first string, gs []rules.FinancingGroup) table {
	t := table{Name: name, Header: []string{first, "项目数", "融资需求", "授信", "签约", "放款"}}
	for _, g := range gs {
		t.Rows = append(t.Rows, []cell{textCell(g.Name), countCell(g.Projects), amountCell(g.Need), amountCell(g.Credit), amountCell(g.Signed), amountCell(g.Disbursed)})
	}
	return t
}
