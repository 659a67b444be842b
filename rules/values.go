package rules

import (
	"math"
	"strings"

	"gongjian/ledger"
)

// IsStarted says what a 开工状态 cell means: started (已开工, 已复工, 是 …) or not
// (未开工, 否 …); known is false for an empty cell or a value in neither list. A
// system export's 1/0 or √/× and a 建设阶段 ("施工阶段", "前期阶段") are read too.
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
	if yes, ok := flagValue(status); ok {
		return yes, true
	}
	if started, ok := stageWords[status]; ok {
		return started, true
	}
	return false, false
}

// InStats says what a 是否入库 cell means; known is false for an empty cell or a value
// in neither list. 1/0 and √/× are read too.
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
	if yes, ok := flagValue(stats); ok {
		return yes, true
	}
	return false, false
}

// flagValue reads a yes or no as system exports and check-box columns write it: 1/0,
// √/×, ✓/✗.
func flagValue(s string) (yes, ok bool) {
	switch s {
	case "1", "√", "✓", "✔", "☑", "■", "Y", "y":
		return true, true
	case "0", "×", "✗", "✘", "☐", "□", "X", "x", "N", "n":
		return false, true
	}
	return false, false
}

// stageWords are the values of a 建设阶段 column read as a 开工状态: the stages before
// ground is broken are not started, the others are.
var stageWords = map[string]bool{
	"前期": false, "前期阶段": false, "前期工作": false, "前期手续办理": false, "前期手续办理阶段": false, "谋划": false, "谋划阶段": false,
	"未开工建设": false, "筹建": false, "筹备": false, "储备": false,
	"施工": true, "施工阶段": true, "建设阶段": true, "在建阶段": true, "主体施工": true, "已完工": true, "完工": true,
	"竣工验收": true, "竣工验收阶段": true, "竣工阶段": true, "已投产": true, "投产": true, "已建成": true,
	// and the words 开工状态 cells are written in
	"施工中": true, "在建中": true, "建设中": true, "正在施工": true, "正在建设": true, "已开复工": true, "已开工建设": true,
	"主体完工": true, "已竣工投产": true, "建成投产": true,
	"前期手续办理中": false, "前期工作中": false, "准备开工": false, "筹备中": false, "未开复工": false, "暂未开工": false,
	"尚未开工": false, "停工": false, "暂停施工": false, "缓建": false,
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
func (r *Rules) ScheduleAt(d ledger.Date, year int) ledger.Rate {
	switch {
	case !d.IsSet() || int(d.Year) < year:
		return ledger.NewRate(0, 1)
	case int(d.Year) > year:
		return ledger.NewRate(1, 1)
	}
	if r.Schedule == ScheduleDay {
		return ledger.NewRate(int64(d.DayOfYear()), int64(ledger.DayDate(year, 12, 31).DayOfYear()))
	}
	return ledger.NewRate(int64(d.Month), 12)
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
// it lags as shown, to one decimal (a lag shown as 10.0 is 10): red from Red points,
// yellow from Yellow points, otherwise green. A project's light is its Progress's,
// which comes from here.
func (r *Rules) LightFor(rate, schedule ledger.Rate) Light {
	gap := ShownPoints(PointsBehind(rate, schedule))
	switch {
	case gap.Cmp(pointsRate(r.Alerts.ScheduleLagPoints.Red)) >= 0:
		return LightRed
	case gap.Cmp(pointsRate(r.Alerts.ScheduleLagPoints.Yellow)) >= 0:
		return LightYellow
	}
	return LightGreen
}

// pointsRate is a threshold in 个百分点 as an exact Rate; the usual whole numbers
// (10, 30) cost nothing.
func pointsRate(p float64) ledger.Rate {
	if p == math.Trunc(p) && math.Abs(p) <= 1e9 {
		return ledger.NewRate(int64(p), 1)
	}
	return ledger.FloatRate(p)
}

// PointsBehind is how many 个百分点 rate is below schedule (negative when ahead), exactly.
func PointsBehind(rate, schedule ledger.Rate) ledger.Rate { return schedule.Sub(rate).Points() }

// ShownPoints is a number of 个百分点 as shown: rounded half up to one decimal, the
// one rounding of every figure (ledger.Rate.Round), so what is decided on it — a
// light — agrees with what the reader sees.
func ShownPoints(p ledger.Rate) ledger.Rate {
	r, _ := ledger.ParseRate(p.Round(1))
	return r
}

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
