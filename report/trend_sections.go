package report

import (
	"fmt"
	"strconv"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// The 月度走势 laid out: its sentences, the whole ledger's rates by month (a line
// chart of them against 序时进度 in the workbook) and the ranks table; a CSV folder
// gets one long table instead, a row per month and group.

func (m *Monthly) trendSection() section {
	t := m.Trend
	s := newSection("月度走势", "月度走势", t.sentences(), t.monthsTable(), t.ranksTable())
	s.CSV = []table{t.detailTable()}
	s.Joined = true
	return s
}

func (t *Trend) sentences() []string {
	n := len(t.Months)
	var out []string
	switch {
	case n == 1 && len(t.Missing) == 0:
		out = append(out, "没有找到本年此前月份的台账，只有本月数据，无法比较。")
	default:
		months := make([]int, n)
		for i, mo := range t.Months {
			months[i] = mo.Month
		}
		out = append(out, fmt.Sprintf("依据%s共%d期台账。", monthsText(months), n))
	}
	if len(t.Missing) > 0 {
		out = append(out, fmt.Sprintf("缺少%s的台账，走势中该月空缺，不作推算。", monthsText(t.Missing)))
	}
	out = append(out, t.countySentence())
	if n >= 2 {
		for _, rk := range t.Rankings {
			if s := moveSentence(rk, t.Months[n-2].Month); s != "" {
				out = append(out, s)
			}
		}
	}
	return append(out, t.warningSentence())
}

// countySentence: "5月全县投资完成率40.4%，较4月提高6.8个百分点，低于序时进度1.3个百分点；…".
func (t *Trend) countySentence() string {
	n := len(t.Months)
	cur := t.Months[n-1]
	var prev *TrendMonth
	if n >= 2 {
		prev = &t.Months[n-2]
	}
	var parts []string
	for _, metric := range []string{rules.MetricInvestmentRate, rules.MetricNewStartRate, rules.MetricContinuingResumeRate} {
		rate := cur.Metrics.Get(metric)
		if rate == nil {
			continue
		}
		p := rules.MetricLabel(metric) + wording.Percent(rate)
		if prev != nil {
			if before := prev.Metrics.Get(metric); before != nil {
				p += "，" + changeText(rate.Sub(*before).Points(), prev.Month)
			}
		}
		if metric == rules.MetricInvestmentRate && cur.GapPoints != nil {
			p += "，" + wording.AgainstSchedule(*cur.GapPoints, false)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%d月台账没有可比较的指标。", cur.Month)
	}
	return fmt.Sprintf("%d月全县%s。", cur.Month, strings.Join(parts, "；"))
}

// changeText is a rate's change in 个百分点, rounded half up to one decimal:
// "较4月提高6.8个百分点", "与4月持平".
func changeText(points ledger.Rate, since int) string {
	switch p := points.Round(1); {
	case strings.HasPrefix(p, "-"):
		return fmt.Sprintf("较%d月下降%s个百分点", since, p[1:])
	case p == "0.0":
		return fmt.Sprintf("与%d月持平", since)
	default:
		return fmt.Sprintf("较%d月提高%s个百分点", since, p)
	}
}

// moveSentence: "乡镇排名与4月相比：西河底镇上升1位，附城镇下降1位，崇文镇、礼义镇持平，新增杨村镇。"
func moveSentence(rk TrendRanking, since int) string {
	var up, down, same, added []string
	for _, g := range rk.Groups {
		switch g.Move.Kind {
		case MoveUp:
			up = append(up, fmt.Sprintf("%s上升%d位", g.Name, g.Move.Places))
		case MoveDown:
			down = append(down, fmt.Sprintf("%s下降%d位", g.Name, g.Move.Places))
		case MoveSame:
			same = append(same, g.Name)
		case MoveNew:
			added = append(added, g.Name)
		}
	}
	var parts []string
	if len(up) > 0 {
		parts = append(parts, strings.Join(up, "、"))
	}
	if len(down) > 0 {
		parts = append(parts, strings.Join(down, "、"))
	}
	if len(same) > 0 {
		parts = append(parts, strings.Join(same, "、")+"持平")
	}
	if len(added) > 0 {
		parts = append(parts, "新增"+strings.Join(added, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s排名与%d月相比：%s。", rk.Label, since, strings.Join(parts, "，"))
}

// warningSentence names the groups below 序时进度 two months running (the plan's 预警提示).
func (t *Trend) warningSentence() string {
	n := len(t.Months)
	who := t.groupWords()
	cur := t.Months[n-1].Month
	if t.lastMonthMissing() {
		return fmt.Sprintf("缺少上月（%d月）台账，无法判断连续两个月低于序时进度的%s。", cur-1, who)
	}
	var names []string
	for _, rk := range t.Rankings {
		for _, g := range rk.Groups {
			if g.Warning {
				names = append(names, g.Name)
			}
		}
	}
	if len(names) == 0 {
		return fmt.Sprintf("没有连续两个月（%d月、%d月）低于序时进度的%s。", cur-1, cur, who)
	}
	return fmt.Sprintf("预警：%s投资完成率连续两个月（%d月、%d月）低于序时进度。", strings.Join(names, "、"), cur-1, cur)
}

// groupWords names the ranked groups in a sentence: "乡镇和部门", "包联领导".
func (t *Trend) groupWords() string {
	var words []string
	for _, rk := range t.Rankings {
		w := rk.By.Label()
		if rk.By == rules.GroupByUnit {
			w = "部门"
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return "单位"
	}
	return strings.Join(words, "和")
}

// monthsTable is the whole ledger's rates month by month, a missing month as an
// empty row (so the chart shows a gap, not a guess); the workbook draws its rates
// as lines against 序时进度.
func (t *Trend) monthsTable() table {
	tb := table{Name: "全县逐月指标（与序时差单位：个百分点）", Sheet: "月度走势", Header: []string{"月份", "截至日期", "新建开工率", "续建复工率", "投资完成率", "序时进度", "与序时差"}}
	missing := map[int]bool{}
	for _, m := range t.Missing {
		missing[m] = true
	}
	i := 0
	for mo := t.Months[0].Month; mo <= t.Months[len(t.Months)-1].Month; mo++ {
		month := textCell(strconv.Itoa(mo) + "月")
		if missing[mo] {
			blank := textCell("")
			tb.Rows = append(tb.Rows, []cell{month, textCell("缺台账"), blank, blank, blank, blank, blank})
			continue
		}
		m := t.Months[i]
		i++
		tb.Rows = append(tb.Rows, []cell{month, textCell(m.AsOf.String()), rateCell(m.Metrics.NewStartRate), rateCell(m.Metrics.ContinuingResumeRate),
			rateCell(m.Metrics.InvestmentRate), rateCell(m.Metrics.Schedule), pointsCell(m.GapPoints)})
	}
	tb.Chart = &chartSpec{Title: "全县主要指标逐月走势", CategoryColumn: 0, Lines: []int{2, 3, 4, 5}, Percent: true}
	return tb
}

// ranksTable is each group's rank month by month, its move and this month's 完成率.
func (t *Trend) ranksTable() table {
	n := len(t.Months)
	since := "较上月"
	if n >= 2 {
		since = fmt.Sprintf("较%d月", t.Months[n-2].Month)
	}
	header := []string{"分组", "名称"}
	for _, m := range t.Months {
		header = append(header, fmt.Sprintf("%d月排名", m.Month))
	}
	header = append(header, since, "本月完成率", "与序时差", "预警")
	tb := table{Name: "排名走势（按投资完成率；与序时差单位：个百分点）", Sheet: "排名走势", Header: header, Annex: "各" + t.groupWords() + "投资完成率逐月排名"}
	for _, rk := range t.Rankings {
		for _, g := range rk.Groups {
			row := []cell{textCell(rk.By.Label()), textCell(g.Name)}
			for _, p := range g.Points {
				row = append(row, rankCell(p))
			}
			cur := g.Points[n-1]
			row = append(row, textCell(g.Move.Label()), rateCell(cur.Rate), pointsCell(cur.GapPoints), warningCell(g.Warning))
			if !cur.Present {
				row[len(row)-3], row[len(row)-2] = textCell("本月无"), textCell("-")
			}
			tb.Rows = append(tb.Rows, row)
		}
	}
	return tb
}

func rankCell(p TrendPoint) cell {
	if !p.Present || p.Rank == 0 {
		return textCell("-")
	}
	return countCell(p.Rank)
}

func warningCell(on bool) cell {
	if !on {
		return textCell("")
	}
	return cell{Text: "预警", Tone: toneBad}
}

// detailTable is the 月度走势 for scripts: one row per month for the whole ledger
// and per group, with the rank; the move and the 预警 on the current month's rows.
func (t *Trend) detailTable() table {
	tb := table{Name: "月度走势", Header: []string{"月份", "截至日期", "分组", "名称", "新建开工率", "续建复工率", "投资完成率", "序时进度", "与序时差", "排名", "较上月", "预警"}}
	n := len(t.Months)
	for mi, m := range t.Months {
		month, asOf := countCell(m.Month), textCell(m.AsOf.String())
		tb.Rows = append(tb.Rows, []cell{month, asOf, textCell("全县"), textCell("全县"), rateCell(m.Metrics.NewStartRate),
			rateCell(m.Metrics.ContinuingResumeRate), rateCell(m.Metrics.InvestmentRate), rateCell(m.Metrics.Schedule), pointsCell(m.GapPoints),
			textCell(""), textCell(""), textCell("")})
		for _, rk := range t.Rankings {
			for _, g := range rk.Groups {
				p := g.Points[mi]
				if !p.Present {
					continue
				}
				move, warn := textCell(""), textCell("")
				if mi == n-1 {
					move, warn = textCell(g.Move.Label()), warningCell(g.Warning)
				}
				rank := textCell("")
				if p.Rank > 0 {
					rank = countCell(p.Rank)
				}
				tb.Rows = append(tb.Rows, []cell{month, asOf, textCell(rk.By.Label()), textCell(g.Name), rateCell(p.NewStartRate),
					rateCell(p.ContinuingResumeRate), rateCell(p.Rate), rateCell(m.Metrics.Schedule), pointsCell(p.GapPoints), rank, move, warn})
			}
		}
	}
	return tb
}
