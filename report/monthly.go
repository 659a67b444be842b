package report

import (
	"fmt"
	"sort"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// Monthly is the monthly 调度会议 report (README.md, "report"): its sections in the order of a
// real 通报. BuildMonthly works it out once; each format only lays it out.
type Monthly struct {
	Title  string
	AsOf   ledger.Date
	Files  []string
	Result *rules.Result // the 开复工台账
	Rules  *rules.Rules  // the rules it was judged by
	// Quality is what check finds in the ledgers, said before the first figure.
	Quality  DataQuality
	Overview Overview
	Rankings []Ranking
	Key      []KeyProject // 重点项目: 年度计划投资 at least the rules' AnnualPlanMin
	Big      []KeyProject // 亿元以上项目: 总投资 at least TotalMin
	Lagging  []Lagging
	Problems []ProblemGroup
	// Financing is the 融资需求台账's figures; nil when none was given.
	Financing *FinancingSection
	Changes   *Changes // nil without --previous
	Trend     *Trend   // nil without --history
}

// Overview is section 1, 总体情况.
type Overview struct {
	Counts    rules.Counts
	Amounts   rules.Amounts
	Metrics   rules.Metrics
	GapPoints *ledger.Rate // 投资完成率 − 序时进度, in 个百分点 (negative: behind)
	Targets   []rules.Target
}

// Ranking is section 2 for one grouping: the groups ranked by 完成率.
type Ranking struct {
	By    rules.GroupBy
	Label string // 乡镇, 县直部门（责任单位）…
	Rows  []RankRow
	// Shared is, in the 包联领导 ranking, how many projects have several leaders: each
	// counts in every one of its leaders' groups, so the groups sum to more than the whole.
	Shared int
}

// RankRow is one group of a ranking.
type RankRow struct {
	Name                 string
	Projects             int
	NewStartRate         *ledger.Rate
	ContinuingResumeRate *ledger.Rate
	Plan, Done           ledger.Amount
	Rate                 *ledger.Rate // 完成率
	GapPoints            *ledger.Rate // against 序时进度, 个百分点
	Rank                 int          // 0 when the group has no 年度计划 to rank by
	Light                rules.Light
}

// KeyProject is a row of section 3.
type KeyProject struct {
	Row                int
	Name, Unit, Leader string
	Total, Plan, Done  ledger.Amount
	Rate               *ledger.Rate
	GapPoints          *ledger.Rate // nil when the project is not judged (not yet due to start)
	Light              rules.Light  // "" when not judged
	Progress           rules.Progress
}

// Lagging is a row of section 4: a project that has not started on time or whose
// investment is behind the 序时进度.
type Lagging struct {
	Row                          int
	Name, Unit, Leader, Problems string
	Reason                       string      // in the words of a 通报
	Overdue                      bool        // 未按期开工
	GapPoints                    ledger.Rate // 完成率 − the project's schedule, 个百分点
	Light                        rules.Light
}

// ProblemGroup is section 5 for one 责任单位.
type ProblemGroup struct {
	Unit  string
	Items []ProblemItem
}

// ProblemItem is one project's 存在问题.
type ProblemItem struct {
	Name, Problem string
}

// MonthlyOptions steer BuildMonthly.
type MonthlyOptions struct {
	By        rules.GroupBy   // one grouping for section 2; "" ranks 乡镇 and 责任单位 separately
	Previous  *rules.Result   // last month's ledger, for section 7
	Financing []*rules.Result // 融资需求台账 results, for section 6
	// History is the year's ledgers month by month (--history), for the 月度走势; its
	// month before the current one stands in for Previous when that is not given.
	History *Series
}

// BuildMonthly works out every section from an evaluated 开复工台账.
func BuildMonthly(res *rules.Result, r *rules.Rules, opts MonthlyOptions) *Monthly {
	m := &Monthly{Result: res, Rules: r, AsOf: res.AsOf}
	if res.Ledger != nil {
		m.Files = []string{res.Ledger.File}
	}
	m.Title = monthlyTitle(res)
	m.Quality = dataQuality(append([]*rules.Result{res}, opts.Financing...)...)
	m.Overview = Overview{Counts: res.Counts, Amounts: res.Amounts, Metrics: res.Metrics,
		GapPoints: wording.GapPoints(res.Metrics.InvestmentRate, res.Metrics.Schedule)}
	for _, t := range res.Targets {
		if t.GroupBy == "" {
			m.Overview.Targets = append(m.Overview.Targets, t)
		}
	}
	m.Rankings = rankings(res, r, opts.By)
	m.Key, m.Big = keyProjects(res, r)
	m.Lagging = lagging(res)
	m.Problems = problems(res)
	m.Financing = financingSection(opts.Financing)
	if opts.History != nil {
		m.Trend = buildTrend(opts.History, r, opts.By)
		if opts.Previous == nil {
			opts.Previous = opts.History.previous()
		}
	}
	if opts.Previous != nil {
		m.Changes = changes(res, opts.Previous, r)
	}
	return m
}

// monthlyTitle names the report after what the ledger lists (title.go: "陵川县2025年
// 重点项目开复工台账" → "陵川县2025年重点项目建设情况调度报告"), with the reporting date.
func monthlyTitle(res *rules.Result) string {
	title := ""
	if res.Ledger != nil {
		title = res.Ledger.Title
	}
	name := ledgerSubject(title) + "建设情况调度报告"
	if res.AsOf.IsSet() {
		name += "（截至" + chineseDate(res.AsOf) + "）"
	}
	return name
}

// chineseDate is "2025年5月31日".
func chineseDate(d ledger.Date) string { return d.Label() }

// rankings are section 2: 乡镇 and 县直部门 ranked separately, or the one grouping asked for.
func rankings(res *rules.Result, r *rules.Rules, by rules.GroupBy) []Ranking {
	bys := []rules.GroupBy{rules.GroupByTown, rules.GroupByUnit}
	if by != "" {
		bys = []rules.GroupBy{by}
	}
	var out []Ranking
	for _, b := range bys {
		var groups []rules.Group
		switch b {
		case rules.GroupByTown, rules.GroupByUnit, rules.GroupByLeader:
			for _, g := range res.Groups {
				if g.By == b {
					groups = append(groups, g)
				}
			}
		default:
			groups = rules.Breakdown(res, r, b)
		}
		if len(groups) == 0 && by == "" {
			continue
		}
		rk := Ranking{By: b, Label: b.RankingLabel(), Rows: rankRows(groups, res.Metrics.Schedule, r)}
		if b == rules.GroupByLeader && res.Ledger != nil {
			for i := range res.Ledger.Projects {
				if len(res.Ledger.Projects[i].Leaders()) > 1 {
					rk.Shared++
				}
			}
		}
		out = append(out, rk)
	}
	return out
}

// rankRows ranks groups by 完成率 as shown (one decimal of a percent), highest first:
// groups showing the same rate share a rank (1, 2, 2, 4) and stand by name, so a rank
// never contradicts the figure beside it; groups with no 年度计划 come last, unranked.
// The 分组排名 and the 月度走势 both rank with it.
func rankRows(groups []rules.Group, schedule *ledger.Rate, r *rules.Rules) []RankRow {
	rows := make([]RankRow, 0, len(groups))
	for _, g := range groups {
		row := RankRow{Name: g.Name, Projects: g.Counts.Projects, NewStartRate: g.Metrics.NewStartRate,
			ContinuingResumeRate: g.Metrics.ContinuingResumeRate, Plan: g.Amounts.AnnualPlan, Done: g.Amounts.Done,
			Rate: g.Metrics.InvestmentRate}
		row.GapPoints = wording.GapPoints(row.Rate, schedule)
		if row.Rate != nil && schedule != nil {
			row.Light = r.LightFor(*row.Rate, *schedule)
		}
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].Rate, rows[j].Rate
		switch {
		case a == nil || b == nil:
			if (a == nil) != (b == nil) {
				return a != nil
			}
		case wording.Percent(a) != wording.Percent(b):
			return a.Cmp(*b) > 0 // rounding keeps the order of rates it tells apart
		}
		return rows[i].Name < rows[j].Name
	})
	for i := range rows {
		if rows[i].Rate == nil {
			continue
		}
		rows[i].Rank = i + 1
		if i > 0 && rows[i-1].Rate != nil && wording.Percent(rows[i-1].Rate) == wording.Percent(rows[i].Rate) {
			rows[i].Rank = rows[i-1].Rank
		}
	}
	return rows
}

// keyProjects are section 3, in ledger order; each project's rate and light are its
// Progress, as check judges it.
func keyProjects(res *rules.Result, r *rules.Rules) (key, big []KeyProject) {
	if res.Ledger == nil {
		return nil, nil
	}
	for i := range res.Ledger.Projects {
		p := &res.Ledger.Projects[i]
		isKey, isBig := r.IsKeyProject(p), r.IsBigProject(p)
		if !isKey && !isBig || !res.Counted(i) {
			continue
		}
		kp := KeyProject{Row: p.Row, Name: p.Name, Unit: p.Unit, Leader: p.Leader, Total: p.Total, Plan: p.Plan, Done: p.Done,
			Progress: res.Progress(i)}
		if pg := kp.Progress; pg.HasRate {
			rate := pg.Rate
			kp.Rate = &rate
			if pg.Judged {
				gap := pg.Gap
				kp.GapPoints, kp.Light = &gap, pg.Light
			}
		}
		if isKey {
			key = append(key, kp)
		}
		if isBig {
			big = append(big, kp)
		}
	}
	return key, big
}

// lagging is section 4: the projects overdue to start or behind 序时进度 — exactly
// those check warns of (overdue-start, behind-schedule), from the same Progress.
func lagging(res *rules.Result) []Lagging {
	l := res.Ledger
	if l == nil {
		return nil
	}
	var out []Lagging
	for i := range l.Projects {
		pg := res.Progress(i)
		if !pg.Overdue && !pg.Behind() || !res.Counted(i) {
			continue
		}
		p := &l.Projects[i]
		lg := Lagging{Row: p.Row, Name: p.Name, Unit: p.Unit, Leader: p.Leader, Problems: p.Problems, Overdue: pg.Overdue}
		var reasons []string
		if pg.Behind() {
			// Against what the finding judged it by: its own plan to date, or 序时进度.
			against := "序时进度"
			if pg.OwnPlan {
				against = "自身计划进度"
			}
			lg.GapPoints, lg.Light = pg.Lag(), pg.Light
			reasons = append(reasons, fmt.Sprintf("投资完成率%s，低于%s%s个百分点", pg.Rate.Percent(1), against, pg.Lag().Round(1)))
		}
		if pg.Overdue {
			reasons = append(reasons, "计划"+chineseDate(p.PlanStart)+"开工，未按期开工")
		}
		lg.Reason = strings.Join(reasons, "；")
		out = append(out, lg)
	}
	return out
}

// problems is section 5: every non-empty 存在问题, by 责任单位.
func problems(res *rules.Result) []ProblemGroup {
	if res.Ledger == nil {
		return nil
	}
	index := map[string]int{}
	var out []ProblemGroup
	for i := range res.Ledger.Projects {
		p := &res.Ledger.Projects[i]
		text := strings.TrimSpace(p.Problems)
		if text == "" || text == "无" || text == "/" || text == "-" || !res.Counted(i) {
			continue
		}
		unit := strings.TrimSpace(p.Unit)
		if unit == "" {
			unit = rules.UnsetGroup
		}
		j, ok := index[unit]
		if !ok {
			out = append(out, ProblemGroup{Unit: unit})
			j = len(out) - 1
			index[unit] = j
		}
		out[j].Items = append(out[j].Items, ProblemItem{Name: p.Name, Problem: text})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Unit == rules.UnsetGroup) != (out[j].Unit == rules.UnsetGroup) {
			return out[j].Unit == rules.UnsetGroup
		}
		return out[i].Unit < out[j].Unit
	})
	return out
}
