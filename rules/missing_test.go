package rules

import (
	"strings"
	"testing"

	"gongjian/ledger"
)

// A missing column is named exactly, with the headers that came closest: a ledger with
// 年度计划投资 and a 完成 column the reader does not know is told that 本年完成投资 is
// missing (not "年度计划投资或本年完成投资"), and which of its columns may be it.
func TestMissingColumnNamesTheClosest(t *testing.T) {
	cols := []ledger.Field{ledger.FieldSeq, ledger.FieldName, ledger.FieldNature, ledger.FieldPlan, ledger.FieldActualStart}
	l := newLedger(day(2025, 6, 30), cols, rows(ledger.Project{Name: "甲", Nature: "新建", Plan: w(100)})...)
	l.Columns = append(l.Columns,
		ledger.Column{Index: 5, Letter: "F", Header: "本年完成额（万元）"},
		ledger.Column{Index: 6, Letter: "G", Header: "联系人"})
	res := Evaluate(l, nil, Options{})
	var msg, note string
	for _, f := range res.Findings {
		if f.Rule == RuleMissingColumn && f.Field == ledger.FieldDone {
			msg = f.Message
		}
	}
	for _, tg := range res.Targets {
		if tg.Metric == MetricInvestmentRate && tg.GroupBy == "" {
			note = tg.Note
		}
	}
	want := "台账中没有“本年完成投资”列（如“1-5月完成投资”）（最接近的表头：F列“本年完成额（万元）”；如果是这一列，可在规则文件 columns: 中加上这个列名），无法计算投资完成率，请加上这一列。"
	if msg != want {
		t.Errorf("missing-column:\n got %s\nwant %s", msg, want)
	}
	if !strings.HasPrefix(note, "台账没有本年完成投资列（如“1-5月完成投资”）（最接近的表头：F列“本年完成额（万元）”") || strings.Contains(note, "年度计划投资") {
		t.Errorf("target note %q", note)
	}
}
