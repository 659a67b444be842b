package ledger

// The canonical columns of each ledger kind: the blank template has them, and the
// merged county ledger writes every project in them. The header of each is the
// field's canonical label (docs/台账字段.md), which the reader knows without configuration.

// CanonicalColumn is one canonical column.
type CanonicalColumn struct {
	Field    Field
	Required bool    // marked "*" in the template's header
	Width    float64 // in characters
	// Hint says what to write, in the header's input message and the 填报说明 sheet.
	Hint string
	// Values names the rules' list of allowed values, offered as a dropdown
	// (ValuesNone: free text).
	Values ValueList
	// Strict: a value outside the list is refused (a dropdown that allows others only warns).
	Strict bool
}

// ValueList names one of the lists of allowed values the rules hold.
type ValueList string

const (
	ValuesNone       ValueList = ""
	ValuesNature     ValueList = "nature"      // 建设性质
	ValuesTown       ValueList = "town"        // the county's 乡镇
	ValuesMethod     ValueList = "method"      // 融资方式
	ValuesDockStatus ValueList = "dock_status" // 对接状态
	ValuesStatus     ValueList = "status"      // 开工状态: started and not started
	ValuesStats      ValueList = "stats"       // 是否入库: yes and no
)

var kaifugongColumns = []CanonicalColumn{
	{Field: FieldSeq, Width: 6, Hint: "按顺序填写 1、2、3……"},
	{Field: FieldCode, Width: 25, Hint: "投资项目在线审批监管平台赋予的项目代码，如 2501-140524-04-01-123456；还没有代码的空着。"},
	{Field: FieldName, Required: true, Width: 32, Hint: "项目全称，与立项批复一致；一个项目填一行。"},
	{Field: FieldOwner, Required: true, Width: 24, Hint: "项目法人或业主单位的全称。"},
	{Field: FieldTown, Required: true, Width: 11, Hint: "从下拉列表选择项目所在的乡镇。", Values: ValuesTown, Strict: true},
	{Field: FieldNature, Required: true, Width: 9, Hint: "从下拉列表选择：新建＝今年新开工的项目；续建＝以前年度已开工、今年继续建设的项目；终止＝今年不再建设的项目。", Values: ValuesNature, Strict: true},
	{Field: FieldCategory, Width: 11, Hint: "如 工业、农业、基础设施、社会民生、文旅、招商引资。"},
	{Field: FieldLevel, Width: 9, Hint: "省重点、市重点或县重点。"},
	{Field: FieldContent, Width: 32, Hint: "主要建设内容和规模，简要填写。"},
	{Field: FieldPeriod, Width: 11, Hint: "开工和竣工的年份，如 2024-2026。"},
	{Field: FieldUnit, Width: 14, Hint: "县直牵头（责任）单位。"},
	{Field: FieldLeader, Width: 11, Hint: "县级包联领导的姓名，几人用顿号隔开，如 张三、李四。"},
	{Field: FieldTotal, Required: true, Width: 13, Hint: "项目计划总投资，单位万元，只填数字，如 12500.00。"},
	{Field: FieldPlan, Required: true, Width: 13, Hint: "今年计划完成的投资，单位万元，只填数字。"},
	{Field: FieldDone, Required: true, Width: 13, Hint: "今年1月1日到标题所写“截至”日期累计完成的投资，单位万元，只填数字。"},
	{Field: FieldCumDone, Width: 13, Hint: "项目开工以来累计完成的投资，单位万元，只填数字。"},
	{Field: FieldPlanStart, Required: true, Width: 12, Hint: "计划开工（复工）的日期，如 2025-03-15；只定到月的写 2025年3月。"},
	{Field: FieldActualStart, Width: 12, Hint: "已开工（复工）的填实际开工（复工）日期，如 2025-03-15；未开工的空着。"},
	{Field: FieldStatus, Required: true, Width: 10, Hint: "从下拉列表选择：已开工、已复工、未开工等。", Values: ValuesStatus, Strict: true},
	{Field: FieldStats, Width: 9, Hint: "项目是否已纳入固定资产投资统计库：是或否。", Values: ValuesStats, Strict: true},
	{Field: FieldProgress, Width: 24, Hint: "目前的形象进度，如 主体封顶、设备安装。"},
	{Field: FieldProblems, Width: 24, Hint: "影响开工或进度的用地、资金、手续等问题；没有的空着。"},
	{Field: FieldRemark, Width: 12, Hint: "需要说明的其他事项。"},
}

var rongziColumns = []CanonicalColumn{
	{Field: FieldSeq, Width: 6, Hint: "按顺序填写 1、2、3……"},
	{Field: FieldCode, Width: 25, Hint: "投资项目在线审批监管平台赋予的项目代码；还没有代码的空着。"},
	{Field: FieldName, Required: true, Width: 32, Hint: "项目全称；一个项目填一行。"},
	{Field: FieldOwner, Required: true, Width: 24, Hint: "融资主体（项目单位）的全称。"},
	{Field: FieldTown, Required: true, Width: 11, Hint: "从下拉列表选择项目所在的乡镇。", Values: ValuesTown, Strict: true},
	{Field: FieldUnit, Width: 14, Hint: "县直牵头（责任）单位。"},
	{Field: FieldLeader, Width: 11, Hint: "县级包联领导的姓名，几人用顿号隔开。"},
	{Field: FieldTotal, Required: true, Width: 13, Hint: "项目计划总投资，单位万元，只填数字。"},
	{Field: FieldNeed, Required: true, Width: 13, Hint: "需要融资的金额，单位万元，只填数字。"},
	{Field: FieldMethod, Required: true, Width: 16, Hint: "从下拉列表选择拟采用的融资方式。", Values: ValuesMethod},
	{Field: FieldBank, Width: 18, Hint: "正在对接的银行或其他金融机构。"},
	{Field: FieldDockStatus, Required: true, Width: 11, Hint: "从下拉列表选择：未对接、已对接、审批中、已授信、已签约、已放款等。", Values: ValuesDockStatus, Strict: true},
	{Field: FieldCredit, Width: 13, Hint: "金融机构已授信的金额，单位万元，只填数字。"},
	{Field: FieldSigned, Width: 13, Hint: "已签订合同的金额，单位万元，只填数字。"},
	{Field: FieldDisbursed, Width: 13, Hint: "已放款（到位）的金额，单位万元，只填数字。"},
	{Field: FieldDockDate, Width: 12, Hint: "最近一次对接（授信、签约、放款）的日期，如 2025-03-15。"},
	{Field: FieldContact, Width: 10, Hint: "项目单位的联系人。"},
	{Field: FieldPhone, Width: 14, Hint: "联系人的手机或电话。"},
	{Field: FieldProblems, Width: 24, Hint: "融资中需要协调解决的问题；没有的空着。"},
	{Field: FieldRemark, Width: 12, Hint: "需要说明的其他事项。"},
}

// CanonicalColumns returns the canonical columns of a ledger kind.
func CanonicalColumns(kind Kind) []CanonicalColumn {
	if kind == KindRongzi {
		return rongziColumns
	}
	return kaifugongColumns
}
