package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The 逐月 samples: one county's ledgers month by month (2–5月 of 2025), for the
// 月度走势 of `gongjian report --history`. Each month's ledger is written as a clerk
// of the 县发改局 sends it, so the reporting month must be read from the ledger, not
// from the file name:
//
//   - 2月: a month-by-month export ("1月实际完成投资", "2月实际完成投资", one
//     "开工/计划开工时间" column, no status), file "1-2月调度表.xlsx"; as-of from the
//     monthly columns.
//   - 3月: "本年完成投资" with no month; title "…（截至2025年3月31日）", file
//     "3月份台账（县发改局）.xlsx"; as-of from the title.
//   - 4月: "1—4月累计完成" (an em dash), rows sorted by 乡镇, file "台账-最新.xlsx"
//     (its name says no month); as-of from the header.
//   - 5月: "1-5月完成投资", one project more (杨村镇, started 5月8日), file
//     "5月台账.xlsx".
//   - 2024年: last year's December ledger ("1-12月完成投资"), left in the folder as
//     clerks do: another year, to be left out.
//
// Folders: 全年 (all of them), 缺月 (3月 missing), 重复 (a second 4月 ledger,
// "4月台账（修改后）.xlsx", with one figure corrected).
//
// The figures are chosen so that the trend shows every case: a rank up, down, level
// and new; two 县直部门 showing the same 完成率 (42.0%) and so the same rank; 礼义镇
// and 县住建局 below 序时进度 in April and May (预警); 县能源局 below in March and May
// but not April, 西河底镇 and 附城镇 below in May only (no 预警); and 县住建局's May gap,
// exactly −5.25 个百分点, which rounds half up to −5.3 (a float64 subtraction gives
// −5.2499…).

// yearProject is a project through the year.
type yearProject struct {
	project
	from int           // the first month whose ledger lists it
	done map[int]cents // month → 1-N月 完成投资 at the month's end
	jan  cents         // January's part of done[2], for the month-by-month export
}

func yearProjects() []yearProject {
	type row struct {
		code, name, town, unit, leader, nature string
		total, plan                            float64
		planStart, start                       day
		from                                   int
		done                                   [4]float64 // 2月, 3月, 4月, 5月
		jan                                    float64
	}
	rows := []row{
		{pcode("2301", "44", "01", 200101), "陵川县城区供热管网改造二期工程", "崇文镇", "县住建局", "王建军", "续建", 9800, 3000, d(2, 15), d(2, 20), 2, [4]float64{300, 600, 900, 1400}, 0},
		{pcode("2210", "48", "01", 200102), "陵川县国道341线城区段改线工程", "崇文镇", "县交通局", "陈国栋", "续建", 52000, 5000, d(3, 1), d(3, 5), 2, [4]float64{0, 700, 2880, 3996}, 0},
		{pcode("2503", "47", "01", 200103), "陵川县崇文镇老旧小区改造项目", "崇文镇", "县住建局", "王建军", "新建", 4200, 2000, d(4, 1), d(4, 12), 2, [4]float64{0, 0, 220, 485}, 0},
		{pcode("2309", "36", "03", 200104), "陵川县附城镇汽车零部件制造项目", "附城镇", "县工信局", "李志强", "续建", 26000, 4000, d(2, 10), d(2, 15), 2, [4]float64{600, 1450, 1870, 2055}, 100},
		{pcode("2501", "44", "03", 200105), "陵川县附城镇分布式光伏发电项目", "附城镇", "县能源局", "张海峰", "新建", 12000, 6000, d(3, 15), d(3, 20), 2, [4]float64{0, 600, 1680, 1700}, 0},
		{pcode("2504", "85", "01", 200106), "陵川县附城镇养老服务中心项目", "附城镇", "县住建局", "赵文华", "新建", 1800, 1000, d(4, 15), d(4, 25), 2, [4]float64{0, 0, 200, 300}, 0},
		{pcode("2209", "27", "03", 200107), "陵川县礼义镇中药材加工产业园项目", "礼义镇", "县工信局", "李志强", "续建", 18000, 2500, d(3, 1), d(3, 1), 2, [4]float64{0, 500, 600, 1000}, 0},
		{pcode("2505", "46", "01", 200108), "陵川县礼义镇应急水源工程", "礼义镇", "县水务局", "刘晓明", "新建", 1600, 1500, d(5, 1), d(5, 10), 2, [4]float64{0, 0, 0, 100}, 0},
		{pcode("2306", "44", "02", 200109), "陵川县西河底镇农光互补光伏发电项目", "西河底镇", "县能源局", "张海峰", "续建", 42000, 6000, d(2, 20), d(2, 28), 2, [4]float64{800, 2280, 2700, 2750}, 0},
		{pcode("2506", "48", "01", 200110), "陵川县西河底镇农村道路提质工程", "西河底镇", "县交通局", "陈国栋", "新建", 3400, 3000, d(6, 1), day{}, 2, [4]float64{0, 0, 0, 0}, 0},
		{pcode("2404", "46", "01", 200111), "陵川县西河底镇污水处理厂提标改造工程", "西河底镇", "县水务局", "刘晓明", "续建", 2800, 1200, d(3, 5), d(3, 10), 2, [4]float64{0, 300, 756, 1035}, 0},
		{pcode("2505", "88", "03", 200112), "陵川县杨村镇文旅康养综合体项目", "杨村镇", "县交通局", "陈国栋", "新建", 8000, 2000, d(5, 1), d(5, 8), 5, [4]float64{0, 0, 0, 200}, 0},
	}
	out := make([]yearProject, len(rows))
	for i, r := range rows {
		p := project{code: r.code, name: r.name, town: r.town, unit: r.unit, leader: r.leader, nature: r.nature,
			category: "基础设施", total: wan(r.total), plan: wan(r.plan), planStart: r.planStart, actualStart: r.start, stats: "是"}
		yp := yearProject{project: p, from: r.from, done: map[int]cents{}, jan: wan(r.jan)}
		for m := 2; m <= 5; m++ {
			yp.done[m] = wan(r.done[m-2])
		}
		out[i] = yp
	}
	return out
}

// asOf is the month's ledger view of the project: what a clerk knows at the end of
// month m of year y — the start date once it has happened, the status it gives, and
// the 1-N月 done.
func (yp *yearProject) asOf(y, m int) project {
	p := yp.project
	p.done = yp.done[m]
	at := ymd(y, m, daysInMonth(y, m))
	if y != 2025 {
		// Last year's ledger: the same projects a year before, done and started.
		p.done = p.plan
		p.planStart, p.actualStart = ymd(y, 3, 1), ymd(y, 3, 1)
	}
	p.status = "未开工"
	if !p.actualStart.none() && p.actualStart.onOrBefore(at) {
		p.status = "已开工"
		if p.nature == "续建" {
			p.status = "已复工"
		}
	} else {
		p.actualStart = day{}
	}
	return p
}

func daysInMonth(y, m int) int {
	return ymd(y, m, 1).time().AddDate(0, 1, -1).Day()
}

// inLedger lists the projects the month's ledger holds.
func inLedger(all []yearProject, m int) []*yearProject {
	var out []*yearProject
	for i := range all {
		if all[i].from <= m {
			out = append(out, &all[i])
		}
	}
	return out
}

// yearLedger is one file of the 逐月 folders.
type yearLedger struct {
	file   string
	year   int
	month  int
	title  string
	sheet  string
	cols   []column
	byTown bool             // rows sorted by 乡镇 (the 4月 clerk did)
	adjust map[string]cents // project name → a corrected done (the second 4月 ledger)
}

// yearCols are the county layout's columns a monthly ledger keeps.
func yearCols(done string) []column {
	keep := map[string]bool{"seq": true, "code": true, "name": true, "town": true, "nature": true, "unit": true, "leader": true,
		"total": true, "plan": true, "done": true, "plan_start": true, "actual_start": true, "status": true, "stats": true}
	var out []column
	for _, c := range canonicalCols(done) {
		if keep[c.field] {
			out = append(out, c)
		}
	}
	return out
}

var febCols = []column{
	{"序号", 6, "seq", kCenter},
	{"项目名称", 34, "name", kWrap},
	{"所在乡镇", 10, "town", kCenter},
	{"建设性质", 8, "nature", kCenter},
	{"责任单位", 12, "unit", kCenter},
	{"总投资", 12, "total", kAmount},
	{"年度计划投资", 12, "plan", kAmount},
	{"开工/计划开工时间", 13, "start_or_plan", kDate},
	{"1月实际完成投资", 11, "m1", kAmount},
	{"2月实际完成投资", 11, "m2", kAmount},
}

func yearLedgers() []yearLedger {
	return []yearLedger{
		{file: "1-2月调度表.xlsx", year: 2025, month: 2, title: "陵川县2025年重点项目月度调度表", sheet: "月度调度", cols: febCols},
		{file: "3月份台账（县发改局）.xlsx", year: 2025, month: 3, title: "陵川县2025年重点项目开复工台账（截至2025年3月31日）", sheet: "开复工台账", cols: yearCols("本年完成投资")},
		{file: "台账-最新.xlsx", year: 2025, month: 4, title: "陵川县2025年重点项目开复工台账", sheet: "4月", cols: yearCols("1—4月累计完成"), byTown: true},
		{file: "5月台账.xlsx", year: 2025, month: 5, title: "陵川县2025年重点项目开复工台账", sheet: "开复工台账", cols: yearCols("1-5月完成投资")},
		{file: "2024年12月台账.xlsx", year: 2024, month: 12, title: "陵川县2024年重点项目开复工台账", sheet: "开复工台账", cols: yearCols("1-12月完成投资")},
	}
}

// corrected4 is the 重复 folder's second April ledger: the clerk corrected one figure
// and saved it under a new name beside the first.
var corrected4 = yearLedger{file: "4月台账（修改后）.xlsx", year: 2025, month: 4, title: "陵川县2025年重点项目开复工台账", sheet: "4月",
	cols: yearCols("1-4月完成投资"), adjust: map[string]cents{"陵川县附城镇养老服务中心项目": wan(260)}}

// writeYear writes the 逐月 folders under dir and returns each month's table (2–5月)
// for the figures.
func writeYear(dir string) (map[int][]project, error) {
	all := yearProjects()
	ledgers := yearLedgers()
	folders := map[string][]yearLedger{
		"全年": ledgers,
		"缺月": {ledgers[0], ledgers[2], ledgers[3]},
		"重复": {ledgers[0], ledgers[1], ledgers[2], corrected4, ledgers[3]},
	}
	tables := map[int][]project{}
	names := make([]string, 0, len(folders))
	for name := range folders {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		folder := filepath.Join(dir, name)
		if err := os.RemoveAll(folder); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return nil, err
		}
		for _, yl := range folders[name] {
			ps, err := writeYearLedger(filepath.Join(folder, yl.file), yl, all)
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", name, yl.file, err)
			}
			if yl.year == 2025 && yl.adjust == nil {
				tables[yl.month] = ps
			}
		}
	}
	return tables, nil
}

func writeYearLedger(path string, yl yearLedger, all []yearProject) ([]project, error) {
	list := inLedger(all, yl.month)
	if yl.year != 2025 {
		list = inLedger(all, 4) // last year's ledger: the projects of then
	}
	ps := make([]project, len(list))
	for i, yp := range list {
		ps[i] = yp.asOf(yl.year, yl.month)
		if a, ok := yl.adjust[ps[i].name]; ok {
			ps[i].done = a
		}
		if yl.month == 2 && yl.year == 2025 {
			// The export gives January and February apart; done is their sum.
			ps[i].raw = map[string]any{"m1": yp.jan.float(), "m2": (ps[i].done - yp.jan).float()}
		}
	}
	if yl.byTown {
		order := map[string]int{"崇文镇": 0, "附城镇": 1, "礼义镇": 2, "西河底镇": 3, "杨村镇": 4}
		sort.SliceStable(ps, func(i, j int) bool { return order[ps[i].town] < order[ps[j].town] })
	}
	b, err := newBook(yl.title, "县发改局", false)
	if err != nil {
		return nil, err
	}
	f := b.f
	if err := f.SetSheetName("Sheet1", yl.sheet); err != nil {
		return nil, err
	}
	n := len(yl.cols)
	if err := b.widths(yl.sheet, yl.cols); err != nil {
		return nil, err
	}
	if err := b.merge(yl.sheet, 1, 1, n, 1, yl.title, b.st.title); err != nil {
		return nil, err
	}
	if err := b.merge(yl.sheet, 1, 2, 4, 2, "填报单位：县发改局（攻坚专班办公室）", b.st.filler); err != nil {
		return nil, err
	}
	if err := b.set(yl.sheet, n, 2, "单位：万元", b.st.unit); err != nil {
		return nil, err
	}
	if err := b.header(yl.sheet, 3, yl.cols); err != nil {
		return nil, err
	}
	for i := range ps {
		if err := b.projectRow(yl.sheet, 4+i, i+1, &ps[i], yl.cols); err != nil {
			return nil, err
		}
	}
	override := map[string]any{}
	if yl.month == 2 && yl.year == 2025 {
		var jan cents
		for _, yp := range list {
			jan += yp.jan
		}
		override["m1"], override["m2"] = jan, sumField(ps, "done")-jan
	}
	if err := b.totalRow(yl.sheet, 4+len(ps), yl.cols, ps, "合计", override); err != nil {
		return nil, err
	}
	if err := b.save(path); err != nil {
		return nil, err
	}
	if _, err := checkCells(path, yl.sheet, 4, yl.cols, ps, false); err != nil {
		return nil, err
	}
	return ps, nil
}

// printYear prints each month's figures from the generator's tables: the county's
// rates and every 乡镇's and 责任单位's 完成率 against 序时进度, in 个百分点 rounded half up
// on the exact fractions.
func printYear(tables map[int][]project) {
	fmt.Println("\n## 逐月 (2025年2–5月; 序时进度 = month/12)")
	fmt.Println()
	fmt.Println("| month | projects | 新建开工 | 续建复工 | Σ年度计划 | Σ1-N月完成 | 完成率 | 与序时差 |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for m := 2; m <= 5; m++ {
		ps := tables[m]
		at := ymd(2025, m, daysInMonth(2025, m))
		var nNew, newStarted, nCont, contResumed int
		var plan, done cents
		for i := range ps {
			p := &ps[i]
			plan += p.plan
			done += p.done
			switch p.nature {
			case "新建":
				nNew++
				if p.startedBy(at) {
					newStarted++
				}
			case "续建":
				nCont++
				if p.startedBy(at) {
					contResumed++
				}
			}
		}
		fmt.Printf("| %d月 | %d | %d/%d = %s | %d/%d = %s | %s | %s | %s | %s |\n", m, len(ps), newStarted, nNew, rate(newStarted, nNew),
			contResumed, nCont, rate(contResumed, nCont), plan, done, amountRate(done, plan), pointsAgainstSchedule(done, plan, m))
	}
	for _, dim := range []string{"乡镇", "责任单位"} {
		fmt.Printf("\n%s 完成率 (与序时差) by month:\n\n", dim)
		groups := map[string]bool{}
		for _, ps := range tables {
			for i := range ps {
				groups[groupOf(&ps[i], dim)] = true
			}
		}
		var names []string
		for g := range groups {
			names = append(names, g)
		}
		sort.Strings(names)
		for _, g := range names {
			var cells []string
			for m := 2; m <= 5; m++ {
				var plan, done cents
				for i := range tables[m] {
					if p := &tables[m][i]; groupOf(p, dim) == g {
						plan += p.plan
						done += p.done
					}
				}
				if plan == 0 {
					cells = append(cells, fmt.Sprintf("%d月 -", m))
					continue
				}
				cells = append(cells, fmt.Sprintf("%d月 %s (%s)", m, amountRate(done, plan), pointsAgainstSchedule(done, plan, m)))
			}
			fmt.Printf("- %s: %s\n", g, strings.Join(cells, ", "))
		}
	}
}

func groupOf(p *project, dim string) string {
	if dim == "乡镇" {
		return p.town
	}
	return p.unit
}

// pointsAgainstSchedule is done/plan − m/12 in 个百分点, one decimal, half up on the
// exact fraction: (12·done − m·plan) / (12·plan) × 100.
func pointsAgainstSchedule(done, plan cents, m int) string {
	num := (12*int64(done) - int64(m)*int64(plan)) * 1000 // tenths of a point × 12·plan
	den := 12 * int64(plan)
	neg := num < 0
	if neg {
		num = -num
	}
	tenths := (2*num + den) / (2 * den)
	if neg && tenths != 0 {
		tenths = -tenths
	}
	sign := ""
	if tenths > 0 {
		sign = "+"
	}
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	return fmt.Sprintf("%s%d.%d", sign, tenths/10, tenths%10)
}
