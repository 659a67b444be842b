package ledger

import (
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
}

// normalizeHeader drops what varies between ledgers but does not change the meaning:
// spaces and line breaks, a leading "*" marking required columns, full-width forms,
// a unit in brackets ("（亿元）", read into the label), a leading year ("2025年").
func normalizeHeader(s string) headerLabel {
	var b strings.Builder
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case unicode.IsSpace(r), r == '*', r == '※', r == '★':
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
	t := b.String()
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
	// A leading year: "2025年计划投资", "2025年是否开复工".
	if len(t) > 7 && isDigits(t[:4]) && strings.HasPrefix(t[4:], "年") {
		y, _ := strconv.Atoi(t[:4])
		if y >= 2000 && y <= 2100 {
			h.year = y
			t = t[4+len("年"):]
		}
	}
	t = strings.TrimSuffix(t, ":")
	h.text = t
	return h
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

// matchHeader returns the field a normalised header names, and the reporting month
// for "1-N月" and "N月" columns; ok is false for a column the reader keeps but does
// not interpret.
func matchHeader(h headerLabel) (f Field, month int, ok bool) {
	t := h.text
	if t == "" {
		return "", 0, false
	}
	if f, ok := synonyms[t]; ok {
		return f, 0, true
	}
	if f, m, ok := matchMonthHeader(t); ok {
		return f, m, true
	}
	// Drop a bracketed remark ("项目名称(全称)", "开工状态(已开工/未开工)") and try again.
	if i := strings.IndexByte(t, '('); i > 0 {
		if f, ok := synonyms[t[:i]]; ok {
			return f, 0, true
		}
		if f, m, ok := matchMonthHeader(t[:i]); ok {
			return f, m, true
		}
	}
	switch {
	case strings.HasPrefix(t, "项目名称"):
		return FieldName, 0, true
	case strings.HasPrefix(t, "存在") && strings.Contains(t, "问题"):
		return FieldProblems, 0, true
	case strings.HasPrefix(t, "备注"):
		return FieldRemark, 0, true
	}
	return "", 0, false
}

// matchMonthHeader reads the headers that carry a month: "1-5月完成投资",
// "1-5月累计完成", "1至5月份完成投资" (the year to date, field done) and "5月完成投资",
// "5月实际完成投资" (one month, field month_done), "5月形象进度" (progress).
func matchMonthHeader(t string) (Field, int, bool) {
	i := strings.Index(t, "月")
	if i <= 0 {
		return "", 0, false
	}
	head, rest := t[:i], t[i+len("月"):]
	rest = strings.TrimPrefix(rest, "份")
	rest = strings.TrimPrefix(rest, "末")
	rest = strings.TrimPrefix(rest, "底")
	for _, sep := range []string{"-", "至", "到"} {
		if a, b, ok := strings.Cut(head, sep); ok {
			a = strings.TrimSuffix(a, "月")
			if a != "1" || !isDigits(b) {
				return "", 0, false
			}
			m, _ := strconv.Atoi(b)
			if m < 1 || m > 12 {
				return "", 0, false
			}
			if strings.Contains(rest, "完成") || rest == "累计" || rest == "投资" || rest == "累计投资" {
				return FieldDone, m, true
			}
			return "", 0, false
		}
	}
	if !isDigits(head) {
		return "", 0, false
	}
	m, _ := strconv.Atoi(head)
	if m < 1 || m > 12 {
		return "", 0, false
	}
	switch {
	case strings.Contains(rest, "形象进度") || rest == "进展" || rest == "进展情况":
		return FieldProgress, m, true
	case strings.Contains(rest, "完成"):
		if strings.Contains(rest, "累计") {
			// "5月累计完成投资" is the year to date at May.
			return FieldDone, m, true
		}
		return FieldMonthDone, m, true
	}
	return "", 0, false
}
