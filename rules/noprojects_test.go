package rules

import (
	"strings"
	"testing"

	"gongjian/ledger"
)

// A ledger with a header and no project under it (a blank template) is a warning
// that nothing was checked, about the whole table; one project is enough to drop it.
func TestNoProjects(t *testing.T) {
	for _, kind := range []ledger.Kind{ledger.KindKaifugong, ledger.KindRongzi} {
		l := newLedger(day(2025, 5, 31), fullColumns)
		l.Kind = kind
		res := Evaluate(l, nil, Options{})
		var got []Finding
		for _, f := range res.Findings {
			if f.Rule == RuleNoProjects {
				got = append(got, f)
			}
		}
		if len(got) != 1 || !res.Has(RuleNoProjects) {
			t.Fatalf("%s: %d no-projects findings in %+v", kind, len(got), res.Findings)
		}
		f := got[0]
		if f.Severity != SeverityWarning || f.Col != -1 || f.Cell != "" || f.Row != 3 || !strings.HasPrefix(f.Message, "台账里没有项目：表头（第3行）下面") {
			t.Errorf("%s: %+v", kind, f)
		}
	}
	l := newLedger(day(2025, 5, 31), fullColumns, rows(ledger.Project{Name: "甲", Nature: "续建", Plan: w(100), Done: w(50), Status: "已复工"})...)
	if res := Evaluate(l, nil, Options{}); res.Has(RuleNoProjects) {
		t.Errorf("a ledger with a project: %+v", res.Findings)
	}
}
