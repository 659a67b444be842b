package rules

import (
	"fmt"
	"strings"

	"gongjian/ledger"
)

// A field the rules need and the ledger lacks is named exactly, with the headers of
// the ledger that came closest to it, so a clerk sees at once whether the column is
// missing or only called something the tool does not know (then columns: in a rules
// file teaches it the name).

// closestMax is how many near headers a message names.
const closestMax = 2

// closest is "（最接近的表头：H列“截至本月完成额”，可在规则文件 columns: 中加上这个列名）",
// or "" when no unused header is close to any name of the fields.
func (e *evaluation) closest(fs ...ledger.Field) string {
	var names []string
	seen := map[int]bool{}
	for _, f := range fs {
		for _, c := range e.l.Closest(f, closestMax) {
			if !seen[c.Index] && len(names) < closestMax {
				seen[c.Index] = true
				names = append(names, fmt.Sprintf("%s列“%s”", c.Letter, oneLineHeader(c.Header)))
			}
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "（最接近的表头：" + strings.Join(names, "、") + "；如果是这一列，可在规则文件 columns: 中加上这个列名）"
}

// missingInvestment says which of the two columns 投资完成率 needs the ledger lacks.
func (e *evaluation) missingInvestment() string {
	plan, done := e.has(ledger.FieldPlan), e.hasDone()
	switch {
	case !plan && !done:
		return "台账没有年度计划投资列和本年完成投资列" + e.closest(ledger.FieldPlan, ledger.FieldDone)
	case !plan:
		return "台账没有年度计划投资列" + e.closest(ledger.FieldPlan)
	case !done:
		return "台账没有本年完成投资列（如“1-5月完成投资”）" + e.closest(ledger.FieldDone)
	}
	return "台账的年度计划投资和本年完成投资列都没有可用的数字"
}

// oneLineHeader is a header with its line breaks and spaces taken out, for a message.
func oneLineHeader(h string) string { return strings.Join(strings.Fields(h), "") }
