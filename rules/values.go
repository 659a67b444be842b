package rules

import (
	"strings"

	"gongjian/ledger"
)

// IsStarted says what a 开工状态 cell means: started (已开工, 已复工, 是 …) or not
// (未开工, 否 …); known is false for an empty cell or a value in neither list.
func (r *Rules) IsStarted(status string) (started, known bool) {
	status = strings.TrimSpace(status)
	if status == "" {
		return false, false
	}
	if contains(r.Values.StartedStatus, status) {
		return true, true
	}
	if contains(r.Values.NotStartedStatus, status) {
		return false, true
	}
	return false, false
}

// InStats says what a 是否入库 cell means; known is false for an empty cell or a value
// in neither list.
func (r *Rules) InStats(stats string) (in, known bool) {
	stats = strings.TrimSpace(stats)
	if stats == "" {
		return false, false
	}
	if contains(r.Values.StatsYes, stats) {
		return true, true
	}
	if contains(r.Values.StatsNo, stats) {
		return false, true
	}
	return false, false
}

// IsNature reports whether a 建设性质 value is one the rules allow.
func (r *Rules) IsNature(nature string) bool {
	return contains(r.Values.Nature, strings.TrimSpace(nature))
}

// IsKeyProject reports whether a project is a 重点项目 (年度计划投资 at least AnnualPlanMin).
func (r *Rules) IsKeyProject(p *ledger.Project) bool {
	return p.Plan.IsSet() && p.Plan.Cmp(r.KeyProjects.AnnualPlanMin) >= 0
}

// IsBigProject reports whether a project is an 亿元以上项目 (总投资 at least TotalMin).
func (r *Rules) IsBigProject(p *ledger.Project) bool {
	return p.Total.IsSet() && p.Total.Cmp(r.KeyProjects.TotalMin) >= 0
}

// ScheduleAt is the 序时进度 at date d of the given year (0 to 1): month/12 or elapsed
// days/days in the year, by the rules' Schedule. Dates before the year give 0, after it 1.
func (r *Rules) ScheduleAt(d ledger.Date, year int) float64 {
	switch {
	case !d.IsSet() || int(d.Year) < year:
		return 0
	case int(d.Year) > year:
		return 1
	}
	if r.Schedule == ScheduleDay {
		return float64(d.DayOfYear()) / float64(ledger.DayDate(year, 12, 31).DayOfYear())
	}
	return float64(d.Month) / 12
}

// Light is the 红黄绿 mark of a rate against 序时进度.
type Light string

const (
	LightGreen  Light = "green"
	LightYellow Light = "yellow"
	LightRed    Light = "red"
)

// Label is the light in Chinese (绿灯/黄灯/红灯).
func (l Light) Label() string {
	switch l {
	case LightRed:
		return "红灯"
	case LightYellow:
		return "黄灯"
	}
	return "绿灯"
}

// LightFor marks a completion rate against 序时进度 (both 0 to 1) by how many 个百分点
// it lags as shown (one decimal): red from Red points, yellow from Yellow points,
// otherwise green. A project's light is its Progress's, which comes from here.
func (r *Rules) LightFor(rate, schedule float64) Light {
	gap := PointsBehind(rate, schedule)
	switch {
	case gap >= r.Alerts.ScheduleLagPoints.Red-pointsTolerance:
		return LightRed
	case gap >= r.Alerts.ScheduleLagPoints.Yellow-pointsTolerance:
		return LightYellow
	}
	return LightGreen
}

// pointsTolerance absorbs float noise so that a lag of exactly 10 points is 10, not 9.999….
const pointsTolerance = 1e-9

// PointsBehind is how many 个百分点 rate is below schedule as shown (negative when ahead).
func PointsBehind(rate, schedule float64) float64 { return ShownPoints(schedule - rate) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// AllowedValues are the values the rules allow in a canonical column's dropdown; nil
// for ledger.ValuesNone.
func (r *Rules) AllowedValues(list ledger.ValueList) []string {
	switch list {
	case ledger.ValuesNature:
		return r.Values.Nature
	case ledger.ValuesTown:
		return r.Towns
	case ledger.ValuesMethod:
		return r.Values.Method
	case ledger.ValuesDockStatus:
		return r.Values.DockStatus
	case ledger.ValuesStatus:
		return joinDistinct(r.Values.StartedStatus, r.Values.NotStartedStatus)
	case ledger.ValuesStats:
		return joinDistinct(r.Values.StatsYes, r.Values.StatsNo)
	}
	return nil
}

func joinDistinct(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}
