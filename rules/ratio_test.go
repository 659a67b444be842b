package rules

import (
	"testing"

	"gongjian/ledger"
)

func TestRatioPointsOver(t *testing.T) {
	tests := []struct {
		name string
		r, o Ratio
		want float64
		ok   bool
	}{
		{"plain", Ratio{1, 2}, Ratio{5, 12}, 8.3, true},                   // 8.333…
		{"exact half rounds up", Ratio{113, 400}, Ratio{1, 4}, 3.3, true}, // 3.25; in float64 3.2499…
		{"exact half below rounds away from zero", Ratio{1, 4}, Ratio{113, 400}, -3.3, true},
		{"exact half, float above", Ratio{3325, 10000}, Ratio{1, 4}, 8.3, true},
		{"just under a half", Ratio{332499, 1000000}, Ratio{1, 4}, 8.2, true},
		{"equal", Ratio{2, 4}, Ratio{1, 2}, 0, true},
		{"tiny negative is no -0.0", Ratio{4999999, 10000000}, Ratio{1, 2}, 0, true},
		{"county sums in units overflow int64 products", Ratio{701371500000, 1633800000000}, Ratio{5, 12}, 1.3, true}, // 42.929… − 41.666…
		{"not set", Ratio{}, Ratio{1, 2}, 0, false},
		{"other not set", Ratio{1, 2}, Ratio{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.r.PointsOver(tt.o)
			if got != tt.want || ok != tt.ok {
				t.Errorf("PointsOver = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestScheduleRatio(t *testing.T) {
	month, day := Default(), Default()
	day.Schedule = ScheduleDay
	tests := []struct {
		r    *Rules
		d    ledger.Date
		want Ratio
	}{
		{month, ledger.DayDate(2025, 5, 31), Ratio{5, 12}},
		{month, ledger.DayDate(2025, 5, 10), Ratio{5, 12}},
		{day, ledger.DayDate(2025, 3, 31), Ratio{90, 365}},
		{day, ledger.DayDate(2024, 12, 31), Ratio{0, 1}},
		{month, ledger.DayDate(2026, 1, 31), Ratio{1, 1}},
		{day, ledger.Date{}, Ratio{0, 1}},
	}
	for _, tt := range tests {
		if got := tt.r.ScheduleRatio(tt.d, 2025); got != tt.want {
			t.Errorf("%s %v: %v, want %v", tt.r.Schedule, tt.d, got, tt.want)
		}
		if got, want := tt.r.ScheduleAt(tt.d, 2025), *tt.want.Float(); got != want {
			t.Errorf("ScheduleAt %v = %v, want %v", tt.d, got, want)
		}
	}
}
