package wording

import (
	"strconv"
	"strings"

	"gongjian/rules"
)

// A finding as a clerk looks for it: where it is in the sheet, and what it is about.
// A finding with no cell of its own says what it concerns instead of a bare row
// number: the header, the whole table, a group.

// Place is where a finding is: its cell ("F16"); the row of a finding on a project
// with no single cell ("第16行"); "表头" for a column the header lacks; "全表" for
// what concerns the whole ledger or a group of its projects.
func Place(f rules.Finding) string {
	switch {
	case f.Cell != "":
		return f.Cell
	case f.Rule == rules.RuleMissingColumn:
		return "表头"
	case f.Project != "" && f.Row > 0 && f.Group == "":
		return "第" + strconv.Itoa(f.Row) + "行"
	}
	return "全表"
}

// Subject is what a finding is about: the group whose target it is ("责任单位：县教育局"),
// else the project's name, else the 合计 row, the whole ledger's target (全部项目) or
// the column the header lacks ("是否入库列"); "" for what Place already says (全表).
func Subject(f rules.Finding) string {
	switch {
	case f.Group != "":
		return GroupName(f.Group)
	case f.Project != "":
		return f.Project
	case f.Rule == rules.RuleTotalMismatch:
		return "合计行"
	case f.Rule == rules.RuleTargetMissed:
		return "全部项目" // the whole ledger's target
	case f.Rule == rules.RuleMissingColumn && f.Field != "":
		return f.Field.Label() + "列"
	}
	return ""
}

// GroupName is a finding's group as a clerk reads it: "责任单位：县教育局" for the
// "责任单位:县教育局" the JSON keeps.
func GroupName(group string) string {
	return strings.Replace(group, ":", "：", 1)
}
