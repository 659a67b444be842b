package ledger

// Tests over the samples written in the layouts of published county and city tables
// (testdata/gen/roadmap.go, testdata/gen/progress_tables.go). The expected figures
// were worked out from the files by a second reader (openpyxl, by a script of its own
// that splits leaders and reads dates independently), as testdata/README.md says.

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wantLayout checks the columns' fields by letter and the number of projects.
func wantLayout(t *testing.T, l *Ledger, fields string, projects int) {
	t.Helper()
	if got := fieldsOf(l); got != fields {
		t.Errorf("columns\n got %s\nwant %s", got, fields)
	}
	if len(l.Projects) != projects {
		t.Fatalf("%d projects, want %d", len(l.Projects), projects)
	}
}

// TestRealworldCounty reads the 108-project county table: the month only in a past
// year's title, a two-row header, the 合计 under the header and one row per 类别
// carrying its sums with its number in the 序号 column, 27 leaders written every way.
func TestRealworldCounty(t *testing.T) {
	l := readBreadth(t, "县重点项目进展情况表.xlsx", Options{})
	if l.Sheet != "Sheet1" || !slices.Equal(l.HeaderRows, []int{3, 4}) {
		t.Errorf("sheet %q rows %v", l.Sheet, l.HeaderRows)
	}
	if l.AsOf.String() != "2024-05-31" || l.AsOfSource != AsOfTitle || l.Year != 2024 || l.YearSource != "title" {
		t.Errorf("as-of %s (%s), year %d (%s); want 2024-05-31 from the title, never the year's end", l.AsOf, l.AsOfSource, l.Year, l.YearSource)
	}
	// 108 projects: the three 类别 rows carrying sums are none.
	wantLayout(t, l, "A:seq B:name C:nature D:content E:period F:total G:done_before H:plan I:plan_progress J:done K:status L:plan_start M:actual_start N:progress O:leader P:unit Q:town R:problems", 108)
	natures, categories := map[string]int{}, map[string]int{}
	for _, p := range l.Projects {
		natures[p.Nature]++
		categories[p.Category]++
	}
	if natures["新建"] != 55 || natures["续建"] != 53 {
		t.Errorf("natures %v", natures)
	}
	if categories["产业"] != 44 || categories["基础设施"] != 34 || categories["社会民生"] != 30 {
		t.Errorf("categories from the 类别 rows: %v", categories)
	}
	for f, want := range map[Field]string{FieldTotal: "3314232.22", FieldPlan: "1054129.00", FieldDone: "245645.73", FieldDoneBefore: "604867.00"} {
		if got := sumOf(l, f); got != want {
			t.Errorf("Σ%s = %s, want %s", f, got, want)
		}
	}
	// The 合计 and the three 小计 (the 类别 rows) are totals, each over its projects.
	if len(l.Totals) != 4 {
		t.Errorf("%d total rows, want 4", len(l.Totals))
	}
	for _, pr := range l.Problems {
		t.Errorf("problem %v at row %d col %d: %q", pr.Kind, pr.Row, pr.Col, pr.Value)
	}
	groups := leaderGroups(l)
	var names []string
	for n := range groups {
		names = append(names, n)
	}
	slices.Sort(names)
	wantNames := "于洋 何振宇 冯雪 刘晓明 吴刚 周红 唐军 孙立新 宋健 张国华 李志强 林峰 梁晓燕 王建军 程亮 罗志勇 胡海涛 董明 谢丹 赵敏 郑伟 郭建平 陈卫东 韩冰 马丽 马文斌 高翔"
	if got := strings.Join(names, " "); got != wantNames {
		t.Errorf("%d leaders\n got %s\nwant %s (27)", len(names), got, wantNames)
	}
	two := 0
	for _, p := range l.Projects {
		if len(p.Leaders()) == 2 {
			two++
		}
	}
	if two != 28 {
		t.Errorf("%d projects with two leaders, want 28", two)
	}
	// Dates as typed: "9月底" is September of the ledger's year, "三季度" the quarter,
	// "2024年4月中旬" April, "3-4月" and "6-7月" the span's last month, "4月10日" a day of
	// the ledger's year, "2023.11" and "2021年" a 续建 project's first start; "已开工"
	// (row 55) is no date.
	dates := map[int][2]string{}
	for _, p := range l.Projects {
		dates[p.Row] = [2]string{p.PlanStart.String(), p.ActualStart.String()}
	}
	for row, want := range map[int][2]string{
		11: {"2024-04", "2024-04"}, 14: {"", "2021"}, 16: {"2024-09", ""}, 18: {"2024-Q3", ""},
		19: {"", "2023-11"}, 20: {"2024-05-15", "2024-04-10"}, 22: {"2024-05", "2024-05-22"},
		55: {"", ""}, 70: {"2024-04", "2024-04-08"}, 87: {"2024-07", ""},
	} {
		if dates[row] != want {
			t.Errorf("row %d: planned and actual start %v, want %v", row, dates[row], want)
		}
	}
}

// TestRealworldCityMonthly reads a city's 省市重点项目 monthly sheet: 1-5月, 6月 and
// 1-6月 side by side (June is the month, 1-6月 the year's), the plan as 2025年预计投资,
// and the 项目级别 from its two sections.
func TestRealworldCityMonthly(t *testing.T) {
	l := readBreadth(t, "省市重点项目6月进度表.xlsx", Options{})
	if l.AsOf.String() != "2025-06-30" || l.AsOfSource != AsOfHeader || l.Year != 2025 || !slices.Equal(l.HeaderRows, []int{3, 4}) {
		t.Errorf("as-of %s (%s), year %d, header rows %v", l.AsOf, l.AsOfSource, l.Year, l.HeaderRows)
	}
	wantLayout(t, l, "A:seq B:name C:period D:content E:total F:done_before G:plan H:- I:month_done J:done K:- L:progress M:progress N:plan_progress O:owner P:unit Q:remark", 14)
	levels := map[string]int{}
	for _, p := range l.Projects {
		levels[p.Level]++
	}
	if levels["省重点"] != 5 || levels["市重点"] != 9 {
		t.Errorf("levels from the sections: %v", levels)
	}
	for f, want := range map[Field]string{FieldTotal: "1148000.00", FieldPlan: "299200.00", FieldDone: "130730.00", FieldDoneBefore: "335400.00", FieldMonthDone: "24180.00"} {
		if got := sumOf(l, f); got != want {
			t.Errorf("Σ%s = %s, want %s", f, got, want)
		}
	}
	if len(l.Problems) != 0 || len(l.Totals) != 3 {
		t.Errorf("problems %v, %d totals (want none and 3)", l.Problems, len(l.Totals))
	}
}

// TestRealworldQuarterTable reads a 办事处's quarterly table: the quarter in a title
// without a year, the year in the headers only.
func TestRealworldQuarterTable(t *testing.T) {
	l := readBreadth(t, "二季度推进情况表.xlsx", Options{})
	if l.AsOf.String() != "2024-06-30" || l.Year != 2024 || l.YearSource != "header" || l.Title != "城南办事处重点项目二季度推进情况表" {
		t.Errorf("as-of %s (%s), year %d (%s), title %q", l.AsOf, l.AsOfSource, l.Year, l.YearSource, l.Title)
	}
	wantLayout(t, l, "A:seq B:town C:name D:- E:period F:content G:total H:plan I:plan_progress J:done_before K:month_done L:done M:progress N:owner", 8)
	for f, want := range map[Field]string{FieldTotal: "52600.00", FieldPlan: "17400.00", FieldDone: "8050.00", FieldDoneBefore: "16800.00", FieldMonthDone: "1580.00"} {
		if got := sumOf(l, f); got != want {
			t.Errorf("Σ%s = %s, want %s", f, got, want)
		}
	}
}

// readCSVText reads a ledger written as CSV text.
func readCSVText(t *testing.T, csv string) *Ledger {
	t.Helper()
	path := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Read(path, Options{Today: DayDate(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A 重点项目库 list says the 建设性质 by 是否2025年新开工: 是 is 新建, 否 续建; a clerk
// types 已开工 or 未开工 where the date belongs, and a planned span of months.
func TestRealworldYesNoNatureAndWordsInDates(t *testing.T) {
	l := readCSVText(t, "2025年重点项目库\n"+
		"项目名称,年度计划投资（万元）,1-5月完成投资,是否2025年新开工,计划开工时间,实际开工时间,是否开工（是/否）\n"+
		"甲项目,100,40,是,2025年3-4月,已开工,\n"+
		"乙项目,200,90,否,续建,2023.6,是\n"+
		"丙项目,300,0,是,三季度,未开工,\n"+
		"丁项目,100,30,√,已开工,2025.3.2,否\n")
	if len(l.Problems) != 0 {
		t.Errorf("problems %v: a word in a date column is no bad date", l.Problems)
	}
	var got []string
	for _, p := range l.Projects {
		got = append(got, strings.Join([]string{p.Name, p.Nature, p.PlanStart.String(), p.ActualStart.String(), p.Status}, "|"))
	}
	want := []string{
		"甲项目|新建|2025-04||已开工", // the 是否开工 cell is empty: the date column's word says it
		"乙项目|续建||2023-06|是",
		"丙项目|新建|2025-Q3||未开工",
		"丁项目|新建||2025-03-02|否", // the 是否开工 cell wins; the rules see the conflict
	}
	if !slices.Equal(got, want) {
		t.Errorf("projects\n got %q\nwant %q", got, want)
	}
}

// A system's 投资项目总表 gives the month on every row ("录入月份"): a 2022 table is
// judged at June's end, not at the year's end.
func TestRealworldReportMonthColumn(t *testing.T) {
	for _, month := range []string{"2022-06", "2022年6月", "202206", "6月"} {
		l := readCSVText(t, "项目名称,总投资（万元）,本年累计完成投资,2022年计划完成投资（万元）,录入月份,本月完成投资,是否已开工\n"+
			"甲项目,1000,300,600,"+month+",50,是\n"+
			"乙项目,2000,200,800,"+month+",40,是\n")
		if l.AsOf.String() != "2022-06-30" || l.AsOfSource != AsOfColumn || l.Year != 2022 || l.Month != 6 {
			t.Errorf("%s: as-of %s (%s), year %d, month %d; want 2022-06-30 from the column", month, l.AsOf, l.AsOfSource, l.Year, l.Month)
		}
	}
}

// The reporting date on a line of its own under a title that does not give it; a
// form's 填报日期 is not it.
func TestRealworldDateLineUnderTitle(t *testing.T) {
	for _, tt := range []struct{ line, asOf string }{
		{"（截至2024年5月31日）", "2024-05-31"},
		{"（2024年5月）", "2024-05-31"},
		{"2024年1-5月", "2024-05-31"},
		{"填报日期：2024年6月5日", "2024-12-31"}, // a past year's ledger naming no month: its end
	} {
		l := readCSVText(t, "太岳县2024年重点项目进展情况表\n"+tt.line+"\n"+
			"项目名称,建设性质,年度计划投资,今年累计完成投资\n甲项目,新建,100,40\n")
		if l.AsOf.String() != tt.asOf {
			t.Errorf("%s: as-of %s (%s), want %s", tt.line, l.AsOf, l.AsOfSource, tt.asOf)
		}
	}
}

// One generic 开工时间 column beside 是否开工: a project not started has its planned
// day there; a column named 实际开工时间 means what it says.
func TestRealworldOneStartColumn(t *testing.T) {
	const rows = "甲项目,新建,100,40,2025.3.10,是\n乙项目,新建,100,0,2025年4月,否\n丙项目,新建,100,0,2025.8,否\n"
	l := readCSVText(t, "2025年1-5月重点项目调度表\n项目名称,建设性质,年度计划投资,1-5月完成投资,开工时间,是否开工\n"+rows)
	var got []string
	for _, p := range l.Projects {
		got = append(got, p.Name+"|"+p.ActualStart.String()+"|"+p.PlanStart.String())
	}
	if want := []string{"甲项目|2025-03-10|", "乙项目||2025-04", "丙项目||2025-08"}; !slices.Equal(got, want) {
		t.Errorf("starts %q, want %q", got, want)
	}
	if c := l.Column(FieldPlanStart); c == nil || c.Letter != "E" || !c.Derived {
		t.Errorf("planned starts read from %+v, want column E", c)
	}
	l = readCSVText(t, "2025年1-5月重点项目调度表\n项目名称,建设性质,年度计划投资,1-5月完成投资,实际开工时间,是否开工\n"+rows)
	if p := l.Projects[1]; p.ActualStart.String() != "2025-04" || l.Has(FieldPlanStart) {
		t.Errorf("实际开工时间 2025年4月 beside 否 read as actual %s, plan column %v", p.ActualStart, l.Has(FieldPlanStart))
	}
}
