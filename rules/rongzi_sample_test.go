package rules

import (
	"path/filepath"
	"reflect"
	"testing"

	"gongjian/ledger"
)

// The sample 融资需求台账, read, checked and joined with the county 开复工台账. Every
// expected value is a literal from testdata/README.md (the generator's tables).
func TestRongziSample(t *testing.T) {
	read := func(name string) *Result {
		t.Helper()
		l, err := ledger.Read(filepath.Join("..", "testdata", name), ledger.Options{Today: ledger.DayDate(2025, 6, 3)})
		if err != nil {
			t.Fatal(err)
		}
		return Evaluate(l, nil, Options{})
	}
	rz := read("融资需求台账.xlsx")
	l := rz.Ledger
	if l.Kind != ledger.KindRongzi || l.Sheet != "融资需求台账" || !reflect.DeepEqual(l.HeaderRows, []int{3, 4}) {
		t.Fatalf("kind %s, sheet %q, header %v", l.Kind, l.Sheet, l.HeaderRows)
	}
	if rz.AsOf.String() != "2025-05-31" || rz.AsOfSource != "title" {
		t.Errorf("as-of %s (%s)", rz.AsOf, rz.AsOfSource)
	}
	fin := financingWith(t, rz, FinancingCounts{Projects: 15, Docked: 13, Credited: 8, Signed: 7, Disbursed: 4})
	a := fin.Amounts
	got := []string{a.Need.String(), a.DockedNeed.String(), a.Credit.String(), a.Signed.String(), a.Disbursed.String()}
	if want := []string{"129350.50", "125850.50", "83500.00", "66500.00", "36200.00"}; !reflect.DeepEqual(got, want) {
		t.Errorf("amounts %v, want %v", got, want)
	}
	wantRate(t, "授信率", fin.CreditRate, 83500/129350.50)
	wantRate(t, "放款率", fin.DisburseRate, 36200.0/83500)
	if want := []string{"陵川县礼义镇应急水源工程"}; !reflect.DeepEqual(fin.Unassigned, want) {
		t.Errorf("unassigned %v", fin.Unassigned)
	}
	var methods, banks []string
	for _, g := range fin.ByMethod {
		methods = append(methods, g.Name+" "+g.Need.String())
	}
	for _, g := range fin.ByBank {
		banks = append(banks, g.Name+" "+g.Need.String())
	}
	wantMethods := []string{"银行贷款 67500.00", "专项债券 4000.00", "政策性开发性金融工具 20000.00", "制造业中长期贷款 17850.50", "融资租赁 8000.00", "基金 12000.00"}
	if !reflect.DeepEqual(methods, wantMethods) {
		t.Errorf("by method %v", methods)
	}
	wantBanks := []string{"国家开发银行山西省分行 50000.00", "中国农业银行陵川县支行 17850.50", "中国工商银行陵川支行 15000.00",
		"山西省文旅产业投资基金 12000.00", "华润融资租赁有限公司 8000.00", "中国银行陵川支行 7000.00", "中国建设银行陵川支行 6000.00",
		"中国邮政储蓄银行陵川县支行 5000.00", "晋城银行陵川支行 3000.00", "陵川农商银行 2000.00", "未对接 3500.00"}
	if !reflect.DeepEqual(banks, wantBanks) {
		t.Errorf("by bank %v", banks)
	}

	cells := func(r *Result) []string {
		var out []string
		for _, f := range r.Findings {
			out = append(out, string(f.Rule)+"@"+f.Cell)
		}
		return out
	}
	alone := []string{"funds-exceed-need@M12", "status-conflict@I14", "financing-unassigned@H15"}
	if got := cells(rz); !reflect.DeepEqual(got, alone) {
		t.Errorf("findings %v, want %v", got, alone)
	}

	kf := read("全县开复工台账.xlsx")
	kfFindings := len(kf.Findings)
	Join([]*Result{kf}, []*Result{rz})
	joined := append(alone, "unknown-project@C18", "unknown-project@C19")
	if got := cells(rz); !reflect.DeepEqual(got, joined) {
		t.Errorf("joined findings %v, want %v", got, joined)
	}
	// Row 8 writes "陵川县太行山旅游公路 (附城段) 改造工程": spaces and half-width brackets.
	if p := rz.Ledger.Projects[3]; p.Row != 8 || p.Name != "陵川县太行山旅游公路 (附城段) 改造工程" {
		t.Errorf("row 8 is %d %q", p.Row, p.Name)
	}
	for _, f := range rz.Findings {
		if f.Row == 8 {
			t.Errorf("the spacing variant is flagged: %+v", f)
		}
	}
	want := &JoinSummary{With: []string{filepath.Join("..", "testdata", "全县开复工台账.xlsx")}, Matched: 13, ByCode: 1, ByName: 12, Unknown: 2}
	if !reflect.DeepEqual(rz.Join, want) {
		t.Errorf("financing side %+v, want %+v", rz.Join, want)
	}
	wantKf := &JoinSummary{With: []string{filepath.Join("..", "testdata", "融资需求台账.xlsx")}, Financed: 13, KeyProjects: 10,
		KeyUnfinanced: []string{"陵川县平城镇50MW分散式风电项目", "陵川县附城镇分布式光伏发电项目"}}
	if !reflect.DeepEqual(kf.Join, wantKf) {
		t.Errorf("开复工 side %+v, want %+v", kf.Join, wantKf)
	}
	if len(kf.Findings) != kfFindings {
		t.Errorf("the join added findings to the 开复工台账")
	}
}

// The projects with no bank: the one with a need still unassigned, and the 终止 one,
// which is not asked to dock (the "未对接" row of the bank table counts both).
func TestNoBankSample(t *testing.T) {
	l, err := ledger.Read(filepath.Join("..", "testdata", "融资需求台账.xlsx"), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fin := Evaluate(l, Default(), Options{}).Financing
	want := []NoBankProject{{Name: "陵川县礼义镇应急水源工程", Row: 15}, {Name: "陵川县杨村镇滑雪场配套设施项目", Row: 17, Excused: "终止"}}
	if !reflect.DeepEqual(fin.NoBank, want) {
		t.Errorf("no bank %+v, want %+v", fin.NoBank, want)
	}
	if last := fin.ByBank[len(fin.ByBank)-1]; last.Name != BankNone || last.Projects != len(want) {
		t.Errorf("未对接 group %+v", last)
	}
}
