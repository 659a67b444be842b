package rules

import (
	"testing"

	"gongjian/ledger"
)

func TestIsStartedAndInStats(t *testing.T) {
	r := Default()
	for _, tt := range []struct {
		status         string
		started, known bool
	}{
		{"已开工", true, true}, {" 已复工 ", true, true}, {"是", true, true}, {"已竣工", true, true},
		{"未开工", false, true}, {"否", false, true}, {"", false, false}, {"待定", false, false},
		{"施工中", true, true}, {"停工", false, true}, {"前期手续办理中", false, true},
	} {
		if s, k := r.IsStarted(tt.status); s != tt.started || k != tt.known {
			t.Errorf("IsStarted(%q) = %v %v", tt.status, s, k)
		}
	}
	for _, tt := range []struct {
		stats     string
		in, known bool
	}{{"已纳统", true, true}, {"未入库", false, true}, {"", false, false}, {"待定", false, false}} {
		if in, k := r.InStats(tt.stats); in != tt.in || k != tt.known {
			t.Errorf("InStats(%q) = %v %v", tt.stats, in, k)
		}
	}
}

func TestScheduleAndLight(t *testing.T) {
	r := Default()
	for _, tt := range []struct {
		schedule string
		d        ledger.Date
		want     float64
	}{
		{ScheduleMonth, day(2025, 5, 31), 5.0 / 12},
		{ScheduleMonth, day(2025, 9, 30), 0.75},
		{ScheduleMonth, day(2026, 1, 15), 1},
		{ScheduleMonth, day(2024, 12, 31), 0},
		{ScheduleDay, day(2025, 3, 31), 90.0 / 365},
		{ScheduleDay, day(2024, 12, 31), 0},
		{ScheduleDay, day(2028, 12, 31), 1},
	} {
		r.Schedule = tt.schedule
		year := 2025
		if tt.d.Year == 2028 {
			year = 2028
		}
		if got := r.ScheduleAt(tt.d, year); !near(got.Float(), tt.want) {
			t.Errorf("%s ScheduleAt(%v) = %v, want %v", tt.schedule, tt.d, got, tt.want)
		}
	}
	// Exactly 10 and 30 points behind light up, judged on the lag as shown (one
	// decimal, rounded half up from the exact rates): 9.99999 points show as 10.0 and
	// are yellow, as a reader of the table would judge them; 9.94 show as 9.9.
	for _, tt := range []struct {
		rate, schedule string
		want           Light
	}{
		{"0.5", "0.5", LightGreen}, {"0.41", "0.5", LightGreen}, {"0.4", "0.5", LightYellow},
		{"0.21", "0.5", LightYellow}, {"0.2", "0.5", LightRed}, {"0.9", "0.5", LightGreen},
		{"0.4999999", "0.6", LightYellow}, {"0.5000001", "0.6", LightYellow}, {"0.5006", "0.6", LightGreen},
	} {
		if got := r.LightFor(frac(tt.rate), frac(tt.schedule)); got != tt.want {
			t.Errorf("LightFor(%v, %v) = %s, want %s", tt.rate, tt.schedule, got, tt.want)
		}
	}
}

func TestMonthDayIn(t *testing.T) {
	if d := (MonthDay{2, 29}).In(2025); d != day(2025, 2, 28) {
		t.Errorf("02-29 in 2025 = %v", d)
	}
	if d := (MonthDay{2, 29}).In(2024); d != day(2024, 2, 29) {
		t.Errorf("02-29 in 2024 = %v", d)
	}
	if s := (MonthDay{6, 30}).String(); s != "06-30" {
		t.Errorf("String = %q", s)
	}
}

// Every list a canonical column names has its values in the default rules, so the
// template offers a dropdown for each (the county's 乡镇 included).
func TestAllowedValuesCoverCanonicalColumns(t *testing.T) {
	r := Default()
	for _, kind := range []ledger.Kind{ledger.KindKaifugong, ledger.KindRongzi} {
		for _, c := range ledger.CanonicalColumns(kind) {
			got := r.AllowedValues(c.Values)
			if c.Values == ledger.ValuesNone {
				if got != nil {
					t.Errorf("%s %s: free text, but values %v", kind, c.Field, got)
				}
				continue
			}
			if len(got) == 0 {
				t.Errorf("%s %s: list %q has no values in the default rules", kind, c.Field, c.Values)
			}
		}
	}
	if got := r.AllowedValues(ledger.ValuesStatus); len(got) != len(joinDistinct(r.Values.StartedStatus, r.Values.NotStartedStatus)) {
		t.Errorf("status values %v", got)
	}
}
