package ledger

// synonyms maps a normalised header (see normalizeHeader) to its field. The variants
// are the ones DOMAIN.md lists from real ledgers, plus the obvious 时间/日期 twins.
var synonyms = map[string]Field{}

func init() {
	add := func(f Field, names ...string) {
		for _, n := range names {
			synonyms[n] = f
		}
	}
	add(FieldSeq, "序号", "#", "编号", "序", "排序")
	add(FieldCode, "项目代码", "项目编号", "平台编码", "审批监管平台代码", "重大库编码", "发改委项目代码",
		"项目代码(统一代码)", "项目统一代码", "投资项目代码", "在线平台代码", "项目赋码")
	add(FieldName, "项目名称", "项目全称", "具体项目名称", "项目", "名称", "建设项目名称", "工程名称", "项目名")
	add(FieldOwner, "建设单位", "项目法人", "项目单位", "投资主体", "业主单位", "实施单位", "融资主体",
		"项目业主", "建设主体", "项目建设单位", "项目实施单位", "企业名称", "项目法人单位")
	add(FieldTown, "所在乡镇", "乡镇", "建设地点", "项目地址", "所属地区", "所属区域", "项目建设地",
		"所属乡镇", "乡镇(园区)", "乡镇名称", "项目所在地", "所在地", "属地", "地点", "乡(镇)", "所在乡(镇)")
	add(FieldNature, "建设性质", "项目性质", "新建/续建", "新建续建", "续建/新建", "性质")
	add(FieldContent, "建设规模及主要建设内容", "主要建设内容及规模", "建设内容", "建设规模",
		"建设规模及内容", "建设内容及规模", "主要建设内容", "年度建设内容及目标")
	add(FieldPeriod, "建设起止年限", "项目工期", "起止年限", "建设年限", "建设工期", "起止年度")
	add(FieldCategory, "项目类型", "项目类别", "所属行业", "产业类型", "项目大类", "行业类别", "类别", "行业")
	add(FieldLevel, "项目级别", "重要级别", "调度层级", "项目层级", "级别")
	add(FieldUnit, "责任单位", "牵头单位", "分管局委", "包抓责任单位", "服务单位", "县直责任单位", "主管部门",
		"牵头部门", "责任部门", "包联单位", "行业主管部门")
	add(FieldLeader, "包联领导", "包抓领导", "县级领导", "分管领导", "责任领导", "县级包联领导", "包联县领导", "联系领导")
	add(FieldTotal, "总投资", "计划总投资", "项目总投资", "总投资额", "概算总投资")
	add(FieldPlan, "年度计划投资", "今年计划投资", "年计划投资", "当年计划投资", "计划完成投资", "年度投资计划",
		"计划投资", "年度计划", "年度计划完成投资", "本年计划投资", "年度计划投资额", "年度投资")
	add(FieldDone, "年度累计完成投资", "今年累计完成投资", "年初至报告期累计完成投资", "当年完成投资",
		"本年完成投资", "本年累计完成投资", "年度完成投资", "本年度完成投资", "今年完成投资", "年度累计完成")
	add(FieldMonthDone, "本月完成投资", "当月完成投资", "本月完成", "当月完成")
	add(FieldCumDone, "累计完成投资", "自开工累计完成投资", "自开始累积完成投资", "开工至报告期累计完成投资",
		"开工以来累计完成投资", "累计完成", "自开工累计完成", "项目累计完成投资")
	add(FieldPlanStart, "计划开工时间", "计划开复工时间", "计划开工年月", "拟开工日期", "开工或预计开工时间",
		"计划开工日期", "计划开复工日期", "拟开工时间", "预计开工时间", "预计开工日期", "计划开工")
	add(FieldActualStart, "实际开工时间", "开复工时间", "实际开复工日期", "实际开工日期", "开工时间", "开工日期",
		"实际开复工时间", "开复工日期", "实际开工", "复工时间", "实际开工年月")
	add(FieldStartEither, "开工/计划开工时间", "开工(计划开工)时间", "开工/计划开工日期", "开工或计划开工时间")
	add(FieldStatus, "开工状态", "是否开工", "是否开复工", "开复工状态", "开复工情况", "开工情况", "是否复工",
		"是否开工复工", "项目状态", "建设状态")
	add(FieldStats, "是否入库", "入库状态", "是否纳入统计库", "是否纳统", "入库纳统情况", "是否入统", "入库情况")
	add(FieldProblems, "存在问题", "存在的主要困难和问题", "问题和建议", "未开工原因", "开复工制约因素",
		"土地征收情况及前期手续办理情况", "存在的问题", "存在困难和问题", "存在问题及建议", "需协调事项",
		"需协调解决的问题", "困难和问题", "制约因素")
	add(FieldPlanProgress, "年计划形象进度", "年度形象进度目标", "年度目标")
	add(FieldFunding, "资金来源", "资金渠道来源")
	add(FieldProgress, "形象进度", "本月进展", "项目进展情况", "进展情况", "工程进度", "当前形象进度", "目前进展")
	add(FieldRemark, "备注", "说明")

	add(FieldNeed, "融资需求", "融资需求金额", "融资需求总额", "拟融资金额", "融资金额", "资金需求", "融资需求额")
	add(FieldMethod, "融资方式", "拟融资方式", "资金渠道", "融资渠道", "融资类型")
	add(FieldBank, "对接金融机构", "意向银行", "融资机构名称", "牵头行", "主办行", "金融机构", "对接银行", "合作金融机构")
	add(FieldDockStatus, "对接状态", "对接进展", "授信状态", "融资进展", "对接情况")
	add(FieldCredit, "授信金额", "已授信金额", "授信额度")
	add(FieldSigned, "签约金额", "已签约金额", "合同金额")
	add(FieldDisbursed, "放款金额", "投放金额", "发放贷款金额", "已到位资金", "已放款金额", "到位资金")
	add(FieldDockDate, "对接时间", "授信时间", "签约时间", "放款时间", "对接日期")
	add(FieldContact, "联系人", "项目联系人")
	add(FieldPhone, "联系电话", "电话", "联系方式", "手机")
}

// rongziFields are the fields only a 融资需求台账 has; kaifugongFields only a 开复工台账.
var (
	rongziFields    = []Field{FieldNeed, FieldMethod, FieldBank, FieldDockStatus, FieldCredit, FieldSigned, FieldDisbursed, FieldDockDate}
	kaifugongFields = []Field{FieldNature, FieldStatus, FieldActualStart, FieldPlanStart, FieldStartEither, FieldPlan, FieldDone, FieldMonthDone, FieldCumDone, FieldStats}
)
