package report

import (
	"fmt"
	"sort"
	"strings"

	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// The report's sentences that read its tables out in the words of a 通报: where the
// year's milestones stand and what is still needed, who leads and who is behind in
// each ranking, the lagging projects by 责任单位, and the projects that started, came
// and went this month. Every form shows them; the 通报 has only the sentences in its
// body, some tables going to its 附件.

// part is a run of a section's sentences under a heading of its own.
type part struct {
	Heading string // "攻坚目标完成情况"; numbered "（一）" when written
	Paras   []string
}

// partBlocks lays parts out as paragraphs, each part's heading numbered before its
// sentences. A part with no sentences is left out, and when only one is left it goes
// without a heading: a 通报 numbers a part only among others.
func partBlocks(parts []part) []block {
	shown := 0
	for _, p := range parts {
		if len(p.Paras) > 0 {
			shown++
		}
	}
	var out []block
	n := 0
	for _, p := range parts {
		if len(p.Paras) == 0 {
			continue
		}
		if shown > 1 && p.Heading != "" {
			n++
			out = append(out, paragraph{Spans: []span{{Text: "（" + chineseNumber(n) + "）" + p.Heading}}, Heading: true})
		}
		for _, s := range p.Paras {
			out = append(out, para(s))
		}
	}
	return out
}

// targetSentences say, milestone by milestone, how the whole ledger stands against
// the year's targets: a due milestone done or not, and for the next one what each
// target still needs. Targets whose scope holds no project are left out.
func targetSentences(targets []rules.Target) []string {
	var out []string
	for i := 0; i < len(targets); {
		j := i
		for j < len(targets) && targets[j].Milestone == targets[i].Milestone && targets[j].Due == targets[i].Due {
			j++
		}
		if s := milestoneSentence(targets[i:j]); s != "" {
			out = append(out, s)
		}
		i = j
	}
	return out
}

// milestoneSentence: "“一季度开门红”目标（3月31日）已完成：续建复工率100.0%（目标100%）；…。"
// or, for the next one, "实现“上半年双过半”目标（6月30日前），新建开工率需达到90%（目前81.3%），
// 还需开工2个新建项目；…。"
func milestoneSentence(ts []rules.Target) string {
	var phrases []string
	upcoming, missed, unknown := false, false, false
	for _, t := range ts {
		target := t.TargetLabel
		if target == "" {
			target = t.Target.Percent(1)
		}
		metric := rules.MetricLabel(t.Metric)
		switch t.Status {
		case rules.StatusNotApplicable:
			continue
		case rules.StatusUnknown:
			unknown = true
			p := metric + "无法判断"
			if t.Note != "" {
				p += "（" + t.Note + "）"
			}
			phrases = append(phrases, p)
		case rules.StatusUpcoming:
			upcoming = true
			p := metric + "需达到" + target
			if t.Actual != nil {
				p += "（目前" + wording.Percent(t.Actual) + "）"
			}
			if t.Needed != nil {
				// The table's words, run into the sentence: "还需开工2个新建项目".
				p += "，" + strings.ReplaceAll(wording.Needed(t.Metric, *t.Needed), " ", "")
			}
			phrases = append(phrases, p)
		default:
			p := metric + wording.Percent(t.Actual) + "（目标" + target + "）"
			if t.Status == rules.StatusMissed {
				missed = true
				if t.Actual != nil {
					if short := t.Target.Sub(*t.Actual).Points().Round(1); short != "0.0" {
						p += "，差" + short + "个百分点"
					} else {
						p += "，略低于目标"
					}
				}
			}
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 {
		return ""
	}
	name, due := "“"+ts[0].Milestone+"”目标", wording.Due(ts[0].Due)
	body := strings.Join(phrases, "；") + "。"
	switch {
	case upcoming:
		return fmt.Sprintf("实现%s（%s前），%s", name, due, body)
	case missed:
		return fmt.Sprintf("%s（%s）未完成：%s", name, due, body)
	case unknown:
		return fmt.Sprintf("%s（%s）：%s", name, due, body)
	}
	return fmt.Sprintf("%s（%s）已完成：%s", name, due, body)
}

// rankingWords: "乡镇中，崇文镇、附城镇投资完成率位居前列，分别为48.8%、47.5%；低于序时进度的有
// 杨村镇（低16.7个百分点，黄灯）。" The leaders are the top third of the ranked groups
// (one to three) that are ahead of 序时进度; "" for a ranking of fewer than two groups.
func rankingWords(rk Ranking) string {
	var ranked []RankRow
	for _, r := range rk.Rows {
		if r.Rank > 0 {
			ranked = append(ranked, r)
		}
	}
	if len(ranked) < 2 {
		return ""
	}
	top := min(3, max(1, len(ranked)/3))
	var leaders, rates, behind []string
	known := false
	for _, r := range ranked {
		gap := ""
		if r.GapPoints != nil {
			known = true
			gap = r.GapPoints.Round(1)
		}
		ahead := gap == "" || !strings.HasPrefix(gap, "-") && gap != "0.0"
		if r.Rank <= top && ahead {
			leaders = append(leaders, r.Name)
			rates = append(rates, wording.Percent(r.Rate))
		}
		if strings.HasPrefix(gap, "-") && gap != "-0.0" {
			b := r.Name + "（低" + gap[1:] + "个百分点"
			if r.Light == rules.LightYellow || r.Light == rules.LightRed {
				b += "，" + r.Light.Label()
			}
			behind = append(behind, b+"）")
		}
	}
	var parts []string
	switch len(leaders) {
	case 0:
	case 1:
		parts = append(parts, fmt.Sprintf("%s投资完成率最高，为%s", leaders[0], rates[0]))
	default:
		parts = append(parts, fmt.Sprintf("%s投资完成率位居前列，分别为%s", strings.Join(leaders, "、"), strings.Join(rates, "、")))
	}
	switch {
	case len(behind) > 0:
		parts = append(parts, "低于序时进度的有"+strings.Join(behind, "、"))
	case known:
		parts = append(parts, "没有低于序时进度的"+rk.By.Label())
	}
	if len(parts) == 0 {
		return ""
	}
	return rk.Label + "中，" + strings.Join(parts, "；") + "。"
}

// namedLagging is the most projects a sentence names (the lagging ones, this month's
// changes); more are only counted, their names being the tables'.
const namedLagging = 10

// laggingByUnit counts the lagging projects by 责任单位, the units with more first,
// and names them when there are few enough to read in a sentence: "按责任单位：
// 县工信局2个（甲、乙）；县水务局1个（丙）。" "" when none lag.
func laggingByUnit(list []Lagging) string {
	var units []string
	names := map[string][]string{}
	for _, lg := range list {
		unit := strings.TrimSpace(lg.Unit)
		if unit == "" {
			unit = "未填写责任单位的"
		}
		if names[unit] == nil {
			units = append(units, unit)
		}
		names[unit] = append(names[unit], lg.Name)
	}
	if len(units) == 0 {
		return ""
	}
	// Stable: units with as many projects keep the order they first appear in.
	sort.SliceStable(units, func(i, j int) bool { return len(names[units[i]]) > len(names[units[j]]) })
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = fmt.Sprintf("%s%d个", u, len(names[u]))
		if len(list) <= namedLagging {
			parts[i] += "（" + strings.Join(names[u], "、") + "）"
		}
	}
	return "按责任单位：" + strings.Join(parts, "；") + "。"
}

// namesSentence names the projects that started, came and went this month, when
// there are few enough to read in a sentence: "本月新开工（复工）：甲、乙；新增：丙；减少：丁。"
func (c *Changes) namesSentence() string {
	if len(c.NewlyStarted)+len(c.Appeared)+len(c.Disappeared) > namedLagging {
		return ""
	}
	var parts []string
	for _, g := range []struct {
		label string
		list  []ChangedProject
	}{{"本月新开工（复工）", c.NewlyStarted}, {"新增", c.Appeared}, {"减少", c.Disappeared}} {
		if len(g.list) == 0 {
			continue
		}
		names := make([]string, len(g.list))
		for i, p := range g.list {
			names[i] = p.Name
		}
		parts = append(parts, g.label+"："+strings.Join(names, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}
