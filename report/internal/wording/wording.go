package wording

import (
	"fmt"
	"math"

	"gongjian/ledger"
	"gongjian/rules"
)

// Percent is a rate as "58.3%", or "-" when it is not available.
func Percent(v *float64) string {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return "-"
	}
	return rules.PercentText(*v)
}

// RoundPoints turns a difference of rates into 个百分点 rounded to one decimal, with
// no negative zero.
func RoundPoints(diff float64) float64 { return rules.ShownPoints(diff) }

// Points is a signed gap in 个百分点: "+8.3 个百分点", "-12.5 个百分点", "0.0 个百分点".
func Points(diff float64) string {
	p := RoundPoints(diff)
	if p > 0 {
		return fmt.Sprintf("+%.1f 个百分点", p)
	}
	return fmt.Sprintf("%.1f 个百分点", p)
}

// Round4 rounds a rate to four places, as JSON, CSV and workbooks hold it.
func Round4(v float64) float64 {
	r := math.Round(v*10000) / 10000
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

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
	return Points(*t.Actual - t.Target)
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
