package ledger

import "testing"

func TestInferTown(t *testing.T) {
	known := []string{"崇文镇", "礼义镇", "马圪当乡", "秦家庄乡"}
	for _, tt := range []struct {
		file, title, filler string
		known               []string
		town, source        string
	}{
		// The 填报单位 line names the 乡镇's government.
		{"a.xlsx", "礼义镇2025年重点项目开复工台账", "报送单位：礼义镇人民政府", known, "礼义镇", TownFromFiller},
		{"a.xlsx", "", "填报单位: 陵川县马圪当乡人民政府", known, "马圪当乡", TownFromFiller},
		// Without the list, a name ending in 镇/乡/街道 at the start, after a county.
		{"a.xlsx", "", "填报单位：陵川县平城镇人民政府", nil, "平城镇", TownFromFiller},
		{"a.xlsx", "", "报送单位：城关街道办事处", nil, "城关街道", TownFromFiller},
		{"a.xlsx", "", "填报单位：晋城市陵川县六泉乡人民政府", nil, "六泉乡", TownFromFiller},
		// The title, when the 填报单位 line is missing or names a department.
		{"a.xlsx", "平城镇2025年重点项目推进台账（截至2025年6月30日）", "", nil, "平城镇", TownFromTitle},
		{"a.xlsx", "2025年礼义镇重点项目台账", "填报单位：", nil, "礼义镇", TownFromTitle},
		{"a.xlsx", "2025年度秦家庄乡项目清单", "填报单位：县发改局", known, "秦家庄乡", TownFromTitle},
		// The file's name, last.
		{"台账/礼义镇开复工台账.xlsx", "重点项目开复工台账", "", nil, "礼义镇", TownFromFile},
		// A county's or a department's ledger names no 乡镇.
		{"开复工台账_gbk.csv", "杨树县2025年重点项目开复工台账", "", nil, "", ""},
		{"交通局.xlsx", "陵川县乡镇重点项目台账", "填报单位：陵川县交通运输局", nil, "", ""},
		{"a.xlsx", "城镇老旧小区改造项目台账", "", nil, "", ""},
		{"a.xlsx", "", "", known, "", ""},
	} {
		l := &Ledger{File: tt.file, Title: tt.title, Filler: tt.filler}
		town, source := InferTown(l, tt.known)
		if town != tt.town || source != tt.source {
			t.Errorf("InferTown(%q, %q, %q) = %q, %q; want %q, %q", tt.file, tt.title, tt.filler, town, source, tt.town, tt.source)
		}
	}
}
