package report

import (
	"fmt"
	"path/filepath"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// This file holds the wording shared by the table and Markdown forms, so the two say
// the same things in the same words.

// checkFacts are the lines under a file's name in its summary: where the figures come
// from and the counts and sums they are based on.
func checkFacts(res *rules.Result) []fact {
	var facts []fact
	if l := res.Ledger; l != nil {
		rows := headerRowsText(l.HeaderRows)
		switch {
		case l.Sheet != "" && rows != "":
			facts = append(facts, fact{"工作表", l.Sheet + "（表头" + rows + "）"})
		case l.Sheet != "":
			facts = append(facts, fact{"工作表", l.Sheet})
		case rows != "": // a CSV file has no sheets
			facts = append(facts, fact{"表头", rows})
		}
		if l.Kind != "" {
			facts = append(facts, fact{"台账类型", l.Kind.Label()})
		}
	}
	asOf := res.AsOf.String()
	if asOf == "" {
		asOf = "-"
	} else if src := res.AsOfSource.Label(); src != "" {
		asOf += "（来源：" + src + "）"
	}
	facts = append(facts, fact{"截至日期", asOf})
	if isFinancing(res) {
		fin := financingOf(res)
		facts = append(facts, fact{"项目数", financingCountsText(fin.Counts)})
		return append(facts, fact{"融资", financingAmountsText(fin.Amounts)})
	}
	facts = append(facts, fact{"项目数", countsText(res)})
	facts = append(facts, fact{"投资", amountsText(res.Amounts)})
	if s := unrecognizedText(res.Ledger); s != "" {
		facts = append(facts, fact{"未识别的列", s})
	}
	return facts
}

// headerRowsText is "第 3-4 行" for a two-row header, "第 3 行" for one.
func headerRowsText(rows []int) string {
	switch len(rows) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("第 %d 行", rows[0])
	}
	return fmt.Sprintf("第 %d-%d 行", rows[0], rows[len(rows)-1])
}

// What a ledger's columns leave unknown, said where a count would be: a count that
// cannot be made is never shown as 0.
const (
	noNatureText = "台账没有建设性质列，无法分新建、续建"
	noStartText  = "台账没有实际开工时间和开工状态列，无法统计开工、复工"
)

func countsText(res *rules.Result) string {
	c := res.Counts
	s := fmt.Sprintf("%d 个", c.Projects)
	if res.Ledger != nil && res.Ledger.Kind == ledger.KindRongzi {
		return s
	}
	s += packagesText(res.Ledger)
	switch {
	case c.NatureUnknown && c.StartUnknown:
		return s + "（" + noNatureText + "；" + strings.TrimPrefix(noStartText, "台账") + "）"
	case c.NatureUnknown || c.New+c.Continuing == 0 && c.Started > 0:
		// Only the started count is known.
		return s + fmt.Sprintf("，已开复工 %d 个（%s）", c.Started, noNatureText)
	case c.StartUnknown:
		s += fmt.Sprintf("，其中新建 %d 个，续建 %d 个（%s）", c.New, c.Continuing, noStartText)
	default:
		s += fmt.Sprintf("，其中新建 %d 个（已开工 %d 个），续建 %d 个（已复工 %d 个）", c.New, c.NewStarted, c.Continuing, c.ContinuingResumed)
	}
	if c.Terminated > 0 {
		s += fmt.Sprintf("，终止 %d 个", c.Terminated)
	}
	if c.Reserve > 0 {
		s += fmt.Sprintf("，预备 %d 个（不计入开工率、复工率）", c.Reserve)
	}
	return s
}

// packagesText says how the ledger's 打包项目 were counted: "（含 3 个打包项目拆分后的
// 15 项）", "" when it has none.
func packagesText(l *ledger.Ledger) string {
	if l == nil {
		return ""
	}
	packages, parts := l.PackageCount()
	if packages == 0 {
		return ""
	}
	return fmt.Sprintf("（含 %d 个打包项目拆分后的 %d 项）", packages, parts)
}

func amountsText(a rules.Amounts) string {
	return "总投资 " + wanText(a.Total) + "，年度计划 " + wanText(a.AnnualPlan) + "，本年完成 " + wanText(a.Done)
}

// wanText is "1234.50 万元", or "未填" for an amount no cell gave: not given is not zero.
func wanText(a ledger.Amount) string {
	if !a.IsSet() {
		return "未填"
	}
	return a.Fixed(2) + " 万元"
}

// metricOrder is the order metrics are shown in.
var metricOrder = []string{
	rules.MetricNewStartRate,
	rules.MetricContinuingResumeRate,
	rules.MetricStartRate,
	rules.MetricInvestmentRate,
	rules.MetricSchedule,
}

// metricCells returns the metrics' labels and their values as percentages.
func metricCells(m rules.Metrics) (labels, values []string) {
	for _, id := range metricOrder {
		labels = append(labels, rules.MetricLabel(id))
		values = append(values, wording.Percent(m.Get(id)))
	}
	return labels, values
}

// scheduleSentence compares 投资完成率 with 序时进度 as a 通报 does ("低于序时进度 3.9 个百分点");
// "" when either is not available.
func scheduleSentence(m rules.Metrics) string {
	if m.InvestmentRate == nil || m.Schedule == nil {
		return ""
	}
	return "投资完成率" + wording.AgainstSchedule(*wording.GapPoints(m.InvestmentRate, m.Schedule), true) + "。"
}

// wholeLedgerTargets are the targets of the whole ledger; a group's missed target is
// already a finding, and listing every group's targets would bury the ones that matter.
func wholeLedgerTargets(ts []rules.Target) []rules.Target {
	var out []rules.Target
	for _, t := range ts {
		if t.GroupBy == "" && t.Group == "" {
			out = append(out, t)
		}
	}
	return out
}

// targetHeader is the heading of the targets table.
var targetHeader = []string{"里程碑", "指标", "目标", "实际", "状态", "差距"}

// targetCells is one row of the targets table.
func targetCells(t rules.Target) []string {
	milestone := t.Milestone
	if t.Due.IsSet() {
		milestone += "（" + wording.Due(t.Due) + "）"
	}
	target := t.TargetLabel
	if target == "" {
		target = t.Target.Percent(1)
	}
	return []string{milestone, rules.MetricLabel(t.Metric), target, wording.Percent(t.Actual), t.Status.Label(), wording.Gap(t)}
}

// findingHeader is the heading of the findings table.
var findingHeader = []string{"位置", "项目名称", "级别", "规则", "说明"}

// projectNameWidth is where a project's name is cut in the findings table (terminal
// columns, a Chinese character two): the cell beside it says where the project is, so
// the name need only tell it apart, and the message keeps most of the line.
const projectNameWidth = 20

// findingCells is one row of the findings table: where the finding is ("F16", "全表"),
// what it is about (a project's name cut short; a group's name whole, since the cut
// would lose the part that tells 县农业农村局 from 县农业机械局), and the rule by its
// Chinese name.
func findingCells(f rules.Finding) []string {
	subject := oneLine(wording.Subject(f))
	if f.Group == "" {
		subject = cutText(subject, projectNameWidth)
	}
	return []string{wording.Place(f), subject, f.Severity.Label(), f.Rule.Label(), oneLine(f.Message)}
}

// columnText is the finding's column letter, "" when it has no single cell.
func columnText(f rules.Finding) string {
	if f.Col < 0 {
		return ""
	}
	return ledger.ColumnLetter(f.Col)
}

// cutText shortens s to at most width terminal columns, ending it with "…" when cut.
func cutText(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	head, _, _ := cutWidth(s, width-textWidth("…"))
	return head + "…"
}

// oneLine folds the line breaks and tabs of cell text into spaces, so a value typed
// with Alt+Enter in Excel does not break a table row.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.NewReplacer("\r", " ", "\n", " ", "\t", " ").Replace(s)
}

// The 融资需求台账's summary: the funnel 对接 → 授信 → 签约 → 放款, the totals by 融资方式
// and by 金融机构, the projects with no bank, and the join with the 开复工台账.

// isFinancing reports whether a result is of a 融资需求台账.
func isFinancing(res *rules.Result) bool {
	return res.Financing != nil || res.Ledger != nil && res.Ledger.Kind == ledger.KindRongzi
}

// financingOf is the result's financing figures, empty ones when it has none.
func financingOf(res *rules.Result) *rules.Financing {
	if res.Financing != nil {
		return res.Financing
	}
	return &rules.Financing{Counts: rules.FinancingCounts{Projects: res.Counts.Projects}}
}

func financingCountsText(c rules.FinancingCounts) string {
	return fmt.Sprintf("%d 个，其中已对接 %d 个，已授信 %d 个，已签约 %d 个，已放款 %d 个", c.Projects, c.Docked, c.Credited, c.Signed, c.Disbursed)
}

func financingAmountsText(a rules.FinancingAmounts) string {
	return "融资需求 " + wanText(a.Need) + "，授信 " + wanText(a.Credit) + "，签约 " + wanText(a.Signed) + "，放款 " + wanText(a.Disbursed)
}

// financingMetricCells are the two rates of a 融资需求台账.
func financingMetricCells(fin *rules.Financing) (labels, values []string) {
	return []string{"授信率", "放款率"}, []string{wording.Percent(fin.CreditRate), wording.Percent(fin.DisburseRate)}
}

// funnelNote says what the funnel's amounts are.
const funnelNote = "金额：全部项目一行是融资需求合计，已对接一行是已对接项目的融资需求，其余各行是授信、签约、放款金额。"

// unassignedSentence lists the projects with a need and no bank.
func unassignedSentence(fin *rules.Financing) string {
	if len(fin.Unassigned) == 0 {
		return "有融资需求的项目都已填写对接金融机构。"
	}
	return fmt.Sprintf("未对接金融机构的项目 %d 个：%s。", len(fin.Unassigned), strings.Join(fin.Unassigned, "、"))
}

// joinTitle is the heading of the join section, by the side the result is on.
func joinTitle(res *rules.Result) string {
	if isFinancing(res) {
		return "与开复工台账对照"
	}
	return "融资对接情况"
}

// joinLines say what the join found, from the result's side, one statement a line;
// nil when not joined.
func joinLines(res *rules.Result) []string {
	j := res.Join
	if j == nil {
		return nil
	}
	files := make([]string, len(j.With))
	for i, f := range j.With {
		files[i] = filepath.Base(f)
	}
	with := strings.Join(files, "、")
	if isFinancing(res) {
		found := fmt.Sprintf("找到对应项目 %d 个（按项目代码 %d 个，按项目名称 %d 个）", j.Matched, j.ByCode, j.ByName)
		if j.Unknown > 0 {
			found += fmt.Sprintf("；找不到 %d 个，见问题清单中的“%s”。", j.Unknown, rules.RuleUnknownProject.Label())
		} else {
			found += "，没有找不到的项目。"
		}
		return []string{"开复工台账：" + with, found}
	}
	lines := []string{"融资需求台账：" + with,
		fmt.Sprintf("有融资需求记录的项目 %d 个；重点项目 %d 个，其中没有融资需求记录的 %d 个。", j.Financed, j.KeyProjects, len(j.KeyUnfinanced))}
	if len(j.KeyUnfinanced) > 0 {
		lines = append(lines, "没有融资需求记录的重点项目："+strings.Join(j.KeyUnfinanced, "、")+"。")
	}
	return lines
}
