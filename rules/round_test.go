package rules

import "testing"

func TestTenths(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want int64
	}{
		{0.35874, 359},
		{0.2825, 283}, // an exact half, 282.4999… in float64
		{-0.2825, -283},
		{5200.0 / 15000, 347},
		{-0.0583, -58},
		{0.00004, 0},
		{-0.00004, 0},
		{1, 1000},
	} {
		if got := Tenths(tt.v); got != tt.want {
			t.Errorf("Tenths(%v) = %d, want %d", tt.v, got, tt.want)
		}
	}
	if got := ShownPoints(-0.00004); got != 0 || 1/got < 0 {
		t.Errorf("ShownPoints(-0.00004) = %v, want 0 (not -0)", got)
	}
	if got := PercentText(0.41666); got != "41.7%" {
		t.Errorf("PercentText = %q", got)
	}
}

// A light is decided on the gap as shown: a lag shown as 10.0 points is yellow, one
// shown as 30.0 red, whatever digits lie beyond.
func TestLightOnShownGap(t *testing.T) {
	r := Default() // yellow from 10 points, red from 30
	for _, tt := range []struct {
		rate, schedule float64
		want           Light
	}{
		{0.3167, 5.0 / 12, LightYellow}, // 9.9967 points, shown 10.0
		{0.3175, 5.0 / 12, LightGreen},  // 9.9167, shown 9.9
		{0.1167, 5.0 / 12, LightRed},    // 29.9967, shown 30.0
		{0.12, 5.0 / 12, LightYellow},   // 29.67
		{5.0 / 12, 5.0 / 12, LightGreen},
		{0.9, 5.0 / 12, LightGreen},
	} {
		if got := r.LightFor(tt.rate, tt.schedule); got != tt.want {
			t.Errorf("LightFor(%v, %v) = %s, want %s", tt.rate, tt.schedule, got, tt.want)
		}
	}
}
