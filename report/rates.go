package report

import (
	"strings"

	"gongjian/ledger"
)

// Every percentage and every gap in 个百分点 the reports print comes from an exact
// ledger.Rate through the helpers here, which round it once, half up, with
// ledger.Rate.Round: the table, the Markdown, the JSON, the workbooks and the findings'
// messages (rounded the same way in package rules) show the same digits.

// percentText is a rate as "58.3%", or "-" when it is not available.
func percentText(v *ledger.Rate) string {
	if v == nil {
		return "-"
	}
	return v.Percent(1)
}

// gapPoints is rate − schedule in 个百分点, exactly (negative: behind); nil when either
// is not available.
func gapPoints(rate, schedule *ledger.Rate) *ledger.Rate {
	if rate == nil || schedule == nil {
		return nil
	}
	p := rate.Sub(*schedule).Points()
	return &p
}

// pointsText is a signed gap in 个百分点: "+8.3 个百分点", "-12.5 个百分点", "0.0 个百分点".
func pointsText(p ledger.Rate) string {
	return signedPoints(p) + " 个百分点"
}

// signedPoints is a gap in 个百分点 with one decimal and its sign: "+8.3", "-12.5", "0.0".
func signedPoints(p ledger.Rate) string {
	s := p.Round(1)
	if p.Sign() > 0 && s != "0.0" {
		return "+" + s
	}
	return s
}

// rateJSON is a rate rounded to 4 places for JSON; null when not available.
func rateJSON(v *ledger.Rate) *float64 {
	if v == nil {
		return nil
	}
	r := v.Rounded(4)
	return &r
}

// pointsJSON is a gap in 个百分点 rounded to one decimal for JSON; null when not available.
func pointsJSON(p *ledger.Rate) *float64 {
	if p == nil {
		return nil
	}
	r := p.Rounded(1)
	return &r
}

// rateNum is a rate for a percentage cell of a workbook: 4 places, like the JSON,
// trailing zeros dropped ("0.5").
func rateNum(v ledger.Rate) string {
	s := v.Round(4)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
