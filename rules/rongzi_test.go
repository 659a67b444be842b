package rules

import (
	"reflect"
	"strings"
	"testing"

	"gongjian/ledger"
)

// rongziColumns is a 融资需求台账 header with every field the checks use; the column
// index of each field is its position here.
var rongziColumns = []ledger.Field{
	ledger.FieldSeq, ledger.FieldCode, ledger.FieldName, ledger.FieldOwner, ledger.FieldMethod, // A-E
	ledger.FieldBank, ledger.FieldDockStatus, ledger.FieldNeed, ledger.FieldCredit, ledger.FieldSigned, // F-J
	ledger.FieldDisbursed, // K
}

const (
	rzName      = 2
	rzMethod    = 4
	rzBank      = 5
	rzStatus    = 6
	rzNeed      = 7
	rzCredit    = 8
	rzDisbursed = 10
)

// newRongzi is a 融资需求台账 with its header on row 3 and the projects from row 5.
func newRongzi(cols []ledger.Field, ps ...ledger.Project) *ledger.Ledger {
	l := newLedger(day(2025, 5, 31), cols, rows(ps...)...)
	l.Kind, l.File, l.Sheet = ledger.KindRongzi, "融资.xlsx", "融资需求台账"
	return l
}

// TestRongziFindings: each row breaks one rule (or none), and every finding is at its
// cell with a message saying what to do.
func TestRongziFindings(t *testing.T) {
	bank := "中国农业银行陵川县支行"
	ps := []ledger.Project{
		/* 5 */ {Name: "甲", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已放款", Need: w(1000), Credit: w(1000), Signed: w(1000), Disbursed: w(800)}},
		/* 6 */ {Name: "乙", Fin: &ledger.Financing{Method: "银行贷款", DockStatus: "未对接", Need: w(500)}}, // no bank
		/* 7 */ {Name: "丙", Fin: &ledger.Financing{Method: "银行贷款", DockStatus: "终止", Need: w(500)}}, // no bank, but 终止
		/* 8 */ {Name: "丁", Fin: &ledger.Financing{Method: "银行贷款", DockStatus: "不需融资"}}, // no need, no bank: nothing
		/* 9 */ {Name: "戊", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已放款", Need: w(300), Credit: w(400), Signed: w(400), Disbursed: w(350)}},
		/* 10 */ {Name: "己", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已放款", Need: w(300), Credit: w(300), Signed: w(300)}},
		/* 11 */ {Name: "庚", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "部分放款", Need: w(300), Credit: w(300), Signed: w(300), Disbursed: w(0)}},
		/* 12 */ {Name: "辛", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "未对接", Need: w(300), Credit: w(200)}},
		/* 13 */ {Name: "壬", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "洽谈中", Need: w(300)}},
		/* 14 */ {Name: "癸", Fin: &ledger.Financing{Method: "高利贷", Bank: bank, DockStatus: "已对接", Need: w(300)}},
		/* 15 */ {Name: "子", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已对接"}}, // need empty
		/* 16 */ {Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已对接", Need: w(100)}}, // name empty
		/* 17 */ {Name: "丑", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已对接", Need: w(-100)}},
		/* 18 */ {Name: "寅", Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已放款", Need: w(300), Credit: w(300), Signed: w(300)}}, // 放款金额 unreadable
		/* 19 */ {Name: "卯", Fin: &ledger.Financing{Method: "专项债券+银行贷款", Bank: bank, DockStatus: "已 授信", Need: w(300), Credit: w(300)}}, // both fine
		/* 20 */ {Name: "甲", Fin: &ledger.Financing{Method: "PPP", Bank: bank, DockStatus: "已对接", Need: w(300)}}, // duplicate of row 5
	}
	l := newRongzi(rongziColumns, ps...)
	l.Problems = []ledger.Problem{{Kind: ledger.ProblemBadNumber, Row: 18, Col: rzDisbursed, Field: ledger.FieldDisbursed, Value: "约300"}}
	res := Evaluate(l, nil, Options{})

	type want struct{ key, cell, value, msg string }
	wants := []want{
		{"financing-unassigned@6:5", "F6", "", "项目有融资需求500.00万元，但没有对接金融机构"},
		{"funds-exceed-need@9:10", "K9", "350.00", "放款金额350.00万元超过融资需求300.00万元"},
		{"status-conflict@10:6", "G10", "已放款", "对接状态为“已放款”，但放款金额为空，请填写已放款的金额"},
		{"status-conflict@11:6", "G11", "部分放款", "放款金额为0"},
		{"status-conflict@12:6", "G12", "未对接", "对接状态为“未对接”，但已填授信金额200.00万元"},
		{"bad-value@13:6", "G13", "洽谈中", "对接状态“洽谈中”不是可用的值，请填写“未对接”“已对接”"},
		{"bad-value@14:4", "E14", "高利贷", "融资方式“高利贷”不是可用的值"},
		{"missing-value@15:7", "H15", "", "融资需求为空，请填写项目的融资需求金额"},
		{"missing-value@16:2", "C16", "", "项目名称为空"},
		{"negative-amount@17:7", "H17", "-100.00", "融资需求为负数"},
		{"bad-number@18:10", "K18", "约300", "放款金额“约300”不是有效的金额"},
		{"duplicate-project@20:2", "C20", "甲", "与第5行重复"},
	}
	var keys []string
	for _, wt := range wants {
		keys = append(keys, wt.key)
	}
	wantFindingKeys(t, res.Findings, keys)
	for i, wt := range wants {
		f := res.Findings[i]
		if f.Cell != wt.cell || f.Value != wt.value || !strings.Contains(f.Message, wt.msg) || f.Sheet != "融资需求台账" {
			t.Errorf("%s: cell %s value %q message %q", wt.key, f.Cell, f.Value, f.Message)
		}
		if wt.key != "missing-value@16:2" && f.Project == "" {
			t.Errorf("%s: no project name", wt.key)
		}
	}
	sev := map[RuleID]Severity{}
	for _, f := range res.Findings {
		sev[f.Rule] = f.Severity
	}
	for rule, s := range map[RuleID]Severity{RuleFinancingUnassigned: SeverityWarning, RuleFundsExceedNeed: SeverityWarning,
		RuleStatusConflict: SeverityError, RuleBadValue: SeverityError, RuleMissingValue: SeverityError} {
		if sev[rule] != s {
			t.Errorf("%s is %s, want %s", rule, sev[rule], s)
		}
	}
	if want := []string{"乙"}; !reflect.DeepEqual(res.Financing.Unassigned, want) {
		t.Errorf("unassigned %v, want %v", res.Financing.Unassigned, want)
	}
	if res.Targets != nil || res.Metrics.InvestmentRate != nil {
		t.Errorf("a 融资需求台账 has no targets or 开复工 metrics: %v %v", res.Targets, res.Metrics)
	}
}

// TestRongziStages: how one project counts in the funnel 对接 → 授信 → 签约 → 放款.
func TestRongziStages(t *testing.T) {
	cases := []struct {
		name                                string
		p                                   ledger.Project
		docked, credited, signed, disbursed bool
	}{
		{"未对接", ledger.Project{Fin: &ledger.Financing{DockStatus: "未对接", Need: w(100)}}, false, false, false, false},
		{"未对接但写了意向银行", ledger.Project{Fin: &ledger.Financing{DockStatus: "未对接", Bank: "甲行", Need: w(100)}}, false, false, false, false},
		{"已对接", ledger.Project{Fin: &ledger.Financing{DockStatus: "已对接", Bank: "甲行"}}, true, false, false, false},
		{"审批中", ledger.Project{Fin: &ledger.Financing{DockStatus: "审批中", Bank: "甲行"}}, true, false, false, false},
		{"已授信（只有状态）", ledger.Project{Fin: &ledger.Financing{DockStatus: "已授信", Bank: "甲行"}}, true, true, false, false},
		{"授信金额（没有状态）", ledger.Project{Fin: &ledger.Financing{Bank: "甲行", Credit: w(50)}}, true, true, false, false},
		{"授信金额为0", ledger.Project{Fin: &ledger.Financing{DockStatus: "审批中", Bank: "甲行", Credit: w(0)}}, true, false, false, false},
		{"已签约（只有状态）", ledger.Project{Fin: &ledger.Financing{DockStatus: "已签约", Bank: "甲行"}}, true, true, true, false},
		{"签约金额", ledger.Project{Fin: &ledger.Financing{DockStatus: "已对接", Bank: "甲行", Signed: w(50)}}, true, true, true, false},
		{"已放款但没有金额", ledger.Project{Fin: &ledger.Financing{DockStatus: "已放款", Bank: "甲行", Credit: w(50), Signed: w(50)}}, true, true, true, false},
		{"部分放款", ledger.Project{Fin: &ledger.Financing{DockStatus: "部分放款", Bank: "甲行", Disbursed: w(10)}}, true, true, true, true},
		{"只有放款金额", ledger.Project{Fin: &ledger.Financing{Disbursed: w(10)}}, true, true, true, true},
		{"只写了银行", ledger.Project{Fin: &ledger.Financing{Bank: "甲行", Need: w(100)}}, true, false, false, false},
		{"什么都没写", ledger.Project{Fin: &ledger.Financing{Need: w(100)}}, false, false, false, false},
		{"终止", ledger.Project{Fin: &ledger.Financing{DockStatus: "终止", Bank: "甲行", Need: w(100)}}, false, false, false, false},
		{"不需融资", ledger.Project{Fin: &ledger.Financing{DockStatus: "不需融资"}}, false, false, false, false},
		{"县里加的状态", ledger.Project{Fin: &ledger.Financing{DockStatus: "洽谈中", Bank: "甲行"}}, true, false, false, false},
	}
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	for _, c := range cases {
		c.p.Name = c.name
		res := Evaluate(newRongzi(rongziColumns, c.p), nil, Options{})
		got := res.Financing.Counts
		want := FinancingCounts{Projects: 1, Docked: b(c.docked), Credited: b(c.credited), Signed: b(c.signed), Disbursed: b(c.disbursed)}
		if got != want {
			t.Errorf("%s: %+v, want %+v", c.name, got, want)
		}
		if res.Counts.Projects != 1 {
			t.Errorf("%s: Result.Counts.Projects %d", c.name, res.Counts.Projects)
		}
	}
}

// TestRongziFigures: exact sums, the two rates and the totals by 融资方式 and by bank.
func TestRongziFigures(t *testing.T) {
	ps := []ledger.Project{
		{Name: "一", Fin: &ledger.Financing{Method: "银行贷款", Bank: "乙银行", DockStatus: "已放款", Need: w(1000.10), Credit: w(800), Signed: w(600), Disbursed: w(400.05)}},
		{Name: "二", Fin: &ledger.Financing{Method: "专项债券", Bank: "甲银行", DockStatus: "已签约", Need: w(2000), Credit: w(2000), Signed: w(1000)}},
		{Name: "三", Fin: &ledger.Financing{Method: "ＰＰＰ", Bank: "乙 银行", DockStatus: "已对接", Need: w(0.01)}},
		{Name: "四", Fin: &ledger.Financing{Method: "专项债券+银行贷款", Bank: "丙银行", DockStatus: "审批中", Need: w(1000.10)}},
		{Name: "五", Fin: &ledger.Financing{Method: "银行贷款", DockStatus: "未对接", Need: w(300)}},
		{Name: "六", Fin: &ledger.Financing{DockStatus: "未对接", Need: w(0.02)}},
		{Name: "七", Fin: &ledger.Financing{Method: "民间借贷", Bank: "丁公司", DockStatus: "已对接", Need: w(10)}},
	}
	res := Evaluate(newRongzi(rongziColumns, ps...), nil, Options{})
	fin := financingWith(t, res, FinancingCounts{Projects: 7, Docked: 5, Credited: 2, Signed: 2, Disbursed: 1})
	a := fin.Amounts
	for _, c := range []struct {
		name string
		got  ledger.Amount
		want string
	}{{"need", a.Need, "4310.23"}, {"docked need", a.DockedNeed, "4010.21"}, {"credit", a.Credit, "2800.00"},
		{"signed", a.Signed, "1600.00"}, {"disbursed", a.Disbursed, "400.05"}} {
		if c.got.String() != c.want {
			t.Errorf("%s %s, want %s", c.name, c.got, c.want)
		}
	}
	wantRate(t, "credit rate", fin.CreditRate, 2800/4310.23)
	wantRate(t, "disburse rate", fin.DisburseRate, 400.05/2800)

	type g struct {
		name                            string
		projects                        int
		need, credit, signed, disbursed string
	}
	flat := func(gs []FinancingGroup) []g {
		var out []g
		for _, x := range gs {
			out = append(out, g{x.Name, x.Projects, x.Need.String(), x.Credit.String(), x.Signed.String(), x.Disbursed.String()})
		}
		return out
	}
	wantMethods := []g{
		{"银行贷款", 2, "1300.10", "800.00", "600.00", "400.05"},
		{"专项债券", 1, "2000.00", "2000.00", "1000.00", ""},
		{"PPP/特许经营", 1, "0.01", "", "", ""},
		{"专项债券、银行贷款", 1, "1000.10", "", "", ""}, // combinations and values outside the list by name
		{"民间借贷", 1, "10.00", "", "", ""},
		{"未填写", 1, "0.02", "", "", ""},
	}
	if got := flat(fin.ByMethod); !reflect.DeepEqual(got, wantMethods) {
		t.Errorf("by method\n got %v\nwant %v", got, wantMethods)
	}
	wantBanks := []g{
		{"甲银行", 1, "2000.00", "2000.00", "1000.00", ""},
		{"乙银行", 2, "1000.11", "800.00", "600.00", "400.05"}, // "乙 银行" is the same bank
		{"丙银行", 1, "1000.10", "", "", ""},
		{"丁公司", 1, "10.00", "", "", ""},
		{"未对接", 2, "300.02", "", "", ""},
	}
	if got := flat(fin.ByBank); !reflect.DeepEqual(got, wantBanks) {
		t.Errorf("by bank\n got %v\nwant %v", got, wantBanks)
	}
	if want := []string{"五", "六"}; !reflect.DeepEqual(fin.Unassigned, want) {
		t.Errorf("unassigned %v, want %v", fin.Unassigned, want)
	}
}

// TestRongziRatesNotAvailable: no column, or nothing to divide by, is no rate.
func TestRongziRatesNotAvailable(t *testing.T) {
	p := ledger.Project{Name: "一", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(100)}}
	res := Evaluate(newRongzi(rongziColumns, p), nil, Options{})
	wantRate(t, "credit rate, no credit given", res.Financing.CreditRate, 0)
	wantRate(t, "disburse rate, no credit", res.Financing.DisburseRate, -1)

	noCredit := []ledger.Field{ledger.FieldName, ledger.FieldBank, ledger.FieldDockStatus, ledger.FieldNeed, ledger.FieldDisbursed}
	res = Evaluate(newRongzi(noCredit, p), nil, Options{})
	wantRate(t, "credit rate, no credit column", res.Financing.CreditRate, -1)
	wantRate(t, "disburse rate, no credit column", res.Financing.DisburseRate, -1)
}

// TestRongziMissingColumns: a ledger without 融资需求, 对接金融机构 or 对接状态 says so once,
// and its rows are not flagged one by one for what the sheet lacks.
func TestRongziMissingColumns(t *testing.T) {
	cols := []ledger.Field{ledger.FieldName, ledger.FieldMethod, ledger.FieldCredit, ledger.FieldDisbursed}
	res := Evaluate(newRongzi(cols, ledger.Project{Name: "一", Fin: &ledger.Financing{Method: "银行贷款", Credit: w(10)}}), nil, Options{})
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+":"+string(f.Field)+":"+string(f.Severity))
	}
	want := []string{"missing-column:need:warning", "missing-column:bank:warning", "missing-column:dock_status:warning"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

func TestMethodName(t *testing.T) {
	r := Default()
	cases := []struct {
		cell, name string
		ok         bool
	}{
		{"银行贷款", "银行贷款", true},
		{" 银行 贷款 ", "银行贷款", true},
		{"PPP/特许经营", "PPP/特许经营", true},
		{"PPP", "PPP/特许经营", true},
		{"ppp", "PPP/特许经营", true},
		{"特许经营", "PPP/特许经营", true},
		{"ＰＰＰ／特许经营", "PPP/特许经营", true},
		{"专项债券+银行贷款", "专项债券、银行贷款", true},
		{"银行贷款、专项债券、银行贷款", "银行贷款、专项债券", true},
		{"", "", true},
		{"高利贷", "高利贷", false},
		{"银行贷款+高利贷", "银行贷款+高利贷", false},
		{"、", "、", false},
	}
	for _, c := range cases {
		name, ok := r.methodName(c.cell)
		if name != c.name || ok != c.ok {
			t.Errorf("methodName(%q) = %q, %v; want %q, %v", c.cell, name, ok, c.name, c.ok)
		}
	}
}

// A county's own rules decide which values are allowed.
func TestRongziValuesFromRules(t *testing.T) {
	r := Default()
	r.Values.DockStatus = append(r.Values.DockStatus, "洽谈中")
	r.Values.Method = []string{"银行贷款"}
	p := ledger.Project{Name: "一", Fin: &ledger.Financing{Method: "专项债券", Bank: "甲行", DockStatus: "洽谈中", Need: w(100)}}
	res := Evaluate(newRongzi(rongziColumns, p), r, Options{})
	if got := findingKeys(res.Findings); !reflect.DeepEqual(got, []string{"bad-value@5:4"}) {
		t.Errorf("findings %v", got)
	}
}
