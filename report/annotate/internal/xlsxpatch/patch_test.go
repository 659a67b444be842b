package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongjian/internal/ooxml"
)

// workbookFile writes a small workbook with excelize and returns its path.
func workbookFile(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "台账")
	f.SetSheetRow("台账", "A1", &[]any{"项目名称", "总投资"})
	f.SetSheetRow("台账", "A2", &[]any{"陵川县供水工程", "abc"})
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// applyFile applies the patch to the workbook in the file at path.
func applyFile(t *testing.T, path string, w io.Writer, p *Patch) error {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return Apply(f, st.Size(), w, p)
}

// rezip writes the workbook's entries again with extra ones after them.
func rezip(t *testing.T, src string, extra ...string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range extra {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "crafted.xlsx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// An entry name that climbs out of the package, or one that appears twice, is never
// copied on: the workbook is refused as corrupt and nothing is written.
func TestApplyRefusesBadEntryNames(t *testing.T) {
	good := workbookFile(t)
	for _, extra := range [][]string{
		{"../../evil.sh"},
		{"/etc/cron.d/evil"},
		{"xl/../../evil.xml"},
		{"xl/styles.xml"},            // a second styles part of the same name
		{"XL/WORKSHEETS/SHEET1.XML"}, // the sheet again, in other case
	} {
		var out bytes.Buffer
		err := applyFile(t, rezip(t, good, extra...), &out, &Patch{Sheet: "台账", Marks: []Mark{{Row: 2, Col: 1, Note: 1}}, Note: func(b []byte, _ int) []byte { return append(b, "x"...) }})
		if !errors.Is(err, ooxml.ErrCorrupt) || out.Len() != 0 {
			t.Errorf("%q: error %v, %d bytes written", extra, err, out.Len())
		}
	}
}

// The comments and cells the tool writes hold at most what an Excel cell holds: a
// longer text is cut at 32,767 characters, its last one "…".
func TestApplyCutsLongTexts(t *testing.T) {
	long := strings.Repeat("超", 40000)
	var out bytes.Buffer
	err := applyFile(t, workbookFile(t), &out, &Patch{
		Sheet:  "台账",
		Author: "攻坚检查", Marker: "【攻坚检查】",
		Marks: []Mark{{Row: 2, Col: 1, Note: 1}, {Row: 2, Col: 1, Note: 2}, {Row: 2, Col: 0, Note: 3}},
		Note: func(b []byte, i int) []byte {
			return append(b, []string{
				"【攻坚检查】错误：总投资“" + long + "”无法识别",
				"【攻坚检查】警告：第二条",
				"【攻坚检查】警告：" + strings.Repeat("a", ooxml.MaxCellChars-9), // exactly the limit
			}[i]...)
		},
		ErrorFill: "FFFFB7B7", WarningFill: "FFFFE9A8",
		Sheets: []Sheet{{Name: "检查结果", Headers: []string{"原值"}, Rows: Table{{{Text: long}}, {{Text: "短"}}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("台账")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, c := range comments {
		var b strings.Builder
		for _, p := range c.Paragraph {
			b.WriteString(p.Text)
		}
		texts[c.Cell] = b.String()
	}
	if n := utf8.RuneCountInString(texts["B2"]); n != ooxml.MaxCellChars || !strings.HasSuffix(texts["B2"], "…") {
		t.Errorf("B2's comment: %d characters, ending %q", n, texts["B2"][max(0, len(texts["B2"])-9):])
	}
	if a2 := texts["A2"]; utf8.RuneCountInString(a2) != ooxml.MaxCellChars || strings.HasSuffix(a2, "…") {
		t.Errorf("A2's comment of exactly the limit: %d characters", utf8.RuneCountInString(a2))
	}
	v, _ := f.GetCellValue("检查结果", "A2")
	if n := utf8.RuneCountInString(v); n != ooxml.MaxCellChars || !strings.HasSuffix(v, "…") {
		t.Errorf("the findings sheet's cell: %d characters", n)
	}
	if v, _ := f.GetCellValue("检查结果", "A3"); v != "短" {
		t.Errorf("a short cell: %q", v)
	}
}

// The same workbook and patch give the same copy, byte for byte.
func TestApplyDeterministic(t *testing.T) {
	src := workbookFile(t)
	patch := &Patch{
		Sheet: "台账", Author: "攻坚检查", Marker: "【攻坚检查】",
		Marks:     []Mark{{Row: 2, Col: 1, Note: 1}, {Row: 2, Col: 0, Level: LevelWarning}},
		Note:      func(b []byte, _ int) []byte { return append(b, "【攻坚检查】错误：x"...) },
		ErrorFill: "FFFFB7B7", WarningFill: "FFFFE9A8",
		Sheets: []Sheet{{Name: "检查结果", Headers: []string{"a", "b", "c"}, Rows: Table{{{Text: "x", Fill: FillError}, {Number: "1", Fill: FillWarning}, {Number: "0.5", Percent: true, Fill: FillGood}}}}},
	}
	var first bytes.Buffer
	if err := applyFile(t, src, &first, patch); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		var again bytes.Buffer
		if err := applyFile(t, src, &again, patch); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), first.Bytes()) {
			t.Fatalf("run %d wrote another copy", i+2)
		}
	}
}
