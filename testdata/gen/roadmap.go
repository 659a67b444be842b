package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// writeRoadmap: 县重点项目进展情况表.xlsx — a whole county's year, 108 projects, laid out
// as county 发改局 tables published with 通报 are: the reporting month only in the title
// ("…投资计划及5月份进展情况表", a past year's), a two-row header ("2024年计划" over
// 计划投资 | 年度建设内容), the 合计 right under the header, one row per 类别 that
// carries its own sums ("一 | 产业项目（44个）"), 是否开工 是/否, dates as clerks type
// them (real dates, "2024.3.15", "3月底", "二季度", "2024年6月中旬", "2022.6" for a
// 续建 project's first start), several 县级包联领导 in one cell every way they are
// separated, and two-character names padded to three.
//
// The figures a test asserts are worked out from the file itself by a second reader
// (testdata/README.md, section 11); the generator's own table only writes it.
func writeRoadmap(path string) error {
	ps := roadmapProjects()
	b, s, err := titledSheet("太岳县2024年重点项目投资计划及5月份进展情况表", "太岳县发展和改革局", "Sheet1",
		"太岳县2024年重点项目投资计划及5月份进展情况表",
		[]float64{5, 30, 6, 26, 11, 11, 12, 11, 20, 11, 6, 11, 12, 18, 12, 13, 9, 18})
	if err != nil {
		return err
	}
	// The 填报单位 on the unit line's left.
	if err := s.b.set(s.name, 1, 2, "填报单位：太岳县发展和改革局（盖章）", s.b.st.filler); err != nil {
		return err
	}
	if err := s.header("序号", "项目名称", "建设性质", "建设规模及主要内容", "建设起止年限", "总投资", "截至2023年底累计完成投资",
		"2024年计划", "", "今年累计完成投资", "是否开工", "计划开工时间", "实际开工时间", "目前形象进度", "县级包联领导", "责任单位", "所在乡镇", "存在问题"); err != nil {
		return err
	}
	if err := s.header("", "", "", "", "", "", "", "计划投资", "年度建设内容", "", "", "", "", "", "", "", "", ""); err != nil {
		return err
	}
	if err := s.mergeTwoRows(8, 9); err != nil {
		return err
	}
	sums := func(ps []roadmapProject) []any {
		var total, before, plan, done cents
		for _, p := range ps {
			total += p.total
			before += p.before
			plan += p.plan
			done += p.done
		}
		return []any{total.float(), before.float(), plan.float(), nil, done.float()}
	}
	total := append([]any{"合计", fmt.Sprintf("共%d个项目", len(ps)), nil, nil, nil}, sums(ps)...)
	if err := s.line(total...); err != nil {
		return err
	}
	seq := 0
	for si, sec := range roadmapSections {
		var in []roadmapProject
		for _, p := range ps {
			if p.section == si {
				in = append(in, p)
			}
		}
		row := append([]any{[]string{"一", "二", "三"}[si], fmt.Sprintf("%s（%d个）", sec.name, len(in)), nil, nil, nil}, sums(in)...)
		if err := s.line(row...); err != nil {
			return err
		}
		for _, p := range in {
			seq++
			if err := s.line(p.cells(seq)...); err != nil {
				return err
			}
		}
	}
	return b.save(path)
}

// roadmapProject is one project of the county table: the values a correct reader
// finds, and how the clerk typed the cells that are not plain numbers.
type roadmapProject struct {
	section                    int
	name, nature, content      string
	period, status, progress   string
	leaders                    string // the cell as typed
	unit, town, problems, task string
	total, before, plan, done  cents
	doneCell                   any // the 今年累计完成投资 cell when not a plain number
	planStart, actualStart     any // the date cells as typed (text, day or nil)
}

func (p roadmapProject) cells(seq int) []any {
	var before any
	if p.before != 0 {
		before = p.before.float()
	}
	done := any(p.done.float())
	if p.doneCell != nil {
		done = p.doneCell
	}
	return []any{seq, p.name, p.nature, p.content, p.period, p.total.float(), before, p.plan.float(), p.task,
		done, p.status, p.planStart, p.actualStart, p.progress, orNil(p.leaders), p.unit, p.town, orNil(p.problems)}
}

var roadmapSections = []struct {
	name   string
	count  int
	things []string
	units  []string
}{
	{"产业项目", 44, []string{"农产品精深加工园", "新型建材产业园", "分布式光伏电站", "风电场", "食用菌产业基地", "中药材加工厂", "肉牛养殖基地",
		"标准化厂房", "冷链物流中心", "电商产业园", "铸造产业升级改造", "煤层气综合利用", "生物质热电联产", "特色小杂粮加工", "陶瓷产业园",
		"装配式建筑生产基地", "储能电站", "物流园", "酒业扩建", "饲料加工厂", "果蔬保鲜库", "农机装备制造"},
		[]string{"县工信局", "县农业农村局", "县能源局", "县商务局", "县发改局"}},
	{"基础设施项目", 34, []string{"道路改造提升工程", "供水管网改造", "污水处理厂提标改造", "城区集中供热管网", "农村公路", "旅游公路",
		"小型水库除险加固", "河道综合治理", "高标准农田建设", "天然气管网", "垃圾中转站", "停车场建设", "桥梁新建工程", "5G基站建设",
		"灌区节水改造", "防洪堤工程", "城区雨污分流改造"},
		[]string{"县住建局", "县交通局", "县水利局", "县城投公司"}},
	{"社会民生项目", 30, []string{"中学新建教学楼", "幼儿园建设", "人民医院综合楼", "中医院扩建", "养老服务中心", "敬老院改造", "全民健身中心",
		"文化馆改造", "老旧小区改造", "保障性住房", "乡村振兴示范村", "卫生院改扩建", "职业教育实训基地", "文旅康养小镇", "游客服务中心"},
		[]string{"县教育局", "县卫健局", "县民政局", "县文旅局", "县住建局"}},
}

var roadmapTowns = []string{"城关镇", "东关镇", "西河乡", "南山镇", "北岭乡", "石门镇", "龙泉镇", "柳林乡", "白水镇", "县经济开发区"}

// roadmapLeaders are the county's 27 包联领导: twelve three-character names and fifteen
// two-character ones, which the clerk pads to three ("赵  敏").
var roadmapLeaders = []string{"李志强", "王建军", "张国华", "刘晓明", "陈卫东", "孙立新", "胡海涛", "郭建平", "罗志勇", "梁晓燕", "马文斌", "何振宇",
	"赵敏", "周红", "吴刚", "马丽", "林峰", "高翔", "宋健", "郑伟", "谢丹", "韩冰", "唐军", "冯雪", "于洋", "董明", "程亮"}

// padded writes a two-character name as the clerk does, with the space of one more
// character between its halves: two spaces, a full-width space or two NBSPs.
func padded(name string, how int) string {
	r := []rune(name)
	if len(r) != 2 {
		return name
	}
	gap := []string{"  ", "\u3000", "\u00a0\u00a0"}[how%3]
	return string(r[0]) + gap + string(r[1])
}

// leaderCell writes one or two leaders the ways county clerks separate them.
func leaderCell(names []string, form int) string {
	if len(names) == 1 {
		if form%11 == 5 {
			return "副县长 " + padded(names[0], form) // a post before the name
		}
		return padded(names[0], form)
	}
	a, b := padded(names[0], form), padded(names[1], form+1)
	switch form % 7 {
	case 0:
		return a + "\n" + b
	case 1:
		return a + "    " + b // a wide gap
	case 2:
		return a + "、" + b
	case 3:
		return a + "，" + b
	case 4:
		return a + "," + b
	case 5:
		return a + "/" + b
	}
	return padded(names[0], 0) + "  " + padded(names[1], 0) // "周  红  吴  刚"
}

// roadmapProjects are the 108 projects, drawn from a seeded generator so that the
// same program writes the same file.
func roadmapProjects() []roadmapProject {
	r := rand.New(rand.NewPCG(2024, 531))
	var ps []roadmapProject
	used := map[string]bool{}
	for si, sec := range roadmapSections {
		for k := 0; k < sec.count; k++ {
			town := roadmapTowns[r.IntN(len(roadmapTowns))]
			thing := sec.things[r.IntN(len(sec.things))]
			base, suffix := "太岳县"+town+thing, "项目"
			if strings.HasSuffix(thing, "工程") {
				suffix = ""
			}
			name := base + suffix
			for n := 0; used[name]; n++ {
				name = base + []string{"二期", "三期", "四期", "五期", "六期"}[n] + "项目"
			}
			used[name] = true
			p := roadmapProject{section: si, name: name, town: town, unit: sec.units[r.IntN(len(sec.units))]}
			// 万元: most projects 1000 to 30000, one in eight up to 200000; whole tens,
			// some with cents.
			p.total = cents(100+r.IntN(2900)) * 10 * 100
			if r.IntN(8) == 0 {
				p.total = cents(3000+r.IntN(17000)) * 10 * 100
			}
			if r.IntN(4) == 0 {
				p.total += cents(r.IntN(10000))
			}
			continuing := r.IntN(2) == 0
			share := 15 + r.IntN(30) // % of the total planned this year
			p.plan = p.total * cents(share) / 100 / 100 * 100
			if continuing {
				p.nature = "续建"
				p.before = p.total * cents(20+r.IntN(40)) / 100 / 100 * 100
				if p.before+p.plan > p.total {
					p.before = p.total - p.plan
				}
				y := 2021 + r.IntN(3)
				p.period = fmt.Sprintf("%d-%d", y, 2024+r.IntN(3))
			} else {
				p.nature = "新建"
				p.period = fmt.Sprintf("2024-%d", 2024+r.IntN(3))
			}
			p.content = roadmapContent(thing, r)
			p.task = []string{"主体工程完工", "完成投资计划", "建成投产", "完成主体结构", "完成设备安装", "竣工验收"}[r.IntN(6)]
			ps = append(ps, p)
		}
	}
	roadmapStarts(ps, r)
	roadmapLeadersFor(ps, r)
	return ps
}

func roadmapContent(thing string, r *rand.Rand) string {
	switch {
	case strings.Contains(thing, "道路") || strings.Contains(thing, "公路"):
		return fmt.Sprintf("改造道路%d.%d公里", 2+r.IntN(20), r.IntN(10))
	case strings.Contains(thing, "管网") || strings.Contains(thing, "改造"):
		return fmt.Sprintf("改造管网%d公里及配套设施", 3+r.IntN(30))
	case strings.Contains(thing, "电站") || strings.Contains(thing, "风电"):
		return fmt.Sprintf("装机容量%d兆瓦", 10+r.IntN(190))
	}
	return fmt.Sprintf("总建筑面积%d.%d万平方米及配套设施", 1+r.IntN(9), r.IntN(10))
}

// roadmapStarts settles each project's start and what it has done by May: 续建
// projects began in an earlier year (two have not resumed: 停工); 新建 ones are planned
// from February to November and have started when planned by May, but for a few;
// five not started report investment done anyway (the status conflicts a real ledger
// has), and one 续建 project did more than its plan.
func roadmapStarts(ps []roadmapProject, r *rand.Rand) {
	conflicts, stopped, over := 0, 0, 0
	for i := range ps {
		p := &ps[i]
		rate := 10 + r.IntN(60) // % of the plan done by May, for a project under way
		if p.nature == "续建" {
			y, m := 2021+r.IntN(3), 1+r.IntN(12)
			switch i % 4 {
			case 0:
				p.actualStart = fmt.Sprintf("%d.%d", y, m)
			case 1:
				p.actualStart = fmt.Sprintf("%d年%d月", y, m)
			case 2:
				p.actualStart = ymd(y, m, 1+r.IntN(28))
			default:
				p.actualStart = fmt.Sprintf("%d年", y)
				if i%16 == 15 {
					p.actualStart = "已开工" // the status typed where the date belongs
				}
			}
			p.status = "是"
			if stopped < 2 && i%19 == 7 {
				stopped++
				p.status, rate = "否", 0
				p.problems = "资金不到位，暂停施工"
			}
			if over == 0 && i > 60 && rate > 50 {
				over++
				rate = 104
			}
		} else {
			m := 2 + r.IntN(10) // planned month
			p.planStart = roadmapPlanCell(m, i)
			started := m <= 5 && r.IntN(6) != 0
			if started {
				d := ymd(2024, max(2, m-r.IntN(2)), 1+r.IntN(28))
				switch i % 5 {
				case 0, 1:
					p.actualStart = d
				case 2:
					p.actualStart = fmt.Sprintf("2024.%d.%d", d.m, d.d)
				case 3:
					p.actualStart = fmt.Sprintf("%d月%d日", d.m, d.d)
				default:
					p.actualStart = fmt.Sprintf("2024年%d月", d.m)
				}
				p.status = "是"
			} else {
				p.status, rate = "否", 0
				p.problems = []string{"用地手续办理中", "环评审批中", "资金筹措中", "施工招标中"}[r.IntN(4)]
			}
		}
		p.done = p.plan * cents(rate) / 100
		if p.status == "否" && p.nature == "新建" && conflicts < 5 && p.plan > 200*100 {
			conflicts++
			p.done = cents(50+r.IntN(150)) * 100 // 前期费用 booked as 完成投资
		}
		switch {
		case p.status == "否" && p.done == 0 && i%3 == 0:
			p.doneCell = "—"
		case p.status == "否" && p.done == 0 && i%3 == 1:
			p.doneCell = ""
		}
		p.progress = roadmapProgress(p)
	}
}

// roadmapPlanCell writes a planned month the ways clerks do.
func roadmapPlanCell(m, i int) any {
	switch i % 8 {
	case 0:
		return fmt.Sprintf("2024.%d", m)
	case 1:
		return fmt.Sprintf("%d月底", m)
	case 2:
		return fmt.Sprintf("2024年%d月", m)
	case 3:
		return []string{"", "一季度", "一季度", "一季度", "二季度", "二季度", "二季度", "三季度", "三季度", "三季度", "四季度", "四季度", "四季度"}[m]
	case 4:
		return fmt.Sprintf("2024年%d月中旬", m)
	case 5:
		return ymd(2024, m, 15)
	case 6:
		if m > 2 && i%16 == 14 {
			return fmt.Sprintf("%d-%d月", m-1, m) // a span: due by its last month
		}
		return fmt.Sprintf("%d月", m)
	}
	return fmt.Sprintf("2024年%d月份", m)
}

func roadmapProgress(p *roadmapProject) string {
	switch {
	case p.status == "否" && p.nature == "续建":
		return "停工"
	case p.status == "否":
		return "前期手续办理"
	case p.done*2 > p.plan:
		return "主体施工"
	}
	return "基础施工"
}

// roadmapLeadersFor gives every project of 年度计划投资 5000万元 and more a leader (the
// "五个一"), every leader a project at least, a quarter of the projects two leaders, and
// leaves a few small ones without.
func roadmapLeadersFor(ps []roadmapProject, r *rand.Rand) {
	for i := range ps {
		p := &ps[i]
		if p.plan < 5000*100 && i%9 == 4 {
			continue
		}
		a := roadmapLeaders[i%len(roadmapLeaders)]
		names := []string{a}
		if r.IntN(4) == 0 {
			b := roadmapLeaders[(i*7+3)%len(roadmapLeaders)]
			if b != a {
				names = append(names, b)
			}
		}
		p.leaders = leaderCell(names, i)
	}
}
