package ledger

import "strings"

// Field is the logical id of a ledger column, as used in code and JSON ("plan", "actual_start").
type Field string

// The fields of both ledger kinds. docs/台账字段.md lists them with the header names the
// reader knows (its table is written from synonyms.go).
const (
	FieldSeq          Field = "seq"
	FieldCode         Field = "code"
	FieldName         Field = "name"
	FieldOwner        Field = "owner"
	FieldTown         Field = "town"
	FieldNature       Field = "nature"
	FieldContent      Field = "content"
	FieldPeriod       Field = "period"
	FieldCategory     Field = "category"
	FieldLevel        Field = "level"
	FieldUnit         Field = "unit"
	FieldLeader       Field = "leader"
	FieldTotal        Field = "total"
	FieldPlan         Field = "plan"
	FieldDone         Field = "done"
	FieldMonthDone    Field = "month_done"
	FieldCumDone      Field = "cum_done"
	FieldPlanStart    Field = "plan_start"
	FieldActualStart  Field = "actual_start"
	FieldStartEither  Field = "start_either" // one column "开工/计划开工时间" holding either
	FieldStatus       Field = "status"
	FieldStats        Field = "stats"
	FieldProblems     Field = "problems"
	FieldPlanProgress Field = "plan_progress"
	FieldFunding      Field = "funding"
	FieldProgress     Field = "progress"
	FieldRemark       Field = "remark"
	// FieldDoneBefore is what was done before this year ("截至上一年底累计完成投资"):
	// with this year's, it may not exceed 总投资.
	FieldDoneBefore Field = "done_before"
	// FieldPlanToDate is the plan up to the ledger's month ("1-6月计划投资"), against
	// which a project is judged behind schedule instead of n/12.
	FieldPlanToDate Field = "plan_to_date"
	// FieldYear is a column giving each project's year ("年度", "项目年份"): the
	// ledger's year when nothing above the table says it.
	FieldYear Field = "year"
	// FieldReportMonth is a column giving the month each row reports ("填报月份",
	// "录入月份": "2022-06"), as systems export a month's records: the ledger's month
	// when no header or title says it.
	FieldReportMonth Field = "report_month"

	// 融资需求台账
	FieldNeed       Field = "need"
	FieldMethod     Field = "method"
	FieldBank       Field = "bank"
	FieldDockStatus Field = "dock_status"
	FieldCredit     Field = "credit"
	FieldSigned     Field = "signed"
	FieldDisbursed  Field = "disbursed"
	FieldDockDate   Field = "dock_date"
	FieldContact    Field = "contact"
	FieldPhone      Field = "phone"
)

// ValueType says how a field's cells are read.
type ValueType int

const (
	TypeText ValueType = iota
	TypeAmount
	TypeDate
)

// fieldInfo is what the reader knows about a field beyond its header synonyms.
type fieldInfo struct {
	Label string    // the canonical Chinese header
	Type  ValueType // how its cells are read
	// Inherit: a value merged down over several rows belongs to each of them
	// (a 乡镇 or 责任单位 merged over its projects); names and amounts are not inherited,
	// since copying them would invent duplicates and double sums.
	Inherit bool
}

var fields = map[Field]fieldInfo{
	FieldSeq:          {"序号", TypeText, false},
	FieldCode:         {"项目代码", TypeText, false},
	FieldName:         {"项目名称", TypeText, false},
	FieldOwner:        {"建设单位", TypeText, true},
	FieldTown:         {"所在乡镇", TypeText, true},
	FieldNature:       {"建设性质", TypeText, true},
	FieldContent:      {"建设规模及内容", TypeText, false},
	FieldPeriod:       {"建设起止年限", TypeText, false},
	FieldCategory:     {"项目类别", TypeText, true},
	FieldLevel:        {"项目级别", TypeText, true},
	FieldUnit:         {"责任单位", TypeText, true},
	FieldLeader:       {"包联领导", TypeText, true},
	FieldTotal:        {"总投资", TypeAmount, false},
	FieldPlan:         {"年度计划投资", TypeAmount, false},
	FieldDone:         {"本年完成投资", TypeAmount, false},
	FieldMonthDone:    {"本月完成投资", TypeAmount, false},
	FieldCumDone:      {"累计完成投资", TypeAmount, false},
	FieldPlanStart:    {"计划开工时间", TypeDate, false},
	FieldActualStart:  {"实际开工时间", TypeDate, false},
	FieldStartEither:  {"开工/计划开工时间", TypeDate, false},
	FieldStatus:       {"开工状态", TypeText, false},
	FieldStats:        {"是否入库", TypeText, false},
	FieldProblems:     {"存在问题", TypeText, false},
	FieldPlanProgress: {"年计划形象进度", TypeText, false},
	FieldFunding:      {"资金来源", TypeText, false},
	FieldProgress:     {"形象进度", TypeText, false},
	FieldRemark:       {"备注", TypeText, false},
	FieldDoneBefore:   {"截至上年底累计完成投资", TypeAmount, false},
	FieldPlanToDate:   {"1-N月计划投资", TypeAmount, false},
	FieldYear:         {"年度", TypeText, false},
	FieldReportMonth:  {"填报月份", TypeText, false},
	FieldNeed:         {"融资需求", TypeAmount, false},
	FieldMethod:       {"融资方式", TypeText, false},
	FieldBank:         {"对接金融机构", TypeText, false},
	FieldDockStatus:   {"对接状态", TypeText, false},
	FieldCredit:       {"授信金额", TypeAmount, false},
	FieldSigned:       {"签约金额", TypeAmount, false},
	FieldDisbursed:    {"放款金额", TypeAmount, false},
	FieldDockDate:     {"对接时间", TypeDate, false},
	FieldContact:      {"联系人", TypeText, false},
	FieldPhone:        {"联系电话", TypeText, false},
}

// Fields lists every field in the order they are documented: the 开复工台账's, then
// the 融资需求台账's own. A rules file's columns: names them.
func Fields() []Field {
	return []Field{
		FieldSeq, FieldCode, FieldName, FieldOwner, FieldTown, FieldNature, FieldContent, FieldPeriod,
		FieldCategory, FieldLevel, FieldUnit, FieldLeader, FieldTotal, FieldPlan, FieldDone, FieldMonthDone,
		FieldCumDone, FieldDoneBefore, FieldPlanToDate, FieldPlanStart, FieldActualStart, FieldStartEither,
		FieldStatus, FieldStats, FieldProblems, FieldPlanProgress, FieldFunding, FieldProgress, FieldRemark, FieldYear, FieldReportMonth,
		FieldNeed, FieldMethod, FieldBank, FieldDockStatus, FieldCredit, FieldSigned, FieldDisbursed,
		FieldDockDate, FieldContact, FieldPhone,
	}
}

// ParseField reads a field by its id ("leader") or its canonical Chinese header
// ("包联领导"); ok is false for neither.
func ParseField(s string) (Field, bool) {
	s = strings.TrimSpace(s)
	for _, f := range Fields() {
		if string(f) == s || fields[f].Label == s {
			return f, true
		}
	}
	return "", false
}

// IsPerson reports whether the field names people, several of whom may share a cell
// ("李志强⏎王建军", "周  红、吴刚").
func (f Field) IsPerson() bool { return f == FieldLeader || f == FieldContact }

// Label is the field's canonical Chinese header ("年度计划投资").
func (f Field) Label() string {
	if i, ok := fields[f]; ok {
		return i.Label
	}
	return string(f)
}

// Type says whether the field holds text, an amount or a date.
func (f Field) Type() ValueType { return fields[f].Type }

// Kind is the kind of ledger a sheet holds.
type Kind string

const (
	KindKaifugong Kind = "kaifugong" // 开复工台账
	KindRongzi    Kind = "rongzi"    // 融资需求台账
)

// ParseKind reads a kind's id ("kaifugong"); ok is false for any other text.
func ParseKind(s string) (k Kind, ok bool) {
	switch k := Kind(s); k {
	case KindKaifugong, KindRongzi:
		return k, true
	}
	return "", false
}

// Label is the kind's Chinese name.
func (k Kind) Label() string {
	switch k {
	case KindKaifugong:
		return "开复工台账"
	case KindRongzi:
		return "融资需求台账"
	}
	return string(k)
}
