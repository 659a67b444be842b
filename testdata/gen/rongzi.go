package main

// 融资需求台账.xlsx — the county's financing ledger, to be joined with 全县开复工台账.xlsx.
//
// Quirks:
//   - merged title "陵川县2025年重点项目融资需求台账（截至2025年5月底）", a "填报单位：" line
//     and "单位：万元" at the right; a TWO-level header (rows 3–4): single columns
//     merged vertically, "融资情况（万元）" merged over 融资需求金额 | 授信金额 | 签约金额 |
//     已到位资金; "总投资（亿元）" in 亿元 by its suffix.
//   - header variants, not canonical names: 融资主体, 拟融资方式, 意向银行, 对接进展,
//     融资需求金额, 已到位资金, 需协调事项.
//   - amounts typed as text in places ("8,000.00", "1,500", " 3000 ", "20,000",
//     "9,000.00"), empty markers "—" and "-"; 对接时间 as dates and as text
//     ("2025.3.18", "2025年5月"); a correct "合计：15个" row at the bottom, then a note.
//   - 15 projects: one matches a 开复工台账 project only by 项目代码 (its name is written
//     differently), twelve by name, one of them written with spaces and half-width
//     brackets where the 开复工台账 has none and full-width ones (it MUST still match),
//     two name projects that are in no 开复工台账 (unknown-project when joined).
//   - injected: one financing-unassigned (a need, no bank, 未对接), one funds-exceed-need
//     (已到位 above the need), one status-conflict (已放款 with no 放款金额); a 终止 row
//     with a need and no bank that must NOT be flagged. Nothing else is wrong.

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// opt is an amount cell that may be empty ("not given", not zero).
type opt struct {
	v   cents
	set bool
}

func some(x float64) opt { return opt{wan(x), true} }

var none = opt{}

// finRow is one row of the financing ledger as the generator means it.
type finRow struct {
	code, name, owner, town string
	total                   cents // 总投资, written in 亿元
	method, bank, status    string
	need, credit            opt
	signed, disbursed       opt
	dockDate                day
	contact, phone          string
	problems, remark        string
	// raw: cells typed as text, by column field id; they must mean what the typed fields say.
	raw map[string]string
	// county is the 开复工台账 name this row stands for ("" for a project in no ledger);
	// by says how a reader should find it: "code", "name" or "unknown".
	county, by string
	// findings injected into this row: rule and the column of its cell.
	inject []finFinding
}

type finFinding struct{ rule, field string }

// rongziCols are the columns A–R; group marks the four under "融资情况（万元）".
var rongziCols = []struct {
	header string
	width  float64
	field  string
	kind   kind
	group  bool
}{
	{"序号", 6, "seq", kCenter, false},
	{"项目代码", 26, "code", kText, false},
	{"项目名称", 34, "name", kWrap, false},
	{"融资主体", 26, "owner", kWrap, false},
	{"所在乡镇", 9, "town", kCenter, false},
	{"总投资（亿元）", 10, "total", kYi, false},
	{"拟融资方式", 14, "method", kCenter, false},
	{"意向银行", 22, "bank", kWrap, false},
	{"对接进展", 9, "status", kCenter, false},
	{"融资需求金额", 11, "need", kAmount, true},
	{"授信金额", 11, "credit", kAmount, true},
	{"签约金额", 11, "signed", kAmount, true},
	{"已到位资金", 11, "disbursed", kAmount, true},
	{"对接时间", 12, "dock_date", kDate, false},
	{"联系人", 8, "contact", kCenter, false},
	{"联系电话", 13, "phone", kCenter, false},
	{"需协调事项", 24, "problems", kWrap, false},
	{"备注", 14, "remark", kWrap, false},
}

// rongziRows: 15 financing rows. 13 name projects of 全县开复工台账.xlsx (one found by
// code only, one by a spacing/bracket variant of its name), 2 name projects in no ledger.
func rongziRows() []finRow {
	return []finRow{
		{code: pcode("2210", "48", "01", 100013), name: "国道341线陵川城区过境段改线项目", owner: "陵川县交通运输局", town: "崇文镇", total: wan(68000),
			method: "政策性开发性金融工具", bank: "国家开发银行山西省分行", status: "已放款",
			need: some(20000), credit: some(20000), signed: some(20000), disbursed: some(20000), dockDate: d(3, 20), contact: "王志刚", phone: "0356-6212301",
			county: "陵川县国道341线城区过境段改线工程", by: "code"},
		{name: "陵川县礼义镇中药材精深加工产业园项目", owner: "山西太行本草药业有限公司", town: "礼义镇", total: wan(36000),
			method: "制造业中长期贷款", bank: "中国农业银行陵川县支行", status: "已签约",
			need: some(8000), credit: some(8000), signed: some(6000), disbursed: none, dockDate: d(4, 15), contact: "李红梅", phone: "13903561234",
			raw:    map[string]string{"need": "8,000.00", "disbursed": "—"},
			county: "陵川县礼义镇中药材精深加工产业园项目", by: "name"},
		{name: "陵川县西河底镇100MW农光互补光伏发电项目", owner: "陵川县晶能新能源有限公司", town: "西河底镇", total: wan(42000),
			method: "银行贷款", bank: "中国工商银行陵川支行", status: "部分放款",
			need: some(15000), credit: some(15000), signed: some(15000), disbursed: some(9000), dockDate: d(3, 18), contact: "赵晓东", phone: "13503562345",
			raw:    map[string]string{"disbursed": "9,000.00", "dock_date": "2025.3.18"},
			county: "陵川县西河底镇100MW农光互补光伏发电项目", by: "name"},
		// Spaces and half-width brackets; the 开复工台账 writes "（附城段）" without spaces.
		{name: "陵川县太行山旅游公路 (附城段) 改造工程", owner: "陵川县交通投资建设有限公司", town: "附城镇", total: wan(15600),
			method: "银行贷款", bank: "中国建设银行陵川支行", status: "已授信",
			need: some(6000), credit: some(5000), signed: none, disbursed: none, dockDate: d(5, 8), contact: "陈立", phone: "0356-6212302",
			county: "陵川县太行山旅游公路（附城段）改造工程", by: "name"},
		{name: "陵川县人民医院医技综合楼项目", owner: "陵川县人民医院", town: "崇文镇", total: wan(18600),
			method: "专项债券", bank: "中国银行陵川支行", status: "已放款",
			need: some(4000), credit: none, signed: none, disbursed: some(4000), dockDate: d(2, 28), contact: "郭敏", phone: "0356-6212303",
			remark: "专项债券资金已拨付", raw: map[string]string{"credit": "-", "signed": "-"},
			county: "陵川县人民医院医技综合楼项目", by: "name"},
		{name: "陵川县附城镇新能源汽车零部件制造项目", owner: "山西瑞驰汽车零部件有限公司", town: "附城镇", total: wan(26000),
			method: "制造业中长期贷款", bank: "中国农业银行陵川县支行", status: "审批中",
			need: some(9850.50), credit: none, signed: none, disbursed: none, dockDate: d(5, 20), contact: "孙建华", phone: "13835612345",
			problems: "环评批复待取得，银行审批需补充材料",
			county:   "陵川县附城镇新能源汽车零部件制造项目", by: "name"},
		{name: "陵川县西河底镇200MW风电项目", owner: "华润新能源（陵川）有限公司", town: "西河底镇", total: wan(80000),
			method: "银行贷款", bank: "国家开发银行山西省分行", status: "已签约",
			need: some(30000), credit: some(30000), signed: some(20000), disbursed: none, dockDate: d(5, 26), contact: "周平", phone: "13703563456",
			raw:    map[string]string{"signed": "20,000"},
			county: "陵川县西河底镇200MW风电项目", by: "name"},
		{name: "陵川县平城镇农产品冷链物流园项目", owner: "陵川县冷链物流有限公司", town: "平城镇", total: wan(8200),
			method: "银行贷款", bank: "晋城银行陵川支行", status: "已放款",
			need: some(3000), credit: some(3500), signed: some(3500), disbursed: some(3200), dockDate: d(4, 28), contact: "吴刚", phone: "13603564567",
			county: "陵川县平城镇农产品冷链物流园项目", by: "name",
			inject: []finFinding{{"funds-exceed-need", "disbursed"}}},
		{name: "陵川县杨村镇文旅康养综合体项目", owner: "山西太行文旅康养有限公司", town: "杨村镇", total: wan(32000),
			method: "基金", bank: "山西省文旅产业投资基金", status: "已对接",
			need: some(12000), credit: none, signed: none, disbursed: none, dockDate: d(5, 15), contact: "郑丽", phone: "13403565678",
			problems: "林地占用手续正在报批，基金尽调待启动",
			county:   "陵川县杨村镇文旅康养综合体项目", by: "name"},
		{name: "陵川县崇文镇城区雨污分流改造工程", owner: "陵川县住房和城乡建设管理局", town: "崇文镇", total: wan(4600),
			method: "银行贷款", bank: "陵川农商银行", status: "已放款",
			need: some(2000), credit: some(2000), signed: some(2000), disbursed: none, dockDate: d(4, 10), contact: "冯涛", phone: "0356-6212304",
			county: "陵川县崇文镇城区雨污分流改造工程", by: "name",
			inject: []finFinding{{"status-conflict", "status"}}},
		{name: "陵川县礼义镇应急水源工程", owner: "陵川县城乡水务有限公司", town: "礼义镇", total: wan(1600),
			method: "银行贷款", bank: "", status: "未对接",
			need: some(1500), credit: none, signed: none, disbursed: none, contact: "何伟", phone: "13303566789",
			problems: "用地预审手续正在办理", raw: map[string]string{"need": "1,500"},
			county: "陵川县礼义镇应急水源工程", by: "name",
			inject: []finFinding{{"financing-unassigned", "bank"}}},
		{name: "陵川县西河底镇光伏储能电站项目", owner: "陵川县储能科技有限公司", town: "西河底镇", total: wan(12000),
			method: "融资租赁", bank: "华润融资租赁有限公司", status: "已对接",
			need: some(8000), credit: none, signed: none, disbursed: none, dockDate: month(5), contact: "许磊", phone: "13203567890",
			problems: "接入系统方案待电网公司批复", raw: map[string]string{"dock_date": "2025年5月"},
			county: "陵川县西河底镇光伏储能电站项目", by: "name"},
		// 终止, a need and no bank: not financing-unassigned.
		{name: "陵川县杨村镇滑雪场配套设施项目", owner: "陵川县冰雪运动发展有限公司", town: "杨村镇", total: wan(3000),
			method: "银行贷款", bank: "", status: "终止",
			need: some(2000), credit: none, signed: none, disbursed: none, contact: "秦亮", phone: "13103568901",
			remark: "投资方撤资，项目终止",
			county: "陵川县杨村镇滑雪场配套设施项目", by: "name"},
		// In no 开复工台账.
		{name: "陵川县古郊乡森林康养基地项目", owner: "陵川县古郊森林旅游开发有限公司", town: "古郊乡", total: wan(9000),
			method: "银行贷款", bank: "中国邮政储蓄银行陵川县支行", status: "已对接",
			need: some(5000), credit: none, signed: none, disbursed: none, dockDate: d(5, 12), contact: "韩梅", phone: "13003569012",
			by: "unknown", inject: []finFinding{{"unknown-project", "name"}}},
		{name: "陵川县六泉乡光伏扶贫电站扩容项目", owner: "陵川县六泉新能源有限公司", town: "六泉乡", total: wan(4500),
			method: "银行贷款", bank: "中国银行陵川支行", status: "审批中",
			need: some(3000), credit: none, signed: none, disbursed: none, dockDate: d(5, 28), contact: "杨帆", phone: "18903560123",
			raw: map[string]string{"need": " 3000 "},
			by:  "unknown", inject: []finFinding{{"unknown-project", "name"}}},
	}
}

// rongziFirstRow is the sheet row of the first project (below the two header rows).
const rongziFirstRow = 5

// writeRongzi writes 融资需求台账.xlsx.
func writeRongzi(path string) ([]finRow, error) {
	const sheet = "融资需求台账"
	rs := rongziRows()
	b, err := newBook("陵川县2025年重点项目融资需求台账", "县发改局", false)
	if err != nil {
		return nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	n := len(rongziCols)
	for i, c := range rongziCols {
		name := colName(i + 1)
		if err := f.SetColWidth(sheet, name, name, c.width); err != nil {
			return nil, err
		}
	}
	if err := b.merge(sheet, 1, 1, n, 1, "陵川县2025年重点项目融资需求台账（截至2025年5月底）", b.st.title); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(sheet, 1, 32); err != nil {
		return nil, err
	}
	if err := b.merge(sheet, 1, 2, 5, 2, "填报单位：县发改局（攻坚专班办公室）", b.st.filler); err != nil {
		return nil, err
	}
	if err := b.set(sheet, n, 2, "单位：万元", b.st.unit); err != nil {
		return nil, err
	}
	// Two-level header: the group over its four columns, the others merged down.
	groupFrom, groupTo := 0, 0
	for i, c := range rongziCols {
		col := i + 1
		if c.group {
			if groupFrom == 0 {
				groupFrom = col
			}
			groupTo = col
			if err := b.set(sheet, col, 4, c.header, b.st.header); err != nil {
				return nil, err
			}
			continue
		}
		if err := b.merge(sheet, col, 3, col, 4, c.header, b.st.header); err != nil {
			return nil, err
		}
	}
	if err := b.merge(sheet, groupFrom, 3, groupTo, 3, "融资情况（万元）", b.st.header); err != nil {
		return nil, err
	}
	for _, r := range []int{3, 4} {
		if err := f.SetRowHeight(sheet, r, 24); err != nil {
			return nil, err
		}
	}
	row := rongziFirstRow
	for i := range rs {
		for ci, c := range rongziCols {
			v, style := b.finValue(i+1, &rs[i], c.field, c.kind)
			if err := b.set(sheet, ci+1, row, v, style); err != nil {
				return nil, fmt.Errorf("row %d %s: %w", row, c.header, err)
			}
		}
		row++
	}
	// 合计：N个, the label merged over 序号..所在乡镇, every amount column summed.
	if err := b.merge(sheet, 1, row, 5, row, fmt.Sprintf("合计：%d个", len(rs)), b.st.totalText); err != nil {
		return nil, err
	}
	for ci := 5; ci < n; ci++ {
		c := rongziCols[ci]
		var v any
		style := b.st.totalText
		switch c.kind {
		case kYi:
			v, style = finSum(rs, c.field).yi(), b.st.totalYi
		case kAmount:
			v, style = finSum(rs, c.field).float(), b.st.totalAmount
		}
		if err := b.set(sheet, ci+1, row, v, style); err != nil {
			return nil, err
		}
	}
	if err := b.set(sheet, 1, row+2, "注：对接进展按“未对接、已对接、审批中、已授信、已签约、部分放款、已放款、终止、不需融资”填写；已到位资金含银行放款和债券资金拨付。", b.st.note); err != nil {
		return nil, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("填报说明"); err != nil {
		return nil, err
	}
	if err := b.textSheet("填报说明", []string{
		"融资需求台账填报说明",
		"一、本表由各项目单位每月3日前报县发改局（攻坚专班办公室），金额单位为万元。",
		"二、拟融资方式按银行贷款、专项债券、中央预算内投资、超长期特别国债、政策性开发性金融工具、制造业中长期贷款、PPP/特许经营、融资租赁、信托、基金、自筹填写。",
		"三、意向银行填写正在对接的金融机构全称；尚未对接的请留空，由专班组织“项目+金融机构”对接会。",
	}); err != nil {
		return nil, err
	}
	return rs, b.save(path)
}

// finValue is the cell of one field of a financing row: the raw text when the clerk
// typed one, else the typed value.
func (b *book) finValue(seq int, r *finRow, field string, k kind) (any, int) {
	style := b.styleFor(k)
	if s, ok := r.raw[field]; ok {
		return s, b.st.center
	}
	amount := func(o opt) any {
		if !o.set {
			return nil
		}
		return o.v.float()
	}
	switch field {
	case "seq":
		return seq, style
	case "code":
		return orNil(r.code), style
	case "name":
		return orNil(r.name), style
	case "owner":
		return orNil(r.owner), style
	case "town":
		return orNil(r.town), style
	case "total":
		return r.total.yi(), style
	case "method":
		return orNil(r.method), style
	case "bank":
		return orNil(r.bank), style
	case "status":
		return orNil(r.status), style
	case "need":
		return amount(r.need), style
	case "credit":
		return amount(r.credit), style
	case "signed":
		return amount(r.signed), style
	case "disbursed":
		return amount(r.disbursed), style
	case "dock_date":
		if r.dockDate.none() {
			return nil, style
		}
		return r.dockDate.serial(false), style
	case "contact":
		return orNil(r.contact), style
	case "phone":
		return orNil(r.phone), style
	case "problems":
		return orNil(r.problems), style
	case "remark":
		return orNil(r.remark), style
	}
	return nil, style
}

func (r *finRow) amount(field string) opt {
	switch field {
	case "total":
		return opt{r.total, true}
	case "need":
		return r.need
	case "credit":
		return r.credit
	case "signed":
		return r.signed
	case "disbursed":
		return r.disbursed
	}
	panic("no amount field " + field)
}

func finSum(rs []finRow, field string) cents {
	var s cents
	for i := range rs {
		if a := rs[i].amount(field); a.set {
			s += a.v
		}
	}
	return s
}
