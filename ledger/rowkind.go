package ledger

import (
	"regexp"
	"strings"
	"unicode/utf8"
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
	// sectionNumber is a section's number alone in the 序号 column: "一", "（二）".
	sectionNumber = regexp.MustCompile(`^(?:[一二三四五六七八九十]+|[(（][一二三四五六七八九十]+[)）])$`)
	sectionCount  = regexp.MustCompile(`[(（:：]?\s*(?:共|计)?\s*\d+\s*(?:个|项)(?:项目)?\s*[)）]?\s*$`)
)

// section is what a section row says.
type section struct {
	text     string // as written
	level    int    // 1 for "一、", 2 for "（一）"
	nature   string // 新建/续建/终止, when the section names one
	category string // otherwise: "工业", "招商引资"
	grade    string // or a 项目级别: "省重点", "市重点"
}

// gradeWords are the 项目级别 a section of a key-project table names ("一、省重点项目").
var gradeWords = map[string]string{
	"省重点": "省重点", "省级重点": "省重点", "省重大": "省重点", "省级重大": "省重点",
	"市重点": "市重点", "市级重点": "市重点", "市重大": "市重点", "市级重大": "市重点",
	"县重点": "县重点", "县级重点": "县重点", "县重大": "县重点", "县级重大": "县重点",
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
	s.nature = natureIn(body)
	if s.nature == "" {
		if plain && s.level == 1 && !sectionLevel1.MatchString(text) {
			return section{}, false
		}
		c := strings.TrimSuffix(body, "项目")
		c = strings.TrimSuffix(c, "类")
		if g, ok := gradeWords[strings.TrimSuffix(strings.TrimSpace(c), "建设")]; ok {
			s.grade = g
			return s, true
		}
		s.category = strings.TrimSpace(c)
		if s.category == "" {
			return section{}, false
		}
	}
	return s, true
}

// The 建设性质 values the reader folds every way of writing them into.
const (
	NatureNew        = "新建"
	NatureContinuing = "续建"
	NatureTerminated = "终止"
	// NatureReserve is a 预备/储备/前期 project: listed in the ledger, not expected to
	// start this year, so left out of the start rates.
	NatureReserve = "预备"
)

// natureWords are the ways published 通报 and system exports write 建设性质.
var natureWords = map[string]string{
	"新建": NatureNew, "新开工": NatureNew, "新建项目": NatureNew, "新开工项目": NatureNew, "新": NatureNew,
	"新建(新开工)": NatureNew, "计划新开工": NatureNew, "计划新开工项目": NatureNew, "拟新开工": NatureNew, "新建(计划新开工)": NatureNew,
	"续建": NatureContinuing, "复工": NatureContinuing, "续建项目": NatureContinuing, "续": NatureContinuing,
	"续建(复工)": NatureContinuing, "续建项目(复工)": NatureContinuing, "在建": NatureContinuing, "在建项目": NatureContinuing,
	"续建(在建)": NatureContinuing, "改扩建续建": NatureContinuing,
	"终止": NatureTerminated, "已终止": NatureTerminated, "停建": NatureTerminated, "终止项目": NatureTerminated,
	"取消": NatureTerminated, "停工终止": NatureTerminated,
	"预备": NatureReserve, "储备": NatureReserve, "前期": NatureReserve, "预备项目": NatureReserve, "储备项目": NatureReserve,
	"前期项目": NatureReserve, "前期工作": NatureReserve, "前期工作项目": NatureReserve, "谋划": NatureReserve, "谋划项目": NatureReserve,
	"预备(前期)": NatureReserve, "重点前期": NatureReserve, "重点前期项目": NatureReserve,
}

// canonicalNature folds the ways 建设性质 is written into 新建, 续建, 终止 or 预备;
// anything else is returned as written, for the rules to reject.
func canonicalNature(s string) string {
	if s == NatureNew || s == NatureContinuing {
		return s // most cells, at no cost
	}
	t := strings.Join(strings.Fields(strings.NewReplacer("（", "(", "）", ")").Replace(s)), "")
	if n, ok := natureWords[t]; ok {
		return n
	}
	return strings.TrimSpace(s)
}

// natureIn is the 建设性质 a section's or a sub-table's title names ("一、续建项目",
// "在建项目（28个）", "三、预备项目"), "" if none.
func natureIn(body string) string {
	if n := canonicalNature(strings.TrimSuffix(body, "项目")); natureWords[n] != "" {
		return n
	}
	switch {
	case strings.Contains(body, "新建") || strings.Contains(body, "新开工"):
		return NatureNew
	case strings.Contains(body, "续建") || strings.Contains(body, "复工") || strings.Contains(body, "在建"):
		return NatureContinuing
	case strings.Contains(body, "预备") || strings.Contains(body, "储备") || strings.Contains(body, "前期"):
		return NatureReserve
	}
	return ""
}

// blockCount is the count a sub-table's title row gives: "（2个）", "总数2个", "共3项".
var blockCount = regexp.MustCompile(`[(（]?\s*(?:总数|共计|共|计|合计)?\s*[:：]?\s*\d+\s*(?:个|项)(?:项目)?\s*[)）]?\s*$`)

// parseBlockTitle reads the title row a sub-table opens with, in a sheet holding one
// block per 类别: "社会事业类项目" (alone, or with "总数2个" beside it), "产业项目（3个）".
// A name alone is a project; a title says 类 or gives a count.
func parseBlockTitle(cells []string) (section, bool) {
	var title string
	counted := false
	n := 0
	for _, v := range cells {
		v = cleanText(v)
		if v == "" {
			continue
		}
		n++
		if blockCount.MatchString(v) && blockCount.ReplaceAllString(v, "") == "" {
			counted = true // "总数2个" in a cell of its own
			continue
		}
		if title != "" {
			return section{}, false
		}
		title = v
	}
	if title == "" || n > 2 || utf8.RuneCountInString(title) > 24 {
		return section{}, false
	}
	if _, ok := totalLabel(title); ok || isNote(title) {
		return section{}, false
	}
	body := title
	if blockCount.MatchString(body) {
		counted = true
		body = strings.TrimSpace(blockCount.ReplaceAllString(body, ""))
	}
	body = strings.TrimSuffix(body, "项目")
	classed := strings.HasSuffix(body, "类")
	if !counted && !classed {
		return section{}, false
	}
	s := section{text: title, level: 1}
	if n := natureIn(body); n != "" {
		s.nature = n
		return s, true
	}
	s.category = strings.TrimSpace(strings.TrimSuffix(body, "类"))
	if s.category == "" || strings.ContainsAny(s.category, "0123456789") {
		return section{}, false
	}
	return s, true
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

// startWords are the words clerks type into a date column instead of a date: the
// 开工状态 they say ("" for one that says none, "续建" under 计划开工时间).
var startWords = map[string]string{
	"已开工": "已开工", "已复工": "已复工", "已开复工": "已开工", "开工": "开工", "复工": "复工", "在建": "在建", "已开工建设": "已开工",
	"未开工": "未开工", "未复工": "未复工", "暂未开工": "未开工", "尚未开工": "未开工", "未开复工": "未开工",
	"续建": "", "续建项目": "", "已竣工": "已竣工",
}

// newIfYes reads a "是否新开工" cell as 建设性质: yes (是, 1, √) is 新建, no (否, 0, ×)
// 续建; anything else is kept for the rules to reject.
func newIfYes(v string) string {
	switch v {
	case "是", "1", "√", "✓", "✔", "Y", "y":
		return NatureNew
	case "否", "0", "×", "✗", "✘", "N", "n":
		return NatureContinuing
	}
	return v
}
