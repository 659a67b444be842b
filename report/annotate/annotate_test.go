package annotate

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
	"gongjian/report/internal/book/booktest"
	"gongjian/rules"
)

// checked reads and evaluates a sample copied into a fresh folder.
func checked(t *testing.T, sample string) (*rules.Result, string) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, filepath.Base(sample))
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Read(in, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rules.Evaluate(l, rules.Default(), rules.Options{}), in
}

// annotateTo writes the annotated copy of a checked ledger to out.
func annotateTo(t *testing.T, res *rules.Result, out string) {
	t.Helper()
	src, err := ledger.Open(res.Ledger.File, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Annotate(context.Background(), f, res, src); err != nil {
		t.Fatalf("annotate: %v", err)
	}
}

func sha(t *testing.T, path string) [32]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestAnnotateMarksEveryFinding(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	before := sha(t, in)
	out := AnnotatedPath(in, "")
	annotateTo(t, res, out)

	if sha(t, in) != before {
		t.Fatal("the input was modified")
	}
	entries, _ := os.ReadDir(filepath.Dir(in))
	if len(entries) != 2 {
		t.Errorf("folder holds %d files, want the input and its annotated copy", len(entries))
	}

	orig, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := res.Ledger.Sheet
	if got := f.GetSheetList(); strings.Join(got, ",") != sheet+",检查结果,目标完成情况" {
		t.Errorf("sheets %v", got)
	}

	byCell := commentsByCell(t, f, sheet)
	if len(res.Findings) < 20 {
		t.Fatalf("only %d findings in the error sample", len(res.Findings))
	}
	for _, fd := range res.Findings {
		cell := fd.Cell
		if cell == "" {
			cell = ledger.CellName(0, fd.Row)
		}
		if !strings.Contains(byCell[cell], fd.Message) {
			t.Errorf("%s (%s): comment %q lacks %q", cell, fd.Rule, byCell[cell], fd.Message)
		}
		want := warningFill
		if fd.Severity == rules.SeverityError {
			want = errorFill
		}
		if got := fillOf(t, f, sheet, cell); got != want && !(want == warningFill && got == errorFill) {
			t.Errorf("%s (%s): fill %q, want %q", cell, fd.Rule, got, want)
		}
		if first := ledger.CellName(0, fd.Row); fillOf(t, f, sheet, first) == "" {
			t.Errorf("row %d: first cell %s not filled", fd.Row, first)
		}
	}

	// Every value and merged range as it was; a date cell still has its date format.
	origRows, _ := orig.GetRows(sheet, excelize.Options{RawCellValue: true})
	newRows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if len(origRows) != len(newRows) {
		t.Fatalf("%d rows, want %d", len(newRows), len(origRows))
	}
	for r := range origRows {
		for c := range origRows[r] {
			if c >= len(newRows[r]) || newRows[r][c] != origRows[r][c] {
				t.Fatalf("cell %s changed", ledger.CellName(c, r+1))
			}
		}
	}
	om, _ := orig.GetMergeCells(sheet)
	nm, _ := f.GetMergeCells(sheet)
	if len(om) != len(nm) {
		t.Errorf("merged ranges %d, want %d", len(nm), len(om))
	}
	for _, fd := range res.Findings {
		if fd.Field != ledger.FieldActualStart || fd.Cell == "" {
			continue
		}
		if a, b := numFmtOf(t, orig, sheet, fd.Cell), numFmtOf(t, f, sheet, fd.Cell); a != b {
			t.Errorf("%s: number format %d became %d", fd.Cell, a, b)
		}
	}

	// The findings sheet: one row per finding, each linking to its cell.
	// The sheets the tool adds print their page numbers, as every workbook it writes.
	for _, s := range []string{"检查结果", "目标完成情况"} {
		if hf, err := f.GetHeaderFooter(s); err != nil || hf == nil || hf.OddFooter != book.Footer {
			t.Errorf("%s: footer %+v, want the page numbers", s, hf)
		}
	}
	rows, _ := f.GetRows("检查结果")
	if len(rows) != len(res.Findings)+1 {
		t.Errorf("检查结果 has %d rows, want %d", len(rows), len(res.Findings)+1)
	}
	if ok, link, _ := f.GetCellHyperLink("检查结果", "D2"); !ok || !strings.HasPrefix(link, "'"+sheet+"'!") {
		t.Errorf("D2 link %v %q", ok, link)
	}
}

func fillOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil || st.Fill.Pattern != 1 || len(st.Fill.Color) == 0 {
		return ""
	}
	return "FF" + strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
}

func numFmtOf(t *testing.T, f *excelize.File, sheet, cell string) int {
	t.Helper()
	id, _ := f.GetCellStyle(sheet, cell)
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return -1
	}
	return st.NumFmt
}

// Unchanged parts of the package are copied byte for byte, compressed as they were.
func TestAnnotateCopiesUntouchedPartsRaw(t *testing.T) {
	res, in := checked(t, "../../testdata/礼义镇开复工台账.xlsx")
	out := filepath.Join(t.TempDir(), "out.xlsx")
	annotateTo(t, res, out)
	changed := map[string]bool{"[Content_Types].xml": true, "xl/workbook.xml": true, "xl/_rels/workbook.xml.rels": true, "xl/styles.xml": true}
	a := rawParts(t, in)
	b := rawParts(t, out)
	same := 0
	for name, raw := range a {
		if changed[name] || strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		if !bytes.Equal(raw, b[name]) {
			t.Errorf("%s differs", name)
		}
		same++
	}
	if same < 3 {
		t.Errorf("only %d untouched parts compared", same)
	}
	// The sheets the ledger did not come from are untouched too.
	for name, raw := range a {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && !bytes.Equal(raw, b[name]) {
			if !strings.Contains(name, "sheet3") { // the 5月台账 sheet is the one marked
				t.Errorf("%s differs", name)
			}
		}
	}
}

func rawParts(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(r)
	}
	return out
}

// Checking the annotated copy again replaces the tool's marks and keeps the clerk's notes.
func TestReannotateKeepsClerkComments(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	first := filepath.Join(filepath.Dir(in), "第一次.xlsx")
	annotateTo(t, res, first)

	// The clerk answers on a flagged cell and notes something on a clean one.
	flagged := res.Findings[0].Cell
	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	comments, _ := f.GetComments(res.Ledger.Sheet)
	var old excelize.Comment
	for _, c := range comments {
		if c.Cell == flagged {
			old = c
		}
	}
	f.DeleteComment(res.Ledger.Sheet, flagged)
	f.AddComment(res.Ledger.Sheet, excelize.Comment{Cell: flagged, Author: "张三", Text: "张三：已核实，下次改正"})
	f.AddComment(res.Ledger.Sheet, excelize.Comment{Cell: "B2", Author: "张三", Text: "本表由张三填报"})
	clerk := filepath.Join(filepath.Dir(in), "退回修改.xlsx")
	if err := f.SaveAs(clerk); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_ = old

	l, err := ledger.Read(clerk, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res2 := rules.Evaluate(l, rules.Default(), rules.Options{})
	second := AnnotatedPath(clerk, "")
	annotateTo(t, res2, second)
	g, err := excelize.OpenFile(second)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if got := g.GetSheetList(); len(got) != 3 {
		t.Errorf("sheets %v: the tool's sheets were stacked", got)
	}
	comments, _ = g.GetComments(res.Ledger.Sheet)
	texts := map[string]string{}
	for _, c := range comments {
		s := c.Text
		for _, p := range c.Paragraph {
			s += p.Text
		}
		texts[c.Cell] = s
	}
	if len(comments) != len(byCells(res.Findings))+1 {
		t.Errorf("%d comments, want %d (one per flagged cell and the clerk's own)", len(comments), len(byCells(res.Findings))+1)
	}
	if !strings.Contains(texts["B2"], "本表由张三填报") || strings.Contains(texts["B2"], commentMarker) {
		t.Errorf("B2: %q", texts["B2"])
	}
	if s := texts[flagged]; !strings.Contains(s, "已核实") || strings.Count(s, commentMarker) != strings.Count(commentFor(res.Findings, flagged), commentMarker) {
		t.Errorf("%s: %q", flagged, s)
	}
}

func byCells(fs []rules.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		c := f.Cell
		if c == "" {
			c = ledger.CellName(0, f.Row)
		}
		out[c] = true
	}
	return out
}

func commentFor(fs []rules.Finding, cell string) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Cell == cell {
			b.WriteString(commentMarker + f.Message)
		}
	}
	return b.String()
}

func TestAnnotateCSV(t *testing.T) {
	res, in := checked(t, "../../testdata/开复工台账_gbk.csv")
	out := AnnotatedPath(in, "")
	if filepath.Ext(out) != ".xlsx" {
		t.Fatalf("annotated copy of a CSV is %s", out)
	}
	annotateTo(t, res, out)
	l, err := ledger.Read(out, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Projects) != len(res.Ledger.Projects) || l.Projects[0].Name != res.Ledger.Projects[0].Name {
		t.Errorf("the workbook copy reads as %d projects (%q), want %d", len(l.Projects), l.Projects[0].Name, len(res.Ledger.Projects))
	}
}

func TestAnnotatedPath(t *testing.T) {
	for in, want := range map[string]string{
		"a/台账.xlsx":      "a/台账.检查结果.xlsx",
		"a/台账.xlsm":      "a/台账.检查结果.xlsm",
		"a/台账.csv":       "a/台账.检查结果.xlsx",
		"a/台账.检查结果.xlsx": "a/台账.检查结果2.xlsx",
	} {
		if got := AnnotatedPath(in, ""); got != filepath.FromSlash(want) {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
	if got := AnnotatedPath("a/台账.xlsx", "out"); got != filepath.Join("out", "台账.检查结果.xlsx") {
		t.Errorf("out-dir: %s", got)
	}
}

// LibreOffice opens the annotated copy without complaint (CI installs it).
func TestAnnotatedOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must install libreoffice-calc")
		}
		t.Skip("LibreOffice not installed")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	for _, sample := range []string{"../../testdata/礼义镇开复工台账.xlsx", "../../testdata/开复工台账_utf8bom.csv"} {
		res, in := checked(t, sample)
		out := AnnotatedPath(in, "")
		annotateTo(t, res, out)
		dir := t.TempDir()
		cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "pdf", "--outdir", dir, out)
		msg, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(out), ".xlsx")+".pdf")
		if st, err := os.Stat(pdf); err != nil || st.Size() < 1000 {
			t.Fatalf("no PDF: %v\n%s", err, msg)
		}
		if filepath.Ext(sample) == ".csv" {
			csvFirstPage(t, pdf)
		}
	}
}

// csvFirstPage reads the first printed page of a CSV ledger's copy (with pdftotext,
// where installed): one page holds the whole 12-row table, amounts and dates as their
// formats show them, and the page number.
func csvFirstPage(t *testing.T, pdf string) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	text, err := exec.Command(pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"杨村镇2025年重点项目开复工台账", "12,500.00", "2025-02-26", "2025-03-05", "94,590.00", "陵川县杨村镇山地运动公园项目", "第 1 页"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the first printed page has no %q:\n%s", want, text)
		}
	}
}

// A ledger with data validation, a defined name, widths and a formula keeps them all.
func TestAnnotateKeepsWorkbookFeatures(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "台账.xlsx")
	f, sh := smallLedger()
	f.SetSheetRow(sh, "A3", &[]any{2, "乙项目", "扩建", 200, 50, "2025-03-01", "已开工"})
	f.SetCellFormula(sh, "D4", "SUM(D2:D3)")
	f.SetColWidth(sh, "B", "B", 40)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C100"
	dv.SetDropList([]string{"新建", "续建", "终止"})
	f.AddDataValidation(sh, dv)
	f.SetDefinedName(&excelize.DefinedName{Name: "项目表", RefersTo: "'台账'!$A$1:$G$3"})
	f.NewSheet("说明")
	f.SetCellValue("说明", "A1", "填报说明")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	f.Close()
	l, err := ledger.Read(in, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := rules.Evaluate(l, rules.Default(), rules.Options{})
	out := AnnotatedPath(in, "")
	annotateTo(t, res, out)
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	dvs, _ := g.GetDataValidations(sh)
	if len(dvs) != 1 || dvs[0].Sqref != "C2:C100" {
		t.Errorf("data validation: %+v", dvs)
	}
	if w, _ := g.GetColWidth(sh, "B"); w != 40 {
		t.Errorf("width of B: %v", w)
	}
	if fm, _ := g.GetCellFormula(sh, "D4"); fm != "SUM(D2:D3)" {
		t.Errorf("formula: %q", fm)
	}
	found := false
	for _, n := range g.GetDefinedName() {
		if n.Name == "项目表" {
			found = true
		}
	}
	if !found {
		t.Error("defined name lost")
	}
	if v, _ := g.GetCellValue("说明", "A1"); v != "填报说明" {
		t.Errorf("other sheet: %q", v)
	}
	if got := fillOf(t, g, sh, "F2"); got != errorFill {
		t.Errorf("F2 (bad date) fill %q", got)
	}
	if got := fillOf(t, g, sh, "C3"); got != errorFill {
		t.Errorf("C3 (bad value) fill %q", got)
	}
}

// The same ledger gives the same annotated copy, byte for byte: the styles the tool
// adds are not numbered by map iteration.
func TestAnnotateIsDeterministic(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	var first [32]byte
	for i := range 8 {
		out := filepath.Join(filepath.Dir(in), "copy"+string(rune('a'+i))+".xlsx")
		annotateTo(t, res, out)
		if i == 0 {
			first = sha(t, out)
		} else if sha(t, out) != first {
			t.Fatalf("run %d wrote a different copy", i+1)
		}
	}
}

// The annotated copy of the sample 融资需求台账, checked together with the county
// 开复工台账: each finding, unknown-project included, is on its cell.
func TestAnnotateRongziSample(t *testing.T) {
	rz, in := checked(t, "../../testdata/融资需求台账.xlsx")
	kf, _ := checked(t, "../../testdata/全县开复工台账.xlsx")
	rules.Join([]*rules.Result{kf}, []*rules.Result{rz})
	before := sha(t, in)
	out := AnnotatedPath(in, "")
	annotateTo(t, rz, out)
	if sha(t, in) != before {
		t.Fatal("the input was modified")
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := rz.Ledger.Sheet
	if got := strings.Join(f.GetSheetList(), ","); got != "融资需求台账,填报说明,检查结果" { // a financing ledger has no targets sheet
		t.Errorf("sheets %s", got)
	}
	byCell := commentsByCell(t, f, sheet)
	want := map[string]string{"M12": warningFill, "I14": errorFill, "H15": warningFill, "C18": warningFill, "C19": warningFill}
	if len(rz.Findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(rz.Findings), len(want))
	}
	for _, fd := range rz.Findings {
		if want[fd.Cell] == "" {
			t.Errorf("unexpected finding %s at %s", fd.Rule, fd.Cell)
			continue
		}
		if !strings.Contains(byCell[fd.Cell], fd.Message) {
			t.Errorf("%s: comment %q lacks %q", fd.Cell, byCell[fd.Cell], fd.Message)
		}
		if got := fillOf(t, f, sheet, fd.Cell); got != want[fd.Cell] {
			t.Errorf("%s: fill %q, want %q", fd.Cell, got, want[fd.Cell])
		}
	}
	if fillOf(t, f, sheet, "C8") != "" {
		t.Error("the spacing variant on row 8 is marked")
	}
	rows, err := f.GetRows("检查结果")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(want) || rows[4][1] != "项目不在开复工台账" || rows[4][3] != "C18" {
		t.Errorf("检查结果 rows %v", rows)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(in), "融资需求台账.检查结果.xlsx")); err != nil {
		t.Error(err)
	}
}

// commentsByCell is the text of each cell's comment on a sheet.
func commentsByCell(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	comments, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	byCell := map[string]string{}
	for _, c := range comments {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		byCell[c.Cell] += text
	}
	return byCell
}

// smallLedger is a workbook whose sheet "台账" holds a header and one project with an
// unreadable 实际开工时间; the caller adds to it and saves it.
func smallLedger() (*excelize.File, string) {
	f := excelize.NewFile()
	sh := "台账"
	f.SetSheetName("Sheet1", sh)
	f.SetSheetRow(sh, "A1", &[]any{"序号", "项目名称", "建设性质", "年度计划投资", "1-5月完成投资", "实际开工时间", "开工状态"})
	f.SetSheetRow(sh, "A2", &[]any{1, "甲项目", "新建", 100, 20, "2025.13.1", "已开工"})
	return f, sh
}

// The new sheets' rows are as tall as their wrapped text: a 说明 of three lines shows
// three lines, in a workbook whose default font is 宋体 11 and in one written by
// excelize (Calibri 11), and in the CSV ledger's workbook.
func TestAnnotatedSheetsRowHeights(t *testing.T) {
	for _, sample := range []string{"../../testdata/错误台账.xlsx", "../../testdata/礼义镇开复工台账.xlsx", "../../testdata/开复工台账_gbk.csv"} {
		res, in := checked(t, sample)
		out := AnnotatedPath(in, "")
		annotateTo(t, res, out)
		if n := booktest.CheckRowHeights(t, out, "检查结果", "目标完成情况"); n < 10 {
			t.Errorf("%s: only %d wrapped cells checked", sample, n)
		}
	}
}
