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
