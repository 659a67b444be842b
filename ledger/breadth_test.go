package ledger

// Tests over the breadth samples (testdata/gen/breadth_samples.go): one ledger per
// layout real county ledgers and system exports use. The expected values are the
// generator's tables, worked out by hand in its comments.

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readBreadth(t *testing.T, file string, opts Options) *Ledger {
	t.Helper()
	opts.Today = DayDate(2026, 3, 1) // a later year than every sample's
	l, err := Read(filepath.Join(sampleDir, file), opts)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return l
}

// fieldsOf is the columns' fields by letter ("-" for a column not used).
func fieldsOf(l *Ledger) string {
	var parts []string
	for _, c := range l.HeaderCells() {
		f := string(c.Field)
		if f == "" {
			f = "-"
		}
		parts = append(parts, c.Letter+":"+f)
	}
	return strings.Join(parts, " ")
}

func sumOf(l *Ledger, f Field) string {
	var s Amount
	for i := range l.Projects {
		s = s.Add(l.Projects[i].Amount(f))
	}
	return s.String()
}

// leaderGroups are the people of the 包联领导 cells and the rows of their projects.
func leaderGroups(l *Ledger) map[string][]int {
	out := map[string][]int{}
	for _, p := range l.Projects {
		for _, name := range p.Leaders() {
			out[name] = append(out[name], p.Row)
		}
	}
	return out
}

func TestBreadthLeaders(t *testing.T) {
	l := readBreadth(t, "包联领导台账.xlsx", Options{})
	if l.AsOf.String() != "2025-05-31" || l.AsOfSource != "header" || len(l.Projects) != 8 {
		t.Fatalf("as-of %s (%s), %d projects", l.AsOf, l.AsOfSource, len(l.Projects))
	}
	if got := fieldsOf(l); got != "A:seq B:name C:nature D:total E:plan F:done G:actual_start H:leader I:- J:unit" {
		t.Errorf("columns %s", got)
	}
	if c := l.HeaderCells()[8]; c.Known != FieldLeader || c.Note != "已有H列“包联领导”" {
		t.Errorf("市级领导: known %q, note %q", c.Known, c.Note)
	}
	if c := l.HeaderCells()[7]; c.Typed != "包联\n领导" {
		t.Errorf("header as typed %q", c.Typed)
	}
	want := map[string][]int{
		"李志强": {4, 10}, "王建军": {4, 11}, "张国华": {5}, "刘晓明": {5},
		"陈卫东": {6, 11}, "赵敏": {6, 9}, "周红": {7, 9}, "吴刚": {8},
	}
	got := leaderGroups(l)
	if len(got) != len(want) {
		t.Errorf("%d leaders %v, want %d", len(got), got, len(want))
	}
	for name, rows := range want {
		if !slices.Equal(got[name], rows) {
			t.Errorf("leader %s: rows %v, want %v", name, got[name], rows)
		}
	}
	if p := l.Projects[0]; p.Leader != "李志强、王建军" {
		t.Errorf("the cell is kept as %q", p.Leader)
	}
	if sumOf(l, FieldTotal) != "27200.00" || sumOf(l, FieldPlan) != "13600.00" || sumOf(l, FieldDone) != "4850.00" {
		t.Errorf("sums %s %s %s", sumOf(l, FieldTotal), sumOf(l, FieldPlan), sumOf(l, FieldDone))
	}
}

func TestBreadthMonthInTitle(t *testing.T) {
	l := readBreadth(t, "进展情况表.xlsx", Options{})
	// The title says the month, the 项目年份 column the year: a past year's ledger is
	// judged at its own May, not today nor that year's end.
	if l.AsOf.String() != "2023-05-31" || l.AsOfSource != "title" || l.Year != 2023 || l.YearSource != "column" {
		t.Errorf("as-of %s (%s), year %d (%s)", l.AsOf, l.AsOfSource, l.Year, l.YearSource)
	}
	if got := fieldsOf(l); got != "A:seq B:name C:year D:nature E:content F:total G:done_before H:plan I:done J:status K:progress L:leader M:unit" {
		t.Errorf("columns %s", got)
	}
	if len(l.Projects) != 10 || sumOf(l, FieldTotal) != "37100.00" || sumOf(l, FieldPlan) != "14500.00" || sumOf(l, FieldDone) != "4430.00" ||
		sumOf(l, FieldDoneBefore) != "9500.00" {
		t.Errorf("%d projects, sums %s %s %s %s", len(l.Projects), sumOf(l, FieldTotal), sumOf(l, FieldPlan), sumOf(l, FieldDone), sumOf(l, FieldDoneBefore))
	}
	var natures []string
	for _, p := range l.Projects {
		natures = append(natures, p.Nature)
	}
	if strings.Join(natures, "") != "续建续建新建新建新建续建新建新建新建新建" {
		t.Errorf("在建/新开工 read as %v", natures)
	}
}

func TestBreadthSystemExport(t *testing.T) {
	l := readBreadth(t, "系统导出台账.xlsx", Options{})
	if l.Sheet != "项目汇总" {
		t.Errorf("sheet %q: the hidden 导出备份 must not be chosen", l.Sheet)
	}
	// Twelve months of columns, six filled: the latest filled gives the month and 本年完成.
	if l.AsOf.String() != "2025-06-30" || l.AsOfSource != "header" || l.Month != 6 || l.Year != 2025 {
		t.Errorf("as-of %s (%s), month %d, year %d", l.AsOf, l.AsOfSource, l.Month, l.Year)
	}
	done, plan := l.Column(FieldDone), l.Column(FieldPlanToDate)
	if done == nil || done.Header != "1-6月完成投资" || plan == nil || plan.Header != "1-6月计划投资" {
		t.Fatalf("done column %+v, plan-to-date column %+v", done, plan)
	}
	if l.Column(FieldLeader).Header != "县级领导" || l.Column(FieldStats).Header != "是否纳入统计" || l.Column(FieldTown).Header != "所属区域" {
		t.Errorf("leader %q, stats %q, town %q", l.Column(FieldLeader).Header, l.Column(FieldStats).Header, l.Column(FieldTown).Header)
	}
	notes := map[string]string{}
	for _, c := range l.HeaderCells() {
		notes[c.Letter] = c.Note
	}
	if notes["J"] != "取最近填写的“1-6月完成投资”" || notes["V"] != "整列未填" || notes["I"] != "取与完成投资同月的“1-6月计划投资”" || notes["H"] != "已有G列“县级领导”" {
		t.Errorf("notes J %q, V %q, I %q, H %q", notes["J"], notes["V"], notes["I"], notes["H"])
	}
	wantDone := []string{"1100.00", "1500.00", "1500.00", "0.00", "1800.00", "1000.00"}
	wantPlan := []string{"1200.00", "4000.00", "1800.00", "600.00", "2700.00", "1000.00"}
	for i, p := range l.Projects {
		if p.Done.String() != wantDone[i] || p.Amount(FieldPlanToDate).String() != wantPlan[i] {
			t.Errorf("row %d: done %s, plan to date %s, want %s %s", p.Row, p.Done, p.Amount(FieldPlanToDate), wantDone[i], wantPlan[i])
		}
	}
	if sumOf(l, FieldTotal) != "56000.00" || sumOf(l, FieldPlan) != "25900.00" || sumOf(l, FieldDone) != "6900.00" {
		t.Errorf("sums %s %s %s", sumOf(l, FieldTotal), sumOf(l, FieldPlan), sumOf(l, FieldDone))
	}
	if p := l.Projects[1]; p.Leader != "王建军、张国华" || p.Status != "1" || p.Stats != "×" || p.Town != "西区" {
		t.Errorf("row 3: %q %q %q %q", p.Leader, p.Status, p.Stats, p.Town)
	}

	// --sheet reads the hidden sheet; a name that is no sheet lists the hidden ones too.
	h := readBreadth(t, "系统导出台账.xlsx", Options{Sheet: "导出备份"})
	if h.Sheet != "导出备份" || len(h.Projects) != 2 || !h.Has(FieldCode) {
		t.Errorf("hidden sheet: %q, %d projects", h.Sheet, len(h.Projects))
	}
	_, err := Read(filepath.Join(sampleDir, "系统导出台账.xlsx"), Options{Sheet: "汇总"})
	if e, ok := AsError(err); !ok || !errors.Is(err, ErrNoSheet) || !strings.Contains(e.Message, "项目汇总、导出备份（隐藏）") {
		t.Errorf("no such sheet: %v", err)
	}
}

func TestBreadthSubTables(t *testing.T) {
	l := readBreadth(t, "分类子表台账.xlsx", Options{})
	if l.AsOf.String() != "2025-06-30" || len(l.HeaderRows) != 1 || l.HeaderRows[0] != 4 {
		t.Errorf("as-of %s, header %v", l.AsOf, l.HeaderRows)
	}
	var got []string
	for _, p := range l.Projects {
		got = append(got, p.Category+":"+p.Name)
		if strings.Contains(p.Name, "项目名称") {
			t.Errorf("a repeated header read as project %q (row %d)", p.Name, p.Row)
		}
	}
	want := []string{
		"社会事业:平川县第二幼儿园", "社会事业:平川县全民健身中心",
		"产业:平川县农产品加工园", "产业:平川县新型建材厂", "产业:平川县电商物流仓",
		"基础设施:平川县城区雨污分流工程", "基础设施:平川县乡村公路改造",
	}
	if !slices.Equal(got, want) {
		t.Errorf("projects\n got %v\nwant %v", got, want)
	}
	var rows []int
	for _, p := range l.Projects {
		rows = append(rows, p.Row)
	}
	if !slices.Equal(rows, []int{5, 6, 9, 10, 11, 14, 15}) {
		t.Errorf("rows %v", rows)
	}
	if len(l.Totals) != 1 || l.Totals[0].Row != 16 || len(l.Totals[0].Covers) != 7 || l.Totals[0].Amounts[FieldDone].String() != "5390.00" {
		t.Errorf("totals %+v", l.Totals)
	}
	if len(l.Problems) != 0 {
		t.Errorf("problems %+v", l.Problems)
	}
}

func TestBreadthGroupHeader(t *testing.T) {
	l := readBreadth(t, "分组表头台账.xlsx", Options{})
	if !slices.Equal(l.HeaderRows, []int{3, 4}) {
		t.Fatalf("header rows %v, want 3-4: the children name no field, but they are header", l.HeaderRows)
	}
	if got := fieldsOf(l); got != "A:seq B:name C:nature D:period E:period F:total G:plan H:done I:- J:- K:- L:- M:- N:leader O:actual_start" {
		t.Errorf("columns %s", got)
	}
	// "二季度工作计划/投资" is a quarter's plan, not the year's.
	if c := l.Column(FieldPlan); c.Header != "年度计划投资" {
		t.Errorf("plan column %q", c.Header)
	}
	if len(l.Projects) != 4 || l.Projects[0].Period != "2024.03-2026.12" || l.Projects[0].Row != 5 {
		t.Errorf("%d projects, first %+v", len(l.Projects), l.Projects[0])
	}
	if sumOf(l, FieldTotal) != "14000.00" || sumOf(l, FieldPlan) != "6400.00" || sumOf(l, FieldDone) != "3300.00" {
		t.Errorf("sums %s %s %s", sumOf(l, FieldTotal), sumOf(l, FieldPlan), sumOf(l, FieldDone))
	}
	var unknown []string
	for _, c := range l.Unrecognized() {
		unknown = append(unknown, c.Letter)
	}
	if !slices.Equal(unknown, []string{"J"}) {
		t.Errorf("unrecognised columns that look like amounts: %v", unknown)
	}
}

func TestBreadthReserve(t *testing.T) {
	l := readBreadth(t, "预备项目台账.xlsx", Options{})
	if l.AsOf.String() != "2025-09-30" || len(l.Projects) != 10 {
		t.Fatalf("as-of %s, %d projects", l.AsOf, len(l.Projects))
	}
	if c := l.Column(FieldDoneBefore); c == nil || c.Header != "至2024年已累计完成投资" {
		t.Errorf("done-before column %+v", c)
	}
	var natures, starts, statuses []string
	for _, p := range l.Projects {
		natures = append(natures, p.Nature)
		starts = append(starts, p.PlanStart.String())
		statuses = append(statuses, p.Status)
	}
	if want := []string{"续建", "续建", "新建", "新建", "新建", "新建", "预备", "预备", "预备", "新建"}; !slices.Equal(natures, want) {
		t.Errorf("natures %v", natures)
	}
	if want := []string{"", "", "2025", "2025-Q4", "2025-Q3", "2025-Q2", "2026", "", "2025-12", "2024"}; !slices.Equal(starts, want) {
		t.Errorf("planned starts %v", starts)
	}
	if want := []string{"1", "√", "1", "0", "", "×", "0", "否", "0", "√"}; !slices.Equal(statuses, want) {
		t.Errorf("statuses %v", statuses)
	}
	if sumOf(l, FieldTotal) != "36800.00" || sumOf(l, FieldPlan) != "9200.00" || sumOf(l, FieldDone) != "3500.00" || sumOf(l, FieldDoneBefore) != "7500.00" {
		t.Errorf("sums %s %s %s %s", sumOf(l, FieldTotal), sumOf(l, FieldPlan), sumOf(l, FieldDone), sumOf(l, FieldDoneBefore))
	}
	if len(l.Problems) != 0 {
		t.Errorf("problems %+v", l.Problems)
	}
}

// A rules file's columns: teach the reader a county's own names, and they win over
// the built-in ones.
func TestReadWithOwnColumnNames(t *testing.T) {
	l := readBreadth(t, "包联领导台账.xlsx", Options{Columns: map[Field][]string{FieldLeader: {"市级领导"}}})
	if c := l.Column(FieldLeader); c == nil || c.Header != "市级领导" {
		t.Fatalf("leader column %+v", c)
	}
	if got := leaderGroups(l); len(got) != 1 || len(got["赵光明"]) != 2 {
		t.Errorf("leaders %v", got)
	}
	if c := l.HeaderCells()[7]; c.Field != "" || c.Note != "已有I列“市级领导”" {
		t.Errorf("包联领导 now %q %q", c.Field, c.Note)
	}
}
