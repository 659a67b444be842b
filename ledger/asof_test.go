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
