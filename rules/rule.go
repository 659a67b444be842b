package rules

// RuleID is a finding's rule (docs/检查规则.md). The ids are stable: JSON output and
// scripts rely on them; everything a clerk reads (the tables, the CSV, the annotated
// copy) names the rule by its Chinese label.
type RuleID string

const (
	RuleMissingColumn    RuleID = "missing-column"
	RuleMissingValue     RuleID = "missing-value"
	RuleBadNumber        RuleID = "bad-number" // ledger.ProblemBadNumber
	RuleBadDate          RuleID = "bad-date"   // ledger.ProblemBadDate
	RuleBadValue         RuleID = "bad-value"
	RuleNegativeAmount   RuleID = "negative-amount"
	RuleDuplicateProject RuleID = "duplicate-project"
	RuleTotalMismatch    RuleID = "total-mismatch"
	RuleStatusConflict   RuleID = "status-conflict"
	RuleFutureStart      RuleID = "future-start"
	RuleDoneExceedsTotal RuleID = "done-exceeds-total"
	RuleDoneExceedsPlan  RuleID = "done-exceeds-plan"
	RuleMissingStartDate RuleID = "missing-start-date"
	RuleOverdueStart     RuleID = "overdue-start"
	RuleBehindSchedule   RuleID = "behind-schedule"
	RuleTargetMissed     RuleID = "target-missed"
	RuleNotInStats       RuleID = "not-in-stats"
	RuleMissingLeader    RuleID = "missing-leader"
	// A ledger with a header and no project under it: nothing was checked, which a
	// clean result must not be mistaken for.
	RuleNoProjects RuleID = "no-projects"

	// A 融资需求台账's own rules.
	RuleUnknownProject      RuleID = "unknown-project" // a row naming no project of the 开复工台账
	RuleFinancingUnassigned RuleID = "financing-unassigned"
	RuleFundsExceedNeed     RuleID = "funds-exceed-need"
)

// ruleLabels are the rules' names in Chinese.
var ruleLabels = map[RuleID]string{
	RuleMissingColumn:       "缺少列",
	RuleMissingValue:        "缺少数据",
	RuleBadNumber:           "金额有误",
	RuleBadDate:             "日期有误",
	RuleBadValue:            "填写不规范",
	RuleNegativeAmount:      "金额为负",
	RuleDuplicateProject:    "重复项目",
	RuleTotalMismatch:       "合计不符",
	RuleStatusConflict:      "状态矛盾",
	RuleFutureStart:         "开工日期晚于截至日期",
	RuleDoneExceedsTotal:    "完成超总投资",
	RuleDoneExceedsPlan:     "完成超计划",
	RuleMissingStartDate:    "缺少开工日期",
	RuleOverdueStart:        "开工逾期",
	RuleBehindSchedule:      "投资滞后",
	RuleTargetMissed:        "目标未完成",
	RuleNotInStats:          "未入库",
	RuleMissingLeader:       "缺少包联领导",
	RuleNoProjects:          "台账里没有项目",
	RuleUnknownProject:      "项目不在开复工台账",
	RuleFinancingUnassigned: "未对接金融机构",
	RuleFundsExceedNeed:     "放款超需求",
}

// Label is the rule's name in Chinese ("日期有误"); the id itself for an unknown rule.
func (id RuleID) Label() string {
	if l, ok := ruleLabels[id]; ok {
		return l
	}
	return string(id)
}
