package report

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

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
		newStart, cont, invest rules.Ratio
		schedule               rules.Ratio
		gap                    float64
	}{
		{2, ledger.DayDate(2025, 2, 28), "1-2月调度表.xlsx", rules.Ratio{Num: 0, Den: 5}, rules.Ratio{Num: 3, Den: 6}, rules.Ratio{Num: 1700, Den: 35200}, rules.Ratio{Num: 2, Den: 12}, -11.8},
		{3, ledger.DayDate(2025, 3, 31), "3月份台账（县发改局）.xlsx", rules.Ratio{Num: 1, Den: 5}, rules.Ratio{Num: 6, Den: 6}, rules.Ratio{Num: 6430, Den: 35200}, rules.Ratio{Num: 3, Den: 12}, -6.7},
		{4, ledger.DayDate(2025, 4, 30), "台账-最新.xlsx", rules.Ratio{Num: 3, Den: 5}, rules.Ratio{Num: 6, Den: 6}, rules.Ratio{Num: 11806, Den: 35200}, rules.Ratio{Num: 4, Den: 12}, 0.2},
		{5, ledger.DayDate(2025, 5, 31), "5月台账.xlsx", rules.Ratio{Num: 5, Den: 6}, rules.Ratio{Num: 6, Den: 6}, rules.Ratio{Num: 15021, Den: 37200}, rules.Ratio{Num: 5, Den: 12}, -1.3},
	}
	if len(tr.Months) != len(want) {
		t.Fatalf("%d months, want %d", len(tr.Months), len(want))
	}
	same := func(got, want rules.Ratio) bool { return got.Num*want.Den == want.Num*got.Den && got.Den != 0 }
	for i, w := range want {
		g := tr.Months[i]
		r := g.Metrics.Ratios
		if g.Month != w.month || g.AsOf != w.asOf || filepath.Base(g.File) != w.file {
			t.Errorf("month %d: %d %v %s, want %d %v %s", i, g.Month, g.AsOf, g.File, w.month, w.asOf, w.file)
		}
		if !same(r.NewStartRate, w.newStart) || !same(r.ContinuingResumeRate, w.cont) || !same(r.InvestmentRate, w.invest) || !same(r.Schedule, w.schedule) {
			t.Errorf("%d月: 新建 %v 续建 %v 投资 %v 序时 %v; want %v %v %v %v", w.month, r.NewStartRate, r.ContinuingResumeRate, r.InvestmentRate, r.Schedule,
				w.newStart, w.cont, w.invest, w.schedule)
		}
		if g.GapPoints == nil || *g.GapPoints != w.gap {
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
		if last.GapPoints == nil || *last.GapPoints != w.gap {
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
	history = append(history, Outcome{File: "坏台账.xlsx", Err: &ledger.Error{Code: "corrupt", Message: "坏台账.xlsx：文件已损坏或不完整（可能没有复制完）。"}})
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
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("left out\n got %q\nwant %q", got, want)
	}
	if len(s.Results) != 3 || s.Results[2] != cur {
		t.Errorf("%d months, want 2–4月 with the current last", len(s.Results))
	}
}
