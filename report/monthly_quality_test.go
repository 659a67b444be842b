package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

const flawedSample = "../testdata/错误台账.xlsx"

// A report from a ledger with errors opens with them, in every format, and says which
// cells its figures leave out; the duplicate counts once (37 projects of 38 rows).
func TestReportSaysTheLedgersErrors(t *testing.T) {
	m := monthlyOf(t, flawedSample, MonthlyOptions{})
	q := m.Quality
	if q.Errors() != 15 || q.Warnings() != 8 {
		t.Errorf("errors %d, warnings %d; check finds 15 and 8", q.Errors(), q.Warnings())
	}
	if m.Overview.Counts.Projects != 37 {
		t.Errorf("%d projects, want 37: row 26 repeats row 19", m.Overview.Counts.Projects)
	}
	var cells []string
	for _, c := range q.Files[0].LeftOut {
		cells = append(cells, c.Cell)
	}
	if got, want := strings.Join(cells, " "), "P5 O7 K9 M11 F13 Q14 R16 C26"; got != want {
		t.Errorf("cells left out %s, want %s", got, want)
	}
	sentence, notice := q.paragraph().text(), q.paragraph().noticeText()
	for _, want := range []string{"错误台账.xlsx有15条错误（", "金额有误2处", "重复项目1处", "未计入无法识别的7个单元格", "重复的1个项目只计一次", "gongjian check"} {
		if !strings.Contains(sentence, want) {
			t.Errorf("the sentence lacks %q: %s", want, sentence)
		}
	}
	// The 通报 says the same figures to its reader, who has no command to run: correct
	// the ledger before the 通报 goes out.
	facts, _, _ := strings.Cut(sentence, "请先")
	if !strings.HasPrefix(notice, facts) || strings.Contains(notice, "gongjian") || !strings.HasSuffix(notice, "请先改正台账中的这些错误，再印发本通报。") {
		t.Errorf("the 通报's sentence %q, the report's %q", notice, sentence)
	}
	var table, md, csv bytes.Buffer
	if err := WriteMonthlyTable(&table, m); err != nil {
		t.Fatal(err)
	}
	if err := WriteMonthlyMarkdown(&md, m); err != nil {
		t.Fatal(err)
	}
	if err := WriteMonthlyCSV(&csv, m); err != nil {
		t.Fatal(err)
	}
	// The data quality stands before the first figure.
	for name, out := range map[string]string{"table": table.String(), "markdown": md.String()} {
		q, first := strings.Index(out, "数据质量："), strings.Index(out, "纳入调度的项目共")
		if q < 0 || first < 0 || q > first {
			t.Errorf("%s: the data quality does not come before the figures", name)
		}
	}
	if !strings.Contains(csv.String(), "台账错误（条）,15") || !strings.Contains(csv.String(), "台账警告（条）,8") {
		t.Errorf("the CSV does not count the errors:\n%s", csv.String())
	}
	var js bytes.Buffer
	if err := WriteMonthlyJSON(&js, m); err != nil {
		t.Fatal(err)
	}
	var v struct {
		DataQuality struct {
			Errors, Warnings int
			ByRule           []struct {
				Rule, Severity string
				Count          int
			} `json:"by_rule"`
			CellsLeftOut []struct{ Cell, Field, Reason string } `json:"cells_left_out"`
		} `json:"data_quality"`
	}
	if err := json.Unmarshal(js.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	dq := v.DataQuality
	if dq.Errors != 15 || dq.Warnings != 8 || len(dq.CellsLeftOut) != 8 || dq.CellsLeftOut[2].Cell != "K9" || dq.CellsLeftOut[2].Field != "total" {
		t.Errorf("data_quality %+v", dq)
	}
	byRule := map[string]int{}
	for _, rc := range dq.ByRule {
		byRule[rc.Rule] = rc.Count
	}
	if byRule["bad-number"] != 2 || byRule["duplicate-project"] != 1 || byRule["behind-schedule"] == 0 {
		t.Errorf("by_rule %v", byRule)
	}
	if !strings.HasPrefix(q.Notice(), "注意：错误台账.xlsx 有15条错误") {
		t.Errorf("notice %q", q.Notice())
	}
}

// A clean ledger's report says check found no error, and stderr stays quiet.
func TestReportOfACleanLedger(t *testing.T) {
	m := monthlyOf(t, countySample, MonthlyOptions{})
	if s := m.Quality.paragraph().text(); s != "数据质量：台账经检查未发现错误（另有警告4条，可用 gongjian check 查看）。" {
		t.Errorf("sentence %q", s)
	}
	if s := m.Quality.paragraph().noticeText(); s != "数据质量：台账经检查未发现错误（另有警告4条）。" {
		t.Errorf("the 通报's sentence %q", s)
	}
	if m.Quality.Notice() != "" || m.Quality.leftOutTable() != nil {
		t.Error("a clean ledger gets a notice or a table of cells left out")
	}
	if m.Quality.Files[0].ByRule[0].Rule != rules.RuleBehindSchedule {
		t.Errorf("by rule %+v", m.Quality.Files[0].ByRule)
	}
}

// A ledger with more bad cells than the report lists shows the first leftOutShown and
// says how many more.
func TestLeftOutTableIsCut(t *testing.T) {
	var q DataQuality
	f := FileQuality{File: "台账.xlsx", Errors: leftOutShown + 7}
	for i := range leftOutShown + 7 {
		f.LeftOut = append(f.LeftOut, LeftOutCell{File: "台账.xlsx", Sheet: "开复工台账", Cell: fmt.Sprintf("K%d", i+5), Row: i + 5, Field: ledger.FieldTotal, Value: "约3000", Reason: "金额无法识别"})
	}
	q.Files = append(q.Files, f)
	tab := q.leftOutTable()
	if got := len(tab.Rows); got != leftOutShown+1 {
		t.Fatalf("%d rows, want %d and a last row", got, leftOutShown+1)
	}
	last := tab.Rows[leftOutShown]
	if got := last[len(last)-1].Text; got != "另有7个单元格未列出，全部见 gongjian check 的检查结果" {
		t.Errorf("last row says %q", got)
	}
}
