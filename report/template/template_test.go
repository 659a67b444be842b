package template

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report"
	"gongjian/report/internal/book"
	"gongjian/report/internal/book/booktest"
	"gongjian/rules"
)

// writeTemplate writes a template into a buffer and opens it for inspection.
func writeTemplate(t *testing.T, opts Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fill writes rows of values into a template's data rows, by header label, as
// another program would: values of any Go type through SetCellValue.
func fill(t *testing.T, f *excelize.File, sheet string, rows []map[string]any) {
	t.Helper()
	col := map[string]int{}
	header, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range header[templateHeaderRow-1] {
		col[strings.TrimPrefix(h, "*")] = i
	}
	for r, values := range rows {
		for label, v := range values {
			c, ok := col[label]
			if !ok {
				t.Fatalf("no column %q in the template's header %v", label, header[templateHeaderRow-1])
			}
			if err := f.SetCellValue(sheet, ledger.CellName(c, templateFirstRow+r), v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func saveAs(t *testing.T, f *excelize.File, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTemplateKaifugongFilledIsRead(t *testing.T) {
	f := writeTemplate(t, Options{Kind: ledger.KindKaifugong, Year: 2025, Org: "礼义镇"})
	sheet := Sheet(ledger.KindKaifugong)
	if err := f.SetCellValue(sheet, "A1", "礼义镇2025年重点项目开复工台账（截至2025年5月31日）"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(sheet, "A2", "填报单位：礼义镇人民政府"); err != nil {
		t.Fatal(err)
	}
	fill(t, f, sheet, []map[string]any{
		{"序号": 1, "项目名称": "礼义镇标准化厂房项目", "建设单位": "礼义工业园区公司", "所在乡镇": "礼义镇", "建设性质": "续建",
			"总投资": 15800, "年度计划投资": 4500.5, "本年完成投资": 2036.4, "计划开工时间": time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC),
			"实际开工时间": time.Date(2025, 2, 26, 0, 0, 0, 0, time.UTC), "开工状态": "已复工", "是否入库": "是"},
		{"序号": 2, "项目名称": "礼义镇污水处理工程", "建设单位": "城乡水务公司", "所在乡镇": "礼义镇", "建设性质": "新建",
			"总投资": "1,200.50", "年度计划投资": 600, "本年完成投资": 0, "计划开工时间": "2025年4月", "开工状态": "未开工"},
		{"序号": 3, "项目代码": "2501-140524-04-01-123456", "项目名称": "礼义镇光伏项目", "建设单位": "晶耀新能源公司", "所在乡镇": "礼义镇",
			"建设性质": "新建", "总投资": 32000, "年度计划投资": 12000, "本年完成投资": 4850, "计划开工时间": "2025-03-15",
			"实际开工时间": "2025-03-28", "开工状态": "已开工"},
	})
	path := saveAs(t, f, "礼义镇台账.xlsx")

	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != ledger.KindKaifugong || l.Sheet != sheet || len(l.HeaderRows) != 1 || l.HeaderRows[0] != templateHeaderRow {
		t.Errorf("kind %s, sheet %q, header rows %v", l.Kind, l.Sheet, l.HeaderRows)
	}
	if len(l.Projects) != 3 {
		t.Fatalf("%d projects, want 3", len(l.Projects))
	}
	if len(l.Problems) != 0 {
		t.Errorf("problems %+v", l.Problems)
	}
	if l.Year != 2025 || l.AsOf != ledger.DayDate(2025, 5, 31) || l.AsOfSource != "title" {
		t.Errorf("year %d, as-of %s from %s", l.Year, l.AsOf, l.AsOfSource)
	}
	for _, f := range ledger.CanonicalColumns(ledger.KindKaifugong) {
		if !l.Has(f.Field) {
			t.Errorf("the reader did not recognise the column %s", f.Field.Label())
		}
	}
	p := l.Projects
	if p[0].Name != "礼义镇标准化厂房项目" || p[0].Nature != "续建" || p[0].Town != "礼义镇" || p[0].Status != "已复工" || p[0].Stats != "是" {
		t.Errorf("project 1 %+v", p[0])
	}
	if p[0].Plan != ledger.Wan(4500, 50) || p[0].Done != ledger.Wan(2036, 40) || p[0].ActualStart != ledger.DayDate(2025, 2, 26) || p[0].PlanStart != ledger.DayDate(2025, 2, 20) {
		t.Errorf("project 1 amounts and dates %s %s %s %s", p[0].Plan, p[0].Done, p[0].PlanStart, p[0].ActualStart)
	}
	if p[1].Total != ledger.Wan(1200, 50) || p[1].PlanStart != ledger.MonthDate(2025, 4) || p[1].ActualStart.IsSet() || p[1].Done != ledger.Wan(0, 0) {
		t.Errorf("project 2 %s %s %s %s", p[1].Total, p[1].PlanStart, p[1].ActualStart, p[1].Done)
	}
	if p[2].Code != "2501-140524-04-01-123456" || p[2].ActualStart != ledger.DayDate(2025, 3, 28) {
		t.Errorf("project 3 %+v", p[2])
	}
	if town, src := ledger.InferTown(l, nil); town != "礼义镇" || src != ledger.TownFromFiller {
		t.Errorf("town %q from %q", town, src)
	}

	res := rules.Evaluate(l, rules.Default(), rules.Options{})
	if c := res.Counts; c.Projects != 3 || c.New != 2 || c.NewStarted != 1 || c.Continuing != 1 || c.ContinuingResumed != 1 {
		t.Errorf("counts %+v", c)
	}
	for _, fd := range res.Findings {
		if fd.Severity == rules.SeverityError && fd.Rule != rules.RuleTargetMissed {
			t.Errorf("finding on a well-filled template: %s %s %s", fd.Rule, fd.Cell, fd.Message)
		}
	}
}

func TestTemplateRongziFilledIsRead(t *testing.T) {
	f := writeTemplate(t, Options{Kind: ledger.KindRongzi, Year: 2025})
	sheet := Sheet(ledger.KindRongzi)
	fill(t, f, sheet, []map[string]any{
		{"项目名称": "甲项目", "建设单位": "甲公司", "所在乡镇": "礼义镇", "总投资": 10000, "融资需求": 6000, "融资方式": "银行贷款",
			"对接状态": "已授信", "授信金额": 5000, "对接时间": time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)},
		{"项目名称": "乙项目", "建设单位": "乙公司", "所在乡镇": "平城镇", "总投资": 8000, "融资需求": 3000, "融资方式": "专项债券", "对接状态": "未对接"},
		{"项目名称": "丙项目", "建设单位": "丙公司", "所在乡镇": "杨村镇", "总投资": 5000, "融资需求": 2000, "融资方式": "融资租赁",
			"对接状态": "已放款", "授信金额": 2000, "签约金额": 2000, "放款金额": 1500.25},
	})
	l, err := ledger.Read(saveAs(t, f, "融资.xlsx"), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != ledger.KindRongzi || len(l.Projects) != 3 || len(l.Problems) != 0 {
		t.Fatalf("kind %s, %d projects, problems %+v", l.Kind, len(l.Projects), l.Problems)
	}
	for _, c := range ledger.CanonicalColumns(ledger.KindRongzi) {
		if !l.Has(c.Field) {
			t.Errorf("the reader did not recognise the column %s", c.Field.Label())
		}
	}
	p := l.Projects
	if f := p[0].Fin; f == nil || f.Need != ledger.Wan(6000, 0) || f.Credit != ledger.Wan(5000, 0) || f.DockDate != ledger.DayDate(2025, 4, 2) || f.Method != "银行贷款" {
		t.Errorf("project 1 %+v", f)
	}
	if f := p[2].Fin; f == nil || f.Disbursed != ledger.Wan(1500, 25) || f.DockStatus != "已放款" {
		t.Errorf("project 3 %+v", f)
	}
}

func TestTemplateLayout(t *testing.T) {
	r := rules.Default()
	r.Towns = []string{"甲镇", "乙乡"}
	f := writeTemplate(t, Options{Kind: ledger.KindKaifugong, Year: 2031, Rules: r})
	sheet := Sheet(ledger.KindKaifugong)
	if got := f.GetSheetList(); strings.Join(got, ",") != sheet+","+templateHelpSheet+","+templateListSheet {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetSheetVisible(templateListSheet); v {
		t.Error("the dropdown values' sheet is visible")
	}
	title, _ := f.GetCellValue(sheet, "A1")
	if title != "XX县2031年重点项目开复工台账（截至2031年　月　日）" {
		t.Errorf("title %q", title)
	}
	if v, _ := f.GetCellValue(sheet, ledger.ColumnLetter(len(ledger.CanonicalColumns(ledger.KindKaifugong))-3)+"2"); v != "单位：万元" {
		t.Errorf("unit cell %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "C3"); v != "*项目名称" {
		t.Errorf("C3 %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "A3"); v != "序号" {
		t.Errorf("A3 %q", v)
	}

	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := func(field ledger.Field) string {
		for i, c := range ledger.CanonicalColumns(ledger.KindKaifugong) {
			if c.Field == field {
				return ledger.ColumnLetter(i)
			}
		}
		t.Fatalf("no column %s", field)
		return ""
	}
	find := func(sqref string) *excelize.DataValidation {
		for _, dv := range dvs {
			if dv.Sqref == sqref {
				return dv
			}
		}
		return nil
	}
	// Every header cell says what to fill.
	for i, c := range ledger.CanonicalColumns(ledger.KindKaifugong) {
		dv := find(ledger.CellName(i, templateHeaderRow))
		if dv == nil || dv.Prompt == nil || !strings.Contains(*dv.Prompt, c.Hint[:6]) {
			t.Errorf("header %s has no input message", c.Field.Label())
		}
	}
	data := func(f ledger.Field) string { return col(f) + "4:" + col(f) + "1000" }
	for _, field := range []ledger.Field{ledger.FieldNature, ledger.FieldStatus, ledger.FieldStats, ledger.FieldTown} {
		dv := find(data(field))
		if dv == nil || dv.Type != "list" || !strings.HasPrefix(dv.Formula1, "'下拉选项'!") {
			t.Errorf("%s has no dropdown: %+v", field.Label(), dv)
		}
	}
	if dv := find(data(ledger.FieldPlanStart)); dv == nil || dv.Type != "date" {
		t.Errorf("计划开工时间 has no date validation: %+v", dv)
	}
	if dv := find(data(ledger.FieldTotal)); dv == nil || dv.Type != "decimal" || dv.Operator != "greaterThanOrEqual" || dv.Formula1 != "0" {
		t.Errorf("总投资 has no amount validation: %+v", dv)
	}
	// The town list holds the rules' towns.
	lists, _ := f.GetRows(templateListSheet)
	var towns []string
	for c := range lists[0] {
		if lists[0][c] == "下拉选项：所在乡镇" {
			for _, row := range lists[1:] {
				if c < len(row) && row[c] != "" {
					towns = append(towns, row[c])
				}
			}
		}
	}
	if strings.Join(towns, ",") != "甲镇,乙乡" {
		t.Errorf("towns %v", towns)
	}

	// Formats: dates and amounts, in the drawn rows and below them.
	for _, cell := range []string{col(ledger.FieldPlanStart) + "4", col(ledger.FieldPlanStart) + "500"} {
		if got := cellNumFmt(t, f, sheet, cell); got != "yyyy-mm-dd" {
			t.Errorf("%s format %q", cell, got)
		}
	}
	if got := cellNumFmt(t, f, sheet, col(ledger.FieldTotal)+"4"); got != "#,##0.00" {
		t.Errorf("amount format %q", got)
	}

	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != templateHeaderRow || panes.XSplit != 3 {
		t.Errorf("panes %+v %v", panes, err)
	}
	layout, _ := f.GetPageLayout(sheet)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 8 { // A3
		t.Errorf("page layout %+v", layout)
	}
	for _, s := range []string{sheet, templateHelpSheet} {
		if hf, err := f.GetHeaderFooter(s); err != nil || hf == nil || hf.OddFooter != book.Footer {
			t.Errorf("%s: footer %+v, want the page numbers", s, hf)
		}
	}
	titles := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && strings.HasSuffix(dn.RefersTo, "!$1:$3") {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles: %+v", f.GetDefinedName())
	}
	// The 填报说明 repeats its table's header on every page, not the notes above it.
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == templateHelpSheet {
			rows, _ := f.GetRows(templateHelpSheet)
			var head int
			for i, r := range rows {
				if len(r) > 1 && r[0] == "列" && r[1] == "栏目" {
					head = i + 1
				}
			}
			if want := fmt.Sprintf("'%s'!$%d:$%d", templateHelpSheet, head, head); dn.RefersTo != want {
				t.Errorf("填报说明 print titles %s, want %s", dn.RefersTo, want)
			}
		}
	}
	if w, _ := f.GetColWidth(sheet, col(ledger.FieldName)); w < 30 {
		t.Errorf("name column width %v", w)
	}

	// The 填报说明 sheet lists every column.
	help, _ := f.GetRows(templateHelpSheet)
	text := ""
	for _, row := range help {
		text += strings.Join(row, "|") + "\n"
	}
	for _, c := range ledger.CanonicalColumns(ledger.KindKaifugong) {
		if !strings.Contains(text, "|"+c.Field.Label()+"|") {
			t.Errorf("填报说明 does not explain %s", c.Field.Label())
		}
	}
	for _, want := range []string{"万元", "2025-03-15", "下拉选择：新建、续建、终止", "甲镇、乙乡"} {
		if !strings.Contains(text, want) {
			t.Errorf("填报说明 does not say %q", want)
		}
	}
}

// cellNumFmt is the custom number format of a cell's style, or of its column's.
func cellNumFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 {
		col, _, _ := excelize.SplitCellName(cell)
		id, _ = f.GetColStyle(sheet, col)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// The same options give the same bytes.
func TestTemplateDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	opts := Options{Kind: ledger.KindRongzi, Year: 2025}
	if err := Write(&a, opts); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs wrote different bytes")
	}
}

// A filled-in 融资需求台账 template merges like any ledger, in its own canonical columns.
func TestTemplateRongziMerges(t *testing.T) {
	f := writeTemplate(t, Options{Kind: ledger.KindRongzi, Year: 2025})
	sheet := Sheet(ledger.KindRongzi)
	if err := f.SetCellValue(sheet, "A2", "填报单位：陵川县马圪当乡人民政府"); err != nil {
		t.Fatal(err)
	}
	fill(t, f, sheet, []map[string]any{
		{"项目名称": "甲项目", "建设单位": "甲公司", "总投资": 10000, "融资需求": 6000, "融资方式": "银行贷款", "对接状态": "已授信", "授信金额": 5000.5},
		{"项目名称": "乙项目", "建设单位": "乙公司", "总投资": 8000, "融资需求": 3000, "融资方式": "专项债券", "对接状态": "未对接"},
	})
	in := saveAs(t, f, "马圪当乡融资需求.xlsx")
	// The clerk emptied the 乡镇 column; the merge fills it from the 填报单位 when there
	// is no such column at all, so here it stays as the clerk left it.
	merged, err := ledger.Read(in, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ls := []*ledger.Ledger{merged}
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindRongzi})
	if m.Sources[0].Town != "" {
		t.Errorf("town %q filled although the ledger has a 乡镇 column", m.Sources[0].Town)
	}
	path := filepath.Join(t.TempDir(), "全县融资.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := report.WriteMerged(out, m, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != ledger.KindRongzi || len(l.Projects) != 2 || !l.Has(ledger.FieldDockStatus) {
		t.Fatalf("kind %s, %d projects", l.Kind, len(l.Projects))
	}
	if p, q := &l.Projects[0], &l.Projects[1]; p.Amount(ledger.FieldCredit) != ledger.Wan(5000, 50) || q.Text(ledger.FieldMethod) != "专项债券" {
		t.Errorf("financing cells %+v, %+v", p.Fin, q.Fin)
	}
	if len(l.Totals) != 1 || l.Totals[0].Amounts[ledger.FieldNeed] != ledger.Wan(9000, 0) {
		t.Errorf("合计 %+v", l.Totals)
	}
	var buf bytes.Buffer
	if err := report.WriteMergeSummary(&buf, m, "全县融资.xlsx"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "合计（万元）：总投资 18000.00，融资需求 9000.00，授信金额 5000.50") {
		t.Errorf("summary %s", buf.String())
	}
}

// Every wrapped cell of both templates and their 填报说明 has a row tall enough for
// it, with a long organisation name in the title too.
func TestTemplateRowHeights(t *testing.T) {
	for _, kind := range []ledger.Kind{ledger.KindKaifugong, ledger.KindRongzi} {
		var buf bytes.Buffer
		if err := Write(&buf, Options{Kind: kind, Year: 2026, Org: "陵川县发展和改革局（攻坚专班办公室）重点项目推进组"}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "模板.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if n := booktest.CheckRowHeights(t, path); n < 40 {
			t.Errorf("%s: only %d wrapped cells checked", kind, n)
		}
	}
}
