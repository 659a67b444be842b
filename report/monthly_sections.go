package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// document lays out the report: a section a sheet of the workbook, paragraphs (the
// 通报's sentences) before tables.
func (m *Monthly) document() document {
	return document{Title: m.Title, Level: 1, WrapCells: 44, Sections: m.sections()}
}

// newSection is a section of the report: its sentences, then its tables.
func newSection(title, sheet string, paras []string, tables ...table) section {
	s := section{Title: title, Sheet: sheet}
	for _, p := range paras {
		s.Blocks = append(s.Blocks, para(p))
	}
	for _, t := range tables {
		s.Blocks = append(s.Blocks, t)
	}
	return s
}

// sections lays out the report.
func (m *Monthly) sections() []section {
	out := []section{m.overviewSection(), m.rankingSection(), m.keySection(), m.laggingSection(), m.problemSection()}
	if m.Financing != nil {
		out = append(out, m.financingLayout())
	}
	if m.Changes != nil {
		out = append(out, m.changesSection())
	}
	if m.Trend != nil {
		out = append(out, m.trendSection())
	}
	// Number the headings in the order they appear, as a 通报 does.
	for i := range out {
		out[i].Title = chineseNumber(i+1) + "、" + out[i].Title
	}
	return out
}

var chineseNumerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func chineseNumber(n int) string {
	if n >= 0 && n < len(chineseNumerals) {
		return chineseNumerals[n]
	}
	return strconv.Itoa(n)
}

func (m *Monthly) overviewSection() section {
	o := m.Overview
	c := o.Counts
	rows := [][]cell{
		{textCell("项目总数"), countCell(c.Projects)},
		{textCell("新建项目"), knownCountCell(c.New, !c.NatureUnknown)},
		{textCell("其中已开工"), knownCountCell(c.NewStarted, !c.NatureUnknown && !c.StartUnknown)},
		{textCell("新建开工率"), rateCell(o.Metrics.NewStartRate)},
		{textCell("续建项目"), knownCountCell(c.Continuing, !c.NatureUnknown)},
		{textCell("其中已复工"), knownCountCell(c.ContinuingResumed, !c.NatureUnknown && !c.StartUnknown)},
		{textCell("续建复工率"), rateCell(o.Metrics.ContinuingResumeRate)},
		{textCell("开复工率"), rateCell(o.Metrics.StartRate)},
		{textCell("总投资（万元）"), amountCell(o.Amounts.Total)},
		{textCell("年度计划投资（万元）"), amountCell(o.Amounts.AnnualPlan)},
		{textCell("本年完成投资（万元）"), amountCell(o.Amounts.Done)},
		{textCell("投资完成率"), rateCell(o.Metrics.InvestmentRate)},
		{textCell("序时进度"), rateCell(o.Metrics.Schedule)},
		{textCell("与序时进度差（个百分点）"), pointsCell(o.GapPoints)},
		{textCell("台账错误（条）"), countCell(m.Quality.Errors())},
		{textCell("台账警告（条）"), countCell(m.Quality.Warnings())},
	}
	if c.Terminated > 0 {
		rows = append(rows[:1], append([][]cell{{textCell("其中终止项目"), countCell(c.Terminated)}}, rows[1:]...)...)
	}
	detail := m.detailTable()
	if detail != nil {
		// Each figure links to the projects it counts; where that part is empty (no
		// 终止 project, a ledger without 建设性质), to the first part.
		anchors := map[string]bool{}
		for _, r := range detail.Rows {
			anchors[r[0].Anchor] = true
		}
		for _, r := range rows {
			link := detailLinks[r[0].Text]
			if !anchors[link] {
				link = detail.Rows[0][0].Anchor
			}
			r[1].Link = link
		}
	}
	tables := []table{{Name: "主要指标", Sheet: "总体情况", Header: []string{"指标", "数值"}, Rows: rows}}
	if len(o.Targets) > 0 {
		t := table{Name: "攻坚目标", Sheet: "攻坚目标", Header: []string{"里程碑", "到期日", "指标", "目标", "实际", "状态", "差距或还需"}}
		for _, tg := range o.Targets {
			target := textCell(tg.TargetLabel)
			if target.Text == "" {
				target = rateCell(&tg.Target)
			}
			t.Rows = append(t.Rows, []cell{textCell(tg.Milestone), textCell(wording.Due(tg.Due)), textCell(rules.MetricLabel(tg.Metric)),
				target, rateCell(tg.Actual), textCell(tg.Status.Label()), textCell(wording.Gap(tg))})
		}
		tables = append(tables, t)
	}
	if t := m.Quality.leftOutTable(); t != nil {
		tables = append(tables, *t)
	}
	if detail != nil {
		tables = append(tables, *detail)
	}
	s := newSection("总体情况", "总体情况", nil, tables...)
	s.Blocks = append(partBlocks([]part{
		{"开复工和投资完成情况", []string{m.overviewSentence()}},
		{"攻坚目标完成情况", targetSentences(o.Targets)},
	}), s.Blocks...)
	// The data quality comes first.
	s.Blocks = append([]block{m.Quality.paragraph()}, s.Blocks...)
	return s
}

// overviewSentence is the opening paragraph of a 通报.
func (m *Monthly) overviewSentence() string {
	o := m.Overview
	c := o.Counts
	var b strings.Builder
	if m.AsOf.IsSet() {
		fmt.Fprintf(&b, "截至%s，", chineseDate(m.AsOf))
	}
	fmt.Fprintf(&b, "纳入调度的项目共%d个", c.Projects)
	if m.Result != nil && m.Result.Ledger != nil {
		if packages, parts := m.Result.Ledger.PackageCount(); packages > 0 {
			fmt.Fprintf(&b, "（含%d个打包项目拆分后的%d项）", packages, parts)
		}
	}
	switch {
	case c.NatureUnknown:
		if !c.StartUnknown {
			fmt.Fprintf(&b, "，已开复工%d个", c.Started)
			if o.Metrics.StartRate != nil {
				fmt.Fprintf(&b, "，开复工率%s", wording.Percent(o.Metrics.StartRate))
			}
		}
		b.WriteString("（" + noNatureText + "）")
	case c.StartUnknown && c.New+c.Continuing > 0:
		fmt.Fprintf(&b, "，其中新建项目%d个、续建项目%d个（%s）", c.New, c.Continuing, noStartText)
	case c.New+c.Continuing > 0:
		fmt.Fprintf(&b, "，其中新建项目%d个、已开工%d个", c.New, c.NewStarted)
		if o.Metrics.NewStartRate != nil {
			fmt.Fprintf(&b, "，开工率%s", wording.Percent(o.Metrics.NewStartRate))
		}
		fmt.Fprintf(&b, "；续建项目%d个、已复工%d个", c.Continuing, c.ContinuingResumed)
		if o.Metrics.ContinuingResumeRate != nil {
			fmt.Fprintf(&b, "，复工率%s", wording.Percent(o.Metrics.ContinuingResumeRate))
		}
	}
	b.WriteString("。")
	if o.Amounts.AnnualPlan.IsSet() {
		fmt.Fprintf(&b, "年度计划投资%s，本年完成投资%s", yiText(o.Amounts.AnnualPlan), yiText(o.Amounts.Done))
		if o.Metrics.InvestmentRate != nil {
			fmt.Fprintf(&b, "，完成率%s", wording.Percent(o.Metrics.InvestmentRate))
		}
		if o.GapPoints != nil {
			b.WriteString("，" + wording.AgainstSchedule(*o.GapPoints, false))
		}
		b.WriteString("。")
	}
	return b.String()
}

// yiText writes large sums in 亿元 as a 通报 does ("7.01亿元"), small ones in 万元.
func yiText(a ledger.Amount) string {
	if a.Cmp(ledger.Wan(10000, 0)) >= 0 {
		yi := ledger.AmountFromUnits(a.Units() / 10000) // 万元 → 亿元 in the same fixed point
		return yi.Fixed(2) + "亿元"
	}
	return a.Fixed(2) + "万元"
}

func (m *Monthly) rankingSection() section {
	var parts []part
	var tables []table
	for _, rk := range m.Rankings {
		var paras []string
		if s := rankingWords(rk); s != "" {
			paras = append(paras, s)
		}
		t := table{Name: rk.Label + "排名（金额单位：万元；与序时差单位：个百分点）", Sheet: rankingSheet(rk.By), Header: []string{"排名", rk.Label, "项目数", "新建开工率", "续建复工率", "年度计划", "本年完成", "完成率", "与序时差", "亮灯"},
			Annex: "各" + rk.Label + "投资完成情况排名"}
		var names []string
		for _, r := range rk.Rows {
			rank := textCell("-")
			if r.Rank > 0 {
				rank = countCell(r.Rank)
				names = append(names, r.Name)
			}
			t.Rows = append(t.Rows, []cell{rank, textCell(r.Name), countCell(r.Projects), rateCell(r.NewStartRate), rateCell(r.ContinuingResumeRate),
				amountCell(r.Plan), amountCell(r.Done), rateCell(r.Rate), pointsCell(r.GapPoints), lightCell(r.Light)})
		}
		t.Chart = &chartSpec{Title: rk.Label + "投资完成率与序时进度", CategoryColumn: 1, BarColumn: 7, LineName: "序时进度", Line: m.Overview.Metrics.Schedule, Percent: true}
		tables = append(tables, t)
		if len(names) > 0 {
			paras = append(paras, fmt.Sprintf("%s按投资完成率从高到低依次是：%s。", rk.Label, strings.Join(names, "、")))
		}
		if rk.Shared > 0 {
			paras = append(paras, fmt.Sprintf("注：%d个项目由两位及以上领导包联，在每位领导名下各计一次，各领导的项目数和投资合计多于全县。", rk.Shared))
		}
		parts = append(parts, part{rk.Label + "排名", paras})
	}
	s := newSection("分组排名", "分组排名", nil, tables...)
	s.Blocks = append(partBlocks(parts), s.Blocks...)
	return s
}

func (m *Monthly) keySection() section {
	var paras []string
	var tables []table
	header := func(first string) []string {
		return []string{"序号", "项目名称", "责任单位", "包联领导", first, "年度计划", "本年完成", "完成率", "与序时差", "亮灯"}
	}
	for _, part := range []struct {
		sheet, name string
		list        []KeyProject
	}{{"重点项目", "重点项目（年度计划投资5000万元以上）", m.Key}, {"亿元以上项目", "亿元以上项目（总投资1亿元以上）", m.Big}} {
		t := table{Name: part.name + "（金额单位：万元）", Sheet: part.sheet, Header: header("总投资")}
		for i, k := range part.list {
			t.Rows = append(t.Rows, []cell{countCell(i + 1), textCell(k.Name), textCell(k.Unit), textCell(k.Leader), amountCell(k.Total),
				amountCell(k.Plan), amountCell(k.Done), rateCell(k.Rate), pointsCell(k.GapPoints), progressLightCell(k.Progress)})
		}
		tables = append(tables, t)
		paras = append(paras, fmt.Sprintf("%s%d个%s。", part.name, len(part.list), keyTally(part.list)))
	}
	return newSection("重点项目", "重点项目", paras, tables...)
}

// keyTally says how many of the projects are lit red or yellow and how many are not
// yet due to start ("，其中1个亮红灯、2个尚未到计划开工时间").
func keyTally(list []KeyProject) string {
	var red, yellow, notDue int
	for _, k := range list {
		switch {
		case k.Light == rules.LightRed:
			red++
		case k.Light == rules.LightYellow:
			yellow++
		case k.Progress.NotDue:
			notDue++
		}
	}
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{red, "亮红灯"}, {yellow, "亮黄灯"}, {notDue, "尚未到计划开工时间"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d个%s", c.n, c.what))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "，其中" + strings.Join(parts, "、")
}

// progressLightCell is a project's light, or, for one not yet due to start, when it is
// planned to ("计划7月1日开工"): it has no light, since it is not behind.
func progressLightCell(pg rules.Progress) cell {
	if pg.Judged || !pg.NotDue || pg.Terminated {
		return lightCell(pg.Light)
	}
	if pg.PlanStart.IsSet() {
		return textCell("计划" + wording.Due(pg.PlanStart) + "开工")
	}
	return textCell("未开工")
}

func (m *Monthly) laggingSection() section {
	t := table{Name: "滞后项目", Sheet: "滞后清单", Header: []string{"序号", "项目名称", "责任单位", "包联领导", "滞后情况", "亮灯", "存在问题"}, Annex: "滞后项目清单"}
	overdue := 0
	for i, lg := range m.Lagging {
		if lg.Overdue {
			overdue++
		}
		t.Rows = append(t.Rows, []cell{countCell(i + 1), textCell(lg.Name), textCell(lg.Unit), textCell(lg.Leader), textCell(lg.Reason), lightCell(lg.Light), textCell(lg.Problems)})
	}
	var s string
	switch n := len(m.Lagging); {
	case n == 0:
		s = "没有未按期开工或投资进度低于序时进度的项目。"
	case overdue == 0:
		s = fmt.Sprintf("滞后项目%d个，均为投资进度滞后。", n)
	case overdue == n:
		s = fmt.Sprintf("滞后项目%d个，均为未按期开工。", n)
	default:
		s = fmt.Sprintf("滞后项目%d个，其中未按期开工%d个、投资进度滞后%d个。", n, overdue, n-overdue)
	}
	paras := []string{s}
	if s := laggingByUnit(m.Lagging); s != "" {
		paras = append(paras, s)
	}
	return newSection("滞后项目清单", "滞后清单", paras, t)
}

func (m *Monthly) problemSection() section {
	t := table{Name: "存在问题", Sheet: "问题清单", Header: []string{"责任单位", "项目名称", "存在问题"}, Annex: "重点项目存在问题清单"}
	n := 0
	for _, g := range m.Problems {
		for i, it := range g.Items {
			unit := ""
			if i == 0 {
				unit = g.Unit
			}
			t.Rows = append(t.Rows, []cell{textCell(unit), textCell(it.Name), textCell(it.Problem)})
			n++
		}
	}
	s := fmt.Sprintf("%d个项目反映存在问题，涉及%d个责任单位。", n, len(m.Problems))
	if n == 0 {
		s = "台账中没有填写存在问题的项目。"
	}
	return newSection("问题清单", "问题清单", []string{s}, t)
}

func (m *Monthly) changesSection() section {
	c := m.Changes
	red := "没有单位转为红灯"
	if n := len(c.TurnedRed); n > 0 {
		red = fmt.Sprintf("%d个单位转为红灯", n)
	}
	paras := []string{fmt.Sprintf("与上月台账（截至%s）相比：新开工（复工）项目%d个，新增项目%d个，减少项目%d个，%s。",
		chineseDate(c.PreviousAsOf), len(c.NewlyStarted), len(c.Appeared), len(c.Disappeared), red)}
	if s := c.namesSentence(); s != "" {
		paras = append(paras, s)
	}
	started := table{Name: "本月新开工项目", Sheet: "本月新开工", Header: []string{"序号", "项目名称", "所在乡镇", "责任单位", "开工时间"}}
	for i, p := range c.NewlyStarted {
		started.Rows = append(started.Rows, []cell{countCell(i + 1), textCell(p.Name), textCell(p.Town), textCell(p.Unit), textCell(p.Start.String())})
	}
	added := table{Name: "本月完成投资（万元）", Sheet: "本月完成投资", Header: []string{"分组", "名称", "上月累计", "本月累计", "本月完成", "亮灯", "上月亮灯"}}
	for _, g := range addedByAmount(c.Added) {
		added.Rows = append(added.Rows, []cell{textCell(g.By.RankingLabel()), textCell(g.Name), amountCell(g.Before), amountCell(g.Done), amountCell(g.Added), lightCell(g.Light), lightCell(g.LightBefore)})
	}
	moved := table{Name: "新增和减少的项目", Sheet: "新增减少项目", Header: []string{"变化", "项目名称", "所在乡镇", "责任单位"}}
	for _, p := range c.Appeared {
		moved.Rows = append(moved.Rows, []cell{textCell("新增"), textCell(p.Name), textCell(p.Town), textCell(p.Unit)})
	}
	for _, p := range c.Disappeared {
		moved.Rows = append(moved.Rows, []cell{textCell("减少"), textCell(p.Name), textCell(p.Town), textCell(p.Unit)})
	}
	if len(c.TurnedRed) > 0 {
		var names []string
		for _, g := range c.TurnedRed {
			names = append(names, g.Name)
		}
		paras = append(paras, "本月转为红灯："+strings.Join(names, "、")+"。")
	}
	return newSection("本月变化", "本月变化", paras, started, added, moved)
}

// addedByAmount lists the groups' month as the meeting reads it: the 乡镇, then the
// 部门, each from the most done this month down (the name on a tie), not in the
// order of their names' code points.
func addedByAmount(gs []GroupChange) []GroupChange {
	out := slices.Clone(gs)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.By != b.By {
			return groupKindOrder(a.By) < groupKindOrder(b.By)
		}
		if c := a.Added.Cmp(b.Added); c != 0 {
			return c > 0
		}
		return a.Name < b.Name
	})
	return out
}

// groupKindOrder puts the 乡镇 before the 部门.
func groupKindOrder(by rules.GroupBy) int {
	if by == rules.GroupByTown {
		return 0
	}
	return 1
}

// financingLayout is section 6; the figures come from the 融资需求台账, its rates as
// check shows them, and the projects with no bank listed as the bank table counts them.
func (m *Monthly) financingLayout() section {
	f := m.Financing
	c, a := f.Counts, f.Amounts
	paras := []string{fmt.Sprintf("%d个项目提出融资需求%s，已对接%d个、授信%d个、签约%d个、放款%d个；授信%s，放款%s；授信率%s，放款率%s。",
		c.Projects, yiText(a.Need), c.Docked, c.Credited, c.Signed, c.Disbursed, yiText(a.Credit), yiText(a.Disbursed),
		wording.Percent(f.CreditRate), wording.Percent(f.DisburseRate))}
	rates := table{Name: "授信率和放款率", Sheet: "融资情况", Header: []string{"指标", "数值"}, Rows: [][]cell{
		{textCell("授信率（授信÷融资需求）"), rateCell(f.CreditRate)},
		{textCell("放款率（放款÷授信）"), rateCell(f.DisburseRate)},
	}}
	funnel := funnelTable("融资进展（已对接为所对接项目的融资需求）", "融资需求", c, a)
	funnel.Sheet = "融资进展"
	funnel.Chart = &chartSpec{Title: "融资进展（项目数）", CategoryColumn: 0, BarColumn: 1}
	byMethod := financingGroupTable("按融资方式（万元）", "融资方式", f.ByMethod)
	byMethod.Sheet = "按融资方式"
	byBank := financingGroupTable("按金融机构（万元）", "金融机构", f.ByBank)
	byBank.Sheet = "按金融机构"
	tables := []table{rates, funnel, byMethod, byBank}
	if len(f.NoBank) > 0 {
		t := table{Name: "未对接金融机构的项目", Sheet: "未对接项目", Header: []string{"序号", "项目名称", "说明"}}
		excused := 0
		for i, p := range f.NoBank {
			note := "有融资需求，请组织银企对接"
			if p.Excused != "" {
				note = p.Excused + "，不需对接"
				excused++
			}
			t.Rows = append(t.Rows, []cell{countCell(i + 1), textCell(p.Name), textCell(note)})
		}
		tables = append(tables, t)
		s := fmt.Sprintf("未对接金融机构的项目%d个", len(f.NoBank))
		if excused > 0 {
			s += fmt.Sprintf("：有融资需求待对接的%d个，已终止或不需融资的%d个", len(f.NoBank)-excused, excused)
		}
		paras = append(paras, s+"。")
	}
	return newSection("融资情况", "融资情况", paras, tables...)
}

// rankingSheet names a ranking's sheet: "乡镇排名", "部门排名" ….
func rankingSheet(by rules.GroupBy) string {
	switch by {
	case rules.GroupByUnit:
		return "部门排名"
	case rules.GroupByLeader:
		return "领导排名"
	}
	return by.Label() + "排名"
}
