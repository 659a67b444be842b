package ledger

import (
	"os"
	"path/filepath"
	"testing"
)

// Every header variant of a 融资需求台账 field that docs/台账字段.md lists, and the ways clerks
// decorate them, names its field.
func TestRongziHeaderSynonyms(t *testing.T) {
	cases := []struct {
		header string
		field  Field
	}{
		{"项目名称", FieldName},
		{"项目代码", FieldCode},
		{"融资主体", FieldOwner},
		{"项目单位", FieldOwner},
		{"所在乡镇", FieldTown},
		{"责任单位", FieldUnit},
		{"包联领导", FieldLeader},
		{"总投资", FieldTotal},
		{"总投资（亿元）", FieldTotal},
		{"融资需求", FieldNeed},
		{"融资需求金额", FieldNeed},
		{"融资需求总额", FieldNeed},
		{"2025年融资需求", FieldNeed},
		{"拟融资金额", FieldNeed},
		{"*融资需求\n（万元）", FieldNeed},
		{"融资方式", FieldMethod},
		{"拟融资方式", FieldMethod},
		{"资金渠道", FieldMethod},
		{"对接金融机构", FieldBank},
		{"意向银行", FieldBank},
		{"融资机构名称", FieldBank},
		{"牵头行", FieldBank},
		{"主办行", FieldBank},
		{"对接状态", FieldDockStatus},
		{"对接进展", FieldDockStatus},
		{"授信状态", FieldDockStatus},
		{"对接状态(未对接/已对接/已授信)", FieldDockStatus},
		{"授信金额", FieldCredit},
		{"签约金额", FieldSigned},
		{"放款金额", FieldDisbursed},
		{"投放金额", FieldDisbursed},
		{"发放贷款金额", FieldDisbursed},
		{"已到位资金", FieldDisbursed},
		{"已到位资金(万元)", FieldDisbursed},
		{"对接时间", FieldDockDate},
		{"授信时间", FieldDockDate},
		{"签约时间", FieldDockDate},
		{"放款时间", FieldDockDate},
		{"联系人", FieldContact},
		{"联系电话", FieldPhone},
		{"存在问题", FieldProblems},
		{"需协调事项", FieldProblems},
		{"备注", FieldRemark},
	}
	for _, c := range cases {
		f, _, ok := matchHeader(normalizeHeader(c.header))
		if !ok || f != c.field {
			t.Errorf("header %q → %q (%v), want %q", c.header, f, ok, c.field)
		}
	}
}

// More ways to write one project's name than text_test.go's: the spellings a 融资需求台账
// typed apart from its 开复工台账 must still join on.
func TestNormalizeNameVariants(t *testing.T) {
	same := []struct{ name, a, b string }{
		{"半角括号加空格", "陵川县太行山旅游公路 (附城段) 改造工程", "陵川县太行山旅游公路（附城段）改造工程"},
		{"小号括号", "陵川县供水﹙一期﹚工程", "陵川县供水(一期)工程"},
		{"白色方头括号", "陵川县供水〖一期〗工程", "陵川县供水(一期)工程"},
		{"片假名中点", "陵川县供水・供暖工程", "陵川县供水·供暖工程"},
		{"半角片假名中点", "陵川县供水･供暖工程", "陵川县供水、供暖工程"},
		{"横线", "陵川―晋城公路", "陵川-晋城公路"},
		{"连字符", "陵川‐晋城公路", "陵川-晋城公路"},
		{"减号", "陵川−晋城公路", "陵川-晋城公路"},
		{"双破折号", "陵川——晋城公路", "陵川-晋城公路"},
		{"波浪线", "陵川〜晋城公路", "陵川～晋城公路"},
		{"全角代码", "２５０１－１４０５２４－０４－０１－１２３４５６", "2501-140524-04-01-123456"},
	}
	for _, c := range same {
		if NormalizeName(c.a) != NormalizeName(c.b) {
			t.Errorf("%s: NormalizeName(%q) = %q, NormalizeName(%q) = %q, want equal", c.name, c.a, NormalizeName(c.a), c.b, NormalizeName(c.b))
		}
		if n := NormalizeName(c.a); NormalizeName(n) != n {
			t.Errorf("%s: NormalizeName not idempotent on %q", c.name, c.a)
		}
	}
	if NormalizeName("陵川县供水-一期") == NormalizeName("陵川县供水一期") {
		t.Error("a dash must not vanish")
	}
}

// A 融资需求台账 is recognised from its fields, with a title row, a unit line, text
// amounts and empty markers, as the 开复工台账 is.
func TestReadRongziCSV(t *testing.T) {
	csv := "陵川县2025年重点项目融资需求台账（截至2025年5月底）,,,,,,,\r\n" +
		",,,,,,,单位：万元\r\n" +
		"序号,项目名称,融资主体,拟融资方式,意向银行,对接进展,融资需求金额,已到位资金\r\n" +
		"1,陵川县供水工程,陵川县城乡水务有限公司,银行贷款,中国农业银行陵川县支行,已放款,\"1,200.50\",300\r\n" +
		"2,陵川县光伏项目,陵川县晶能新能源有限公司,融资租赁,,未对接,８００,—\r\n" +
		"合计,,,,,,2000.50,300\r\n"
	path := filepath.Join(t.TempDir(), "融资.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != KindRongzi {
		t.Errorf("kind %q, want rongzi", l.Kind)
	}
	if l.AsOf.String() != "2025-05-31" || l.AsOfSource != "title" {
		t.Errorf("as-of %s (%s)", l.AsOf, l.AsOfSource)
	}
	for f, letter := range map[Field]string{FieldOwner: "C", FieldMethod: "D", FieldBank: "E", FieldDockStatus: "F", FieldNeed: "G", FieldDisbursed: "H"} {
		if c := l.Column(f); c == nil || c.Letter != letter {
			t.Errorf("field %s: column %v, want %s", f, c, letter)
		}
	}
	if len(l.Projects) != 2 || len(l.Totals) != 1 || len(l.Problems) != 0 {
		t.Fatalf("%d projects, %d totals, problems %v", len(l.Projects), len(l.Totals), l.Problems)
	}
	p, q := l.Projects[0].Fin, l.Projects[1].Fin
	if p == nil || q == nil {
		t.Fatalf("financing cells %v, %v", p, q)
	}
	if p.Method != "银行贷款" || p.Bank != "中国农业银行陵川县支行" || p.DockStatus != "已放款" || p.Need.String() != "1200.50" || p.Disbursed.String() != "300.00" {
		t.Errorf("row 4: %+v", *p)
	}
	if q.Bank != "" || q.Need.String() != "800.00" || q.Disbursed.IsSet() {
		t.Errorf("row 5: %+v", *q)
	}
	if got := l.Totals[0].Amounts[FieldNeed].String(); got != "2000.50" {
		t.Errorf("合计 need %s", got)
	}

	// --kind overrides what the fields say.
	if l, err := Read(path, Options{Kind: KindKaifugong}); err != nil || l.Kind != KindKaifugong {
		t.Errorf("forced kind: %v, %v", l.Kind, err)
	}
}
