package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
	"gongjian/report/internal/book/booktest"
	"gongjian/rules"
)

// mergeSamples are three 乡镇 ledgers of different layouts: a two-level header with
// section rows and no 乡镇 column, a 1904 workbook in 亿元, and a GBK CSV.
var mergeSamples = []string{
	"../testdata/礼义镇开复工台账.xlsx",
	"../testdata/亿元台账_1904.xlsx",
	"../testdata/开复工台账_gbk.csv",
}

func readAll(t *testing.T, paths []string, opts ledger.Options) []*ledger.Ledger {
	t.Helper()
	var ls []*ledger.Ledger
	for _, p := range paths {
		l, err := ledger.Read(p, opts)
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	return ls
}

// openMerged writes the merged ledger and opens the workbook and the ledger read back.
func openMerged(t *testing.T, m *ledger.Merged) (*excelize.File, *ledger.Ledger) {
	t.Helper()
	path, l := writeMerged(t, m)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, l
}

// writeMerged writes the merged ledger to a file and reads it back.
func writeMerged(t *testing.T, m *ledger.Merged) (string, *ledger.Ledger) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "全县台账.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteMerged(f, m, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return path, l
}

// The acceptance test of issue 7: the merged ledger, checked with no flags, gives the
// counts and amounts of the three ledgers checked separately at the same date.
func TestMergeSamplesCheckTheSame(t *testing.T) {
	asOf := ledger.DayDate(2025, 5, 31)
	r := rules.Default()
	ls := readAll(t, mergeSamples, ledger.Options{AsOf: asOf})
	var want rules.Counts
	var total, plan, done ledger.Amount
	for _, l := range ls {
		res := rules.Evaluate(l, r, rules.Options{AsOf: asOf, AsOfSource: "flag"})
		want.Projects += res.Counts.Projects
		want.New += res.Counts.New
		want.NewStarted += res.Counts.NewStarted
		want.Continuing += res.Counts.Continuing
		want.ContinuingResumed += res.Counts.ContinuingResumed
		want.Terminated += res.Counts.Terminated
		want.Started += res.Counts.Started
		total = total.Add(res.Amounts.Total)
		plan = plan.Add(res.Amounts.AnnualPlan)
		done = done.Add(res.Amounts.Done)
	}

	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong, AsOf: asOf, Towns: r.Towns})
	if len(m.Duplicates) != 0 {
		t.Errorf("duplicates %+v", m.Duplicates)
	}
	// The 1904 sample is a June ledger: merged as of May 31, the title says so.
	if m.Title != "全县2025年重点项目开复工台账（截至2025年5月31日；亿元台账_1904.xlsx为6月30日数据）" {
		t.Errorf("title %q", m.Title)
	}
	_, got := writeMerged(t, m)
	if got.AsOf != asOf || got.AsOfSource != "title" || got.Year != 2025 {
		t.Errorf("merged as-of %s from %q, year %d", got.AsOf, got.AsOfSource, got.Year)
	}
	res := rules.Evaluate(got, r, rules.Options{})
	if res.Counts != want {
		t.Errorf("merged counts %+v, separately %+v", res.Counts, want)
	}
	if res.Amounts.Total != total || res.Amounts.AnnualPlan != plan || res.Amounts.Done != done {
		t.Errorf("merged amounts %s %s %s, separately %s %s %s", res.Amounts.Total, res.Amounts.AnnualPlan, res.Amounts.Done, total, plan, done)
	}
	// The figures of testdata/README.md, checked at 2025-05-31.
	if want != (rules.Counts{Projects: 40, New: 24, NewStarted: 20, Continuing: 16, ContinuingResumed: 16, Started: 36}) ||
		total.String() != "484185.86" || plan.String() != "143340.50" || done.String() != "62397.95" {
		t.Errorf("the samples changed: %+v %s %s %s", want, total, plan, done)
	}
	for _, f := range res.Findings {
		if f.Rule == rules.RuleTotalMismatch || f.Rule == rules.RuleBadNumber || f.Rule == rules.RuleBadDate || f.Rule == rules.RuleDuplicateProject {
			t.Errorf("merged ledger: %s %s %s", f.Rule, f.Cell, f.Message)
		}
	}
	if len(got.Totals) != 1 || len(got.Totals[0].Covers) != 40 || got.Totals[0].Amounts[ledger.FieldDone] != done {
		t.Errorf("合计 row %+v", got.Totals)
	}

	// Project by project, the values are the sources' in canonical form.
	var src []ledger.Project
	for _, l := range ls {
		src = append(src, l.Projects...)
	}
	if len(got.Projects) != len(src) {
		t.Fatalf("%d merged projects, %d read", len(got.Projects), len(src))
	}
	for i, p := range got.Projects {
		s := src[i]
		if p.Name != s.Name || p.Code != s.Code || p.Nature != s.Nature || p.Status != s.Status || p.Stats != s.Stats ||
			p.Total != s.Total || p.Plan != s.Plan || p.Done != s.Done || p.PlanStart != s.PlanStart || p.ActualStart != s.ActualStart ||
			p.Unit != s.Unit || p.Leader != s.Leader || p.Owner != s.Owner {
			t.Errorf("row %d:\n merged %+v\n source %+v", p.Row, p, s)
		}
		if i < 12 && p.Town != "礼义镇" || i >= 12 && p.Town != s.Town {
			t.Errorf("row %d town %q (source %q)", p.Row, p.Town, s.Town)
		}
	}
	if got.NatureFromSections || !got.Has(ledger.FieldNature) {
		t.Error("建设性质 is not a column of the merged ledger")
	}
}

// The 来源 column names the file and row of each project, and the month of a row from
// a ledger of another month than the merged one.
func TestMergeSourceColumn(t *testing.T) {
	ls := readAll(t, mergeSamples[:2], ledger.Options{})
	// A May and a June ledger: not merged without a date given, each file's month said.
	if m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong}); !m.MixedMonths ||
		m.MonthsText() != "  礼义镇开复工台账.xlsx：截至2025年5月31日\n  亿元台账_1904.xlsx：截至2025年6月30日" {
		t.Errorf("mixed months %v: %q", m.MixedMonths, m.MonthsText())
	}
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong, AsOf: ledger.DayDate(2025, 6, 30)})
	f, l := openMerged(t, m)
	rows, _ := f.GetRows(l.Sheet)
	header := rows[mergeHeaderRow-1]
	if header[len(header)-1] != "来源" {
		t.Fatalf("last header %q", header[len(header)-1])
	}
	first := rows[mergeFirstRow-1]
	if got := first[len(header)-1]; got != "礼义镇开复工台账.xlsx 第7行（5月31日数据）" {
		t.Errorf("first source %q", got)
	}
	if got := rows[mergeFirstRow-1+12][len(header)-1]; got != "亿元台账_1904.xlsx 第4行" {
		t.Errorf("13th source %q", got)
	}
	last := rows[len(rows)-1]
	if last[0] != "合计：28个" {
		t.Errorf("last row %q", last)
	}
	if hf, err := f.GetHeaderFooter(l.Sheet); err != nil || hf == nil || hf.OddFooter != book.Footer {
		t.Errorf("footer %+v, want the page numbers", hf)
	}
	// The title carries the date given and the other month; read back, it is the date given.
	if m.Title != "全县2025年重点项目开复工台账（截至2025年6月30日；礼义镇开复工台账.xlsx为5月31日数据）" || m.MixedMonths ||
		!m.Sources[0].OtherMonth || m.Sources[1].OtherMonth {
		t.Errorf("title %q, sources %+v", m.Title, m.Sources)
	}
	if l.AsOf != ledger.DayDate(2025, 6, 30) || l.AsOfSource != ledger.AsOfTitle {
		t.Errorf("merged ledger read as of %s from %s", l.AsOf, l.AsOfSource)
	}
	// Dates are date cells; a month stays a month.
	typ, _ := f.GetCellType(l.Sheet, "R4")
	if v, _ := f.GetCellValue(l.Sheet, "R4", excelize.Options{RawCellValue: true}); v != "45714" || typ == excelize.CellTypeSharedString {
		t.Errorf("R4 %q (%v), want the serial of 2025-02-26", v, typ)
	}
	if v, _ := f.GetCellValue(l.Sheet, "Q5"); v != "2025年3月" {
		t.Errorf("Q5 %q", v)
	}
}

func project(row int, code, name string, total int64) ledger.Project {
	return ledger.Project{Row: row, Code: code, Name: name, Nature: "新建", Total: ledger.Wan(total, 0)}
}

func TestMergeDuplicates(t *testing.T) {
	a := &ledger.Ledger{File: "台账/礼义镇.xlsx", Title: "礼义镇2025年重点项目开复工台账", Year: 2025,
		Columns: []ledger.Column{{Field: ledger.FieldName}, {Field: ledger.FieldTotal}},
		Projects: []ledger.Project{
			project(5, "2501-1", "甲项目", 100),
			project(6, "", "乙 项目", 200),
			project(7, "2501-3", "丙项目", 300),
			project(8, "", "", 1), // no name, no code: never a duplicate
		}}
	b := &ledger.Ledger{File: "台账/平城镇.xlsx", Title: "平城镇2025年重点项目开复工台账", Year: 2025,
		Columns: []ledger.Column{{Field: ledger.FieldName}, {Field: ledger.FieldTotal}},
		Projects: []ledger.Project{
			project(4, "2501-1", "甲项目（一期）", 999), // same code, other name
			project(5, "2501-9", "乙项目", 999),     // a code, the same name as a project without one
			project(6, "2501-4", "丙项目", 999),     // same name, different codes: two projects
			project(7, "", "", 1),
			project(8, "", "丁项目", 400),
		}}
	m := ledger.Merge([]*ledger.Ledger{a, b}, ledger.MergeOptions{})
	if len(m.Rows) != 7 {
		t.Fatalf("%d rows, want 7", len(m.Rows))
	}
	if len(m.Duplicates) != 2 {
		t.Fatalf("duplicates %+v", m.Duplicates)
	}
	d := m.Duplicates[0]
	if d.Code != "2501-1" || d.First.String() != "礼义镇.xlsx 第5行" || d.Again.String() != "平城镇.xlsx 第4行" {
		t.Errorf("first duplicate %+v", d)
	}
	if msg := d.Message(); msg != "重复项目：平城镇.xlsx 第4行 与 礼义镇.xlsx 第5行 的“甲项目（一期）”项目代码“2501-1”相同，合并台账中只写一次（数值取自前者），请核对" {
		t.Errorf("message %q", msg)
	}
	if d := m.Duplicates[1]; d.Code != "" || !strings.Contains(d.Message(), "名称相同") {
		t.Errorf("second duplicate %+v", d)
	}
	kept := m.Rows[0]
	if len(kept.Sources) != 2 || kept.Project.Total != ledger.Wan(100, 0) {
		t.Errorf("kept %+v", kept)
	}
	if m.Totals[ledger.FieldTotal] != ledger.Wan(100+200+300+1+999+1+400, 0) {
		t.Errorf("total %s", m.Totals[ledger.FieldTotal])
	}
	// Both ledgers lack a 乡镇 column: the titles name them.
	if m.Rows[0].Project.Town != "礼义镇" || m.Rows[6].Project.Town != "平城镇" {
		t.Errorf("towns %q %q", m.Rows[0].Project.Town, m.Rows[6].Project.Town)
	}

	var buf bytes.Buffer
	if err := WriteMergeJSON(&buf, m, "全县.xlsx", []MergeFailure{{File: "坏.xls", Code: "legacy-format", Message: "坏.xls：旧格式"}}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Projects int `json:"projects"`
		Sources  []struct {
			File  string                 `json:"file"`
			Error *struct{ Code string } `json:"error"`
		} `json:"sources"`
		Findings []struct {
			Rule    string   `json:"rule"`
			Sources []string `json:"sources"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Projects != 7 || len(out.Findings) != 2 || out.Findings[0].Rule != "duplicate-project" ||
		strings.Join(out.Findings[0].Sources, ",") != "礼义镇.xlsx 第5行,平城镇.xlsx 第4行" ||
		len(out.Sources) != 3 || out.Sources[2].Error == nil || out.Sources[2].Error.Code != "legacy-format" {
		t.Errorf("json %s", buf.String())
	}

	// Written once, with both sources named.
	f, l := openMerged(t, m)
	rows, _ := f.GetRows(l.Sheet)
	first := rows[mergeFirstRow-1]
	if got := first[len(first)-1]; got != "礼义镇.xlsx 第5行；平城镇.xlsx 第4行" {
		t.Errorf("source %q", got)
	}
}

// A cell the reader could not read is written as it was, so checking the merged
// ledger points at it again instead of taking it for empty.
func TestMergeKeepsUnreadableCells(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "礼义镇.csv")
	data := "礼义镇2025年重点项目开复工台账（截至2025年5月31日）\n" +
		"项目名称,建设性质,总投资,年度计划投资,1-5月完成投资,实际开工时间,开工状态\n" +
		"甲项目,新建,1200,600,三百,2025.13.1,已开工\n" +
		"乙项目,续建,800,400,100,2025-03-01,已复工\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ls := readAll(t, []string{csv}, ledger.Options{})
	if len(ls[0].Problems) != 2 {
		t.Fatalf("problems %+v", ls[0].Problems)
	}
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong})
	if m.Sources[0].Unreadable != 2 || len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "2 个金额或日期无法识别") {
		t.Errorf("notes %q", m.Notes)
	}
	_, l := writeMerged(t, m)
	var got []string
	for _, p := range l.Problems {
		got = append(got, string(p.Field)+"="+p.Value)
	}
	if strings.Join(got, ",") != "done=三百,actual_start=2025.13.1" {
		t.Errorf("merged problems %v", got)
	}
	if l.Projects[0].Town != "礼义镇" || l.Projects[1].Done != ledger.Wan(100, 0) {
		t.Errorf("projects %+v", l.Projects)
	}
}

// The same ledgers give the same bytes.
func TestMergeDeterministic(t *testing.T) {
	ls := readAll(t, mergeSamples, ledger.Options{})
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong})
		if err := WriteMerged(buf, m, t.TempDir()); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs wrote different bytes")
	}
}

func TestMergeSummary(t *testing.T) {
	ls := readAll(t, mergeSamples, ledger.Options{AsOf: ledger.DayDate(2025, 5, 31)})
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong, AsOf: ledger.DayDate(2025, 5, 31), Towns: rules.Default().Towns})
	var buf bytes.Buffer
	if err := WriteMergeSummary(&buf, m, "全县台账.xlsx"); err != nil {
		t.Fatal(err)
	}
	want := `已把 3 个开复工台账合并为 全县台账.xlsx：40 个项目，截至 2025-05-31。
  礼义镇开复工台账.xlsx   12 个项目，所在乡镇按填报单位填为 礼义镇
  亿元台账_1904.xlsx      16 个项目
  开复工台账_gbk.csv      12 个项目
合计（万元）：总投资 484185.86，年度计划投资 143340.50，本年完成投资 62397.95
`
	if buf.String() != want {
		t.Errorf("summary:\n%s\nwant:\n%s", buf.String(), want)
	}
}

// Every row of the merged ledger is as tall as its wrapped text: the title (with the
// note of a ledger of another month), long names and 建设单位, and 来源.
func TestMergedRowHeights(t *testing.T) {
	ls := readAll(t, mergeSamples, ledger.Options{})
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong, AsOf: ledger.DayDate(2025, 6, 30)})
	path, _ := writeMerged(t, m)
	if n := booktest.CheckRowHeights(t, path); n < 40 {
		t.Errorf("only %d wrapped cells checked", n)
	}
}

// The merged ledger prints on A3, its header rows on every page, and a column no
// ledger filled is only as wide as its header on two lines: it stays for the clerks,
// the page goes to the columns with something in them.
func TestMergedForPaper(t *testing.T) {
	ls := readAll(t, mergeSamples, ledger.Options{})
	m := ledger.Merge(ls, ledger.MergeOptions{Kind: ledger.KindKaifugong, AsOf: ledger.DayDate(2025, 6, 30)})
	f, _ := openMerged(t, m)
	sheet := f.GetSheetList()[0]
	pl, err := f.GetPageLayout(sheet)
	if err != nil || *pl.Size != 8 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
		t.Errorf("page layout %+v, %v: want A3 landscape one page wide", pl, err)
	}
	rows, _ := f.GetRows(sheet)
	empty, filled := 0, 0
	for c, h := range rows[mergeHeaderRow-1] {
		used := false
		for _, r := range rows[mergeHeaderRow : len(rows)-1] {
			used = used || c < len(r) && r[c] != ""
		}
		col, _ := excelize.ColumnNumberToName(c + 1)
		w, _ := f.GetColWidth(sheet, col)
		switch {
		case !used && w > max(6, float64(book.Columns(h))+2):
			t.Errorf("%s, empty, is %.0f wide", h, w)
		case !used:
			empty++
		case used:
			filled++
		}
	}
	if empty == 0 || filled < 15 {
		t.Errorf("%d empty columns and %d filled: the test tells nothing", empty, filled)
	}
}
