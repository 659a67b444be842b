package report

import (
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

const countyAprilSample = "../testdata/全县开复工台账_4月.xlsx"

// 本月变化 of the county's May ledger against its April one (testdata/gen/county_april.go):
// the project that started on 05-12 and the one April's ledger still called 未开工 are
// new this month; the project added to the ledger in May, though it started in March,
// is 新增 and nothing more.
func TestChangesThisMonth(t *testing.T) {
	r := rules.Default()
	prevLedger, err := ledger.Read(countyAprilSample, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prev := rules.Evaluate(prevLedger, r, rules.Options{})
	m := monthlyOf(t, countySample, MonthlyOptions{Previous: prev})
	c := m.Changes
	names := func(ps []ChangedProject) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name+" "+p.Start.String())
		}
		return strings.Join(s, "; ")
	}
	if got, want := names(c.NewlyStarted), "陵川县平城镇农产品冷链物流园项目 2025-04-20; 陵川县崇文镇智慧停车场建设项目 2025-05-12"; got != want {
		t.Errorf("newly started: %s\nwant %s", got, want)
	}
	if got := names(c.Appeared); got != "陵川县附城镇中药材交易市场项目 " {
		t.Errorf("appeared: %s", got)
	}
	if got := names(c.Disappeared); got != "陵川县崇文镇棚户区改造安置房项目 " {
		t.Errorf("disappeared: %s", got)
	}
	if c.PreviousAsOf != ledger.DayDate(2025, 4, 30) {
		t.Errorf("previous as of %v", c.PreviousAsOf)
	}
	if s := m.changesSection().paragraphs()[0]; !strings.Contains(s, "新开工（复工）项目2个，新增项目1个，减少项目1个") {
		t.Errorf("sentence %s", s)
	}
}

// The month's investment table reads 乡镇 then 部门, each from the most done this
// month down: 崇文镇 (4715.47) first, 县民政局 (125.00) last.
func TestChangesTableByAmount(t *testing.T) {
	prevLedger, err := ledger.Read(countyAprilSample, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := monthlyOf(t, countySample, MonthlyOptions{Previous: rules.Evaluate(prevLedger, rules.Default(), rules.Options{})})
	var added table
	for _, tb := range m.changesSection().tables() {
		if tb.Sheet == "本月完成投资" {
			added = tb
		}
	}
	if len(added.Rows) != 16 {
		t.Fatalf("%d rows, want 6 乡镇 and 10 部门", len(added.Rows))
	}
	var names []string
	for i, r := range added.Rows {
		names = append(names, r[1].Text)
		if i == 0 || added.Rows[i-1][0].Text != r[0].Text {
			continue
		}
		prev, _ := ledger.ParseAmount(added.Rows[i-1][4].Num, ledger.UnitWan)
		cur, _ := ledger.ParseAmount(r[4].Num, ledger.UnitWan)
		if prev.Cmp(cur) < 0 {
			t.Errorf("row %d: %s done %s after %s", i+1, r[1].Text, r[4].Text, added.Rows[i-1][4].Text)
		}
	}
	if names[0] != "崇文镇" || added.Rows[5][0].Text != "乡镇" || added.Rows[6][0].Text == "乡镇" || names[15] != "县民政局" {
		t.Errorf("order %v", names)
	}
}

func TestInMonthOf(t *testing.T) {
	asOf := ledger.DayDate(2025, 5, 31)
	for _, tt := range []struct {
		d    ledger.Date
		want bool
	}{
		{ledger.DayDate(2025, 5, 1), true},
		{ledger.MonthDate(2025, 5), true},
		{ledger.DayDate(2025, 4, 30), false},
		{ledger.DayDate(2024, 5, 12), false},
	} {
		if got := inMonthOf(tt.d, asOf); got != tt.want {
			t.Errorf("inMonthOf(%v) = %v", tt.d, got)
		}
	}
	if inMonthOf(ledger.DayDate(2025, 5, 20), ledger.DayDate(2025, 5, 15)) {
		t.Error("a date after the as-of date is in its month")
	}
}
