package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// rp is the exact rate num/den.
func rp(num, den int64) *ledger.Rate {
	r := ledger.NewRate(num, den)
	return &r
}

// mayResult is a May ledger of a county: the first quarter judged, 双过半 upcoming,
// a group's missed target (which the table leaves out), and findings of every shape.
func mayResult() *rules.Result {
	l := &ledger.Ledger{
		File:       "testdata/全县开复工台账.xlsx",
		Sheet:      "开复工台账",
		Kind:       ledger.KindKaifugong,
		HeaderRows: []int{3, 4},
		Columns: []ledger.Column{
			{Index: 0, Letter: "A", Header: "序号", Typed: "序号", Field: ledger.FieldSeq, Known: ledger.FieldSeq},
			{Index: 1, Letter: "B", Header: "项目名称", Typed: "项目名称", Field: ledger.FieldName, Known: ledger.FieldName},
			{Index: 2, Letter: "C", Header: "包联\n领导", Typed: "包联\n领导", Field: ledger.FieldLeader, Known: ledger.FieldLeader},
			{Index: 3, Letter: "D", Header: "市级领导", Typed: "市级领导", Known: ledger.FieldLeader, Note: "已有C列“包联\n领导”"},
			{Index: 4, Letter: "E", Header: "投资情况（万元）/总投资", Typed: "投资情况（万元）/总投资", Field: ledger.FieldTotal, Known: ledger.FieldTotal, HasUnit: true},
			{Index: 5, Letter: "F", Header: "投资情况（万元）/1-5月完成", Typed: "投资情况（万元）/1-5月完成", Field: ledger.FieldDone, Known: ledger.FieldDone, Month: 5, HasUnit: true},
			{Index: 6, Letter: "G", Header: "截至本月完成额（亿元）", Typed: "截至本月完成额（亿元）", Unit: ledger.UnitYi, HasUnit: true},
			{Index: 7, Letter: "H", Header: "联系人", Typed: "联系人"},
			{Index: 7, Letter: "H", Header: "开工/计划开工时间", Field: ledger.FieldPlanStart, Derived: true},
		},
	}
	return &rules.Result{
		Ledger:     l,
		AsOf:       ledger.DayDate(2025, 5, 31),
		AsOfSource: "header",
		Counts:     rules.Counts{Projects: 40, New: 12, NewStarted: 7, Continuing: 28, ContinuingResumed: 27},
		Amounts: rules.Amounts{
			Total:      ledger.Wan(123456, 78),
			AnnualPlan: ledger.Wan(53200, 0),
			Done:       ledger.Wan(20100, 50),
		},
		Metrics: rules.Metrics{
			NewStartRate:         rp(7, 12),
			ContinuingResumeRate: rp(27, 28),
			StartRate:            rp(34, 40),
			InvestmentRate:       rp(201005, 532000),
			Schedule:             rp(5, 12),
		},
		Targets: []rules.Target{
			{Milestone: "一季度开门红", Due: ledger.DayDate(2025, 3, 31), Metric: rules.MetricContinuingResumeRate,
				Target: *rp(1, 1), TargetLabel: "100%", Actual: rp(26, 28), Status: rules.StatusMissed},
			{Milestone: "一季度开门红", Due: ledger.DayDate(2025, 3, 31), Metric: rules.MetricNewStartRate,
				Target: *rp(1, 2), TargetLabel: "50%", Actual: rp(7, 12), Status: rules.StatusMet},
			{Milestone: "上半年双过半", Due: ledger.DayDate(2025, 6, 30), Metric: rules.MetricNewStartRate,
				Target: *rp(9, 10), TargetLabel: "90%", Actual: rp(7, 12), Status: rules.StatusUpcoming,
				Needed: &rules.Needed{Projects: 4}},
			{Milestone: "上半年双过半", Due: ledger.DayDate(2025, 6, 30), Metric: rules.MetricInvestmentRate,
				Target: *rp(1, 2), TargetLabel: "50%", Actual: rp(201005, 532000), Status: rules.StatusUpcoming,
				Needed: &rules.Needed{Amount: ledger.Wan(6499, 50)}},
			{Milestone: "招商引资项目当年开工", Due: ledger.DayDate(2025, 12, 31), Metric: rules.MetricNewStartRate,
				Target: *rp(2, 5), TargetLabel: "40%", Status: rules.StatusNotApplicable,
				Note: "台账中没有项目类别为招商引资的项目"},
			{Milestone: "一季度开门红", Due: ledger.DayDate(2025, 3, 31), Metric: rules.MetricNewStartRate,
				Target: *rp(1, 2), TargetLabel: "50%", Actual: rp(1, 4), Status: rules.StatusMissed,
				GroupBy: "town", Group: "礼义镇"},
		},
		Findings: []rules.Finding{
			{Rule: "missing-column", Severity: rules.SeverityWarning, Sheet: "开复工台账", Row: 4, Col: -1,
				Field: ledger.FieldStats, Message: "台账中没有是否入库列，无法检查入库纳统情况；如需检查，请增加“是否入库”列"},
			{Rule: "bad-date", Severity: rules.SeverityError, Sheet: "开复工台账", Row: 17, Col: 7, Cell: "H17",
				Field: ledger.FieldActualStart, Value: "2025.13.1", Project: "陵川县礼义镇污水处理厂提标改造工程",
				Message: "实际开工时间“2025.13.1”无法识别，请填写如 2025-03-15 的日期"},
			{Rule: "total-mismatch", Severity: rules.SeverityError, Sheet: "开复工台账", Row: 45, Col: 12, Cell: "M45",
				Field: ledger.FieldPlan, Value: "=SUM(M5:M44)",
				Message: "合计行的年度计划投资为 53100.00 万元，而第 5 至 44 行之和为 53200.00 万元，相差 100.00 万元；请核对合计公式是否漏掉了新增的行，或者是否有项目的年度计划投资填写有误"},
			{Rule: "overdue-start", Severity: rules.SeverityWarning, Sheet: "开复工台账", Row: 21, Col: 15, Cell: "P21",
				Field: ledger.FieldPlanStart, Value: "2025年4月", Project: "古郊乡\n文旅康养综合体",
				Message: "计划 2025年4月开工，截至 2025-05-31 仍未开工"},
			{Rule: "target-missed", Severity: rules.SeverityWarning, Sheet: "开复工台账", Row: 4, Col: -1,
				Group: "乡镇:礼义镇", Message: "礼义镇一季度开门红新建开工率 25.0%，未达到 50% 的目标"},
		},
	}
}

// cleanResult is a ledger with nothing wrong and metrics it cannot compute.
func cleanResult() *rules.Result {
	return &rules.Result{
		Ledger:     &ledger.Ledger{File: "礼义镇.csv", Kind: ledger.KindKaifugong, HeaderRows: []int{1}},
		AsOf:       ledger.DayDate(2025, 6, 30),
		AsOfSource: "flag",
		Counts:     rules.Counts{Projects: 3, New: 1, NewStarted: 1, Continuing: 2, ContinuingResumed: 2},
		Amounts:    rules.Amounts{AnnualPlan: ledger.Wan(900, 0), Done: ledger.Wan(450, 0)},
		Metrics:    rules.Metrics{NewStartRate: rp(1, 1), ContinuingResumeRate: rp(1, 1), StartRate: rp(1, 1), InvestmentRate: rp(1, 2), Schedule: rp(1, 2)},
	}
}

var (
	mayOutcome   = func() Outcome { return Outcome{File: "testdata/全县开复工台账.xlsx", Result: mayResult()} }
	cleanOutcome = func() Outcome { return Outcome{File: "礼义镇.csv", Result: cleanResult()} }
	missing      = Outcome{File: "缺失.xlsx", Err: &ledger.Error{Code: "not-found", File: "缺失.xlsx",
		Message: "缺失.xlsx：找不到此文件，请检查路径是否正确"}}
	crashed = Outcome{File: "怪.xlsx", Err: errors.New("runtime error: index out of range")}
)

// render runs a whole Writer over the outcomes.
func render(t *testing.T, f Format, opts Options, outcomes ...Outcome) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, f, opts)
	for _, o := range outcomes {
		if err := w.Write(o); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOutcomeError(t *testing.T) {
	if got := missing.ErrorCode(); got != "not-found" {
		t.Errorf("code %q", got)
	}
	if got := crashed.ErrorCode(); got != "internal" {
		t.Errorf("code %q", got)
	}
	// A Go error string is never shown to a clerk.
	if msg := crashed.ErrorMessage(); bytes.Contains([]byte(msg), []byte("runtime")) {
		t.Errorf("message shows the Go error: %q", msg)
	}
	if !(Outcome{File: "x"}).Failed() {
		t.Error("an outcome with no result must count as failed")
	}
}
