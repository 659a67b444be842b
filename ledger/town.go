package ledger

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// A 乡镇's ledger often has no 所在乡镇 column: every project is the 乡镇's own, and
// the 乡镇 is named only above the table, in the title ("礼义镇2025年重点项目开复工
// 台账") or the 填报单位 line ("报送单位：礼义镇人民政府"). Merging the 乡镇 ledgers
// into one county ledger needs it written into each row.

// Where InferTown found the 乡镇.
const (
	TownFromFiller = "filler" // the 填报单位 line
	TownFromTitle  = "title"  // the title row
	TownFromFile   = "file"   // the file's name
)

var (
	// fillerLabelRe is the label of a 填报单位 line, up to its colon.
	fillerLabelRe = regexp.MustCompile(`^(?:填报单位|报送单位|填表单位|上报单位)\s*[:：]?\s*`)
	// townYearRe and townDateRe are the year and the date a title carries, taken out
	// before looking for the 乡镇 ("2025年礼义镇…" must not give "年礼义镇").
	townYearRe = regexp.MustCompile(`(?:19|20)\d\d\s*年(?:度)?`)
	townDateRe = regexp.MustCompile(`[(（][^)）]*[)）]`)
	// townRe is a 乡镇's name at the start of a text, after an optional city and county
	// ("陵川县礼义镇人民政府" → 礼义镇): a few Chinese characters ending in 镇, 乡 or 街道.
	townRe = regexp.MustCompile(`^(?:\p{Han}{1,6}?[县市区旗]){0,2}(\p{Han}{1,6}?(?:镇|乡|街道))`)
)

// notTowns end like a 乡镇's name but are not one ("XX县乡镇项目台账", "城镇老旧小区").
var notTowns = map[string]bool{"乡镇": true, "城镇": true, "村镇": true, "集镇": true, "城乡": true, "重点镇": true, "各乡镇": true}

// InferTown names the 乡镇 a ledger belongs to, from its 填报单位 line, else its title,
// else the file's name; source says which (TownFromFiller, TownFromTitle,
// TownFromFile), and both are "" when none names a 乡镇. known is the county's list
// of 乡镇 (the rules' towns): a name from it found in the text wins, longest first, so
// that "礼义镇人民政府" gives 礼义镇 whatever the wording; without one, a name ending
// in 镇, 乡 or 街道 at the start of the text is taken.
func InferTown(l *Ledger, known []string) (town, source string) {
	file := strings.TrimSuffix(filepath.Base(l.File), filepath.Ext(l.File))
	texts := []struct{ text, source string }{
		{fillerLabelRe.ReplaceAllString(strings.TrimSpace(l.Filler), ""), TownFromFiller},
		{l.Title, TownFromTitle},
		{file, TownFromFile},
	}
	byLength := append([]string(nil), known...)
	sort.SliceStable(byLength, func(i, j int) bool { return len(byLength[i]) > len(byLength[j]) })
	for _, t := range texts {
		for _, k := range byLength {
			if k = strings.TrimSpace(k); k != "" && strings.Contains(t.text, k) {
				return k, t.source
			}
		}
	}
	for _, t := range texts {
		if name := townIn(t.text); name != "" {
			return name, t.source
		}
	}
	return "", ""
}

// townIn finds a 乡镇's name at the start of a title or a unit's name.
func townIn(s string) string {
	s = townDateRe.ReplaceAllString(s, "")
	s = townYearRe.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), "")
	s = strings.TrimPrefix(s, "关于")
	m := townRe.FindStringSubmatch(s)
	if m == nil || notTowns[m[1]] {
		return ""
	}
	return m[1]
}
