package rules

import (
	"fmt"
	"sort"
	"strings"

	"gongjian/ledger"
)

// This file holds the checks every ledger gets, whatever its kind.

// add records a finding, completing the sheet; the list names the cell from Row and
// Col (none when either is not given).
func (e *evaluation) add(f Finding) {
	f.Sheet = e.l.Sheet
	if f.Col < 0 || f.Row <= 0 {
		f.Col = -1
	}
	e.found.add(f)
}

// cellFinding records a finding about one field of one project.
func (e *evaluation) cellFinding(rule RuleID, sev Severity, p *ledger.Project, f ledger.Field, value, msg string) {
	e.add(Finding{Rule: rule, Severity: sev, Row: p.Row, Col: e.col(f), Field: f, Value: value, Message: msg, Project: p.Name})
}

// sheetFinding records a finding about the whole sheet, pointing at its header.
func (e *evaluation) sheetFinding(rule RuleID, sev Severity, f ledger.Field, msg string) {
	e.add(Finding{Rule: rule, Severity: sev, Row: e.headerRow, Col: -1, Field: f, Message: msg})
}

// problemFindings turn the cells the reader could not read into findings.
func (e *evaluation) problemFindings() {
	for _, pr := range e.l.Problems {
		label := pr.Field.Label()
		why := ""
		if pr.Detail != "" {
			why = "（" + pr.Detail + "）"
		}
		var msg string
		switch pr.Kind {
		case ledger.ProblemBadNumber:
			msg = fmt.Sprintf("%s“%s”不是有效的金额%s，请填写数字（单位万元），如 1200.50。", label, pr.Value, why)
		case ledger.ProblemBadDate:
			msg = fmt.Sprintf("%s“%s”不是有效的日期%s，请填写如 2025-03-15 或 2025年3月 的日期。", label, pr.Value, why)
		default:
			msg = fmt.Sprintf("%s“%s”无法识别%s，请按这一列的格式填写。", label, pr.Value, why)
		}
		f := Finding{Rule: RuleID(pr.Kind), Severity: SeverityError, Row: pr.Row, Col: pr.Col, Field: pr.Field, Value: pr.Value, Message: msg}
		if p := e.projectAt(pr.Row); p != nil {
			f.Project = p.Name
		}
		e.add(f)
	}
}

// projectAt finds the project in a sheet row, by binary search when the projects are
// in row order (as the reader gives them).
func (e *evaluation) projectAt(row int) *ledger.Project {
	ps := e.l.Projects
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Row >= row })
	if i < len(ps) && ps[i].Row == row {
		return &ps[i]
	}
	return nil
}

func (e *evaluation) nameColumnFinding() {
	if !e.has(ledger.FieldName) {
		e.sheetFinding(RuleMissingColumn, SeverityError, ledger.FieldName,
			"台账中没有找到“项目名称”列，请在表头加上“项目名称”列后再检查。")
	}
}

// noProjectsFinding warns of a ledger with a header and no project under it (a blank
// template, a sheet whose rows are all 合计 or notes): nothing was checked, and "未发现
// 问题" would read as a pass.
func (e *evaluation) noProjectsFinding() {
	if len(e.l.Projects) > 0 {
		return
	}
	e.sheetFinding(RuleNoProjects, SeverityWarning, "",
		fmt.Sprintf("台账里没有项目：表头（第%d行）下面没有一行项目，没有检查任何内容；请把项目填进表格后再检查，如项目在别的工作表，请用 --sheet 指定工作表。", e.headerRow))
}

// amountFields are the amount fields a project may hold, in column-like order.
var amountFields = []ledger.Field{
	ledger.FieldTotal, ledger.FieldPlan, ledger.FieldDone, ledger.FieldMonthDone, ledger.FieldCumDone,
	ledger.FieldNeed, ledger.FieldCredit, ledger.FieldSigned, ledger.FieldDisbursed,
}

// generalProjectChecks are the checks of every kind of ledger; repeat reports whether
// the project repeats an earlier one (a duplicate-project finding).
func (e *evaluation) generalProjectChecks(i int, p *ledger.Project, dups *duplicates) (repeat bool) {
	if p.Name == "" && e.has(ledger.FieldName) {
		e.cellFinding(RuleMissingValue, SeverityError, p, ledger.FieldName, "", "项目名称为空，请填写项目名称。")
	}
	for _, f := range amountFields {
		if a := p.Amount(f); a.Sign() < 0 {
			e.cellFinding(RuleNegativeAmount, SeverityError, p, f, a.String(),
				fmt.Sprintf("%s为负数（%s），请填写不小于0的金额。", f.Label(), a))
		}
	}
	return dups.check(e, i, p)
}

// duplicates finds the same project twice in the ledger, by its identity (package
// ledger: the same 项目代码, else the same name when at most one of the rows has a code).
type duplicates struct{ idx *ledger.ProjectIndex }

func newDuplicates(n int) *duplicates { return &duplicates{idx: ledger.NewProjectIndex(n)} }

func (d *duplicates) check(e *evaluation, i int, p *ledger.Project) (repeat bool) {
	id := ledger.IdentityOf(p)
	first, match := d.idx.Duplicate(id)
	d.idx.Add(id, i)
	if match == ledger.MatchNone {
		return false
	}
	byCode := match == ledger.MatchCode
	firstRow := e.l.Projects[first].Row
	if byCode {
		e.cellFinding(RuleDuplicateProject, SeverityError, p, ledger.FieldCode, p.Code,
			fmt.Sprintf("项目代码“%s”与第%d行重复，同一项目请只填一行；统计时只计第%d行。", p.Code, firstRow, firstRow))
		return true
	}
	e.cellFinding(RuleDuplicateProject, SeverityError, p, ledger.FieldName, p.Name,
		fmt.Sprintf("项目“%s”与第%d行重复，同一项目请只填一行，统计时只计第%d行；如确是不同项目，请填写项目代码加以区分。", p.Name, firstRow, firstRow))
	return true
}

// totalTolerance is 0.01 万元 in Amount units: rounding in a 合计 cell is not an error.
const totalTolerance = 100

// totalFindings compare each 合计/小计 row with the sum of the rows it covers.
func (e *evaluation) totalFindings() {
	for _, t := range e.l.Totals {
		fields := make([]ledger.Field, 0, len(t.Amounts))
		for f := range t.Amounts {
			fields = append(fields, f)
		}
		// Map order must not leak into the findings.
		sort.Slice(fields, func(i, j int) bool { return fieldOrder(fields[i]) < fieldOrder(fields[j]) })
		for _, f := range fields {
			stated := t.Amounts[f]
			var sum ledger.Amount
			for _, i := range t.Covers {
				if i >= 0 && i < len(e.l.Projects) {
					sum = sum.Add(e.l.Projects[i].Amount(f))
				}
			}
			e.totalMismatch(t, e.col(f), f, f.Label(), stated, sum)
		}
		e.monthTotalFindings(t)
	}
}

// monthTotalFindings checks a total row's month-by-month 完成投资 cells, each against
// its own column: a sum of the months could hide one too high and one too low.
func (e *evaluation) monthTotalFindings(t ledger.TotalRow) {
	cols := e.l.MonthColumns()
	for k, stated := range t.Months {
		if !stated.IsSet() || k >= len(cols) {
			continue
		}
		var sum ledger.Amount
		for _, i := range t.Covers {
			if i >= 0 && i < len(e.l.Projects) && k < len(e.l.Projects[i].Months()) {
				sum = sum.Add(e.l.Projects[i].Months()[k])
			}
		}
		header := strings.Join(strings.Fields(cols[k].Header), "")
		e.totalMismatch(t, cols[k].Index, ledger.FieldMonthDone, "“"+header+"”", stated, sum)
	}
}

// totalMismatch records a total-mismatch when a total row's cell (what: the column's
// name) differs from the sum of its rows by more than rounding.
func (e *evaluation) totalMismatch(t ledger.TotalRow, col int, f ledger.Field, what string, stated, sum ledger.Amount) {
	diff := stated.Units() - sum.Units()
	if diff < 0 {
		diff = -diff
	}
	if diff <= totalTolerance {
		return
	}
	label := strings.TrimSpace(t.Label)
	if label == "" {
		label = "合计"
	}
	gap := ledger.AmountFromUnits(diff).Fixed(2)
	if t.Package != "" {
		// A 打包项目's parent row states the sums of its parts, as a 小计 does.
		e.add(Finding{Rule: RuleTotalMismatch, Severity: SeverityError, Row: t.Row, Col: col, Field: f,
			Value: stated.String(), Project: t.Package,
			Message: fmt.Sprintf("打包项目“%s”的%s为%s万元，其下各子项目之和为%s万元，相差%s万元，请核对打包项目行或各子项目的数字。",
				t.Package, what, stated.Fixed(2), sum.Fixed(2), gap)})
		return
	}
	e.add(Finding{Rule: RuleTotalMismatch, Severity: SeverityError, Row: t.Row, Col: col, Field: f,
		Value: stated.String(),
		Message: fmt.Sprintf("%s行的%s为%s万元，所列项目之和为%s万元，相差%s万元，请核对合计数或各项目的数字。",
			label, what, stated.Fixed(2), sum.Fixed(2), gap)})
}

// fieldOrder orders amount fields as they usually stand in a ledger; others after, by id.
func fieldOrder(f ledger.Field) string {
	for i, a := range amountFields {
		if a == f {
			return string(rune('0' + i))
		}
	}
	return "~" + string(f)
}
