package rules

import (
	"math"
	"strconv"
)

// Every percentage and every gap in 个百分点 the tool shows has one decimal. The
// functions here round a rate, or a difference of rates, to that figure once, half
// away from zero, and whatever is decided on a figure — a light, a rank — is decided
// on the figure as shown, so a table, a sentence and a light never disagree.

// halfTolerance lets a float that stands for an exact half (0.2825 is 282.4999… tenths)
// round as the half it is.
const halfTolerance = 1e-7

// Tenths is a rate, or a difference of rates, in tenths of a percent as shown:
// 0.35874 is 359 (35.9%), −0.0583 is −58 (−5.8 个百分点).
func Tenths(v float64) int64 {
	x := math.Abs(v * 1000)
	f := math.Floor(x)
	if x-f >= 0.5-halfTolerance {
		f++
	}
	if v < 0 {
		f = -f
	}
	return int64(f)
}

// ShownPoints is a difference of rates in 个百分点 as shown (one decimal), never −0.
func ShownPoints(diff float64) float64 {
	t := Tenths(diff)
	if t == 0 {
		return 0
	}
	return float64(t) / 10
}

// PercentText is a rate as shown: "41.7%".
func PercentText(v float64) string {
	return strconv.FormatFloat(float64(Tenths(v))/10, 'f', 1, 64) + "%"
}
