package ledger

import (
	"regexp"
	"strings"
)

// Rows below the header that are not projects: totals, sections, notes, and the
// helper rows some forms put under the header (column numbers, units).

var totalPrefixes = []string{"合计", "总计", "小计", "共计"}

// totalLabel reports whether a row's label marks a 合计/小计 row and which.
func totalLabel(text string) (string, bool) {
	t := strings.Join(strings.Fields(text), "")
	for _, p := range totalPrefixes {
		if strings.HasPrefix(t, p) {
			return p, true
		}
	}
	// "全县合计", "续建项目小计"
	if len([]rune(t)) <= 12 {
		for _, p := range totalPrefixes {
			if strings.HasSuffix(t, p) {
				return p, true
			}
		}
	}
	return "", false
}

var notePrefixes = []string{"注:", "注：", "注1", "注 ", "说明:", "说明：", "备注:", "备注：", "填报人", "填表人", "审核人", "制表人", "制表", "负责人", "联系人:", "联系人：", "联系电话", "填报日期", "填报时间", "报送时间", "单位负责人", "分管领导:", "分管领导："}

// isNote reports whether text starts a note under the table ("注：…", "填报人：…").
func isNote(text string) bool {
	if text == "注" {
		return true
	}
	for _, p := range notePrefixes {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	return false
}

var (
	sectionLevel1 = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+\s*[、.．,，]|第[一二三四五六七八九十]+(?:部分|类|批)[、:：\s]?)`)
	sectionLevel2 = regexp.MustCompile(`^\s*[(（][一二三四五六七八九十]+[)）]\s*[、.．]?`)
	sectionCount  = regexp.MustCompile(`[(（:：]?\s*(?:共|计)?\s*\d+\s*(?:个|项)(?:项目)?\s*[)）]?\s*$`)
)

// section is what a section row says.
type section struct {
	text     string // as written
	level    int    // 1 for "一、", 2 for "（一）"
	nature   string // 新建/续建/终止, when the section names one
	category string // otherwise: "工业", "招商引资"
}

// parseSection reads a section row's text ("一、续建项目（21个）", "（二）工业项目").
// plain allows text with no numbering ("续建项目（21个）") when it names a nature.
func parseSection(text string, plain bool) (section, bool) {
	text = cleanText(text)
	s := section{text: text}
	var body string
	switch {
	case sectionLevel1.MatchString(text):
		s.level = 1
		body = sectionLevel1.ReplaceAllString(text, "")
	case sectionLevel2.MatchString(text):
		s.level = 2
		body = sectionLevel2.ReplaceAllString(text, "")
	case plain:
		s.level = 1
		body = text
	default:
		return section{}, false
	}
	body = strings.TrimSpace(sectionCount.ReplaceAllString(body, ""))
	if n := canonicalNature(strings.TrimSuffix(body, "项目")); n == "新建" || n == "续建" || n == "终止" {
		s.nature = n
	} else if strings.Contains(body, "新建") || strings.Contains(body, "新开工") {
		s.nature = "新建"
	} else if strings.Contains(body, "续建") || strings.Contains(body, "复工") {
		s.nature = "续建"
	}
	if s.nature == "" {
		if plain && s.level == 1 && !sectionLevel1.MatchString(text) {
			return section{}, false
		}
		c := strings.TrimSuffix(body, "项目")
		c = strings.TrimSuffix(c, "类")
		s.category = strings.TrimSpace(c)
		if s.category == "" {
			return section{}, false
		}
	}
	return s, true
}

// canonicalNature folds the ways 建设性质 is written into 新建, 续建 or 终止; anything
// else is returned as written, for the rules to reject.
func canonicalNature(s string) string {
	t := strings.Join(strings.Fields(s), "")
	switch t {
	case "新建", "新开工", "新建项目", "新开工项目", "新", "新建(新开工)":
		return "新建"
	case "续建", "复工", "续建项目", "续", "续建(复工)", "续建项目(复工)":
		return "续建"
	case "终止", "已终止", "停建", "终止项目", "取消", "停工终止":
		return "终止"
	}
	return strings.TrimSpace(s)
}

// isColumnNumberRow reports whether the non-empty cells are 1, 2, 3… in order: the
// column numbers some forms print under the header.
func isColumnNumberRow(cells []string) bool {
	want, n := 1, 0
	for _, v := range cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if v != itoa(want) {
			return false
		}
		want++
		n++
	}
	return n >= 3
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// unitRowUnits reads a row under the header that gives units per column
// ("万元", "（亿元）", "年.月"); ok is false when any cell is something else.
func unitRowUnits(cells []string) (map[int]Unit, bool) {
	units := map[int]Unit{}
	n := 0
	for c, v := range cells {
		t := strings.Trim(strings.Join(strings.Fields(v), ""), "()（）")
		switch t {
		case "":
			continue
		case "万元":
			units[c] = UnitWan
		case "亿元":
			units[c] = UnitYi
		case "元":
			units[c] = UnitYuan
		case "年.月", "年月", "年月日", "年.月.日", "个", "%", "是/否", "年":
		default:
			return nil, false
		}
		n++
	}
	return units, n >= 2
}
