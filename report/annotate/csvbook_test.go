package annotate

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
	"gongjian/rules"
)

// csvCopy checks a CSV sample (or a CSV written from text), writes its annotated
// copy and opens it.
func csvCopy(t *testing.T, sample, text string) (*rules.Result, string, *excelize.File) {
	t.Helper()
	if text != "" {
		sample = filepath.Join(t.TempDir(), "台账.csv")
		if err := os.WriteFile(sample, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, in := checked(t, sample)
	out := AnnotatedPath(in, "")
	annotateTo(t, res, out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return res, out, f
}

// styleOf is a cell's style as excelize reads it back.
func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		t.Fatalf("%s: style %d: %v", cell, id, err)
	}
	return st
}

func bordered(st *excelize.Style) bool {
	sides := map[string]bool{}
	for _, b := range st.Border {
		if b.Style == 1 { // thin
			sides[b.Type] = true
		}
	}
	return len(sides) == 4
}

// partText is one part of a workbook's package.
func partText(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	r, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A CSV ledger's copy is a workbook a clerk would send on as it is: the title bold,
// the header bold, shaded, frozen and filtered, the table bordered, amounts numbers
// with two decimals, dates real dates, widths from the content (a Chinese character
// two), A4 landscape fitted to the width with the header on every page. And it is
// still the same ledger: checked again, it gives what the CSV gave.
func TestCSVCopyIsAWorkbookToSend(t *testing.T) {
	for _, sample := range []string{"../../testdata/开复工台账_utf8bom.csv", "../../testdata/开复工台账_gbk.csv"} {
		t.Run(filepath.Base(sample), func(t *testing.T) {
			res, out, f := csvCopy(t, sample, "")
			sheet := res.Ledger.Sheet
			if got := f.GetSheetList(); len(got) < 2 || got[0] != sheet {
				t.Fatalf("sheets %v", got)
			}

			if st := styleOf(t, f, sheet, "A1"); !st.Font.Bold || st.Font.Size != 16 || bordered(st) {
				t.Errorf("title A1: %+v", st.Font)
			}
			for _, cell := range []string{"A2", "C2", "Q2"} {
				st := styleOf(t, f, sheet, cell)
				if !st.Font.Bold || !bordered(st) || st.Fill.Pattern != 1 || !st.Alignment.WrapText {
					t.Errorf("header %s: bold %v, bordered %v, fill %v", cell, st.Font.Bold, bordered(st), st.Fill)
				}
			}
			// The 序号 centred, apart from the 项目代码 beside it ("12" and "2503-…" read
			// as one number when both hug the border between them).
			if st := styleOf(t, f, sheet, "A3"); st.Alignment == nil || st.Alignment.Horizontal != "center" {
				t.Errorf("序号 A3 aligned %+v", st.Alignment)
			}
			if v, _ := f.GetCellValue(sheet, "A14"); v != "12" {
				t.Errorf("A14 %q, want the 12th 序号", v)
			}
			// The findings name the sheet, the CSV's file name, on one line.
			if w, _ := f.GetColWidth("检查结果", "C"); w < float64(book.Columns(sheet))+1 {
				t.Errorf("检查结果's 工作表 column %.0f wide for %q", w, sheet)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.XSplit != 3 || panes.TopLeftCell != "D3" {
				t.Errorf("panes %+v, %v", panes, err)
			}
			if xml := partText(t, out, "xl/worksheets/sheet1.xml"); !strings.Contains(xml, `<autoFilter ref="A2:Q15"/>`) {
				t.Error("no filter over A2:Q15")
			}

			// Amounts: numbers, "#,##0.00"; the 合计 row bold.
			for cell, want := range map[string][2]string{"J3": {"12500", "12,500.00"}, "K4": {"900", "900.00"}, "L3": {"1480.5", "1,480.50"}, "J15": {"94590", "94,590.00"}} {
				raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				shown, _ := f.GetCellValue(sheet, cell)
				typ, _ := f.GetCellType(sheet, cell)
				if raw != want[0] || shown != want[1] || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
					t.Errorf("%s: %q shown %q (type %v), want %q shown %q", cell, raw, shown, typ, want[0], want[1])
				}
			}
			if !styleOf(t, f, sheet, "J15").Font.Bold || !styleOf(t, f, sheet, "A15").Font.Bold {
				t.Error("the 合计 row is not bold")
			}
			// Dates as the clerk typed them, in every form, become dates shown yyyy-mm-dd.
			for cell, want := range map[string]string{"N3": "2025-02-26", "N4": "2025-03-05", "M5": "2025-03-01", "N5": "2025-03-08", "M14": "2025-04-15"} {
				shown, _ := f.GetCellValue(sheet, cell)
				raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				if shown != want || strings.Contains(raw, "-") {
					t.Errorf("%s: shown %q raw %q, want the date %s", cell, shown, raw, want)
				}
			}
			// Text keeps its text, codes their dashes; an empty cell of the table is bordered.
			if v, _ := f.GetCellValue(sheet, "B3"); v != "2308-140524-88-01-103001" {
				t.Errorf("B3 %q", v)
			}
			if !bordered(styleOf(t, f, sheet, "Q3")) || !bordered(styleOf(t, f, sheet, "B4")) {
				t.Error("empty cells of the table have no border")
			}

			// Widths: the widest cell, a Chinese character two; 项目名称 wider than 序号.
			longest := 0
			for _, p := range res.Ledger.Projects {
				longest = max(longest, 2*utf8.RuneCountInString(p.Name))
			}
			for col, want := range map[string]float64{"A": 4 + colPadding, "C": float64(min(longest, maxColWidth) + colPadding), "M": 10 + colPadding} {
				if w, _ := f.GetColWidth(sheet, col); w != want {
					t.Errorf("column %s width %v, want %v", col, w, want)
				}
			}
			if h, _ := f.GetRowHeight(sheet, 2); h != 2*lineHeight+rowPadding {
				t.Errorf("header row height %v: its long names take two lines", h)
			}

			// Printing: A4 landscape, one page wide, the header on every page, page numbers.
			pl, err := f.GetPageLayout(sheet)
			if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
				pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("page layout %+v, %v", pl, err)
			}
			props, _ := f.GetSheetProps(sheet)
			if props.FitToPage == nil || !*props.FitToPage {
				t.Error("not fitted to the page")
			}
			titles := ""
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
					titles = dn.RefersTo
				}
			}
			if titles != "'"+sheet+"'!$2:$2" {
				t.Errorf("print titles %q", titles)
			}
			if hf, _ := f.GetHeaderFooter(sheet); hf == nil || !strings.Contains(hf.OddFooter, "&P") {
				t.Errorf("footer %+v", hf)
			}

			// The same ledger: read again, the same projects, figures and findings.
			l, err := ledger.Read(out, ledger.Options{})
			if err != nil {
				t.Fatal(err)
			}
			again := rules.Evaluate(l, rules.Default(), rules.Options{})
			if again.Counts != res.Counts || again.Amounts != res.Amounts || again.AsOf != res.AsOf {
				t.Errorf("read again: %+v %+v %v, want %+v %+v %v", again.Counts, again.Amounts, again.AsOf, res.Counts, res.Amounts, res.AsOf)
			}
			if a, b := findingKeys(again.Findings), findingKeys(res.Findings); !slices.Equal(a, b) {
				t.Errorf("findings read again:\n%v\nwant\n%v", a, b)
			}
		})
	}
}

func findingKeys(fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Rule)+" "+f.Cell+" "+f.Message)
	}
	return out
}

// What the copy must not change: a date of a month stays the month as typed (a date
// would make it a day), an amount that cannot be read stays as typed for its finding,
// an amount with its unit in the cell becomes the number in the column's unit, a
// column in 亿元 keeps four decimals, a long text wraps and its row grows, and a note
// under the table stays outside it.
func TestCSVCopyLayout(t *testing.T) {
	long := strings.Repeat("征地拆迁未完成，", 8)
	text := "序号,项目名称,建设性质,总投资（亿元）,年度计划投资,本年完成投资,计划开工时间,存在问题\n" +
		"1,甲项目,新建,1.2345,\"1,200.50\",1.2亿,2025年4月," + long + "\n" +
		"2,乙项目,续建,0.5,300,三百,2025-03-15,\n" +
		"注：本表由乡镇填报,,,,,,,\n"
	res, _, f := csvCopy(t, "", text)
	sheet := res.Ledger.Sheet
	for cell, want := range map[string][3]string{
		"D2": {"1.2345", "1.2345", "#,##0.0000"},
		"E2": {"1200.5", "1,200.50", "#,##0.00"},
		"F2": {"12000", "12,000.00", "#,##0.00"},
		"G2": {"2025年4月", "2025年4月", ""},
		"F3": {"三百", "三百", ""},
		"G3": {"45731", "2025-03-15", "yyyy-mm-dd"},
	} {
		raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(sheet, cell)
		format := ""
		if st := styleOf(t, f, sheet, cell); st.CustomNumFmt != nil {
			format = *st.CustomNumFmt
		}
		if raw != want[0] || shown != want[1] || format != want[2] {
			t.Errorf("%s: %q shown %q format %q, want %q %q %q", cell, raw, shown, format, want[0], want[1], want[2])
		}
	}
	if w, _ := f.GetColWidth(sheet, "H"); w != maxColWidth+colPadding {
		t.Errorf("存在问题 width %v, want the widest %d", w, maxColWidth+colPadding)
	}
	lines := (cellWidth(long) + maxColWidth - 1) / maxColWidth
	if h, _ := f.GetRowHeight(sheet, 2); h != float64(lines*lineHeight+rowPadding) {
		t.Errorf("row 2 height %v, want %d lines", h, lines)
	}
	if st := styleOf(t, f, sheet, "A4"); bordered(st) {
		t.Error("the note under the table is bordered")
	}
	if panes, _ := f.GetPanes(sheet); panes.YSplit != 1 || panes.XSplit != 2 {
		t.Errorf("panes %+v", panes)
	}
	findings := map[string]rules.RuleID{}
	for _, fd := range res.Findings {
		findings[fd.Cell] = fd.Rule
	}
	if findings["F3"] != rules.RuleBadNumber {
		t.Errorf("findings %v", findings)
	}
}

// A second reader, openpyxl, sees the same workbook (skipped where /usr/bin/python3
// has no openpyxl; CI installs it).
func TestCSVCopyOpenpyxl(t *testing.T) {
	const python = "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Skip("no openpyxl")
	}
	res, out, _ := csvCopy(t, "../../testdata/开复工台账_utf8bom.csv", "")
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(ws.freeze_panes, ws.auto_filter.ref, ws.print_title_rows, ws.page_setup.orientation, ws.page_setup.paperSize,
      ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage)
for ref in ("A2", "J3", "N4", "J15", "Q3"):
    c = ws[ref]
    print(ref, repr(c.value), c.number_format, c.font.b, c.border.left.style, c.border.bottom.style)
print(ws.column_dimensions["C"].width, ws.column_dimensions["A"].width)
`
	got, err := exec.Command(python, "-c", script, out, res.Ledger.Sheet).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	want := `D3 A2:Q15 $2:$2 landscape 9 1 0 True
A2 '序号' General True thin thin
J3 12500 #,##0.00 False thin thin
N4 datetime.datetime(2025, 3, 5, 0, 0) yyyy-mm-dd False thin thin
J15 94590 #,##0.00 True thin thin
Q3 None General False thin thin
38.0 6.0
`
	if string(got) != want {
		t.Errorf("openpyxl reads\n%s\nwant\n%s", got, want)
	}
}
