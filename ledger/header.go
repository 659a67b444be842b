package ledger

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// headerLabel is what a header cell says once normalised.
type headerLabel struct {
	text    string // normalised, unit and year removed
	unit    Unit
	hasUnit bool
	year    int // "2025年计划投资" → 2025
	// before is the text with its leading year kept ("2024年底累计完成投资"), for the
	// headers whose year says what the column is.
	before string
}

// normalizeHeader drops what varies between ledgers but does not change the meaning:
// spaces and line breaks, a leading "*" marking required columns, full-width forms,
// a unit in brackets ("（亿元）", read into the label), a leading year ("2025年"), a
// bracket left unclosed or unopened ("当月调度投资）").
func normalizeHeader(s string) headerLabel {
	var b strings.Builder
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), r == '*', r == '※', r == '★':
			continue
		case r == '【' || r == '〔' || r == '[':
			r = '('
		case r == '】' || r == '〕' || r == ']':
			r = ')'
		case r == '—' || r == '–' || r == '－' || r == '~' || r == '〜' || r == '～':
			r = '-'
		case r == '：':
			r = ':'
		case r == '、' || r == '／' || r == '\\':
			r = '/'
		}
		b.WriteRune(r)
	}
	t := balanceBrackets(b.String())
	var h headerLabel
	// A unit in brackets anywhere, or written plainly at the end ("总投资万元").
	for _, u := range []struct {
		text string
		unit Unit
	}{{"亿元", UnitYi}, {"万元", UnitWan}, {"元", UnitYuan}} {
		for _, form := range []string{"(单位:" + u.text + ")", "(" + u.text + ")", "单位:" + u.text, "/" + u.text} {
			if strings.Contains(t, form) {
				t = strings.Replace(t, form, "", 1)
				h.unit, h.hasUnit = u.unit, true
			}
		}
		if h.hasUnit {
			break
		}
		if u.unit != UnitYuan && strings.HasSuffix(t, u.text) && len(t) > len(u.text) {
			t = strings.TrimSuffix(t, u.text)
			h.unit, h.hasUnit = u.unit, true
			break
		}
	}
	t = strings.TrimSuffix(t, ":")
	// "其中：今年计划投资" is a column of its own under a total.
	if rest, ok := strings.CutPrefix(t, "其中"); ok && rest != "" {
		t = strings.TrimPrefix(rest, ":")
	}
	h.before = t
	// A leading year: "2025年计划投资", "2025年是否开复工".
	if len(t) > 7 && isDigits(t[:4]) && strings.HasPrefix(t[4:], "年") {
		y, _ := strconv.Atoi(t[:4])
		if y >= 2000 && y <= 2100 {
			h.year = y
			t = t[4+len("年"):]
			if strings.HasPrefix(t, "度") {
				t = "年" + t // "2023年度计划投资" is the 年度计划投资 of 2023
			}
		}
	}
	h.text = t
	return h
}

// balanceBrackets drops a closing bracket that closes nothing and an opening one
// never closed: a stray "）" left by an edit must not hide the header's name.
func balanceBrackets(t string) string {
	if !strings.ContainsAny(t, "()") {
		return t
	}
	runes := []rune(t)
	keep := make([]bool, len(runes))
	var open []int
	for i, r := range runes {
		switch r {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) == 0 {
				continue
			}
			keep[open[len(open)-1]] = true
			open = open[:len(open)-1]
			keep[i] = true
			continue
		default:
			keep[i] = true
		}
	}
	var b strings.Builder
	for i, r := range runes {
		if keep[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// match is what a header cell was recognised as.
type match struct {
	field Field
	month int  // the month of "1-N月" and "N月" columns
	rank  int  // how surely (rankUser … rankLoose)
	ytd   bool // a "1-N月" column, one of a year-to-date series
	year  int  // the year a "至2023年底累计完成投资" column names
	// sinceStart: "截至目前累计完成投资" is this year's 完成投资 when it is the only
	// one, and the project's since it began beside a "本年累计完成投资".
	sinceStart bool
	// newIfYes: a "是否新开工" column, whose 是 is 新建 and 否 续建.
	newIfYes bool
}

// fieldMonthPlan is a "N月计划投资" column: one month's plan, which the reader uses
// only as the first of a "1-N月计划投资" series ("1月计划投资").
const fieldMonthPlan Field = "month_plan"

// matcher recognises header cells: a rules file's own names first, then the built-in
// synonyms and the month forms.
type matcher struct {
	user map[string]Field // normalised header → field
}

// newMatcher makes a matcher with the county's extra names for each field.
func newMatcher(extra map[Field][]string) *matcher {
	m := &matcher{}
	for f, names := range extra {
		for _, n := range names {
			if t := normalizeHeader(n).text; t != "" {
				if m.user == nil {
					m.user = map[string]Field{}
				}
				m.user[t] = f
			}
		}
	}
	return m
}

var builtinMatcher = &matcher{}

// matchHeader returns the field a normalised header names, and the reporting month
// for "1-N月" and "N月" columns; ok is false for a column the reader keeps but does
// not interpret.
func matchHeader(h headerLabel) (f Field, month int, ok bool) {
	m, ok := builtinMatcher.match(h)
	if !ok || m.field == fieldMonthPlan {
		return "", 0, false
	}
	return m.field, m.month, true
}

func (mt *matcher) match(h headerLabel) (match, bool) {
	t := h.text
	if t == "" {
		return match{}, false
	}
	if f, ok := mt.user[t]; ok {
		return match{field: f, rank: rankUser}, true
	}
	if f, ok := mt.user[h.before]; ok {
		return match{field: f, rank: rankUser}, true
	}
	if m, ok := doneBeforeHeader(h); ok {
		return m, true
	}
	if s, ok := synonyms[t]; ok {
		return match{field: s.field, rank: s.rank}, true
	}
	if newStartRe.MatchString(t) {
		// A 建设性质 column beside it is surer.
		return match{field: FieldNature, rank: rankSecondary, newIfYes: true}, true
	}
	if m, ok := matchMonthHeader(t); ok {
		return m, true
	}
	// An amount's name with 额, 合计 or 总额 after it: "年初至今累计完成投资额",
	// "本年累计完成投资合计".
	if short := trimAmountSuffix(t); short != t {
		if s, ok := synonyms[short]; ok {
			return match{field: s.field, rank: s.rank}, true
		}
		if m, ok := asOfDoneHeader(short); ok {
			return m, true
		}
	}
	if i := strings.IndexByte(t, '('); i > 0 {
		if strings.HasSuffix(t, ")") && strings.IndexByte(t[i:], ')') == len(t)-i-1 {
			// Drop a bracketed remark at the end ("项目名称(全称)", "开工状态(已开工/未开工)")
			// and try again.
			head := t[:i]
			if f, ok := mt.user[head]; ok {
				return match{field: f, rank: rankUser}, true
			}
			if s, ok := synonyms[head]; ok {
				return match{field: s.field, rank: max(s.rank, rankExact)}, true
			}
			if m, ok := matchMonthHeader(head); ok {
				return m, true
			}
		} else {
			// A bracket inside the name is part of it: "项目(法人)单位" is 项目法人单位,
			// never the 项目 its first word alone would name.
			for _, n := range []string{strings.NewReplacer("(", "", ")", "").Replace(t), dropBracketed(t)} {
				if s, ok := synonyms[n]; ok {
					return match{field: s.field, rank: max(s.rank, rankExact)}, true
				}
			}
		}
	}
	// Two names for one column: "计划开工年月/拟开工日期".
	if strings.Contains(t, "/") {
		var f Field
		for part := range strings.SplitSeq(t, "/") {
			s, ok := synonyms[part]
			if !ok || f != "" && s.field != f {
				f = ""
				break
			}
			f = s.field
		}
		if f != "" {
			return match{field: f, rank: rankExact}, true
		}
	}
	if m, ok := asOfDoneHeader(t); ok {
		return m, true
	}
	return looseMatch(t)
}

// newStartRe is a column saying by 是/否 whether a project is new this year: "是否新开工",
// "是否2026年新开工", "是否当年新开工项目".
var newStartRe = regexp.MustCompile(`^是否(?:为)?(?:(?:19|20)\d\d年度?|当年|本年|今年)?(?:为)?新开工(?:项目)?(?:\(是/否\))?$`)

// trimAmountSuffix drops the 额, 合计 or 总额 some forms write after an amount's name.
func trimAmountSuffix(t string) string {
	for _, suf := range []string{"合计", "总额", "额"} {
		if rest, ok := strings.CutSuffix(t, suf); ok && strings.HasSuffix(rest, "投资") {
			return rest
		}
	}
	return t
}

// looseMatch is the last try, by the words a header starts with or holds: "项目名称及
// 代码", "存在的主要问题", "县级包抓领导（职务）", "总投资额（含征地）". A header saying a
// rate (率, 比例, %) is none of these fields.
func looseMatch(t string) (match, bool) {
	if strings.ContainsAny(t, "率%") || strings.Contains(t, "比例") {
		return match{}, false
	}
	loose := func(f Field) (match, bool) { return match{field: f, rank: rankLoose}, true }
	switch {
	case strings.HasPrefix(t, "项目名称"), strings.HasPrefix(t, "建设项目名称"):
		// "建设项目名称及建设起止年月"
		return loose(FieldName)
	case strings.HasPrefix(t, "存在") && strings.Contains(t, "问题"):
		return loose(FieldProblems)
	case strings.HasPrefix(t, "备注"):
		return loose(FieldRemark)
	case strings.Contains(t, "领导") && !strings.ContainsAny(t, "单位电话") && !strings.Contains(t, "小组") &&
		!strings.HasSuffix(t, "职务") && !strings.HasSuffix(t, "职位"):
		// "包保责任领导职务" beside "包保责任领导姓名" holds posts, not people.
		return loose(FieldLeader)
	case strings.HasPrefix(t, "责任单位") || strings.HasPrefix(t, "牵头单位"):
		return loose(FieldUnit)
	case strings.HasPrefix(t, "建设性质"):
		return loose(FieldNature)
	case strings.HasPrefix(t, "总投资") && !strings.Contains(t, "完成"):
		return loose(FieldTotal)
	case strings.HasPrefix(t, "计划开工") || strings.HasPrefix(t, "计划开复工"):
		return loose(FieldPlanStart)
	case strings.HasPrefix(t, "实际开工") || strings.HasPrefix(t, "实际开复工"):
		return loose(FieldActualStart)
	case strings.HasSuffix(t, "形象进度") && (strings.Contains(t, "计划") || strings.Contains(t, "目标") || strings.Contains(t, "应达")):
		// "2012年底工程应达形象进度": where the project should be, not where it is.
		return loose(FieldPlanProgress)
	case strings.HasSuffix(t, "形象进度"):
		return loose(FieldProgress)
	}
	return match{}, false
}

// asOfDoneRe is this year's investment done up to a date: "截至5月底完成投资", "截止
// 2025年6月累计完成投资", "截至目前完成投资".
var asOfDoneRe = regexp.MustCompile(`^截[至止]到?(?:(?:20\d\d)年)?(?:(\d{1,2})月(?:底|末|份)?|目前|本月|当前)(?:累计)?(?:已)?完成(?:投资)?(?:额)?$`)

func asOfDoneHeader(t string) (match, bool) {
	m := asOfDoneRe.FindStringSubmatch(t)
	if m == nil {
		return match{}, false
	}
	mm := match{field: FieldDone, rank: rankExact}
	if m[1] != "" {
		mo, _ := strconv.Atoi(m[1])
		if mo < 1 || mo > 12 {
			return match{}, false
		}
		mm.month, mm.ytd = mo, true
	} else {
		mm.sinceStart = strings.Contains(t, "累计")
	}
	return mm, true
}

// doneBeforeRe reads what was done before this year when the header names the year:
// "至2011年已累计完成投资", "到2023年底累计完成投资", "2024年底累计完成投资",
// "截至2024年末累计完成投资".
var doneBeforeRe = regexp.MustCompile(`^(?:截至|截止|至|到)?((?:19|20)\d\d)年(?:底|末|度)?(?:已|共)?累计(?:已)?完成(?:投资)?(?:额)?$`)

func doneBeforeHeader(h headerLabel) (match, bool) {
	m := doneBeforeRe.FindStringSubmatch(h.before)
	if m == nil {
		return match{}, false
	}
	y, _ := strconv.Atoi(m[1])
	return match{field: FieldDoneBefore, rank: rankExact, year: y}, true
}

// matchMonthHeader reads the headers that carry a month: "1-5月完成投资",
// "1-5月累计完成", "1至5月份完成投资" (the year to date, field done), "1-5月计划投资"
// (the plan to date), "5月完成投资", "5月实际完成投资" (one month, field month_done),
// "5月形象进度", "5月进度" (progress), "5月计划投资" (one month's plan).
func matchMonthHeader(t string) (match, bool) {
	i := strings.Index(t, "月")
	if i <= 0 {
		return match{}, false
	}
	head, rest := t[:i], t[i+len("月"):]
	if strings.ContainsAny(rest, "率%占") || strings.Contains(rest, "比例") {
		return match{}, false // "1-5月占年计划%": a rate, not an amount
	}
	rest = strings.TrimPrefix(rest, "份")
	rest = strings.TrimPrefix(rest, "末")
	rest = strings.TrimPrefix(rest, "底")
	for _, sep := range []string{"-", "至", "到"} {
		if a, b, ok := strings.Cut(head, sep); ok {
			a = strings.TrimSuffix(a, "月")
			if a != "1" && a != "01" || !isDigits(b) {
				return match{}, false
			}
			m, _ := strconv.Atoi(b)
			if m < 1 || m > 12 {
				return match{}, false
			}
			switch {
			case strings.Contains(rest, "计划"):
				return match{field: FieldPlanToDate, month: m, rank: rankExact, ytd: true}, true
			case strings.Contains(rest, "完成") || rest == "累计" || rest == "投资" || rest == "累计投资":
				return match{field: FieldDone, month: m, rank: rankExact, ytd: true}, true
			}
			return match{}, false
		}
	}
	if !isDigits(head) {
		return match{}, false
	}
	m, _ := strconv.Atoi(head)
	if m < 1 || m > 12 {
		return match{}, false
	}
	switch {
	case strings.Contains(rest, "形象进度") || rest == "进展" || rest == "进展情况" || rest == "进度" || rest == "工程进度":
		return match{field: FieldProgress, month: m, rank: rankExact}, true
	case strings.Contains(rest, "计划"):
		return match{field: fieldMonthPlan, month: m, rank: rankExact}, true
	case strings.Contains(rest, "完成") || rest == "调度投资" || rest == "投资":
		if strings.Contains(rest, "累计") {
			// "5月累计完成投资" is the year to date at May.
			return match{field: FieldDone, month: m, rank: rankExact, ytd: true}, true
		}
		return match{field: FieldMonthDone, month: m, rank: rankExact}, true
	}
	return match{}, false
}
