package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/rules"
)

// The 逐月 samples (testdata/gen/yearly.go): one county's ledgers of 2–5月 2025, each
// as a clerk sends it. The figures below are the generator's (testdata/README.md).
const yearDir = "../testdata/逐月"

func evaluated(t *testing.T, path string) *rules.Result {
	t.Helper()
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rules.Evaluate(l, rules.Default(), rules.Options{})
}

// historyOf reads every ledger of a 逐月 folder but the current one, in name order
// (as the command's folder walk gives them).
func historyOf(t *testing.T, folder, current string, skip ...string) []Outcome {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(yearDir, folder))
	if err != nil {
		t.Fatal(err)
	}
	var out []Outcome
	for _, e := range entries {
		if e.Name() == current || contains(skip, e.Name()) {
			continue
		}
		path := filepath.Join(yearDir, folder, e.Name())
		l, err := ledger.Read(path, ledger.Options{})
		if err != nil {
			out = append(out, Outcome{File: path, Err: err})
			continue
		}
		out = append(out, Outcome{File: path, Result: rules.Evaluate(l, rules.Default(), rules.Options{})})
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func trendOf(t *testing.T, folder, current string, skip ...string) *Monthly {
	t.Helper()
	cur := evaluated(t, filepath.Join(yearDir, folder, current))
	s, err := NewSeries(cur, historyOf(t, folder, current, skip...))
	if err != nil {
		t.Fatal(err)
	}
	return BuildMonthly(cur, rules.Default(), MonthlyOptions{History: s})
}

func TestTrendMonths(t *testing.T) {
	m := trendOf(t, "全年", "5月台账.xlsx")
	tr := m.Trend
	want := []struct {
		month                  int
		asOf                   ledger.Date
		file                   string
		newStart, cont, invest ledger.Rate
		schedule               ledger.Rate
		gap                    float64
	}{
		{2, ledger.DayDate(2025, 2, 28), "1-2月调度表.xlsx", ledger.NewRate(0, 5), ledger.NewRate(3, 6), ledger.NewRate(1700, 35200), ledger.NewRate(2, 12), -11.8},
		{3, ledger.DayDate(2025, 3, 31), "3月份台账（县发改局）.xlsx", ledger.NewRate(1, 5), ledger.NewRate(6, 6), ledger.NewRate(6430, 35200), ledger.NewRate(3, 12), -6.7},
		{4, ledger.DayDate(2025, 4, 30), "台账-最新.xlsx", ledger.NewRate(3, 5), ledger.NewRate(6, 6), ledger.NewRate(11806, 35200), ledger.NewRate(4, 12), 0.2},
		{5, ledger.DayDate(2025, 5, 31), "5月台账.xlsx", ledger.NewRate(5, 6), ledger.NewRate(6, 6), ledger.NewRate(15021, 37200), ledger.NewRate(5, 12), -1.3},
	}
	if len(tr.Months) != len(want) {
		t.Fatalf("%d months, want %d", len(tr.Months), len(want))
	}
	same := func(got *ledger.Rate, want ledger.Rate) bool { return got != nil && got.Cmp(want) == 0 }
	for i, w := range want {
		g := tr.Months[i]
		r := g.Metrics
		if g.Month != w.month || g.AsOf != w.asOf || filepath.Base(g.File) != w.file {
			t.Errorf("month %d: %d %v %s, want %d %v %s", i, g.Month, g.AsOf, g.File, w.month, w.asOf, w.file)
		}
		if !same(r.NewStartRate, w.newStart) || !same(r.ContinuingResumeRate, w.cont) || !same(r.InvestmentRate, w.invest) || !same(r.Schedule, w.schedule) {
			t.Errorf("%d月: 新建 %v 续建 %v 投资 %v 序时 %v; want %v %v %v %v", w.month, r.NewStartRate, r.ContinuingResumeRate, r.InvestmentRate, r.Schedule,
				w.newStart, w.cont, w.invest, w.schedule)
		}
		if g.GapPoints == nil || g.GapPoints.Rounded(1) != w.gap {
			t.Errorf("%d月: 与序时差 %v, want %v", w.month, g.GapPoints, w.gap)
		}
	}
	if len(tr.Missing) != 0 {
		t.Errorf("missing %v, want none", tr.Missing)
	}
	if len(tr.LeftOut) != 1 || filepath.Base(tr.LeftOut[0].File) != "2024年12月台账.xlsx" || tr.LeftOut[0].Reason != "是2024年的台账" {
		t.Errorf("left out %+v, want 2024年12月台账.xlsx as another year's", tr.LeftOut)
	}
}

type wantGroup struct {
	name    string
	ranks   []int
	move    string
	warning bool
	gap     float64 // this month's 与序时差
}

func checkRanking(t *testing.T, tr TrendRanking, want []wantGroup) {
	t.Helper()
	if len(tr.Groups) != len(want) {
		t.Fatalf("%s: %d groups, want %d", tr.Label, len(tr.Groups), len(want))
	}
	for i, w := range want {
		g := tr.Groups[i]
		var ranks []int
		for _, p := range g.Points {
			ranks = append(ranks, p.Rank)
		}
		last := g.Points[len(g.Points)-1]
		if g.Name != w.name || !reflect.DeepEqual(ranks, w.ranks) || g.Move.Label() != w.move || g.Warning != w.warning {
			t.Errorf("%s %d: %s ranks %v move %s 预警 %v; want %s %v %s %v", tr.Label, i, g.Name, ranks, g.Move.Label(), g.Warning,
				w.name, w.ranks, w.move, w.warning)
		}
		if last.GapPoints == nil || last.GapPoints.Rounded(1) != w.gap {
			t.Errorf("%s: 与序时差 %v, want %v", g.Name, last.GapPoints, w.gap)
		}
	}
}

func TestTrendRanksMovesWarnings(t *testing.T) {
	tr := trendOf(t, "全年", "5月台账.xlsx").Trend
	if len(tr.Rankings) != 2 || tr.Rankings[0].By != rules.GroupByTown || tr.Rankings[1].By != rules.GroupByUnit {
		t.Fatalf("rankings %+v, want 乡镇 then 责任单位", tr.Rankings)
	}
	checkRanking(t, tr.Rankings[0], []wantGroup{
		{"崇文镇", []int{3, 3, 1, 1}, "持平", false, 17.1},
		{"西河底镇", []int{1, 1, 3, 2}, "↑1", false, -4.6}, // below in May only
		{"附城镇", []int{2, 2, 2, 3}, "↓1", false, -4.8},  // below in May only
		{"礼义镇", []int{4, 4, 4, 4}, "持平", true, -14.2},  // below in April and May
		{"杨村镇", []int{0, 0, 0, 5}, "新增", false, -31.7}, // its first project is in the May ledger
	})
	checkRanking(t, tr.Rankings[1], []wantGroup{
		{"县工信局", []int{1, 1, 1, 1}, "持平", false, 5.3},
		// 41.96% and 42.04% both show 42.0%: one rank, as in the 分组排名.
		{"县交通局", []int{4, 5, 3, 2}, "↑1", false, 0.3},
		{"县水务局", []int{4, 3, 4, 2}, "↑2", false, 0.4},
		{"县能源局", []int{2, 2, 2, 4}, "↓2", false, -4.6}, // below in March and May, not April
		// 2185/6000 − 5/12 is −5.25 exactly: half up gives −5.3 (float64 gives −5.2).
		{"县住建局", []int{3, 4, 5, 5}, "持平", true, -5.3},
	})
	// The 分组排名 of the same month says the same.
	m := trendOf(t, "全年", "5月台账.xlsx")
	for ri, rk := range m.Rankings {
		for i, row := range rk.Rows {
			g := m.Trend.Rankings[ri].Groups[i]
			if g.Name != row.Name || g.Points[len(g.Points)-1].Rank != row.Rank {
				t.Errorf("%s: 月度走势 %s rank %d, 分组排名 %s rank %d", rk.Label, g.Name, g.Points[len(g.Points)-1].Rank, row.Name, row.Rank)
			}
		}
	}
}

func TestTrendSentences(t *testing.T) {
	s := trendOf(t, "全年", "5月台账.xlsx").trendSection()
	var text []string
	for _, b := range s.Blocks {
		if p, ok := b.(paragraph); ok {
			text = append(text, p.text())
		}
	}
	want := []string{
		"依据2月、3月、4月、5月共4期台账。",
		"5月全县投资完成率40.4%，较4月提高6.8个百分点，低于序时进度1.3个百分点；新建开工率83.3%，较4月提高23.3个百分点；续建复工率100.0%，与4月持平。",
		"乡镇排名与4月相比：西河底镇上升1位，附城镇下降1位，崇文镇、礼义镇持平，新增杨村镇。",
		"县直部门（责任单位）排名与4月相比：县交通局上升1位、县水务局上升2位，县能源局下降2位，县工信局、县住建局持平。",
		"预警：礼义镇、县住建局投资完成率连续两个月（4月、5月）低于序时进度。",
	}
	if strings.Join(text, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences\n got %s\nwant %s", strings.Join(text, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestTrendMissingMonth(t *testing.T) {
	m := trendOf(t, "缺月", "5月台账.xlsx")
	tr := m.Trend
	if !reflect.DeepEqual(tr.Missing, []int{3}) {
		t.Fatalf("missing %v, want [3]", tr.Missing)
	}
	var months []int
	for _, mo := range tr.Months {
		months = append(months, mo.Month)
	}
	if !reflect.DeepEqual(months, []int{2, 4, 5}) {
		t.Errorf("months %v, want [2 4 5]: a missing month is not filled in", months)
	}
	checkRanking(t, tr.Rankings[0], []wantGroup{
		{"崇文镇", []int{3, 1, 1}, "持平", false, 17.1},
		{"西河底镇", []int{1, 3, 2}, "↑1", false, -4.6},
		{"附城镇", []int{2, 2, 3}, "↓1", false, -4.8},
		{"礼义镇", []int{4, 4, 4}, "持平", true, -14.2},
		{"杨村镇", []int{0, 0, 5}, "新增", false, -31.7},
	})
	if p := m.trendSection().Blocks[1].(paragraph).text(); p != "缺少3月的台账，走势中该月空缺，不作推算。" {
		t.Errorf("missing-month sentence %q", p)
	}
}

// Without April's ledger, May's moves compare with March and no 预警 can be judged;
// the 本月变化 has no last month to compare with either.
func TestTrendLastMonthMissing(t *testing.T) {
	m := trendOf(t, "全年", "5月台账.xlsx", "台账-最新.xlsx")
	tr := m.Trend
	checkRanking(t, tr.Rankings[1], []wantGroup{
		{"县工信局", []int{1, 1, 1}, "持平", false, 5.3},
		{"县交通局", []int{4, 5, 2}, "↑3", false, 0.3},
		{"县水务局", []int{4, 3, 2}, "↑1", false, 0.4},
		{"县能源局", []int{2, 2, 4}, "↓2", false, -4.6},
		{"县住建局", []int{3, 4, 5}, "↓1", false, -5.3},
	})
	if m.Changes != nil {
		t.Errorf("本月变化 against %v, want none without April's ledger", m.Changes.PreviousAsOf)
	}
	var text []string
	for _, b := range m.trendSection().Blocks {
		if p, ok := b.(paragraph); ok {
			text = append(text, p.text())
		}
	}
	joined := strings.Join(text, "\n")
	for _, want := range []string{"缺少4月的台账", "较3月", "缺少上月（4月）台账，无法判断连续两个月低于序时进度的乡镇和部门。"} {
		if !strings.Contains(joined, want) {
			t.Errorf("sentences lack %q:\n%s", want, joined)
		}
	}
}

// With last month's ledger in the history, the 本月变化 compares with it.
func TestTrendGivesThePreviousMonth(t *testing.T) {
	m := trendOf(t, "全年", "5月台账.xlsx")
	if m.Changes == nil || m.Changes.PreviousAsOf != ledger.DayDate(2025, 4, 30) {
		t.Fatalf("本月变化 %+v, want against 2025-04-30", m.Changes)
	}
	if len(m.Changes.Appeared) != 1 || m.Changes.Appeared[0].Name != "陵川县杨村镇文旅康养综合体项目" {
		t.Errorf("appeared %+v, want the 杨村镇 project", m.Changes.Appeared)
	}
}

func TestTrendDuplicateMonth(t *testing.T) {
	cur := evaluated(t, filepath.Join(yearDir, "重复", "5月台账.xlsx"))
	_, err := NewSeries(cur, historyOf(t, "重复", "5月台账.xlsx"))
	var dup *DuplicateMonthError
	if !errors.As(err, &dup) {
		t.Fatalf("err %v, want a DuplicateMonthError", err)
	}
	want := "4月台账（修改后）.xlsx 和 台账-最新.xlsx 都是2025年4月的台账，无法确定用哪一个；请把其中一个移出文件夹后重试"
	if dup.Month != 4 || err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
	// The current ledger's month counts: a second May ledger is a duplicate of it.
	_, err = NewSeries(cur, []Outcome{{File: "另一份5月台账.xlsx", Result: cur}})
	if !errors.As(err, &dup) || dup.Month != 5 || !strings.Contains(err.Error(), "5月台账.xlsx 和 另一份5月台账.xlsx") {
		t.Errorf("second May ledger: %v", err)
	}
}

func TestSeriesLeavesOut(t *testing.T) {
	// Reporting April: May's ledger is later, last year's is another year.
	cur := evaluated(t, filepath.Join(yearDir, "全年", "台账-最新.xlsx"))
	history := historyOf(t, "全年", "台账-最新.xlsx")
	history = append(history, Outcome{File: "坏台账.xlsx", Err: &ledger.Error{Code: "corrupt", Message: "坏台账.xlsx：文件已损坏或不完整（可能没有复制完）。"}},
		Outcome{File: "融资需求台账.xlsx", Result: &rules.Result{Ledger: &ledger.Ledger{Kind: ledger.KindRongzi}, AsOf: ledger.DayDate(2025, 3, 31), AsOfSource: ledger.AsOfTitle}},
		Outcome{File: "无日期台账.xlsx", Result: &rules.Result{Ledger: &ledger.Ledger{Kind: ledger.KindKaifugong}, AsOf: ledger.DayDate(2025, 3, 10), AsOfSource: ledger.AsOfToday}})
	s, err := NewSeries(cur, history)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range s.LeftOut {
		got = append(got, l.Sentence())
	}
	want := []string{
		"2024年12月台账.xlsx 是2024年的台账，未计入月度走势",
		"5月台账.xlsx 截至5月，晚于本次报告的4月，未计入月度走势",
		"坏台账.xlsx 无法读取（文件已损坏或不完整（可能没有复制完）），未计入月度走势",
		"融资需求台账.xlsx 是融资需求台账，未计入月度走势",
		"无日期台账.xlsx 没有写明截至月份（表头“1-N月”、标题“截至…”或逐月完成投资列都没有），未计入月度走势",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("left out\n got %q\nwant %q", got, want)
	}
	if len(s.Results) != 3 || s.Results[2] != cur {
		t.Errorf("%d months, want 2–4月 with the current last", len(s.Results))
	}
}

// The workbook's 月度走势 sheet: the months table with an empty row for the missing
// month (no value, so the chart shows a gap), a line chart of the county's rates and
// 序时进度 by month in percent with dark labels; the ranks table on a sheet of its
// own, under its own header on every printed page.
func TestTrendWorkbook(t *testing.T) {
	m := trendOf(t, "缺月", "5月台账.xlsx")
	f, path := workbookOf(t, m)
	sheets := f.GetSheetList()
	if strings.Join(sheets[len(sheets)-2:], ",") != "月度走势,排名走势" {
		t.Fatalf("sheets %v, want 月度走势 and 排名走势 last", sheets)
	}
	rows, err := f.GetRows("月度走势", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	find := func(first string) (int, []string) {
		for i, r := range rows {
			if len(r) > 0 && r[0] == first {
				return i + 1, r
			}
		}
		t.Fatalf("no row starting %q", first)
		return 0, nil
	}
	headerRow, _ := find("月份")
	r3, march := find("3月")
	if strings.Join(march, "|") != "3月|缺台账" {
		t.Errorf("3月 row %q, want only 缺台账", march)
	}
	for c := 3; c <= 7; c++ {
		ref, _ := excelize.CoordinatesToCellName(c, r3)
		if typ, _ := f.GetCellType("月度走势", ref); typ != excelize.CellTypeUnset {
			t.Errorf("%s holds a %v value; a missing month must be empty", ref, typ)
		}
	}
	// Rates hold the value shown (83.3% is 0.833), as every percentage cell does.
	same := func(row []string, want ...any) bool {
		if len(row) != len(want) {
			return false
		}
		for i, w := range want {
			switch w := w.(type) {
			case string:
				if row[i] != w {
					return false
				}
			case float64:
				if x, err := strconv.ParseFloat(row[i], 64); err != nil || math.Abs(x-w) > 1e-9 {
					return false
				}
			}
		}
		return true
	}
	if _, may := find("5月"); !same(may, "5月", "2025-05-31", 0.833, 1.0, 0.404, 0.417, -1.3) {
		t.Errorf("5月 row %q", may)
	}
	ranks, err := f.GetRows("排名走势", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var zhujian []string
	ranksHeader := 0
	for i, r := range ranks {
		if len(r) > 1 && r[1] == "县住建局" {
			zhujian = r
		}
		if len(r) > 0 && r[0] == "分组" {
			ranksHeader = i + 1
		}
	}
	if !same(zhujian, "责任单位", "县住建局", "3", "5", "5", "持平", 0.364, -5.3, "预警") {
		t.Errorf("县住建局 %q", zhujian)
	}

	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var chart string
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		switch s := b.String(); {
		case strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.Contains(s, "月度走势"):
			chart = s
		}
	}
	if chart == "" {
		t.Fatal("no chart of the 月度走势 sheet")
	}
	for _, want := range []string{
		"<lineChart>", "<dispBlanksAs val=\"gap\">", `formatCode="0%"`,
		fmt.Sprintf("&#39;月度走势&#39;!$A$%d:$A$%d", headerRow+1, headerRow+4), // 2月 to 5月, 3月 included
		fmt.Sprintf("&#39;月度走势&#39;!$F$%d", headerRow),                      // 序时进度 is one of the lines
		`<a:prstDash val="dash">`, `<a:srgbClr val="000000">`,
		`<max val="1">`, // rates up to 100%: the axis ends there
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if n := strings.Count(chart, "<ser>"); n != 4 {
		t.Errorf("%d series, want 新建开工率, 续建复工率, 投资完成率 and 序时进度", n)
	}
	// Each sheet repeats its own table's header on every printed page.
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == "排名走势" && n.RefersTo != fmt.Sprintf("'排名走势'!$%d:$%d", ranksHeader, ranksHeader) {
			t.Errorf("print titles %s, want the ranks table's header (row %d)", n.RefersTo, ranksHeader)
		}
		if n.Name == "_xlnm.Print_Titles" && n.Scope == "月度走势" && n.RefersTo != fmt.Sprintf("'月度走势'!$%d:$%d", headerRow, headerRow) {
			t.Errorf("print titles %s, want the months table's header (row %d)", n.RefersTo, headerRow)
		}
	}
}

func TestTrendJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMonthlyJSON(&buf, trendOf(t, "缺月", "5月台账.xlsx")); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Trend struct {
			Months []struct {
				AsOf                 string   `json:"as_of"`
				NewStartRate         *float64 `json:"new_start_rate"`
				ContinuingResumeRate *float64 `json:"continuing_resume_rate"`
				InvestmentRate       *float64 `json:"investment_rate"`
				Schedule             *float64 `json:"schedule"`
			} `json:"months"`
			MissingMonths []int `json:"missing_months"`
			Groups        []struct {
				By        string `json:"by"`
				Name      string `json:"name"`
				Ranks     []*int `json:"ranks"`
				Move      *int   `json:"move"`
				MoveLabel string `json:"move_label"`
				Warning   bool   `json:"warning"`
			} `json:"groups"`
		} `json:"trend"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	tr := v.Trend
	var got []string
	for _, m := range tr.Months {
		got = append(got, fmt.Sprintf("%s %v %v %v %v", m.AsOf, *m.NewStartRate, *m.ContinuingResumeRate, *m.InvestmentRate, *m.Schedule))
	}
	want := []string{"2025-02-28 0 0.5 0.0483 0.1667", "2025-04-30 0.6 1 0.3354 0.3333", "2025-05-31 0.8333 1 0.4038 0.4167"}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(tr.MissingMonths, []int{3}) {
		t.Errorf("months %q missing %v, want %q and [3]", got, tr.MissingMonths, want)
	}
	groups := map[string]string{}
	for _, g := range tr.Groups {
		var ranks []string
		for _, r := range g.Ranks {
			if r == nil {
				ranks = append(ranks, "null")
			} else {
				ranks = append(ranks, fmt.Sprint(*r))
			}
		}
		move := "null"
		if g.Move != nil {
			move = fmt.Sprint(*g.Move)
		}
		groups[g.By+" "+g.Name] = fmt.Sprintf("%s %s %s %v", strings.Join(ranks, ","), move, g.MoveLabel, g.Warning)
	}
	for key, want := range map[string]string{
		"town 杨村镇":  "null,null,5 null 新增 false",
		"town 礼义镇":  "4,4,4 0 持平 true",
		"unit 县水务局": "4,4,2 2 ↑2 false",
		"unit 县能源局": "2,2,4 -2 ↓2 false",
		"unit 县住建局": "3,5,5 0 持平 true",
		"town 西河底镇": "1,3,2 1 ↑1 false",
	} {
		if groups[key] != want {
			t.Errorf("%s: %q, want %q", key, groups[key], want)
		}
	}
	if len(groups) != 10 {
		t.Errorf("%d groups, want 5 乡镇 and 5 部门", len(groups))
	}
}

// A CSV folder gets the 月度走势 as one long table: a row per month for the county
// and for each group there that month.
func TestTrendCSV(t *testing.T) {
	files := MonthlyCSVFiles(trendOf(t, "全年", "5月台账.xlsx"))
	last := files[len(files)-1]
	if last.Name != fmt.Sprintf("%02d_月度走势.csv", len(files)) {
		t.Fatalf("last CSV %s, want the 月度走势", last.Name)
	}
	var b bytes.Buffer
	if err := last.Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(b.String(), "\ufeff"), "\r\n"), "\r\n")
	// 4 months × the county, 4 乡镇 and 5 部门, and 杨村镇 in May.
	if len(lines) != 1+4*10+1 {
		t.Errorf("%d lines, want 42", len(lines))
	}
	for _, want := range []string{
		"月份,截至日期,分组,名称,新建开工率,续建复工率,投资完成率,序时进度,与序时差,排名,较上月,预警",
		"2,2025-02-28,全县,全县,0,0.5,0.0483,0.1667,-11.8,,,",
		"2,2025-02-28,责任单位,县工信局,,0.5,0.0923,0.1667,-7.4,1,,",
		"4,2025-04-30,乡镇,礼义镇,0,1,0.15,0.3333,-18.3,4,,",
		"5,2025-05-31,责任单位,县住建局,1,1,0.3642,0.4167,-5.3,5,持平,预警",
		"5,2025-05-31,乡镇,杨村镇,1,,0.1,0.4167,-31.7,5,新增,",
	} {
		if !contains(lines, want) {
			t.Errorf("no line %s", want)
		}
	}
}

// monthOf is a hand-made month: its 乡镇 with their 完成率 as done/plan (plan 0: no
// 年度计划, so unranked).
func monthOf(month int, towns map[string][2]int64) *rules.Result {
	res := &rules.Result{Ledger: &ledger.Ledger{File: fmt.Sprintf("%d月.xlsx", month), Kind: ledger.KindKaifugong},
		AsOf: ledger.DayDate(2025, month, 28), AsOfSource: ledger.AsOfHeader}
	schedule := ledger.NewRate(int64(month), 12)
	res.Metrics = rules.Metrics{Schedule: &schedule}
	for name, dp := range towns {
		m := rules.Metrics{Schedule: &schedule}
		if dp[1] > 0 {
			r := ledger.NewRate(dp[0], dp[1])
			m.InvestmentRate = &r
		}
		res.Groups = append(res.Groups, rules.Group{By: rules.GroupByTown, Name: name, Metrics: m})
	}
	return res
}

// A group gone this month stands last with no move; one without a 年度计划 is not
// ranked and has no move; one ranked now and unranked last month is 新增.
func TestTrendGoneAndUnranked(t *testing.T) {
	apr := monthOf(4, map[string][2]int64{"甲镇": {5, 10}, "乙镇": {4, 10}, "丙镇": {3, 10}, "丁镇": {0, 0}})
	may := monthOf(5, map[string][2]int64{"甲镇": {5, 10}, "丁镇": {6, 10}, "戊镇": {0, 0}})
	s, err := NewSeries(may, []Outcome{{File: "4月.xlsx", Result: apr}})
	if err != nil {
		t.Fatal(err)
	}
	tr := buildTrend(s, rules.Default(), "")
	checkRankingNoGap := func(want []string) {
		t.Helper()
		var got []string
		for _, g := range tr.Rankings[0].Groups {
			got = append(got, fmt.Sprintf("%s %v/%v %s", g.Name, g.Points[0].Rank, g.Points[1].Rank, g.Move.Label()))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	}
	checkRankingNoGap([]string{"丁镇 0/1 新增", "甲镇 1/2 ↓1", "戊镇 0/0 -", "丙镇 3/0 -", "乙镇 2/0 -"})
	row := tr.ranksTable().Rows[3] // 丙镇, gone in May
	if got := []string{row[4].Text, row[5].Text, row[6].Text}; !reflect.DeepEqual(got, []string{"-", "本月无", "-"}) {
		t.Errorf("丙镇's May cells %q, want -, 本月无, -", got)
	}
}
