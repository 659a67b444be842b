package annotate

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/rules"
)

// checkFile reads and evaluates a ledger file in place.
func checkFile(t *testing.T, path string) *rules.Result {
	t.Helper()
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rules.Evaluate(l, rules.Default(), rules.Options{})
}

// A ledger with its own sheets named 检查结果 and 目标完成情况: the copy keeps them and
// its own sheets take free names; checked again, the copy's own sheets are replaced
// (they carry the mark), the clerk's are kept, nothing is stacked.
func TestAnnotateClerkSheetsNamedLikeTheTools(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "台账.xlsx")
	f, _ := smallLedger()
	f.NewSheet("检查结果")
	f.SetCellValue("检查结果", "A1", "张三的检查记录")
	f.NewSheet("目标完成情况")
	f.SetCellValue("目标完成情况", "A1", "县里下达的目标")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	f.Close()

	first := filepath.Join(dir, "台账.检查结果.xlsx")
	annotateTo(t, checkFile(t, in), first)
	const wantSheets = "台账,检查结果,目标完成情况,检查结果2,目标完成情况2"
	g := openBook(t, first, wantSheets, map[string]string{
		"检查结果!A1":  "张三的检查记录",
		"检查结果2!A1": "严重程度", // the tool's sheet, under a free name
	})
	// The clerk opens the copy, writes in the tool's sheet and saves (excelize here).
	g.SetCellValue("检查结果2", "J1", "已阅")
	if err := g.Save(); err != nil {
		t.Fatal(err)
	}
	g.Close()

	second := filepath.Join(dir, "台账.检查结果2.xlsx")
	annotateTo(t, checkFile(t, first), second)
	openBook(t, second, wantSheets, map[string]string{
		"检查结果!A1":   "张三的检查记录",
		"检查结果2!J1":  "", // the old tool sheet is gone, not stacked
		"目标完成情况!A1": "县里下达的目标",
	}).Close()
}

// openBook opens a workbook and wants its sheets (joined by commas) and cell values
// ("sheet!cell").
func openBook(t *testing.T, path, sheets string, cells map[string]string) *excelize.File {
	t.Helper()
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(g.GetSheetList(), ","); got != sheets {
		t.Errorf("%s: sheets %s, want %s", filepath.Base(path), got, sheets)
	}
	for ref, want := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if v, _ := g.GetCellValue(sheet, cell); v != want {
			t.Errorf("%s: %s is %q, want %q", filepath.Base(path), ref, v, want)
		}
	}
	return g
}

// A tool sheet the clerk renamed is still the tool's: the mark moves with it.
func TestAnnotateRenamedToolSheet(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	first := AnnotatedPath(in, "")
	annotateTo(t, res, first)
	g, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.SetSheetName("检查结果", "上次的问题"); err != nil {
		t.Fatal(err)
	}
	g.Save()
	g.Close()
	second := AnnotatedPath(first, "")
	annotateTo(t, checkFile(t, first), second)
	openBook(t, second, res.Ledger.Sheet+",检查结果,目标完成情况", nil).Close()
}

// rezip rewrites a workbook without the parts drop names.
func rezip(t *testing.T, in, out string, drop ...string) {
	t.Helper()
	zr, err := zip.OpenReader(in)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		skip := false
		for _, d := range drop {
			skip = skip || f.Name == d
		}
		if !skip {
			zw.Copy(f)
		}
	}
	zw.Close()
	os.WriteFile(out, buf.Bytes(), 0o644)
}

// A workbook whose styles part is missing (named in its relationships, or not at all)
// still gets its copy: the copy has styles of its own.
func TestAnnotateWithoutStyles(t *testing.T) {
	_, in := checked(t, "../../testdata/错误台账.xlsx")
	noStyles := filepath.Join(filepath.Dir(in), "无样式.xlsx")
	rezip(t, in, noStyles, "xl/styles.xml")
	res := checkFile(t, noStyles)
	out := AnnotatedPath(noStyles, "")
	annotateTo(t, res, out)
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	zr, _ := zip.OpenReader(out)
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "xl/styles.xml"
	}
	if !found {
		t.Error("the copy has no styles part")
	}
	if len(g.GetSheetList()) != 3 {
		t.Errorf("sheets %v", g.GetSheetList())
	}
}

// A part the copy needs that cannot be read is said, with the ledger and the part,
// not as a folder that cannot be written.
func TestAnnotatePartError(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	src, err := ledger.Open(in, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	// The ledger names a sheet the package does not hold.
	res.Ledger.Sheet = "不存在的表"
	err = Annotate(context.Background(), io.Discard, res, src)
	var ae *AnnotateError
	if !errors.As(err, &ae) || !strings.Contains(ae.Error(), "xl/workbook.xml 部分缺失或已损坏") || !strings.HasPrefix(ae.Error(), in+"：") {
		t.Fatalf("got %v", err)
	}
}

// A CSV's workbook holds its text exactly: escapes, control characters and markup
// read back as typed; numbers stay numbers only where they write back the same.
func TestCSVWorkbookRoundTrip(t *testing.T) {
	rows := [][]string{
		{"项目名称", "总投资", "代码"},
		{"A&B <公司> \"引号\"", "1200.5", "007"},
		{"_x0041_ 字面", "1,200", "+5"},
		{"行一\r\n行二\t制表", "-3", ""},
		{"响铃\x07", "1e3", "\x1b[2J"},
	}
	book, err := csvWorkbook(context.Background(), &ledger.Ledger{Sheet: "台账"}, rows)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(book, book.Size())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		zw.Copy(f)
	}
	zw.Close()
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	got, err := g.GetRows("台账", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, want := range r {
			if i >= len(got) || j >= len(got[i]) {
				if want != "" {
					t.Errorf("row %d col %d missing, want %q", i, j, want)
				}
				continue
			}
			if got[i][j] != want {
				t.Errorf("row %d col %d: %q, want %q", i, j, got[i][j], want)
			}
		}
	}
	for cell, number := range map[string]bool{"B2": true, "C2": false, "B3": false, "C3": false, "B4": true, "B5": false} {
		typ, _ := g.GetCellType("台账", cell)
		if (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) != number {
			t.Errorf("%s: type %v, want number %v", cell, typ, number)
		}
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("interrupted")
	cancel(stop)
	if _, err := csvWorkbook(ctx, &ledger.Ledger{Sheet: "台账"}, rows); !errors.Is(err, stop) {
		t.Errorf("cancelled: %v", err)
	}
}
