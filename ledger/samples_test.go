package ledger

// Table-driven tests over every sample ledger in testdata/. The expected values are
// literals taken from testdata/README.md and from the generator's data tables
// (testdata/gen/*.go); none is computed by the code under test.

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sampleDir is where the sample ledgers live, relative to this package.
const sampleDir = "../testdata"

// sampleCol is what one column of a sample must be read as.
type sampleCol struct {
	letter string
	header string // as written; both levels joined by "/"
	field  Field
	unit   Unit // checked for amount columns only
	month  int  // -1: not checked
}

// sampleProj is one project checked field by field. Every listed field is compared:
// "" means empty (text), not given (amount) or no date. Amounts are Amount.String(),
// dates Date.String() ("2025-03" for a month-precision date).
type sampleProj struct {
	row                                                          int
	name, code, owner, town, nature, category, level, unit, lead string
	status, stats, problems, remark, progress, section           string
	natureFromSection                                            bool
	total, plan, done, monthDone, cum                            string
	planStart, actualStart                                       string
}

// sampleTot is a 合计/小计 row: its label, the amounts it states (only those) and
// the sheet rows of the projects it covers.
type sampleTot struct {
	row     int
	label   string
	amounts map[Field]string
	covers  []int
}

// sampleProb is a cell the reader could not read.
type sampleProb struct {
	kind  ProblemKind
	row   int
	col   string
	field Field
	value string
}

type sampleLedger struct {
	file               string
	opts               Options
	sheet              string
	kind               Kind
	headerRows         []int
	year               int
	yearSource         string
	asOf               string
	asOfSource         AsOfSource
	month              int
	natureFromSections bool
	title, filler      string
	cols               []sampleCol
	fields             int // columns (letters) read as a field; the rest are kept uninterpreted
	// fieldCols: the column l.Column(field) gives, by letter ("" = no such column).
	fieldCols   map[Field]string
	projectRows []int // the sheet row (CSV line) of every project, in order
	withCode    int   // projects with a 项目代码
	projects    []sampleProj
	totals      []sampleTot
	problems    []sampleProb
}

// sampleRows lists the rows from..to inclusive.
func sampleRows(from, to int) []int {
	var out []int
	for r := from; r <= to; r++ {
		out = append(out, r)
	}
	return out
}

var sampleCountyCols = []sampleCol{
	{"A", "序号", FieldSeq, UnitWan, 0},
	{"B", "项目代码", FieldCode, UnitWan, 0},
	{"C", "项目名称", FieldName, UnitWan, 0},
	{"D", "建设单位", FieldOwner, UnitWan, 0},
	{"E", "所在乡镇", FieldTown, UnitWan, 0},
	{"F", "建设性质", FieldNature, UnitWan, 0},
	{"G", "项目类别", FieldCategory, UnitWan, 0},
	{"H", "项目级别", FieldLevel, UnitWan, 0},
	{"I", "责任单位", FieldUnit, UnitWan, 0},
	{"J", "包联领导", FieldLeader, UnitWan, 0},
	{"K", "总投资", FieldTotal, UnitWan, 0},
	{"L", "年度计划投资", FieldPlan, UnitWan, 0},
	{"M", "1-5月完成投资", FieldDone, UnitWan, 5},
	{"N", "累计完成投资", FieldCumDone, UnitWan, 0},
	{"O", "计划开工时间", FieldPlanStart, UnitWan, 0},
	{"P", "实际开工时间", FieldActualStart, UnitWan, 0},
	{"Q", "开工状态", FieldStatus, UnitWan, 0},
	{"R", "是否入库", FieldStats, UnitWan, 0},
	{"S", "存在问题", FieldProblems, UnitWan, 0},
	{"T", "备注", FieldRemark, UnitWan, 0},
}

var sampleCountyFieldCols = map[Field]string{
	FieldName: "C", FieldNature: "F", FieldTotal: "K", FieldPlan: "L", FieldDone: "M", FieldCumDone: "N",
	FieldPlanStart: "O", FieldActualStart: "P", FieldStatus: "Q", FieldStats: "R", FieldMonthDone: "", FieldStartEither: "",
}

var sampleYangcunCols = []sampleCol{
	{"A", "序号", FieldSeq, UnitWan, 0},
	{"B", "项目代码", FieldCode, UnitWan, 0},
	{"C", "项目名称", FieldName, UnitWan, 0},
	{"F", "建设性质", FieldNature, UnitWan, 0},
	{"J", "总投资（万元）", FieldTotal, UnitWan, 0},
	{"K", "年度计划投资（万元）", FieldPlan, UnitWan, 0},
	{"L", "1-5月完成投资（万元）", FieldDone, UnitWan, 5},
	{"M", "计划开工时间", FieldPlanStart, UnitWan, 0},
	{"N", "实际开工时间", FieldActualStart, UnitWan, 0},
	{"O", "开工状态", FieldStatus, UnitWan, 0},
	{"P", "是否入库", FieldStats, UnitWan, 0},
	{"Q", "存在问题", FieldProblems, UnitWan, 0},
}

// sampleYangcunProjects are the same in the GBK and the UTF-8 CSV. Dates cycle through
// 2025-03-01, 2025/3/1, 2025年3月1日 and 2025.3.1 (gen/yangcun.go csvDate).
var sampleYangcunProjects = []sampleProj{
	{row: 3, name: "陵川县杨村镇锡崖沟景区提质升级项目", code: "2308-140524-88-01-103001", owner: "陵川县锡崖沟旅游开发有限公司", town: "杨村镇",
		nature: "续建", category: "文旅", unit: "县文旅局", lead: "陈国栋", status: "已复工", stats: "是",
		total: "12500.00", plan: "3500.00", done: "1480.50", planStart: "2025-02-20", actualStart: "2025-02-26"},
	// "21,600.00"; plan start "2025年3月1日", actual start "2025.3.8".
	{row: 5, name: "陵川县杨村镇至马圪当乡公路改建工程", code: "2311-140524-48-01-103015", owner: "陵川县交通投资建设有限公司", town: "杨村镇",
		nature: "续建", category: "基础设施", unit: "县交通局", lead: "陈国栋", status: "已复工", stats: "是",
		total: "21600.00", plan: "6000.00", done: "2650.00", planStart: "2025-03-01", actualStart: "2025-03-08"},
	// Not started: 1-5月完成投资 empty (not given), planned "2025/7/1".
	{row: 12, name: "陵川县杨村镇乡村振兴农旅融合项目", code: "2504-140524-88-03-103140", owner: "陵川县乡旅农业开发有限公司", town: "杨村镇",
		nature: "新建", category: "文旅", unit: "县文旅局", lead: "陈国栋", status: "未开工", stats: "否", problems: "规划选址调整中",
		total: "5600.00", plan: "2000.00", done: "", planStart: "2025-07-01", actualStart: ""},
	// plan start "2025.4.15", actual start "2025-05-06".
	{row: 14, name: "陵川县杨村镇山地运动公园项目", code: "2503-140524-89-03-103163", owner: "山西太行户外运动有限公司", town: "杨村镇",
		nature: "新建", category: "招商引资", unit: "县工信局", lead: "李志强", status: "已开工", stats: "是",
		total: "8800.00", plan: "3000.00", done: "600.00", planStart: "2025-04-15", actualStart: "2025-05-06"},
}

var sampleYangcunTotals = []sampleTot{
	{15, "合计", map[Field]string{FieldTotal: "94590.00", FieldPlan: "32330.00", FieldDone: "12053.30"}, sampleRows(3, 14)},
}

var sampleYangcunFieldCols = map[Field]string{FieldName: "C", FieldTotal: "J", FieldPlan: "K", FieldDone: "L", FieldActualStart: "N", FieldCumDone: ""}

var sampleLedgers = []sampleLedger{
	{
		file: "全县开复工台账.xlsx", sheet: "开复工台账", fields: 20, kind: KindKaifugong, headerRows: []int{3},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "header", month: 5,
		title: "陵川县2025年重点项目开复工台账", filler: "填报单位：县发改局",
		cols: sampleCountyCols, fieldCols: sampleCountyFieldCols, projectRows: sampleRows(4, 43), withCode: 34,
		projects: []sampleProj{
			{row: 4, name: "陵川县城区集中供热管网改造工程", code: "2301-140524-44-01-100231", owner: "陵川县热力有限公司", town: "崇文镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", lead: "王建军", status: "已复工", stats: "是",
				total: "12800.00", plan: "4200.00", done: "2080.50", cum: "9960.50", planStart: "2025-02-20", actualStart: "2025-02-18"},
			// Full-width brackets in a name are kept as written.
			{row: 11, name: "陵川县太行山旅游公路（附城段）改造工程", code: "2311-140524-48-01-100733", owner: "陵川县交通投资建设有限公司", town: "附城镇",
				nature: "续建", category: "基础设施", level: "市重点", unit: "县交通局", lead: "陈国栋", status: "已复工", stats: "是",
				total: "15600.00", plan: "4800.00", done: "2300.00", cum: "11500.00", planStart: "2025-03-05", actualStart: "2025-03-06"},
			{row: 12, name: "陵川县杨村镇太行康养小镇二期项目", code: "", owner: "山西太行康养旅游开发有限公司", town: "杨村镇",
				nature: "续建", category: "文旅", level: "县重点", unit: "县文旅局", lead: "陈国栋", status: "已复工", stats: "是",
				total: "22000.00", plan: "3800.00", done: "1720.00", cum: "15720.00", planStart: "2025-03-10", actualStart: "2025-03-12"},
			{row: 29, name: "陵川县西河底镇200MW风电项目", code: "2412-140524-44-02-101126", owner: "华润新能源（陵川）有限公司", town: "西河底镇",
				nature: "新建", category: "招商引资", level: "市重点", unit: "县能源局", lead: "张海峰", status: "已开工", stats: "是",
				total: "80000.00", plan: "20000.00", done: "9600.00", cum: "9600.00", planStart: "2025-03-20", actualStart: "2025-03-28"},
			{row: 38, name: "陵川县礼义镇应急水源工程", code: "2503-140524-46-01-101216", owner: "陵川县城乡水务有限公司", town: "礼义镇",
				nature: "新建", category: "基础设施", level: "县重点", unit: "县水务局", lead: "刘晓明", status: "未开工", stats: "否",
				problems: "用地预审手续正在办理", total: "1600.00", plan: "1600.00", done: "0.00", cum: "0.00", planStart: "2025-05-10", actualStart: ""},
			{row: 39, name: "陵川县崇文镇智慧停车场建设项目", code: "", owner: "陵川县城市建设投资有限公司", town: "崇文镇",
				nature: "新建", category: "基础设施", level: "县重点", unit: "县住建局", lead: "王建军", status: "已开工", stats: "是",
				remark: "5月新开工", total: "980.00", plan: "980.00", done: "300.00", cum: "300.00", planStart: "2025-05-01", actualStart: "2025-05-12"},
			// The 终止 project: 年度计划 0.00 is given (not empty).
			{row: 43, name: "陵川县杨村镇滑雪场配套设施项目", code: "", owner: "陵川县冰雪运动发展有限公司", town: "杨村镇",
				nature: "终止", category: "文旅", level: "县重点", unit: "县文旅局", lead: "陈国栋", status: "未开工", stats: "否",
				remark: "投资方撤资，项目终止", total: "3000.00", plan: "0.00", done: "0.00", cum: "0.00", planStart: "2025-06-15", actualStart: ""},
		},
		totals: []sampleTot{
			{44, "合计", map[Field]string{FieldTotal: "544280.00", FieldPlan: "163380.00", FieldDone: "70137.15", FieldCumDone: "288317.15"}, sampleRows(4, 43)},
		},
	},
	{
		file: "礼义镇开复工台账.xlsx", sheet: "5月台账", fields: 12, kind: KindKaifugong, headerRows: []int{3, 4},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "header", month: 5, natureFromSections: true,
		title: "礼义镇2025年重点项目开复工台账（截至2025年5月底）", filler: "报送单位：礼义镇人民政府",
		cols: []sampleCol{
			{"A", "序号", FieldSeq, UnitWan, 0},
			{"B", "项目名称", FieldName, UnitWan, 0},
			{"C", "*建设单位", FieldOwner, UnitWan, 0},
			{"D", "投资情况（万元）/总投资", FieldTotal, UnitWan, 0},
			{"E", "投资情况（万元）/2025年计划投资", FieldPlan, UnitWan, 0},
			{"F", "投资情况（万元）/1—5月累计完成", FieldDone, UnitWan, 5},
			{"G", "开工情况/计划开工时间", FieldPlanStart, UnitWan, 0},
			{"H", "开工情况/开复工时间", FieldActualStart, UnitWan, 0},
			{"I", "开工情况/是否开复工", FieldStatus, UnitWan, 0},
			{"J", "责任单位", FieldUnit, UnitWan, 0},
			{"K", "包联领导", FieldLeader, UnitWan, 0},
			{"L", "存在的主要困难\n和问题", FieldProblems, UnitWan, 0},
		},
		fieldCols:   map[Field]string{FieldPlan: "E", FieldDone: "F", FieldActualStart: "H", FieldNature: "", FieldTown: "", FieldCategory: ""},
		projectRows: append(sampleRows(7, 11), sampleRows(14, 20)...),
		projects: []sampleProj{
			// "4,500", "2,036.40", "2025.2.20", "2025.2.26"; 县工信局 merged over J7:J8.
			{row: 7, name: "陵川县礼义镇铸造产业园标准化厂房项目", owner: "陵川县礼义工业园区开发有限公司",
				nature: "续建", natureFromSection: true, section: "一、续建项目（5个）", unit: "县工信局", lead: "李志强", status: "是",
				total: "15800.00", plan: "4500.00", done: "2036.40", planStart: "2025-02-20", actualStart: "2025-02-26"},
			// J8 is under the merge: 县工信局 inherited. "6,200.00", " 760 ", "2025年3月" (a month), "2025/3/1".
			{row: 8, name: "陵川县礼义镇年产10万吨精制石料项目", owner: "陵川县宏达建材有限公司",
				nature: "续建", natureFromSection: true, section: "一、续建项目（5个）", unit: "县工信局", lead: "李志强", status: "是",
				total: "6200.00", plan: "1800.00", done: "760.00", planStart: "2025-03", actualStart: "2025-03-01"},
			// B9 has a line break; "１２００" full-width; "2025.03" a month; "3月20日" takes the ledger's year.
			{row: 9, name: "陵川县礼义镇污水处理工程", owner: "陵川县城乡水务有限公司",
				nature: "续建", natureFromSection: true, section: "一、续建项目（5个）", unit: "县住建局", lead: "王建军", status: "是",
				problems: "管网入户段需协调村民", total: "1200.00", plan: "600.00", done: "252.50", planStart: "2025-03", actualStart: "2025-03-20"},
			// G10 "2025-03-01", H10 "2025-03-05" as text.
			{row: 10, name: "陵川县礼义镇东城村至西城村道路改造工程", owner: "礼义镇人民政府",
				nature: "续建", natureFromSection: true, section: "一、续建项目（5个）", unit: "县交通局", lead: "陈国栋", status: "是",
				total: "2350.80", plan: "1200.00", done: "530.25", planStart: "2025-03-01", actualStart: "2025-03-05"},
			// "1,200.50", "800.50", "360.00", "2025年3月10日", "2025年3月15日".
			{row: 11, name: "陵川县礼义镇中心卫生院改造提升项目", owner: "陵川县礼义镇中心卫生院",
				nature: "续建", natureFromSection: true, section: "一、续建项目（5个）", unit: "县卫健局", lead: "赵文华", status: "是",
				total: "1200.50", plan: "800.50", done: "360.00", planStart: "2025-03-10", actualStart: "2025-03-15"},
			// Top of J14:J16 and K14:K16. "4,850.00", "2025.3.15", "2025.3.28".
			{row: 14, name: "陵川县礼义镇50MW农光互补光伏项目", owner: "陵川县晶耀新能源有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县能源局", lead: "张海峰", status: "是",
				total: "32000.00", plan: "12000.00", done: "4850.00", planStart: "2025-03-15", actualStart: "2025-03-28"},
			// Inside the merges: 县能源局 and 张海峰 inherited. "2,300", "2025/3/1", "2025-03-08".
			{row: 15, name: "陵川县礼义镇分散式风电项目", owner: "陵川县风润新能源有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县能源局", lead: "张海峰", status: "是",
				total: "18500.00", plan: "6000.00", done: "2300.00", planStart: "2025-03-01", actualStart: "2025-03-08"},
			// Bottom of the merges. F16 "—" (not given); G16 "2025年6月" a month; H16 empty.
			{row: 16, name: "陵川县礼义镇储能电站项目", owner: "陵川县储能科技有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县能源局", lead: "张海峰", status: "否",
				problems: "并网接入批复尚未下达", total: "9600.00", plan: "3000.00", done: "", planStart: "2025-06", actualStart: ""},
			// "2025.3" and "2025年3月": both month precision.
			{row: 17, name: "陵川县礼义镇党参连翘中药材加工项目", owner: "陵川县本草源药业有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县工信局", lead: "李志强", status: "是",
				total: "5200.00", plan: "2600.00", done: "1050.00", planStart: "2025-03", actualStart: "2025-03"},
			// " 300 ", "3月20日", "3月26日".
			{row: 18, name: "陵川县礼义镇幸福院（农村养老服务中心）建设项目", owner: "礼义镇人民政府",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县民政局", lead: "赵文华", status: "是",
				total: "860.00", plan: "860.00", done: "300.00", planStart: "2025-03-20", actualStart: "2025-03-26"},
			// F19 "-" (not given); G19 "2025年7月".
			{row: 19, name: "陵川县礼义镇智慧农业大棚项目", owner: "陵川县绿源农业开发有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县农业农村局", lead: "刘晓明", status: "否",
				problems: "土地流转尚未完成", total: "2400.00", plan: "1500.00", done: "", planStart: "2025-07", actualStart: ""},
			// "2025.4.10", "2025年4月15日".
			{row: 20, name: "陵川县礼义镇文旅康养小镇项目", owner: "山西太行文旅康养有限公司",
				nature: "新建", natureFromSection: true, section: "二、新建项目（7个）", unit: "县文旅局", lead: "陈国栋", status: "是",
				total: "45000.00", plan: "5000.00", done: "1500.00", planStart: "2025-04-10", actualStart: "2025-04-15"},
		},
		totals: []sampleTot{
			{5, "合计", map[Field]string{FieldTotal: "140311.30", FieldPlan: "39860.50", FieldDone: "13939.15"}, append(sampleRows(7, 11), sampleRows(14, 20)...)},
			// D12 is the text "26,751.30".
			{12, "小计", map[Field]string{FieldTotal: "26751.30", FieldPlan: "8900.50", FieldDone: "3939.15"}, sampleRows(7, 11)},
			{21, "小计", map[Field]string{FieldTotal: "113560.00", FieldPlan: "30960.00", FieldDone: "10000.00"}, sampleRows(14, 20)},
		},
	},
	{
		// The decoy sheet, read on request: last month's ledger.
		file: "礼义镇开复工台账.xlsx", opts: Options{Sheet: "4月台账"}, sheet: "4月台账", fields: 8, kind: KindKaifugong, headerRows: []int{2},
		year: 2025, yearSource: "title", asOf: "2025-03-31", asOfSource: "header", month: 3,
		title: "礼义镇2025年重点项目开复工台账（截至2025年3月底）",
		cols: []sampleCol{
			{"A", "序号", FieldSeq, UnitWan, 0},
			{"B", "项目名称", FieldName, UnitWan, 0},
			{"C", "建设单位", FieldOwner, UnitWan, 0},
			{"D", "总投资", FieldTotal, UnitWan, 0},
			{"E", "年度计划投资", FieldPlan, UnitWan, 0},
			{"F", "1-3月完成投资", FieldDone, UnitWan, 3},
			{"G", "开复工时间", FieldActualStart, UnitWan, 0},
			{"H", "备注", FieldRemark, UnitWan, 0},
		},
		fieldCols:   map[Field]string{FieldNature: "", FieldStatus: ""},
		projectRows: sampleRows(3, 10),
		totals: []sampleTot{
			{11, "合计", map[Field]string{FieldTotal: "82451.30", FieldPlan: "29500.50", FieldDone: "3506.25"}, sampleRows(3, 10)},
		},
	},
	{
		file: "亿元台账_1904.xlsx", sheet: "推进台账", fields: 16, kind: KindKaifugong, headerRows: []int{3},
		year: 2025, yearSource: "title", asOf: "2025-06-30", asOfSource: "title", month: 6,
		title: "平城镇2025年重点项目推进台账（截至2025年6月30日）", filler: "填报单位：平城镇人民政府",
		cols: []sampleCol{
			{"B", "平台编码", FieldCode, UnitYi, 0},
			{"C", "项目全称", FieldName, UnitYi, 0},
			{"D", "项目法人", FieldOwner, UnitYi, 0},
			{"E", "建设地点", FieldTown, UnitYi, 0},
			{"F", "项目性质", FieldNature, UnitYi, 0},
			{"G", "牵头单位", FieldUnit, UnitYi, 0},
			{"H", "包抓领导", FieldLeader, UnitYi, 0},
			{"I", "计划总投资（亿元）", FieldTotal, UnitYi, 0},  // 亿元 by its suffix
			{"J", "年度投资计划（万元）", FieldPlan, UnitWan, 0}, // 万元 by its suffix, over the sheet's 亿元
			{"K", "年度累计完成投资", FieldDone, UnitYi, 0},    // no suffix: the sheet's "单位：亿元"
			{"L", "拟开工日期", FieldPlanStart, UnitYi, 0},
			{"M", "实际开复工日期", FieldActualStart, UnitYi, 0},
			{"N", "是否开工", FieldStatus, UnitYi, 0},
			{"O", "入库状态", FieldStats, UnitYi, 0},
			{"P", "存在问题", FieldProblems, UnitYi, 0},
		},
		fieldCols:   map[Field]string{FieldTotal: "I", FieldPlan: "J", FieldDone: "K", FieldCumDone: ""},
		projectRows: sampleRows(4, 19), withCode: 12,
		projects: []sampleProj{
			// I4 4.5亿元; K4 0.635亿元; L4 = 44246 in the 1904 system is 2025-02-20.
			{row: 4, name: "陵川县平城镇100MW光伏发电项目", code: "2307-140524-44-02-102001", owner: "陵川县阳光新能源有限公司", town: "平城镇",
				nature: "续建", unit: "县能源局", lead: "张海峰", status: "是", stats: "已入库",
				total: "45000.00", plan: "12000.00", done: "6350.00", planStart: "2025-02-20", actualStart: "2025-02-25"},
			// K7 0.13055亿元 → 1305.50.
			{row: 7, name: "陵川县平城镇现代农业产业园项目", owner: "陵川县农业发展集团有限公司", town: "平城镇",
				nature: "续建", unit: "县农业农村局", lead: "刘晓明", status: "是", stats: "已入库",
				total: "9800.00", plan: "2500.00", done: "1305.50", planStart: "2025-02-25", actualStart: "2025-03-01"},
			// I9 0.123456亿元 → 1234.56 (six 亿元 decimals, not rounded).
			{row: 9, name: "陵川县平城镇供水管网改造工程", owner: "陵川县城乡水务有限公司", town: "平城镇",
				nature: "续建", unit: "县住建局", lead: "刘晓明", status: "是", stats: "已入库",
				total: "1234.56", plan: "1000.00", done: "600.00", planStart: "2025-03-10", actualStart: "2025-03-12"},
			{row: 18, name: "陵川县平城镇物流仓储中心项目", code: "2504-140524-59-03-102177", owner: "陵川县通达物流有限公司", town: "平城镇",
				nature: "新建", unit: "县工信局", lead: "李志强", status: "是", stats: "未入库", problems: "6月新开工，入库材料正在准备",
				total: "9500.00", plan: "3000.00", done: "1050.00", planStart: "2025-06-01", actualStart: "2025-06-10"},
		},
		totals: []sampleTot{
			// I20 24.928456亿元, J20 71150.00万元, K20 3.64055亿元.
			{20, "合计", map[Field]string{FieldTotal: "249284.56", FieldPlan: "71150.00", FieldDone: "36405.50"}, sampleRows(4, 19)},
		},
	},
	{
		// A CSV is one sheet named after its file (see the reply: ledger.go's comment on
		// Ledger.Sheet still says "" for CSV).
		file: "开复工台账_gbk.csv", sheet: "开复工台账_gbk", fields: 17, kind: KindKaifugong, headerRows: []int{2},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "header", month: 5,
		title: "杨村镇2025年重点项目开复工台账",
		cols:  sampleYangcunCols, fieldCols: sampleYangcunFieldCols, projectRows: sampleRows(3, 14), withCode: 8,
		projects: sampleYangcunProjects, totals: sampleYangcunTotals,
	},
	{
		file: "开复工台账_utf8bom.csv", sheet: "开复工台账_utf8bom", fields: 17, kind: KindKaifugong, headerRows: []int{2},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "header", month: 5,
		title: "杨村镇2025年重点项目开复工台账",
		cols:  sampleYangcunCols, fieldCols: sampleYangcunFieldCols, projectRows: sampleRows(3, 14), withCode: 8,
		projects: sampleYangcunProjects, totals: sampleYangcunTotals,
	},
	{
		file: "错误台账.xlsx", sheet: "开复工台账", fields: 20, kind: KindKaifugong, headerRows: []int{3},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "header", month: 5,
		title: "陵川县2025年重点项目开复工台账", filler: "填报单位：县住建局（汇总）",
		cols: sampleCountyCols, fieldCols: sampleCountyFieldCols, projectRows: sampleRows(4, 41), withCode: 35,
		projects: []sampleProj{
			// P5 "2025.13.1" is unreadable: no date, the status remains.
			{row: 5, name: "陵川县礼义镇光伏支架制造项目", code: "2501-140524-33-03-104012", owner: "陵川县恒光金属制品有限公司", town: "礼义镇",
				nature: "新建", category: "工业", level: "县重点", unit: "县工信局", lead: "李志强", status: "已开工", stats: "是",
				total: "4800.00", plan: "2400.00", done: "960.00", cum: "960.00", planStart: "2025-03-01", actualStart: ""},
			// O7 "待定".
			{row: 7, name: "陵川县西河底镇生物质热电联产项目", code: "2503-140524-44-02-104034", owner: "陵川县绿能热电有限公司", town: "西河底镇",
				nature: "新建", category: "能源", level: "市重点", unit: "县能源局", lead: "张海峰", status: "未开工", stats: "否", problems: "环评批复尚未取得",
				total: "26000.00", plan: "4000.00", done: "0.00", cum: "0.00", planStart: "", actualStart: ""},
			// K9 "约3000": not given, never a silent zero.
			{row: 9, name: "陵川县平城镇农村生活污水治理项目", owner: "陵川县城乡水务有限公司", town: "平城镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", lead: "王建军", status: "已复工", stats: "是",
				total: "", plan: "1200.00", done: "520.00", cum: "1820.00", planStart: "2025-03-01", actualStart: "2025-03-04"},
			// M11 "#REF!" typed as text.
			{row: 11, name: "陵川县杨村镇旅游环线公路工程", code: "2310-140524-48-01-104078", owner: "陵川县交通投资建设有限公司", town: "杨村镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县交通局", lead: "陈国栋", status: "已复工", stats: "是",
				total: "14500.00", plan: "4200.00", done: "", cum: "9800.00", planStart: "2025-03-01", actualStart: "2025-03-07"},
			// 建设性质 "扩建" is kept as written, for the rules to reject.
			{row: 13, name: "陵川县崇文镇人民医院住院楼项目", code: "2501-140524-84-01-104090", owner: "陵川县人民医院", town: "崇文镇",
				nature: "扩建", category: "社会民生", level: "县重点", unit: "县卫健局", lead: "赵文华", status: "已开工", stats: "是",
				total: "12000.00", plan: "3600.00", done: "1500.00", cum: "8700.00", planStart: "2025-03-01", actualStart: "2025-03-03"},
			{row: 17, name: "陵川县礼义镇农村电网改造升级工程", code: "2403-140524-44-01-104134", owner: "国网陵川县供电公司", town: "礼义镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县能源局", lead: "张海峰", status: "已复工", stats: "是",
				total: "2200.00", plan: "900.00", done: "380.00", cum: "-35.00", planStart: "2025-03-01", actualStart: "2025-03-05"},
			{row: 19, name: "陵川县崇文镇污水处理厂提标改造项目(一期)", owner: "陵川县城乡水务有限公司", town: "崇文镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", lead: "王建军", status: "已复工", stats: "是",
				total: "3600.00", plan: "1500.00", done: "640.00", cum: "2840.00", planStart: "2025-03-01", actualStart: "2025-03-03"},
			// 2025-01-07 typed as 2025-07-01.
			{row: 22, name: "陵川县杨村镇康养民宿集群项目", code: "2501-140524-88-03-104189", owner: "陵川县山居文旅有限公司", town: "杨村镇",
				nature: "新建", category: "文旅", level: "县重点", unit: "县文旅局", lead: "陈国栋", status: "已开工", stats: "是", remark: "1月7日开工",
				total: "3800.00", plan: "2000.00", done: "900.00", cum: "900.00", planStart: "2025-01-05", actualStart: "2025-07-01"},
			// The duplicate: a space and full-width brackets, kept as written.
			{row: 26, name: "陵川县崇文镇污水处理厂 提标改造项目（一期）", owner: "陵川县城乡水务有限公司", town: "崇文镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县住建局", lead: "王建军", status: "已复工", stats: "是",
				total: "3600.00", plan: "1500.00", done: "640.00", cum: "2840.00", planStart: "2025-03-01", actualStart: "2025-03-03"},
			// No 项目名称, but a project row all the same.
			{row: 31, name: "", code: "2407-140524-48-01-104278", owner: "陵川县交通投资建设有限公司", town: "平城镇",
				nature: "续建", category: "基础设施", level: "县重点", unit: "县交通局", lead: "陈国栋", status: "已复工", stats: "是",
				total: "4200.00", plan: "1600.00", done: "700.00", cum: "3100.00", planStart: "2025-03-01", actualStart: "2025-03-08"},
			{row: 32, name: "陵川县西河底镇卫生院提升改造项目", code: "2502-140524-84-01-104289", owner: "陵川县西河底镇卫生院", town: "西河底镇",
				nature: "新建", category: "社会民生", level: "县重点", unit: "县卫健局", lead: "赵文华", status: "已开工", stats: "是",
				total: "900.00", plan: "", done: "300.00", cum: "300.00", planStart: "2025-03-01", actualStart: "2025-03-09"},
			{row: 34, name: "陵川县国道207线陵川段改建工程", code: "2209-140524-48-01-104301", owner: "陵川县交通运输局", town: "崇文镇",
				nature: "续建", category: "基础设施", level: "省重点", unit: "县交通局", lead: "", status: "已复工", stats: "是",
				total: "52000.00", plan: "6000.00", done: "2600.00", cum: "31600.00", planStart: "2025-02-20", actualStart: "2025-02-25"},
		},
		totals: []sampleTot{
			// K42 and M42 are empty: not given, so not in the map. L42 is 100.00 too high.
			{42, "合计", map[Field]string{FieldPlan: "80900.00", FieldCumDone: "142265.00"}, sampleRows(4, 41)},
		},
		problems: []sampleProb{
			{ProblemBadDate, 5, "P", FieldActualStart, "2025.13.1"},
			{ProblemBadDate, 7, "O", FieldPlanStart, "待定"},
			{ProblemBadNumber, 9, "K", FieldTotal, "约3000"},
			{ProblemBadNumber, 11, "M", FieldDone, "#REF!"},
		},
	},
	{
		file: "逐月台账.xlsx", sheet: "月度调度", fields: 15, kind: KindKaifugong, headerRows: []int{3},
		year: 2025, yearSource: "title", asOf: "2025-05-31", asOfSource: "monthly", month: 5,
		title: "附城镇2025年重点项目月度调度表",
		cols: []sampleCol{
			{"B", "项目名称", FieldName, UnitWan, 0},
			{"D", "建设性质", FieldNature, UnitWan, 0},
			{"H", "总投资", FieldTotal, UnitWan, 0},
			{"I", "年度计划投资", FieldPlan, UnitWan, 0},
			{"J", "开工/计划开工时间", FieldStartEither, UnitWan, 0},
			{"K", "3月实际完成投资", FieldMonthDone, UnitWan, 3},
			{"L", "4月实际完成投资", FieldMonthDone, UnitWan, 4},
			{"M", "5月实际完成投资", FieldMonthDone, UnitWan, 5},
			{"N", "5月形象进度", FieldProgress, UnitWan, -1},
			{"O", "存在问题", FieldProblems, UnitWan, 0},
		},
		// 本年完成 is the sum of the month columns, pointed at the latest; the one date
		// column stands for both start dates.
		fieldCols:   map[Field]string{FieldDone: "M", FieldActualStart: "J", FieldPlanStart: "J", FieldStatus: "", FieldCumDone: ""},
		projectRows: sampleRows(4, 14),
		projects: []sampleProj{
			{row: 4, name: "陵川县附城镇太行山大峡谷康养项目", owner: "山西大峡谷康养产业有限公司",
				nature: "续建", category: "文旅", unit: "县文旅局", lead: "陈国栋", progress: "主体封顶，开始内部装修",
				total: "28000.00", plan: "6000.00", done: "2800.50", monthDone: "1020.50", planStart: "", actualStart: "2025-03-01"},
			// J8 2025-03-28 is an actual start though K8 is 0.00.
			{row: 8, name: "陵川县附城镇30MW分布式光伏项目", owner: "陵川县光合新能源有限公司",
				nature: "新建", category: "能源", unit: "县能源局", lead: "张海峰", progress: "支架基础施工",
				total: "12000.00", plan: "8000.00", done: "3350.00", monthDone: "1850.00", planStart: "", actualStart: "2025-03-28"},
			{row: 11, name: "陵川县附城镇肉牛养殖示范园项目", owner: "陵川县牧源农业开发有限公司",
				nature: "新建", category: "农业", unit: "县农业农村局", lead: "刘晓明", progress: "场地平整",
				total: "4200.00", plan: "2500.00", done: "360.00", monthDone: "360.00", planStart: "", actualStart: "2025-05-08"},
			// J12 2025-07-15 is after 05-31: a plan. K–M empty.
			{row: 12, name: "陵川县附城镇商贸物流园项目", owner: "陵川县通汇商贸物流有限公司",
				nature: "新建", category: "招商引资", unit: "县工信局", lead: "李志强", problems: "土地招拍挂程序进行中",
				total: "18000.00", plan: "4000.00", done: "", monthDone: "", planStart: "2025-07-15", actualStart: ""},
			// K–M "—".
			{row: 13, name: "陵川县附城镇文化活动中心项目", owner: "附城镇人民政府",
				nature: "新建", category: "社会民生", unit: "县文旅局", lead: "赵文华", problems: "施工图审查中",
				total: "1800.00", plan: "800.00", done: "", monthDone: "", planStart: "2025-09-01", actualStart: ""},
		},
		totals: []sampleTot{
			// K15, L15, M15 = 2390.00, 4680.00, 5631.00: each month's column is its own
			// total (see TestSampleMonthTotals), not folded into 本年完成.
			{15, "合计", map[Field]string{FieldTotal: "99900.00", FieldPlan: "35700.00"}, sampleRows(4, 14)},
		},
	},
}

func sampleName(s sampleLedger) string {
	if s.opts.Sheet != "" {
		return s.file + "#" + s.opts.Sheet
	}
	return s.file
}

func TestSampleLedgers(t *testing.T) {
	for _, s := range sampleLedgers {
		t.Run(sampleName(s), func(t *testing.T) {
			l, err := Read(filepath.Join(sampleDir, s.file), s.opts)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			checkSampleLedger(t, s, l)
		})
	}
}

func checkSampleLedger(t *testing.T, s sampleLedger, l *Ledger) {
	t.Helper()
	if l.Sheet != s.sheet {
		t.Errorf("Sheet = %q, want %q", l.Sheet, s.sheet)
	}
	if l.Kind != s.kind {
		t.Errorf("Kind = %q, want %q", l.Kind, s.kind)
	}
	if !slices.Equal(l.HeaderRows, s.headerRows) {
		t.Errorf("HeaderRows = %v, want %v", l.HeaderRows, s.headerRows)
	}
	if l.Year != s.year || l.YearSource != s.yearSource {
		t.Errorf("Year = %d (%s), want %d (%s)", l.Year, l.YearSource, s.year, s.yearSource)
	}
	if l.AsOf.String() != s.asOf || l.AsOfSource != s.asOfSource {
		t.Errorf("AsOf = %s (%s), want %s (%s)", l.AsOf, l.AsOfSource, s.asOf, s.asOfSource)
	}
	if !l.AsOf.HasDay() {
		t.Errorf("AsOf %s has no day; the as-of date is day precision", l.AsOf)
	}
	if l.Month != s.month {
		t.Errorf("Month = %d, want %d", l.Month, s.month)
	}
	if l.NatureFromSections != s.natureFromSections {
		t.Errorf("NatureFromSections = %v, want %v", l.NatureFromSections, s.natureFromSections)
	}
	if l.Title != s.title {
		t.Errorf("Title = %q, want %q", l.Title, s.title)
	}
	if l.Filler != s.filler {
		t.Errorf("Filler = %q, want %q", l.Filler, s.filler)
	}

	// Columns by letter: the first column read at that letter.
	for _, want := range s.cols {
		var got *Column
		for i := range l.Columns {
			if l.Columns[i].Letter == want.letter {
				got = &l.Columns[i]
				break
			}
		}
		if got == nil {
			t.Errorf("column %s: missing, want %s %q", want.letter, want.field, want.header)
			continue
		}
		if got.Field != want.field || got.Header != want.header || want.month >= 0 && got.Month != want.month {
			t.Errorf("column %s = %s %q month %d, want %s %q month %d", want.letter, got.Field, got.Header, got.Month, want.field, want.header, want.month)
		}
		if want.field.Type() == TypeAmount && got.Unit != want.unit {
			t.Errorf("column %s (%s) unit = %s, want %s", want.letter, want.field, got.Unit, want.unit)
		}
	}
	letters := map[string]bool{}
	for _, c := range l.Columns {
		if c.Field != "" {
			letters[c.Letter] = true
		}
	}
	if len(letters) != s.fields {
		t.Errorf("%d columns read as a field, want %d", len(letters), s.fields)
	}
	for f, letter := range s.fieldCols {
		c := l.Column(f)
		switch {
		case letter == "" && c != nil:
			t.Errorf("Column(%s) = %s %q, want none", f, c.Letter, c.Header)
		case letter != "" && c == nil:
			t.Errorf("Column(%s) = none, want %s", f, letter)
		case letter != "" && c.Letter != letter:
			t.Errorf("Column(%s) = %s, want %s", f, c.Letter, letter)
		}
	}

	// Projects: every project row and nothing else (no total, section, blank or note row).
	var rows []int
	withCode := 0
	for _, p := range l.Projects {
		rows = append(rows, p.Row)
		if p.Code != "" {
			withCode++
			if n := len([]rune(p.Code)); n != 24 {
				t.Errorf("row %d: 项目代码 %q has %d characters, want 24", p.Row, p.Code, n)
			}
		}
	}
	if !slices.Equal(rows, s.projectRows) {
		t.Errorf("%d projects on rows %v, want %d on rows %v", len(rows), rows, len(s.projectRows), s.projectRows)
	}
	if withCode != s.withCode {
		t.Errorf("%d projects have a 项目代码, want %d", withCode, s.withCode)
	}
	byRow := map[int]*Project{}
	for i := range l.Projects {
		byRow[l.Projects[i].Row] = &l.Projects[i]
	}
	for _, want := range s.projects {
		p := byRow[want.row]
		if p == nil {
			t.Errorf("row %d: no project", want.row)
			continue
		}
		checkSampleProject(t, want, p)
	}

	// Totals, with the rows each covers.
	if len(l.Totals) != len(s.totals) {
		t.Errorf("%d total rows, want %d", len(l.Totals), len(s.totals))
	}
	for i, want := range s.totals {
		if i >= len(l.Totals) {
			break
		}
		got := l.Totals[i]
		if got.Row != want.row || got.Label != want.label {
			t.Errorf("total %d: row %d %q, want row %d %q", i, got.Row, got.Label, want.row, want.label)
		}
		amounts := map[Field]string{}
		for f, a := range got.Amounts {
			amounts[f] = a.String()
		}
		if !reflect.DeepEqual(amounts, want.amounts) {
			t.Errorf("total row %d amounts = %v, want %v", want.row, amounts, want.amounts)
		}
		var covers []int
		for _, j := range got.Covers {
			if j < 0 || j >= len(l.Projects) {
				t.Errorf("total row %d covers project index %d of %d", want.row, j, len(l.Projects))
				continue
			}
			covers = append(covers, l.Projects[j].Row)
		}
		if !slices.Equal(covers, want.covers) {
			t.Errorf("total row %d covers rows %v, want %v", want.row, covers, want.covers)
		}
	}

	// Problems: exactly the unreadable cells.
	var got []sampleProb
	for _, pr := range l.Problems {
		got = append(got, sampleProb{pr.Kind, pr.Row, ColumnLetter(pr.Col), pr.Field, pr.Value})
	}
	if !reflect.DeepEqual(got, s.problems) {
		t.Errorf("problems:\n got %v\nwant %v", got, s.problems)
	}

	// A 开复工台账 has no financing columns, so no row carries the financing cells.
	if l.Kind == KindKaifugong {
		for i := range l.Projects {
			if fin := l.Projects[i].Fin; fin != nil {
				t.Errorf("row %d has financing cells %+v", l.Projects[i].Row, *fin)
			}
		}
	}
}

func checkSampleProject(t *testing.T, want sampleProj, p *Project) {
	t.Helper()
	text := []struct {
		what      string
		got, want string
	}{
		{"项目名称", p.Name, want.name},
		{"项目代码", p.Code, want.code},
		{"建设单位", p.Owner, want.owner},
		{"所在乡镇", p.Town, want.town},
		{"建设性质", p.Nature, want.nature},
		{"项目类别", p.Category, want.category},
		{"项目级别", p.Level, want.level},
		{"责任单位", p.Unit, want.unit},
		{"包联领导", p.Leader, want.lead},
		{"开工状态", p.Status, want.status},
		{"是否入库", p.Stats, want.stats},
		{"存在问题", p.Problems, want.problems},
		{"备注", p.Remark, want.remark},
		{"形象进度", p.Progress, want.progress},
		{"section", p.Section, want.section},
		{"总投资", p.Total.String(), want.total},
		{"年度计划投资", p.Plan.String(), want.plan},
		{"本年完成投资", p.Done.String(), want.done},
		{"本月完成投资", p.MonthDone.String(), want.monthDone},
		{"累计完成投资", p.CumDone.String(), want.cum},
		{"计划开工时间", p.PlanStart.String(), want.planStart},
		{"实际开工时间", p.ActualStart.String(), want.actualStart},
	}
	for _, c := range text {
		if c.got != c.want {
			t.Errorf("row %d %s = %q, want %q", want.row, c.what, c.got, c.want)
		}
	}
	if p.NatureFromSection != want.natureFromSection {
		t.Errorf("row %d NatureFromSection = %v, want %v", want.row, p.NatureFromSection, want.natureFromSection)
	}
}

// TestSampleCSVEncodings: the GBK and the UTF-8-with-BOM CSV hold the same text, so
// they must read the same, apart from the file and the sheet named after it.
func TestSampleCSVEncodings(t *testing.T) {
	gbk, err := Read(filepath.Join(sampleDir, "开复工台账_gbk.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	bom, err := Read(filepath.Join(sampleDir, "开复工台账_utf8bom.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	gbk.File, bom.File = "", ""
	gbk.Sheet, bom.Sheet = "", ""
	if !reflect.DeepEqual(gbk, bom) {
		t.Errorf("the GBK and UTF-8 CSV read differently:\n gbk %+v\n bom %+v", gbk, bom)
	}
}

// TestSampleMonthPrecision: a month-only date keeps its precision and compares by month
// (礼义镇 H17 "2025年3月" counts as on or before 03-31; G16 "2025年6月" is not past 05-31).
func TestSampleMonthPrecision(t *testing.T) {
	l, err := Read(filepath.Join(sampleDir, "礼义镇开复工台账.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	find := func(row int) *Project {
		for i := range l.Projects {
			if l.Projects[i].Row == row {
				return &l.Projects[i]
			}
		}
		t.Fatalf("no project on row %d", row)
		return nil
	}
	h17 := find(17).ActualStart
	if h17.HasDay() || h17.Compare(DayDate(2025, 3, 31)) > 0 {
		t.Errorf("H17 %s: want month precision, on or before 2025-03-31", h17)
	}
	g16 := find(16).PlanStart
	if g16.HasDay() || g16.Compare(DayDate(2025, 5, 31)) <= 0 {
		t.Errorf("G16 %s: want month precision, after 2025-05-31", g16)
	}
	if g19 := find(19).PlanStart; g19.HasDay() || g19.Compare(DayDate(2025, 5, 31)) <= 0 {
		t.Errorf("G19 %s: want month precision, after 2025-05-31", g19)
	}
}

// The month-by-month sample's 合计 row gives each month's column its own total.
func TestSampleMonthTotals(t *testing.T) {
	l, err := Read(filepath.Join(sampleDir, "逐月台账.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var months []string
	for _, c := range l.MonthColumns() {
		months = append(months, c.Letter)
	}
	if strings.Join(months, ",") != "K,L,M" {
		t.Fatalf("month columns %v, want K,L,M", months)
	}
	total := l.Totals[len(l.Totals)-1]
	var got []string
	for _, a := range total.Months {
		got = append(got, a.String())
	}
	if strings.Join(got, ",") != "2390.00,4680.00,5631.00" {
		t.Errorf("month totals %v", got)
	}
	if p := l.Projects[0]; len(p.Months()) != 3 || p.Done.String() != p.Months()[0].Add(p.Months()[1]).Add(p.Months()[2]).String() {
		t.Errorf("first project: months %v, done %s", p.Months(), p.Done)
	}
}
