package report

import (
	"regexp"
	"strings"

	"gongjian/ledger"
)

// Whose projects the 通报 is about: the county, district or 乡镇 the ledger's title
// names ("陵川县2025年重点项目开复工台账" → 陵川县), else its 填报单位 line
// ("报送单位：礼义镇人民政府" → 礼义镇), else 全县, as a county's own 通报 says.

var (
	// placeYearRe and placeBracketRe are the year and a bracketed remark a title
	// carries, taken out first ("2025年陵川县…", "（截至5月底）").
	placeYearRe    = regexp.MustCompile(`(?:19|20)\d\d\s*年(?:度)?`)
	placeBracketRe = regexp.MustCompile(`[(（][^)）]*[)）]`)
	// placeLabelRe is the label of a 填报单位 line, up to its colon.
	placeLabelRe = regexp.MustCompile(`^(?:填报单位|报送单位|填表单位|上报单位)\s*[:：]?\s*`)
	// placeRe is a place at the start of a text, after an optional city: a few Chinese
	// characters ending in 县, 区, 旗, 镇, 乡, 街道 or 办事处 (办 for short: "龙泉办")
	// ("晋城市陵川县" → 陵川县); a template's "XX县" is one too.
	placeRe = regexp.MustCompile(`^(?:\p{Han}{1,6}?市)?((?:\p{Han}|[Xx×]){1,6}?(?:县|区|旗|镇|乡|街道|办事处|办))`)
	// cityRe is a city alone at the start of a text: a city's own ledger ("江城市2025年
	// 省市重点项目…").
	cityRe = regexp.MustCompile(`^((?:\p{Han}|[Xx×]){1,6}?市)`)
)

// notPlaces end like a place but name none of their own.
var notPlaces = map[string]bool{
	"全县": true, "全区": true, "全旗": true, "全镇": true, "全乡": true, "乡镇": true, "城镇": true,
	"村镇": true, "集镇": true, "各乡镇": true, "示范区": true, "开发区": true, "园区": true, "城区": true,
	"全市": true, "省市": true, "城市": true, "各市": true, "县市": true,
}

// noticePlace names the ledger's county, district or 乡镇, or 全县.
func noticePlace(l *ledger.Ledger) string {
	for _, text := range []string{l.Title, placeLabelRe.ReplaceAllString(strings.TrimSpace(l.Filler), "")} {
		if p := placeIn(text); p != "" {
			return p
		}
	}
	return "全县"
}

// placeIn finds a place's name at the start of a title or a unit's name; "" for none.
func placeIn(s string) string {
	s = placeBracketRe.ReplaceAllString(s, "")
	s = placeYearRe.ReplaceAllString(s, "")
	s = strings.TrimPrefix(strings.Join(strings.Fields(s), ""), "关于")
	m := placeRe.FindStringSubmatch(s)
	if m == nil {
		m = cityRe.FindStringSubmatch(s)
	}
	if m == nil || notPlaces[m[1]] || strings.Contains(m[1], "项目") {
		return ""
	}
	return m[1]
}
