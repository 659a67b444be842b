package ledger

import (
	"strings"
	"testing"
)

// Two inputs with the same base name are told apart by their paths.
func TestMergeSourceNames(t *testing.T) {
	ls := []*Ledger{{File: "4月/礼义镇.xlsx"}, {File: "5月/礼义镇.xlsx"}, {File: "平城镇.csv"}}
	if got := strings.Join(sourceNames(ls), ","); got != "4月/礼义镇.xlsx,5月/礼义镇.xlsx,平城镇.csv" {
		t.Errorf("names %s", got)
	}
}

func TestMergedTitle(t *testing.T) {
	for _, tt := range []struct {
		title string
		kind  Kind
		year  int
		asOf  Date
		want  string
	}{
		{"", KindKaifugong, 2025, Date{}, "全县2025年重点项目开复工台账"},
		{"", KindRongzi, 2025, DayDate(2025, 6, 30), "全县2025年重点项目融资需求台账（截至2025年6月30日）"},
		{"陵川县2025年重点项目开复工台账", KindKaifugong, 2025, MonthDate(2025, 5), "陵川县2025年重点项目开复工台账（截至2025年5月底）"},
		{"陵川县重点项目台账（截至2025年5月底）", KindKaifugong, 2025, DayDate(2025, 5, 31), "陵川县重点项目台账（截至2025年5月底）"},
		{"", KindKaifugong, 0, Date{}, "全县重点项目开复工台账"},
	} {
		if got := mergedTitle(tt.title, tt.kind, tt.year, tt.asOf); got != tt.want {
			t.Errorf("mergedTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// Merge finds duplicates by the one project identity: a code typed in full width is
// the same code, and a duplicate's code finds the row it was merged into.
func TestMergeDuplicatesByIdentity(t *testing.T) {
	a := &Ledger{File: "礼义镇.xlsx", Year: 2025, Columns: []Column{{Field: FieldName}},
		Projects: []Project{{Row: 5, Code: "X-1", Name: "甲项目"}, {Row: 6, Name: "乙项目"}}}
	b := &Ledger{File: "平城镇.xlsx", Year: 2025, Columns: []Column{{Field: FieldName}},
		Projects: []Project{{Row: 4, Code: "Ｘ－１", Name: "甲"}, {Row: 5, Code: "X-9", Name: "乙 项目"}}}
	c := &Ledger{File: "杨村镇.csv", Year: 2025, Columns: []Column{{Field: FieldName}},
		Projects: []Project{{Row: 3, Code: "x—9", Name: "乙项目二期"}, {Row: 4, Code: "X-2", Name: "甲项目"}}}
	m := Merge([]*Ledger{a, b, c}, MergeOptions{})
	var got []string
	for _, d := range m.Duplicates {
		got = append(got, d.Again.String()+"="+d.First.String()+" "+d.Code)
	}
	want := "平城镇.xlsx 第4行=礼义镇.xlsx 第5行 Ｘ－１," + // the same code in full width
		"平城镇.xlsx 第5行=礼义镇.xlsx 第6行 ," + // a code on one row only: by name
		"杨村镇.csv 第3行=礼义镇.xlsx 第6行 x—9" // the code the duplicate brought
	if strings.Join(got, ",") != want {
		t.Errorf("duplicates\n got %s\nwant %s", strings.Join(got, ","), want)
	}
	if len(m.Rows) != 3 { // 甲项目, 乙项目, and 甲项目 under another code: two projects
		t.Errorf("%d rows, want 3", len(m.Rows))
	}
}

// Ledgers of different months are not merged without a date given; of one month but
// different days they are, with a note; given a date, the ledgers of another month
// are named in the title and in their rows' 来源.
func TestMergeMonths(t *testing.T) {
	at := func(file string, d Date) *Ledger {
		return &Ledger{File: file, Year: 2025, AsOf: d, AsOfSource: AsOfHeader, Columns: []Column{{Field: FieldName}},
			Projects: []Project{{Row: 4, Name: file + "项目"}}}
	}
	may30, may31, june := DayDate(2025, 5, 30), DayDate(2025, 5, 31), DayDate(2025, 6, 30)

	m := Merge([]*Ledger{at("甲.xlsx", may31), at("乙.xlsx", june)}, MergeOptions{})
	if !m.MixedMonths || m.MonthsText() != "  甲.xlsx：截至2025年5月31日\n  乙.xlsx：截至2025年6月30日" {
		t.Errorf("May and June: mixed %v, %q", m.MixedMonths, m.MonthsText())
	}

	m = Merge([]*Ledger{at("甲.xlsx", may30), at("乙.xlsx", may31)}, MergeOptions{})
	if m.MixedMonths || m.AsOf != may31 || len(m.Notes) == 0 || !strings.Contains(m.Notes[0], "截至日期不同") {
		t.Errorf("one month: mixed %v, as of %s, notes %q", m.MixedMonths, m.AsOf, m.Notes)
	}
	if m.Rows[0].Sources[0].String() != "甲.xlsx 第4行" {
		t.Errorf("a ledger of the same month is marked: %s", m.Rows[0].Sources[0])
	}

	m = Merge([]*Ledger{at("甲.xlsx", may31), at("乙.xlsx", june)}, MergeOptions{AsOf: june})
	if m.MixedMonths || m.Title != "全县2025年重点项目开复工台账（截至2025年6月30日；甲.xlsx为5月31日数据）" {
		t.Errorf("given June: mixed %v, title %q", m.MixedMonths, m.Title)
	}
	if got := m.Rows[0].Sources[0].String() + "|" + m.Rows[1].Sources[0].String(); got != "甲.xlsx 第4行（5月31日数据）|乙.xlsx 第4行" {
		t.Errorf("来源 %s", got)
	}
	if _, asOf := datesInTitle(m.Title); asOf.in(2025) != june {
		t.Errorf("the title reads as of %v", asOf.in(2025))
	}
}
