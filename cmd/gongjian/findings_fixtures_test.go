package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// Ledgers with a finding or more on every row, for the bounds of every output
// (findings_bound_test.go) and the story of the table that lists 200 of them.

// manyFindingsWorkbook writes a crafted workbook of rows projects (the crafted
// header: 序号 项目名称 建设性质 总投资 年度计划投资 1-5月完成投资), each with two
// findings, so that the ledger gives 2 × rows + 1 (the missing 实际开工时间 column):
// an even row two numbers no one can read, each different, so that no two messages
// are alike (the costliest kind); an odd row the name of the row above (a
// duplicate-project) and more done than planned (done-exceeds-plan).
func manyFindingsWorkbook(t testing.TB, path string, rows int) {
	t.Helper()
	craftedWorkbook(t, path, craftedRows(craftedHeader(), rows, func(r int) string {
		if r%2 == 0 {
			return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>第%d号项目</t></is></c>`+
				`<c r="C%d" t="inlineStr"><is><t>续建</t></is></c><c r="D%d" t="inlineStr"><is><t>约%d</t></is></c>`+
				`<c r="E%d"><v>100</v></c><c r="F%d" t="inlineStr"><is><t>%dO</t></is></c></row>`, r, r, r-1, r, r, r, r, r, r, r, r)
		}
		return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>第%d号项目</t></is></c>`+
			`<c r="C%d" t="inlineStr"><is><t>续建</t></is></c><c r="D%d"><v>300</v></c><c r="E%d"><v>100</v></c><c r="F%d"><v>150</v></c></row>`,
			r, r, r-1, r, r-1, r, r, r, r)
	}), nil)
}

// realisticFindingsLedger writes a 开复工台账 as a clerk's workbook looks (a title,
// 16 columns, dates and amounts typed as clerks type them) with rows projects, each
// with one to three mistakes: a date and an amount no one can read; a 项目代码 copied
// from the row above and more done than planned; a new project not started by its
// planned date; a status of 未开工 beside a start date, an impossible plan date and a
// letter O for a zero.
func realisticFindingsLedger(t testing.TB, path string, rows int) {
	t.Helper()
	towns := []string{"礼义镇", "古郊乡", "杨村镇", "平城镇", "附城镇"}
	units := []string{"县发改局", "县教育局", "县住建局", "县交通局"}
	leaders := []string{"张三", "李四", "王五", "赵六"}
	streamLedger(t, path, []any{"序号", "项目代码", "项目名称", "建设单位", "所在乡镇", "建设性质", "项目类别", "责任单位", "包联领导",
		"总投资", "2025年计划投资", "1-5月完成投资", "计划开工时间", "实际开工时间", "开工状态", "存在问题"}, rows, func(i int) []any {
		name := fmt.Sprintf("陵川县第%d号重点项目（%s）", i, strings.Repeat("续建", 1+i%3))
		code := fmt.Sprintf("2501-140524-04-01-%06d", i)
		var total, plan, done any = 1000 + i%500, 400 + i%100, 150 + i%50
		var planStart, start any = "2025-03-01", fmt.Sprintf("2025-%02d-%02d", 1+i%5, 1+i%28)
		status, nature := "已开工", "续建"
		switch i % 4 {
		case 0:
			start, total = "2025.13.1", "约"+strconv.Itoa(1000+i%500)
		case 1:
			code, done = fmt.Sprintf("2501-140524-04-01-%06d", i-1), 600+i%100
		case 2:
			start, status, planStart, nature = "", "未开工", "2025-02-01", "新建"
		case 3:
			status, planStart, done = "未开工", "2025.2.30", "345O"
		}
		return []any{i, code, name, "陵川县城市建设投资有限公司", towns[i%len(towns)], nature, "产业项目",
			units[i%len(units)], leaders[i%len(leaders)], total, plan, done, planStart, start, status, "无"}
	})
}

// manyfindings N FILE writes a CSV ledger of N projects, each with two findings: a
// 总投资 no one can read (an error) and more done than planned (a warning).
func manyfindings(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: manyfindings N FILE")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("manyfindings: bad count %q", args[0])
	}
	var b strings.Builder
	b.WriteString("序号,项目名称,建设性质,总投资,年度计划投资,1-5月完成投资\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,第%d号项目,续建,约%d,100,150\n", i, i, 300+i)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}
