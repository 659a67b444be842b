package ledger

import (
	"math/big"
	"testing"
)

func TestRateRound(t *testing.T) {
	tests := []struct {
		num, den int64
		decimals int
		want     string
	}{
		{5200, 15000, 4, "0.3467"},
		{1, 8, 2, "0.13"},   // 0.125: a half goes up
		{-1, 8, 2, "-0.13"}, // and away from zero below it
		{1, 3, 0, "0"},
		{2, 3, 0, "1"},
		{1, 2, 0, "1"},
		{-1, 2000, 2, "0.00"}, // no minus sign on a zero
		{7, 1, 2, "7.00"},
		{123456789, 1000, 1, "123456.8"},
	}
	for _, tt := range tests {
		if got := NewRate(tt.num, tt.den).Round(tt.decimals); got != tt.want {
			t.Errorf("%d/%d Round(%d) = %q, want %q", tt.num, tt.den, tt.decimals, got, tt.want)
		}
	}
}

// The example: 5200 ÷ 15000 is 34.7% wherever it is shown, and a value exactly
// halfway rounds up, which float rounding of 0.345 (stored as 0.34499…) would not.
func TestRatePercent(t *testing.T) {
	if got := NewRate(5200, 15000).Percent(1); got != "34.7%" {
		t.Errorf("5200/15000 = %s", got)
	}
	if got := NewRate(69, 200).Percent(0); got != "35%" {
		t.Errorf("69/200 = %s, want 35%% (34.5 rounds up)", got)
	}
	if got := NewRate(3, 4).PercentTrim(1); got != "75%" {
		t.Errorf("3/4 trimmed = %s", got)
	}
	if got := NewRate(5, 12).PercentTrim(1); got != "41.7%" {
		t.Errorf("5/12 trimmed = %s", got)
	}
	if got := AmountRate(Wan(5200, 0), Wan(15000, 0)).Rounded(4); got != 0.3467 {
		t.Errorf("Rounded(4) = %v", got)
	}
	gap := NewRate(5, 12).Sub(AmountRate(Wan(5200, 0), Wan(15000, 0))).Points()
	if got := gap.Round(1); got != "7.0" {
		t.Errorf("41.67%% − 34.67%% = %s points", got)
	}
}

func TestRateCeilAndRoundInt(t *testing.T) {
	for _, tt := range []struct {
		num, den        int64
		ceil, roundHalf int64
	}{
		{9, 1, 9, 9}, {27, 10, 3, 3}, {25, 10, 3, 3}, {24, 10, 3, 2}, {-25, 10, -2, -3}, {0, 5, 0, 0},
	} {
		r := NewRate(tt.num, tt.den)
		if r.Ceil() != tt.ceil || r.RoundInt() != tt.roundHalf {
			t.Errorf("%d/%d: Ceil %d RoundInt %d, want %d %d", tt.num, tt.den, r.Ceil(), r.RoundInt(), tt.ceil, tt.roundHalf)
		}
	}
}

func TestParseRate(t *testing.T) {
	r, ok := ParseRate("33.3")
	if !ok || r.Mul(NewRate(1, 100)).Cmp(NewRate(333, 1000)) != 0 {
		t.Errorf("ParseRate(33.3) = %v, %v", r.Float(), ok)
	}
	if _, ok := ParseRate("三成"); ok {
		t.Error("ParseRate took 三成")
	}
	var zero Rate
	if zero.Round(1) != "0.0" || zero.Sign() != 0 {
		t.Error("the zero Rate is not 0")
	}
}

// The int64 arithmetic agrees with math/big wherever it applies, and hands over to it
// where it does not.
func TestRateSmallAgreesWithBig(t *testing.T) {
	values := []int64{0, 1, -1, 2, 3, 7, 12, 100, 365, 9999, 10000, 123456789, -987654321, 1 << 40, -(1 << 41) + 3, 1<<62 + 1, 1<<63 - 1, -1 << 63}
	for _, a := range values {
		for _, b := range values {
			if b == 0 {
				continue
			}
			r := NewRate(a, b)
			want := new(big.Rat).SetFrac(big.NewInt(a), big.NewInt(b))
			if r.rat().Cmp(want) != 0 {
				t.Fatalf("NewRate(%d, %d) = %v, want %v", a, b, r.rat(), want)
			}
			for _, c := range values[:8] {
				o := NewRate(c, 7)
				ob := new(big.Rat).SetFrac64(c, 7)
				if got := r.Sub(o).rat(); got.Cmp(new(big.Rat).Sub(want, ob)) != 0 {
					t.Fatalf("%d/%d − %d/7 = %v", a, b, c, got)
				}
				if got := r.Mul(o).rat(); got.Cmp(new(big.Rat).Mul(want, ob)) != 0 {
					t.Fatalf("%d/%d × %d/7 = %v", a, b, c, got)
				}
				if got := r.Cmp(o); got != want.Cmp(ob) {
					t.Fatalf("cmp %d/%d, %d/7 = %d", a, b, c, got)
				}
			}
			for _, dec := range []int{0, 1, 4} {
				if got, exp := r.Round(dec), (Rate{big: want}).Round(dec); got != exp {
					t.Fatalf("%d/%d Round(%d) = %s, big gives %s", a, b, dec, got, exp)
				}
			}
		}
	}
}
