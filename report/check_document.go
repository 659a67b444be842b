package report

import (
	"strconv"

	"gongjian/rules"
)

// checkDocument lays out one checked file's summary: its facts, the metrics, the
// whole ledger's targets (or a 融资需求台账's funnel and totals), the join, and the
// findings with their count, and with columns (check --columns) what each header cell
// was read as. A file that could not be read gets its reason, since a document pasted
// elsewhere has no stderr beside it.
func checkDocument(o Outcome, columns bool) document {
	d := document{Title: o.shownFile(), TitleLabel: "文件", Level: 2}
	if o.Failed() {
		d.Sections = []section{{Blocks: []block{para("无法读取：" + o.ErrorMessage())}}}
		return d
	}
	res := o.Result
	d.Facts = checkFacts(res)
	switch {
	case res.Has(rules.RuleNoProjects):
		// No metric or target means anything: the finding says why.
	case isFinancing(res):
		d.Sections = financingSections(res)
	default:
		d.Sections = kaifugongSections(res)
	}
	if lines := joinLines(res); lines != nil {
		d.Sections = append(d.Sections, section{Title: joinTitle(res), Blocks: []block{list{Items: lines}}})
	}
	d.Sections = append(d.Sections, findingsSection(res.Findings))
	if columns && res.Ledger != nil {
		d.Sections = append(d.Sections, columnsSection(res.Ledger))
	}
	return d
}

// kaifugongSections are a 开复工台账's metrics and whole-ledger targets.
func kaifugongSections(res *rules.Result) []section {
	labels, values := metricCells(res.Metrics)
	metrics := section{Title: "主要指标", Blocks: []block{table{Header: labels, Rows: [][]cell{textCells(values...)}}}}
	if s := scheduleSentence(res.Metrics); s != "" {
		metrics.Blocks = append(metrics.Blocks, para(s))
	}
	out := []section{metrics}
	if targets := wholeLedgerTargets(res.Targets); len(targets) > 0 {
		t := table{Header: targetHeader, Wrap: []int{5: gapWidth}}
		for _, tg := range targets {
			cells := textCells(targetCells(tg)...)
			cells[4].Tone = statusTone(tg.Status)
			t.Rows = append(t.Rows, cells)
		}
		out = append(out, section{Title: "目标完成情况", Blocks: []block{t}})
	}
	return out
}

// financingSections are a 融资需求台账's rates, funnel, totals by 融资方式 and by
// 金融机构, and the projects with no bank.
func financingSections(res *rules.Result) []section {
	fin := financingOf(res)
	labels, values := financingMetricCells(fin)
	out := []section{
		{Title: "主要指标", Blocks: []block{table{Header: labels, Rows: [][]cell{textCells(values...)}}}},
		{Title: "融资进展（对接 → 授信 → 签约 → 放款）", Blocks: []block{funnelTable("", "全部项目", fin.Counts, fin.Amounts), para(funnelNote)}},
	}
	for _, g := range []struct {
		title, first string
		groups       []rules.FinancingGroup
	}{{"按融资方式（万元）", "融资方式", fin.ByMethod}, {"按金融机构（万元）", "金融机构", fin.ByBank}} {
		if len(g.groups) > 0 {
			out = append(out, section{Title: g.title, Blocks: []block{financingGroupTable("", g.first, g.groups)}})
		}
	}
	return append(out, section{Blocks: []block{para(unassignedSentence(fin))}})
}

// findingsSection lists the findings and counts them.
func findingsSection(fs []rules.Finding) section {
	s := section{Title: "问题清单"}
	if len(fs) == 0 {
		s.Blocks = []block{para("未发现问题。")}
		return s
	}
	t := table{Header: findingHeader, Wrap: []int{1: projectNameWidth, 4: findingMessageWidth}}
	for _, f := range fs {
		cells := textCells(findingCells(f)...)
		cells[2].Tone = severityTone(f.Severity)
		t.Rows = append(t.Rows, cells)
	}
	s.Blocks = []block{t, tallyParagraph(fs)}
	return s
}

// tallyParagraph is the count of a file's findings, the counts toned when not zero.
func tallyParagraph(fs []rules.Finding) paragraph {
	e, w := countSeverities(fs)
	es, ws := span{Text: "错误 " + strconv.Itoa(e) + " 条"}, span{Text: "警告 " + strconv.Itoa(w) + " 条"}
	if e > 0 {
		es.Tone = toneBad
	}
	if w > 0 {
		ws.Tone = toneWarn
	}
	return paragraph{Spans: []span{es, {Text: "，"}, ws, {Text: "。"}}}
}

func severityTone(s rules.Severity) tone {
	if s == rules.SeverityError {
		return toneBad
	}
	return toneWarn
}

// statusTones colour a target's status: red when missed, green when met.
var statusTones = map[rules.Status]tone{rules.StatusMissed: toneBad, rules.StatusMet: toneGood}

func statusTone(s rules.Status) tone { return statusTones[s] }
