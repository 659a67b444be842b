package ledger

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/internal/xmltag"
)

// cellsOf reads every non-empty cell of every sheet through a Source.
func cellsOf(t *testing.T, src Source) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, sheet := range src.Sheets() {
		m := map[string]string{}
		err := src.Rows(sheet, func(row int, cells []string) bool {
			for c, v := range cells {
				if v != "" {
					m[CellName(c, row)] = v
				}
			}
			return true
		})
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		out[sheet] = m
	}
	return out
}

// The streaming reader gives exactly the cells, sheets, merged ranges and date system
// that excelize gives, on every sample.
func TestStreamSourceMatchesExcelize(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.xlsx")
	if len(files) < 5 {
		t.Fatalf("only %d samples", len(files))
	}
	// More workbooks from other producers can be compared too:
	// GONGJIAN_DIFF_GLOB='/path/*.xlsx' go test ./ledger -run StreamSourceMatches
	// testdata/other-producers.sh does so with LibreOffice and openpyxl, in CI.
	if extra := os.Getenv("GONGJIAN_DIFF_GLOB"); extra != "" {
		more, _ := filepath.Glob(extra)
		if len(more) == 0 {
			t.Fatalf("GONGJIAN_DIFF_GLOB=%s matches no file", extra)
		}
		files = append(files, more...)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ex, err := openXLSX(file, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer ex.Close()
			st, err := openStreamPath(file, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if !reflect.DeepEqual(ex.Sheets(), st.Sheets()) || ex.Date1904() != st.Date1904() {
				t.Fatalf("sheets %v/%v date1904 %v/%v", ex.Sheets(), st.Sheets(), ex.Date1904(), st.Date1904())
			}
			a, b := cellsOf(t, ex), cellsOf(t, st)
			for sheet := range a {
				for ref, v := range a[sheet] {
					if b[sheet][ref] != v {
						t.Errorf("%s!%s: excelize %q, stream %q", sheet, ref, v, b[sheet][ref])
					}
				}
				for ref, v := range b[sheet] {
					if _, ok := a[sheet][ref]; !ok {
						t.Errorf("%s!%s: stream has %q, excelize nothing", sheet, ref, v)
					}
				}
				ma, _ := ex.Merges(sheet)
				mb, _ := st.Merges(sheet)
				sortRanges(ma)
				sortRanges(mb)
				if !reflect.DeepEqual(ma, mb) {
					t.Errorf("%s merges %v, stream %v", sheet, ma, mb)
				}
			}
		})
	}
}

func sortRanges(rs []Range) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Top != rs[j].Top {
			return rs[i].Top < rs[j].Top
		}
		return rs[i].Left < rs[j].Left
	})
}

// Cells written every way a producer writes them: shared and inline strings, rich
// text, escapes, entities, booleans, errors, formulas with cached values.
func TestStreamSourceCellKinds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kinds.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "项目名称 & <代码>")
	f.SetCellValue("Sheet1", "B1", true)
	f.SetCellValue("Sheet1", "C1", 1234.5)
	f.SetCellValue("Sheet1", "D1", "line\r\nbreak")
	f.SetCellRichText("Sheet1", "E1", []excelize.RichTextRun{{Text: "陵川县"}, {Text: "供水", Font: &excelize.Font{Bold: true}}})
	f.SetCellFormula("Sheet1", "F1", "C1*2")
	f.SetCellValue("Sheet1", "H3", "跳过的行和列")
	f.MergeCell("Sheet1", "A5", "C6")
	f.SetCellValue("Sheet1", "A5", "合并")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ex, _ := openXLSX(path, 0)
	defer ex.Close()
	st, err := openStreamPath(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, b := cellsOf(t, ex), cellsOf(t, st)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("excelize %v\nstream   %v", a, b)
	}
	if got := b["Sheet1"]["E1"]; got != "陵川县供水" {
		t.Errorf("rich text read as %q", got)
	}
	if got := b["Sheet1"]["A1"]; !strings.Contains(got, "&") {
		t.Errorf("entities read as %q", got)
	}
}

// The two-core pipeline gives the rows the one-goroutine scan gives, and stops early
// when asked (the header search reads 16 rows).
func TestStreamPipeline(t *testing.T) {
	defer func(v uint64) { pipelineMin = v }(pipelineMin)
	files, _ := filepath.Glob("../testdata/*.xlsx")
	for _, file := range files {
		st, err := openStreamPath(file, 0)
		if err != nil {
			t.Fatal(err)
		}
		pipelineMin = 1 << 62
		want := cellsOf(t, st)
		pipelineMin = 0
		if got := cellsOf(t, st); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the pipeline read other cells", file)
		}
		for _, sheet := range st.Sheets() {
			n := 0
			st.Rows(sheet, func(int, []string) bool { n++; return n < 3 })
			if n > 3 {
				t.Errorf("%s!%s: %d rows after asking to stop at 3", file, sheet, n)
			}
		}
		st.Close()
	}
}

// simpleCell reads the usual cells in one step and leaves every other shape to the
// tag by tag path, consuming nothing.
func TestSimpleCell(t *testing.T) {
	tests := []struct {
		after string // what follows the cell's start tag
		want  string
		ok    bool
	}{
		{`<v>1234.5</v></c><c r="B1">`, "1234.5", true},
		{`<is><t>项目&amp;名称</t></is></c>`, "项目&名称", true},
		{`<is><t xml:space="preserve"> 前后空格 </t></is></c>`, " 前后空格 ", true},
		{`<v></v></c>`, "", true},
		{`<f>SUM(A1:A2)</f><v>3</v></c>`, "", false},
		{`<is><r><t>富</t></r><r><t>文本</t></r></is></c>`, "", false},
		{`<x:v>1</x:v></x:c>`, "", false},
		{`<v>12`, "", false}, // the cell goes on beyond what is buffered
	}
	for _, tt := range tests {
		sc := xmltag.NewScanner(strings.NewReader(`<c r="A1">`+tt.after), 4096)
		if err := sc.Next(nil, false); err != nil { // the cell's start tag, as the scan reads it
			t.Fatal(err)
		}
		got, ok := simpleCell(sc, nil)
		if ok != tt.ok || string(got) != tt.want {
			t.Errorf("%q: got %q %v, want %q %v", tt.after, got, ok, tt.want, tt.ok)
		}
		if !ok && len(sc.Ahead()) != len(tt.after) {
			t.Errorf("%q: consumed input though it was not read", tt.after)
		}
	}
}
