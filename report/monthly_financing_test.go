package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

const financingSample = "../testdata/融资需求台账.xlsx"

// countyWithFinancing is the county's report with its 融资需求台账, joined as the
// report command joins them, and the financing ledger's own check.
func countyWithFinancing(t *testing.T) (*Monthly, *rules.Result) {
	t.Helper()
	return countyMonthly(t, false)
}

// countyMonthly is the county's report with its 融资需求台账 and, when previous is
// set, last month's ledger.
func countyMonthly(t *testing.T, previous bool) (*Monthly, *rules.Result) {
	t.Helper()
	r := rules.Default()
	read := func(path string) *rules.Result {
		l, err := ledger.Read(path, ledger.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return rules.Evaluate(l, r, rules.Options{})
	}
	county, fin := read(countySample), read(financingSample)
	rules.Join([]*rules.Result{county}, []*rules.Result{fin})
	opts := MonthlyOptions{Financing: []*rules.Result{fin}}
	if previous {
		opts.Previous = read(countyAprilSample)
	}
	return BuildMonthly(county, r, opts), fin
}

// The financing section shows 授信率 and 放款率 as check shows them, and its list of
// projects with no bank is exactly the bank table's 未对接 row, the 终止 one marked.
func TestFinancingSectionAgrees(t *testing.T) {
	m, fin := countyWithFinancing(t)
	var checkRates []string
	for _, s := range checkDocument(Outcome{Result: fin}, false).Sections {
		for _, tb := range s.tables() {
			if len(tb.Header) == 2 && tb.Header[0] == "授信率" {
				checkRates = append(checkRates, tb.Rows[0][0].Text, tb.Rows[0][1].Text)
			}
		}
	}
	s := m.financingLayout()
	tables := s.tables()
	rates := tables[0]
	if len(checkRates) != 2 || rates.Rows[0][1].Text != checkRates[0] || rates.Rows[1][1].Text != checkRates[1] {
		t.Errorf("report rates %s %s, check %v", rates.Rows[0][1].Text, rates.Rows[1][1].Text, checkRates)
	}
	if rates.Rows[0][1].Text != "64.6%" || rates.Rows[1][1].Text != "43.4%" {
		t.Errorf("rates %s %s, want 64.6%% 43.4%% (83500/129350.50, 36200/83500)", rates.Rows[0][1].Text, rates.Rows[1][1].Text)
	}
	byBank := tables[3]
	last := byBank.Rows[len(byBank.Rows)-1]
	list := tables[4]
	if last[0].Text != rules.BankNone || last[1].Text != "2" || len(list.Rows) != 2 {
		t.Fatalf("未对接 row %v, list of %d", last, len(list.Rows))
	}
	if list.Rows[0][1].Text != "陵川县礼义镇应急水源工程" || list.Rows[1][1].Text != "陵川县杨村镇滑雪场配套设施项目" ||
		!strings.HasPrefix(list.Rows[1][2].Text, "终止") {
		t.Errorf("list %v", list.Rows)
	}
	if p := s.paragraphs(); !strings.Contains(p[0], "授信率64.6%，放款率43.4%") || p[1] != "未对接金融机构的项目2个：有融资需求待对接的1个，已终止或不需融资的1个。" {
		t.Errorf("sentences %q", p)
	}
	var buf bytes.Buffer
	if err := WriteMonthlyJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Financing struct {
			CreditRate   float64 `json:"credit_rate"`
			DisburseRate float64 `json:"disburse_rate"`
			NoBank       []struct {
				Name, Excused string
				Row           int
			} `json:"no_bank"`
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Financing.CreditRate != 0.6455 || v.Financing.DisburseRate != 0.4335 || len(v.Financing.NoBank) != 2 ||
		v.Financing.NoBank[1].Row != 17 || v.Financing.NoBank[1].Excused != "终止" || v.Financing.NoBank[0].Excused != "" {
		t.Errorf("financing JSON %+v", v.Financing)
	}
}
