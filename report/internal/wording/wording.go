package wording

import (
	"fmt"
	"strings"

	"gongjian/ledger"
	"gongjian/rules"
)

// Every percentage and every gap in 个百分点 the outputs print comes from an exact
// ledger.Rate through the helpers here, which round it once, half up, with
// ledger.Rate.Round: the table, the Markdown, the JSON, the workbooks, the annotated
// copy and the findings' messages (rounded the same way in package rules) show the
// same digits.

// Percent is a rate as "58.3%", or "-" when it is not available.
func Percent(v *ledger.Rate) string {
	if v == nil {
		return "-"
	}
	return v.Percent(1)
}

// GapPoints is rate − schedule in 个百分点, exactly (negative: behind); nil when either
// is not available.
func GapPoints(rate, schedule *ledger.Rate) *ledger.Rate {
	if rate == nil || schedule == nil {
		return nil
	}
	p := rate.Sub(*schedule).Points()
	return &p
}

// AgainstSchedule says how a rate stands against 序时进度, from their exact gap in 个百分点
// rounded once to one decimal: "低于序时进度1.6个百分点", "高于序时进度0.2个百分点", or
// "与序时进度持平" when the gap shows as 0.0. spaced puts spaces round the figure, as the
// terminal summary writes its numbers ("低于序时进度 1.6 个百分点").
func AgainstSchedule(gap ledger.Rate, spaced bool) string {
	s := gap.Round(1)
	if s == "0.0" {
		return "与序时进度持平"
	}
	rel := "高于"
	if strings.HasPrefix(s, "-") {
		rel, s = "低于", s[1:]
	}
	if spaced {
		return rel + "序时进度 " + s + " 个百分点"
	}
	return rel + "序时进度" + s + "个百分点"
}

// Points is a signed gap in 个百分点: "+8.3 个百分点", "-12.5 个百分点", "0.0 个百分点".
func Points(p ledger.Rate) string {
	return SignedPoints(p) + " 个百分点"
}

// SignedPoints is a gap in 个百分点 with one decimal and its sign: "+8.3", "-12.5", "0.0".
func SignedPoints(p ledger.Rate) string {
	s := p.Round(1)
	if p.Sign() > 0 && s != "0.0" {
		return "+" + s
	}
	return s
}

// RateNum is a rate for a percentage cell of a workbook: 4 places, like the JSON,
// trailing zeros dropped ("0.5").
func RateNum(v ledger.Rate) string { return shortest(v.Round(4)) }

// shortest drops a decimal's trailing zeros, and the sign of a zero.
func shortest(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// PercentNum is a rate for a workbook cell shown as a percentage with one decimal
// ("0.0%"): the rate as Percent rounds it, three places ("0.789" for 78.9%), so the
// spreadsheet shows Percent's digits and does not round a second time.
func PercentNum(v ledger.Rate) string { return shortest(v.Round(3)) }

// Due is "3月31日" (the ledger's year goes without saying).
func Due(d ledger.Date) string {
	if !d.HasDay() {
		return fmt.Sprintf("%d月", d.Month)
	}
	return fmt.Sprintf("%d月%d日", d.Month, d.Day)
}

// Gap says how far a target is: what an upcoming one still needs, how many
// 个百分点 a judged one is above or below, or why it cannot be judged.
func Gap(t rules.Target) string {
	switch t.Status {
	case rules.StatusUnknown, rules.StatusNotApplicable:
		if t.Note != "" {
			return t.Note
		}
		return "-"
	case rules.StatusUpcoming:
		if t.Needed != nil {
			return Needed(t.Metric, *t.Needed)
		}
	}
	if t.Actual == nil {
		if t.Note != "" {
			return t.Note
		}
		return "-"
	}
	return Points(t.Actual.Sub(t.Target).Points())
}

// Needed is what an upcoming target still needs, in the words of a 通报.
func Needed(metric string, n rules.Needed) string {
	if n.Amount.IsSet() {
		if n.Amount.Sign() <= 0 {
			return "已达到目标"
		}
		return "还需完成投资 " + n.Amount.Fixed(2) + " 万元"
	}
	if n.Projects <= 0 {
		return "已达到目标"
	}
	switch metric {
	case rules.MetricNewStartRate:
		return fmt.Sprintf("还需开工 %d 个新建项目", n.Projects)
	case rules.MetricContinuingResumeRate:
		return fmt.Sprintf("还需复工 %d 个续建项目", n.Projects)
	case rules.MetricStartRate:
		return fmt.Sprintf("还需开复工 %d 个项目", n.Projects)
	}
	return fmt.Sprintf("还需 %d 个项目", n.Projects)
}
