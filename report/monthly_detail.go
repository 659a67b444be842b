package report

import (
	"fmt"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// The 明细 behind 总体情况: every project a figure counts, so the first question at
// the meeting — "which ones?" — is one click away. In the workbook each figure of 主要
// 指标 links to its projects; the JSON has them under overall.detail.

// Anchors of the 明细's parts, linked to from 主要指标.
const (
	anchorNew        = "明细:新建"
	anchorContinuing = "明细:续建"
	anchorOther      = "明细:其他"
	anchorTerminated = "明细:终止"
	anchorTotal      = "明细:合计"
)

// detailPart is one part of the 明细: the projects of one 建设性质.
type detailPart struct {
	anchor, label string
	rows          []int // indexes into Ledger.Projects
}

// detailParts splits the counted projects by 建设性质, in ledger order.
func (m *Monthly) detailParts() []detailPart {
	res := m.Result
	parts := []detailPart{{anchor: anchorNew, label: "新建项目"}, {anchor: anchorContinuing, label: "续建项目"},
		{anchor: anchorOther, label: "其他项目"}, {anchor: anchorTerminated, label: "终止项目（不计入各项比率）"}}
	if res == nil || res.Ledger == nil {
		return nil
	}
	for i := range res.Ledger.Projects {
		if !res.Counted(i) {
			continue
		}
		k := 2
		switch res.Ledger.Projects[i].Nature {
		case rules.NatureNew:
			k = 0
		case rules.NatureContinuing:
			k = 1
		case rules.NatureTerminated:
			k = 3
		}
		parts[k].rows = append(parts[k].rows, i)
	}
	out := parts[:0]
	for _, p := range parts {
		if len(p.rows) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// detailTable is the 明细 as one table (one header, so every printed page carries
// it): a part per 建设性质 opening with the rate it makes, each project's start, its
// amounts and its cell in the ledger, and the sums behind 投资完成率.
func (m *Monthly) detailTable() *table {
	res := m.Result
	parts := m.detailParts()
	if len(parts) == 0 {
		return nil
	}
	t := table{Name: "明细：各项指标所计的项目（金额单位：万元）", Sheet: "明细", WorkbookOnly: true, Wrap: []int{0: 22},
		Header: []string{"类别", "序号", "项目名称", "所在乡镇", "责任单位", "开工情况", "年度计划", "本年完成", "台账位置"}}
	detail := res.Detail()
	o := m.Overview
	for _, part := range parts {
		label := part.label
		switch part.anchor {
		case anchorNew:
			label += rateSummary("新建开工率", o.Metrics.NewStartRate, detail[rules.MetricNewStartRate], "已开工")
		case anchorContinuing:
			label += rateSummary("续建复工率", o.Metrics.ContinuingResumeRate, detail[rules.MetricContinuingResumeRate], "已复工")
		case anchorOther:
			if o.Metrics.NewStartRate == nil && o.Metrics.ContinuingResumeRate == nil {
				// No 建设性质: 开复工率 counts every project.
				label += rateSummary("开复工率", o.Metrics.StartRate, detail[rules.MetricStartRate], "已开工")
			}
		}
		for n, i := range part.rows {
			p := &res.Ledger.Projects[i]
			first := textCell("")
			if n == 0 {
				first = textCell(label)
				first.Anchor = part.anchor
			}
			t.Rows = append(t.Rows, []cell{first, countCell(n + 1), textCell(p.Name), textCell(p.Town), textCell(p.Unit),
				textCell(m.startText(p)), amountCell(p.Plan), amountCell(p.Done), textCell(m.ledgerCell(p))})
		}
	}
	inv := detail[rules.MetricInvestmentRate]
	var plan, done ledger.Amount
	for _, i := range inv.Denominator {
		plan = plan.Add(res.Ledger.Projects[i].Plan)
	}
	for _, i := range inv.Numerator {
		done = done.Add(res.Ledger.Projects[i].Done)
	}
	total := textCell("合计（计入投资完成率，不含终止项目）")
	total.Anchor = anchorTotal
	t.Rows = append(t.Rows, []cell{total, textCell(""), textCell(""), textCell(""), textCell(""), textCell(""),
		amountCell(plan), amountCell(done), textCell("投资完成率" + wording.Percent(o.Metrics.InvestmentRate))})
	return &t
}

// rateSummary is "：新建开工率84.2% = 已开工16个 ÷ 19个".
func rateSummary(name string, rate *ledger.Rate, mp rules.MetricProjects, started string) string {
	if rate == nil {
		return ""
	}
	return fmt.Sprintf("：%s%s = %s%d个 ÷ %d个", name, wording.Percent(rate), started, len(mp.Numerator), len(mp.Denominator))
}

// startText is a project's start as the rates count it: "已开工（2025-03-08）",
// "未开工（计划2025-07-01）".
func (m *Monthly) startText(p *ledger.Project) string {
	started, notStarted := "已开工", "未开工"
	if p.Nature == rules.NatureContinuing {
		started, notStarted = "已复工", "未复工"
	}
	if m.Rules.StartedBy(p, m.AsOf) {
		if p.ActualStart.IsSet() {
			return started + "（" + p.ActualStart.String() + "）"
		}
		return started + "（按开工状态）"
	}
	if p.PlanStart.IsSet() {
		return notStarted + "（计划" + p.PlanStart.String() + "）"
	}
	return notStarted
}

// ledgerCell is where the project stands in its ledger: "开复工台账!C17".
func (m *Monthly) ledgerCell(p *ledger.Project) string {
	l := m.Result.Ledger
	if c := l.Column(ledger.FieldName); c != nil {
		return l.Sheet + "!" + ledger.CellName(c.Index, p.Row)
	}
	return fmt.Sprintf("%s第%d行", l.Sheet, p.Row)
}

// detailLinks are the anchors the figures of 主要指标 link to, by their label.
var detailLinks = map[string]string{
	"项目总数": anchorNew, "其中终止项目": anchorTerminated,
	"新建项目": anchorNew, "其中已开工": anchorNew, "新建开工率": anchorNew,
	"续建项目": anchorContinuing, "其中已复工": anchorContinuing, "续建复工率": anchorContinuing,
	"开复工率": anchorNew, "总投资（万元）": anchorNew,
	"年度计划投资（万元）": anchorTotal, "本年完成投资（万元）": anchorTotal, "投资完成率": anchorTotal,
}
