package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// overall.detail answers "which ones?" for each rate: the 16 新建 projects of the
// county, the 13 started among them, by sheet, row and name — the same projects the
// 明细 table lists.
func TestOverallDetail(t *testing.T) {
	m := monthlyOf(t, countySample, MonthlyOptions{})
	var buf bytes.Buffer
	if err := WriteMonthlyJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	type ref struct {
		Sheet string
		Row   int
		Name  string
	}
	var v struct {
		Overall struct {
			Detail map[string]struct{ Numerator, Denominator []ref }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	d := v.Overall.Detail
	for metric, want := range map[string][2]int{
		"new_start_rate": {13, 16}, "continuing_resume_rate": {23, 23}, "start_rate": {36, 39}, "investment_rate": {36, 39},
	} {
		if got := d[metric]; len(got.Numerator) != want[0] || len(got.Denominator) != want[1] {
			t.Errorf("%s: %d / %d, want %d / %d", metric, len(got.Numerator), len(got.Denominator), want[0], want[1])
		}
	}
	// The three new projects not started: rows 32, 38 and 42 (testdata/README.md).
	started := map[int]bool{}
	for _, r := range d["new_start_rate"].Numerator {
		started[r.Row] = true
	}
	var notStarted []int
	for _, r := range d["new_start_rate"].Denominator {
		if r.Sheet != "开复工台账" || r.Name == "" {
			t.Errorf("ref %+v", r)
		}
		if !started[r.Row] {
			notStarted = append(notStarted, r.Row)
		}
	}
	if len(notStarted) != 3 || notStarted[0] != 32 || notStarted[1] != 38 || notStarted[2] != 42 {
		t.Errorf("new projects not started: rows %v, want 32 38 42", notStarted)
	}

	// The 明细 table: the 新建 part opens with its rate and lists the same 16.
	dt := m.detailTable()
	if dt == nil || !dt.WorkbookOnly {
		t.Fatal("no 明细 table for the workbook")
	}
	var newRows [][]cell
	in := false
	for _, r := range dt.Rows {
		if r[0].Anchor != "" {
			in = r[0].Anchor == anchorNew
		}
		if in {
			newRows = append(newRows, r)
		}
	}
	if len(newRows) != 16 || newRows[0][0].Text != "新建项目：新建开工率81.3% = 已开工13个 ÷ 16个" {
		t.Fatalf("新建 part: %d rows, opening %q", len(newRows), newRows[0][0].Text)
	}
	var notStartedCells []string
	for _, r := range newRows {
		if strings.HasPrefix(r[5].Text, "未开工") {
			notStartedCells = append(notStartedCells, r[8].Text)
		}
	}
	if strings.Join(notStartedCells, " ") != "开复工台账!C32 开复工台账!C38 开复工台账!C42" {
		t.Errorf("not started at %v", notStartedCells)
	}
	last := dt.Rows[len(dt.Rows)-1]
	if last[0].Anchor != anchorTotal || last[6].Text != "163380.00" || last[7].Text != "70137.15" {
		t.Errorf("合计 row %v", last)
	}
	// 主要指标 links every figure to its part.
	overview := m.overviewSection().tables()[0]
	for _, r := range overview.Rows {
		if r[0].Text == "新建开工率" && r[1].Link != anchorNew || r[0].Text == "投资完成率" && r[1].Link != anchorTotal {
			t.Errorf("%s links to %q", r[0].Text, r[1].Link)
		}
	}
}
