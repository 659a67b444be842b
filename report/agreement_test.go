package report

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

// sampleLedgers are every 开复工台账 in testdata, read and evaluated with the default rules.
func sampleLedgers(t *testing.T) map[string]*rules.Result {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.xlsx", "*.csv"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	out := map[string]*rules.Result{}
	for _, f := range files {
		l, err := ledger.Read(f, ledger.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if l.Kind == ledger.KindRongzi {
			continue
		}
		out[filepath.Base(f)] = rules.Evaluate(l, rules.Default(), rules.Options{})
	}
	if len(out) < 5 {
		t.Fatalf("only %d sample ledgers found", len(out))
	}
	return out
}

// On every sample the report's sections agree with each other and with check: the
// lagging list holds exactly the projects check warns of as overdue or behind, with
// the light of check's message; a key project is lit yellow or red exactly when check
// says it is behind; the rankings' ranks and lights follow their shown rates and gaps.
func TestSectionsAgreeWithCheck(t *testing.T) {
	r := rules.Default()
	for name, res := range sampleLedgers(t) {
		t.Run(name, func(t *testing.T) {
			m := BuildMonthly(res, r, MonthlyOptions{})
			// The data quality on top is check's count of the same ledger.
			if e, w := countSeverities(res.Findings); m.Quality.Errors() != e || m.Quality.Warnings() != w {
				t.Errorf("the report says %d errors and %d warnings, check finds %d and %d", m.Quality.Errors(), m.Quality.Warnings(), e, w)
			}
			// A repeated project is checked, but counts once: as the row it repeats.
			repeats := map[int]bool{}
			for i, p := range res.Ledger.Projects {
				if !res.Counted(i) {
					repeats[p.Row] = true
				}
			}
			behind, overdue := map[int]string{}, map[int]bool{}
			for _, f := range res.Findings {
				if repeats[f.Row] {
					continue
				}
				switch f.Rule {
				case rules.RuleBehindSchedule:
					light, _, _ := strings.Cut(f.Message, "：")
					behind[f.Row] = light
				case rules.RuleOverdueStart:
					overdue[f.Row] = true
				}
			}
			listed := map[int]bool{}
			for _, lg := range m.Lagging {
				listed[lg.Row] = true
				if lg.Overdue != overdue[lg.Row] {
					t.Errorf("row %d: lagging says overdue %v, check %v", lg.Row, lg.Overdue, overdue[lg.Row])
				}
				if got, want := string(lg.Light), behind[lg.Row]; (got == "") != (want == "") || got != "" && lg.Light.Label() != want {
					t.Errorf("row %d: lagging light %q, check says %q", lg.Row, got, want)
				}
			}
			for row := range behind {
				if !listed[row] {
					t.Errorf("row %d: check warns behind-schedule, the lagging list leaves it out", row)
				}
			}
			for row := range overdue {
				if !listed[row] {
					t.Errorf("row %d: check warns overdue-start, the lagging list leaves it out", row)
				}
			}
			said, count := m.laggingSection().paragraphs()[0], "滞后项目"+strconv.Itoa(len(m.Lagging))+"个"
			if len(m.Lagging) == 0 {
				count = "没有未按期开工或投资进度低于序时进度的项目"
			}
			if !strings.Contains(said, count) {
				t.Errorf("the lagging sentence does not count its %d rows: %s", len(m.Lagging), said)
			}
			for _, list := range [][]KeyProject{m.Key, m.Big} {
				for _, k := range list {
					isBehind := k.Light == rules.LightRed || k.Light == rules.LightYellow
					if isBehind != (behind[k.Row] != "") || isBehind && k.Light.Label() != behind[k.Row] {
						t.Errorf("key project row %d (%s): light %q, check says %q", k.Row, k.Name, k.Light, behind[k.Row])
					}
					if k.Light == "" && k.GapPoints != nil {
						t.Errorf("key project row %d: a gap of %s with no light", k.Row, k.GapPoints.Round(1))
					}
				}
			}
			lag := r.Alerts.ScheduleLagPoints
			for _, rk := range m.Rankings {
				for i, row := range rk.Rows {
					if row.GapPoints != nil {
						// The light follows the gap as the table shows it.
						shown, _ := strconv.ParseFloat(pointsCell(row.GapPoints).Num, 64)
						var want rules.Light = rules.LightGreen
						switch {
						case -shown >= lag.Red:
							want = rules.LightRed
						case -shown >= lag.Yellow:
							want = rules.LightYellow
						}
						if row.Light != want {
							t.Errorf("%s %s: shows %s points and %s", rk.Label, row.Name, pointsCell(row.GapPoints).Text, row.Light)
						}
					}
					if i == 0 || row.Rate == nil || rk.Rows[i-1].Rate == nil {
						continue
					}
					prev, cur := rateCell(rk.Rows[i-1].Rate).Text, rateCell(row.Rate).Text
					if (prev == cur) != (rk.Rows[i-1].Rank == row.Rank) {
						t.Errorf("%s: %s shows %s rank %d, %s shows %s rank %d", rk.Label,
							rk.Rows[i-1].Name, prev, rk.Rows[i-1].Rank, row.Name, cur, row.Rank)
					}
				}
			}
		})
	}
}
