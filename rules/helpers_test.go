package rules

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"gongjian/ledger"
)

func near(a, b float64) bool { return math.Abs(a-b) < 0.0001 }

// w is an amount in 万元 written as a float, for test tables only.
func w(x float64) ledger.Amount { return ledger.AmountFromUnits(int64(math.Round(x * 10000))) }

func day(y, m, d int) ledger.Date { return ledger.DayDate(y, m, d) }

// fullColumns is a 开复工台账 header with every field the checks use; the column
// index of each field is its position here.
var fullColumns = []ledger.Field{
	ledger.FieldSeq, ledger.FieldName, ledger.FieldCode, ledger.FieldTown, ledger.FieldNature, // A-E
	ledger.FieldCategory, ledger.FieldUnit, ledger.FieldLeader, ledger.FieldTotal, ledger.FieldPlan, // F-J
	ledger.FieldDone, ledger.FieldCumDone, ledger.FieldPlanStart, ledger.FieldActualStart, // K-N
	ledger.FieldStatus, ledger.FieldStats, // O-P
}

// Column indexes of fullColumns, for expected findings.
const (
	colName        = 1
	colCode        = 2
	colNature      = 4
	colLeader      = 7
	colTotal       = 8
	colPlan        = 9
	colDone        = 10
	colCumDone     = 11
	colPlanStart   = 12
	colActualStart = 13
	colStatus      = 14
	colStats       = 15
)

// newLedger is a 开复工台账 of year 2025 with its header on row 3 and the given columns.
func newLedger(asOf ledger.Date, cols []ledger.Field, ps ...ledger.Project) *ledger.Ledger {
	l := &ledger.Ledger{File: "台账.xlsx", Sheet: "台账", Kind: ledger.KindKaifugong, HeaderRows: []int{3},
		Year: 2025, YearSource: "title", AsOf: asOf, AsOfSource: "header", Projects: ps}
	for i, f := range cols {
		l.Columns = append(l.Columns, ledger.Column{Index: i, Letter: ledger.ColumnLetter(i), Header: f.Label(), Field: f})
	}
	return l
}

// rows numbers the projects from row 5 down and names the unnamed ones.
func rows(ps ...ledger.Project) []ledger.Project {
	for i := range ps {
		ps[i].Row = 5 + i
	}
	return ps
}

func fkey(f Finding) string { return fmt.Sprintf("%s@%d:%d", f.Rule, f.Row, f.Col) }

func findingKeys(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fkey(f)
	}
	return out
}

// wantRate checks a *float64 metric; want < 0 means nil.
func wantRate(t *testing.T, name string, got *ledger.Rate, want float64) {
	t.Helper()
	switch {
	case want < 0 && got != nil:
		t.Errorf("%s = %v, want nil", name, got.Float())
	case want >= 0 && got == nil:
		t.Errorf("%s = nil, want %v", name, want)
	case want >= 0 && !near(got.Float(), want):
		t.Errorf("%s = %v, want %v", name, got.Float(), want)
	}
}

// targetKey finds a target by group, milestone and metric.
func findTarget(res *Result, group, milestone, metric string) *Target {
	for i := range res.Targets {
		t := &res.Targets[i]
		if t.Group == group && t.Milestone == milestone && t.Metric == metric {
			return t
		}
	}
	return nil
}

// wantTarget says what one target should be; actual < 0 means nil, needed < 0 means no Needed.
type wantTarget struct {
	group, milestone, metric string
	status                   Status
	actual                   float64
	neededProjects           int
	neededAmount             string // "" for a count target
	needed                   bool
	note                     string
}

func checkTargets(t *testing.T, res *Result, wants []wantTarget) {
	t.Helper()
	for _, wt := range wants {
		got := findTarget(res, wt.group, wt.milestone, wt.metric)
		name := wt.group + "/" + wt.milestone + "/" + wt.metric
		if got == nil {
			t.Errorf("%s: no such target", name)
			continue
		}
		if got.Status != wt.status {
			t.Errorf("%s: status %s, want %s (note %q)", name, got.Status, wt.status, got.Note)
		}
		wantRate(t, name+" actual", got.Actual, wt.actual)
		switch {
		case !wt.needed && got.Needed != nil:
			t.Errorf("%s: needed %+v, want none", name, *got.Needed)
		case wt.needed && got.Needed == nil:
			t.Errorf("%s: no needed", name)
		case wt.needed:
			if got.Needed.Projects != wt.neededProjects || got.Needed.Amount.String() != wt.neededAmount {
				t.Errorf("%s: needed %d projects / %q, want %d / %q", name, got.Needed.Projects, got.Needed.Amount, wt.neededProjects, wt.neededAmount)
			}
		}
		if got.Note != wt.note {
			t.Errorf("%s: note %q, want %q", name, got.Note, wt.note)
		}
	}
}

// financingWith is the result's financing figures; the test fails when there are none,
// or when the funnel's counts are not want.
func financingWith(t *testing.T, res *Result, want FinancingCounts) *Financing {
	t.Helper()
	fin := res.Financing
	if fin == nil {
		t.Fatal("no Financing")
	}
	if fin.Counts != want {
		t.Errorf("counts %+v, want %+v", fin.Counts, want)
	}
	return fin
}

// wantFindingKeys fails the test at once unless the findings are exactly keys
// ("rule@row:col"), in order, so the caller can look at each by index.
func wantFindingKeys(t *testing.T, fs []Finding, keys []string) {
	t.Helper()
	if got := findingKeys(fs); !reflect.DeepEqual(got, keys) {
		t.Fatalf("findings\n got %v\nwant %v", got, keys)
	}
}
