package report

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gongjian/ledger"
	"gongjian/rules"
)

// DataQuality is what check finds in the ledgers a report is made from. A report from
// a ledger with errors says so before its first figure: the 专班 must know which
// numbers leave cells out before the meeting reads them.
type DataQuality struct {
	Files []FileQuality // the 开复工台账 first, then the 融资需求台账
}

// FileQuality is one ledger's findings, counted.
type FileQuality struct {
	File             string
	Errors, Warnings int
	ByRule           []RuleCount
	// LeftOut are the cells the figures do not use: amounts and dates that could not
	// be read, values not understood, and the rows repeating an earlier project.
	LeftOut []LeftOutCell
}

// RuleCount is how many findings one rule gave.
type RuleCount struct {
	Rule     rules.RuleID
	Severity rules.Severity
	Count    int
}

// LeftOutCell is a cell the report's figures leave out, and why.
type LeftOutCell struct {
	File, Sheet, Cell string
	Row               int
	Field             ledger.Field
	Value, Reason     string
}

// Errors and Warnings count over every ledger.
func (q DataQuality) Errors() int {
	n := 0
	for _, f := range q.Files {
		n += f.Errors
	}
	return n
}

func (q DataQuality) Warnings() int {
	n := 0
	for _, f := range q.Files {
		n += f.Warnings
	}
	return n
}

func dataQuality(results ...*rules.Result) DataQuality {
	var q DataQuality
	for _, res := range results {
		if res == nil || res.Ledger == nil {
			continue
		}
		fq := FileQuality{File: res.Ledger.File}
		counts := map[rules.RuleID]*RuleCount{}
		for _, f := range res.Findings {
			if f.Severity == rules.SeverityError {
				fq.Errors++
			} else {
				fq.Warnings++
			}
			rc := counts[f.Rule]
			if rc == nil {
				rc = &RuleCount{Rule: f.Rule, Severity: f.Severity}
				counts[f.Rule] = rc
			}
			rc.Count++
			if reason := leftOutReason(f); reason != "" {
				fq.LeftOut = append(fq.LeftOut, LeftOutCell{File: res.Ledger.File, Sheet: f.Sheet, Cell: f.Cell, Row: f.Row,
					Field: f.Field, Value: f.Value, Reason: reason})
			}
		}
		for _, rc := range counts {
			fq.ByRule = append(fq.ByRule, *rc)
		}
		// Errors first, the commonest first, then by id: the same order every run.
		sort.Slice(fq.ByRule, func(i, j int) bool {
			a, b := fq.ByRule[i], fq.ByRule[j]
			if a.Severity != b.Severity {
				return a.Severity == rules.SeverityError
			}
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Rule < b.Rule
		})
		q.Files = append(q.Files, fq)
	}
	return q
}

// leftOutReason says why a finding's cell is not in the figures; "" when it is.
func leftOutReason(f rules.Finding) string {
	switch f.Rule {
	case rules.RuleBadNumber:
		return "金额无法识别，未计入合计"
	case rules.RuleBadDate:
		if f.Field == ledger.FieldPlanStart {
			return "日期无法识别，未用于判断是否逾期开工"
		}
		return "日期无法识别，未用于判断开工"
	case rules.RuleDuplicateProject:
		return "重复项目，只计前面的一行"
	case rules.RuleBadValue:
		switch f.Field {
		case ledger.FieldNature:
			return "建设性质无法识别，未计入新建或续建项目"
		case ledger.FieldStatus:
			return "开工状态无法识别，未据此判断开工"
		}
		return f.Field.Label() + "无法识别"
	}
	return ""
}

// paragraph opens the report: the ledgers' errors by rule and what the figures leave
// out, or that check found none; then what to do about it — in the 通报 for its
// reader, who corrects the ledger before the 通报 goes out, elsewhere for the one at
// the terminal, who has gongjian check to find the cells. Red when there are errors.
func (q DataQuality) paragraph() paragraph {
	var parts []string
	for _, f := range q.Files {
		if f.Errors == 0 {
			continue
		}
		var rulesText []string
		for _, rc := range f.ByRule {
			if rc.Severity == rules.SeverityError {
				rulesText = append(rulesText, fmt.Sprintf("%s%d处", rc.Rule.Label(), rc.Count))
			}
		}
		s := fmt.Sprintf("%s有%d条错误（%s）", filepath.Base(f.File), f.Errors, strings.Join(rulesText, "、"))
		cells, repeats := 0, 0
		for _, c := range f.LeftOut {
			if c.Reason == leftOutReason(rules.Finding{Rule: rules.RuleDuplicateProject}) {
				repeats++
			} else {
				cells++
			}
		}
		var out []string
		if cells > 0 {
			out = append(out, fmt.Sprintf("未计入无法识别的%d个单元格", cells))
		}
		if repeats > 0 {
			out = append(out, fmt.Sprintf("重复的%d个项目只计一次", repeats))
		}
		if len(out) > 0 {
			s += "，以下数字" + strings.Join(out, "，")
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		p := paragraph{Spans: []span{{Text: "数据质量：台账经检查未发现错误"}}}
		if w := q.Warnings(); w > 0 {
			p.Spans = append(p.Spans, span{Text: fmt.Sprintf("（另有警告%d条，可用 gongjian check 查看）", w), Notice: fmt.Sprintf("（另有警告%d条）", w)})
		}
		p.Spans = append(p.Spans, span{Text: "。"})
		return p
	}
	return paragraph{Spans: []span{
		{Text: "数据质量：" + strings.Join(parts, "；") + "。", Tone: toneBad},
		{Text: "请先用 gongjian check 改正这些错误，再出报告。", Notice: "请先改正台账中的这些错误，再印发本通报。", Tone: toneBad},
	}}
}

// leftOutShown is how many left-out cells the report lists: enough for the meeting to
// see what kind of errors there are; check's annotated copy lists every one, and a
// crafted ledger with a bad cell on each of 200,000 rows must not make a report of
// 200,000 lines.
const leftOutShown = 100

// leftOutTable lists the cells the figures leave out, the first leftOutShown of them
// and a last row saying how many more; nil when there are none.
func (q DataQuality) leftOutTable() *table {
	t := table{Name: "未计入的单元格", Sheet: "未计入单元格", Header: []string{"台账", "工作表", "单元格", "字段", "原值", "原因"}}
	more := 0
	for _, f := range q.Files {
		for _, c := range f.LeftOut {
			if len(t.Rows) == leftOutShown {
				more++
				continue
			}
			t.Rows = append(t.Rows, textCells(filepath.Base(c.File), c.Sheet, c.Cell, c.Field.Label(), c.Value, c.Reason))
		}
	}
	if len(t.Rows) == 0 {
		return nil
	}
	if more > 0 {
		t.Rows = append(t.Rows, textCells("", "", "", "", "", fmt.Sprintf("另有%d个单元格未列出，全部见 gongjian check 的检查结果", more)))
	}
	return &t
}

// Notice is the one line for stderr when a ledger has errors; "" when none has.
func (q DataQuality) Notice() string {
	var parts []string
	leftOut := false
	for _, f := range q.Files {
		if f.Errors > 0 {
			parts = append(parts, fmt.Sprintf("%s 有%d条错误", filepath.Base(f.File), f.Errors))
			leftOut = leftOut || len(f.LeftOut) > 0
		}
	}
	if len(parts) == 0 {
		return ""
	}
	effect := "报告中的数字可能因此有误"
	if leftOut {
		effect = "报告中的数字未计入无法识别的单元格"
	}
	return "注意：" + strings.Join(parts, "，") + "，" + effect + "；请先用 gongjian check 改正"
}
