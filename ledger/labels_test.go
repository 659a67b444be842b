package ledger

import (
	"testing"

	"gongjian/internal/enumtest"
)

// Every source of a reporting date has its Chinese label (a new one without fails);
// a past year's ledger once printed "（来源：year-end）".
func TestAsOfSourceLabels(t *testing.T) {
	for _, v := range enumtest.Values(t, ".", "AsOfSource") {
		if got := AsOfSource(v).Label(); got == v || got == "" {
			t.Errorf("AsOfSource %q has no Chinese label", v)
		}
	}
	if got := AsOfYearEnd.Label(); got != "往年台账，取年末" {
		t.Errorf("year-end label %q", got)
	}
}

// Every kind of ledger has its Chinese name and is read from its id.
func TestKinds(t *testing.T) {
	for _, v := range enumtest.Values(t, ".", "Kind") {
		k, ok := ParseKind(v)
		if !ok || k.Label() == v {
			t.Errorf("kind %q: parsed %v, label %q", v, ok, k.Label())
		}
	}
	for _, bad := range []string{"", "Rongzi", "xls"} {
		if _, ok := ParseKind(bad); ok {
			t.Errorf("ParseKind(%q) accepted", bad)
		}
	}
}
