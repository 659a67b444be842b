package rules

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"gongjian/ledger"
)

// targetMetrics are the metrics a target may name, in the order they are listed to
// the clerk; 序时进度 is a yardstick (min: schedule), not a target of its own.
var targetMetrics = []string{MetricNewStartRate, MetricContinuingResumeRate, MetricStartRate, MetricInvestmentRate}

// whereFields are the fields a target may be scoped by: the text columns that name a
// kind of project or who answers for it.
var whereFields = []ledger.Field{
	ledger.FieldTown, ledger.FieldNature, ledger.FieldCategory, ledger.FieldLevel,
	ledger.FieldUnit, ledger.FieldLeader, ledger.FieldOwner,
}

// rules walks the whole file into r and checks what involves several keys.
func (d *decoder) rules(n *yaml.Node, r *Rules) {
	var yellowAt, redAt *yaml.Node
	d.mapping(n, "规则文件", []field{
		{name: "version", fn: func(_, v *yaml.Node) {
			if s, ok := d.text(v, "version"); ok && s != "1" {
				d.errorf(v, "不支持的版本“%s”，请写 version: 1", s)
			}
		}},
		{name: "unit", fn: func(_, v *yaml.Node) {
			if s, ok := d.text(v, "unit"); ok && s != "万元" {
				d.errorf(v, "金额单位“%s”不支持，请写 unit: 万元，金额都按万元填写", s)
			}
		}},
		{name: "schedule", fn: func(_, v *yaml.Node) {
			s, ok := d.text(v, "schedule")
			switch {
			case !ok:
			case s == ScheduleMonth || s == ScheduleDay:
				r.Schedule = s
			default:
				d.errorf(v, "序时进度算法“%s”无效，请写 month（按月，n/12）或 day（按天）", s)
			}
		}},
		{name: "milestones", fn: func(_, v *yaml.Node) { r.Milestones = d.milestones(v) }},
		{name: "alerts", fn: func(_, v *yaml.Node) {
			d.mapping(v, "alerts", []field{{name: "schedule_lag_points", fn: func(_, v *yaml.Node) {
				d.mapping(v, "schedule_lag_points", []field{
					{name: "yellow", fn: func(_, v *yaml.Node) {
						if f, ok := d.points(v, "yellow"); ok {
							r.Alerts.ScheduleLagPoints.Yellow, yellowAt = f, v
						}
					}},
					{name: "red", fn: func(_, v *yaml.Node) {
						if f, ok := d.points(v, "red"); ok {
							r.Alerts.ScheduleLagPoints.Red, redAt = f, v
						}
					}},
				})
			}}})
		}},
		{name: "key_projects", fn: func(_, v *yaml.Node) {
			d.mapping(v, "key_projects", []field{
				{name: "annual_plan_min", fn: func(_, v *yaml.Node) { d.amount(v, "annual_plan_min", &r.KeyProjects.AnnualPlanMin) }},
				{name: "total_min", fn: func(_, v *yaml.Node) { d.amount(v, "total_min", &r.KeyProjects.TotalMin) }},
			})
		}},
		{name: "stats_total_min", fn: func(_, v *yaml.Node) { d.amount(v, "stats_total_min", &r.StatsTotalMin) }},
		{name: "values", fn: func(_, v *yaml.Node) { d.values(v, &r.Values) }},
		{name: "towns", fn: func(_, v *yaml.Node) {
			if s, ok := d.strings(v, "towns"); ok {
				r.Towns = s
			}
		}},
		{name: "columns", fn: func(_, v *yaml.Node) { r.Columns = d.columns(v) }},
		{name: "notice", fn: func(_, v *yaml.Node) { d.notice(v, &r.Notice) }},
	})
	if lag := r.Alerts.ScheduleLagPoints; lag.Yellow > lag.Red {
		at := yellowAt
		if at == nil {
			at = redAt
		}
		d.errorf(at, "黄灯线 %s 个百分点大于红灯线 %s 个百分点，yellow 应不大于 red",
			formatNumber(lag.Yellow), formatNumber(lag.Red))
	}
}

func (d *decoder) milestones(n *yaml.Node) []Milestone {
	var out []Milestone
	var prev *Milestone
	d.sequence(n, "milestones", func(_ int, c *yaml.Node) {
		var m Milestone
		var dueAt *yaml.Node
		hasName, hasTargets := false, false
		d.mapping(c, "里程碑", []field{
			{name: "name", fn: func(_, v *yaml.Node) { m.Name, hasName = d.text(v, "name") }},
			{name: "due", fn: func(_, v *yaml.Node) {
				if s, ok := d.text(v, "due"); ok {
					if md, ok := parseMonthDay(s); ok {
						m.Due, dueAt = md, v
					} else {
						d.errorf(v, "到期日“%s”不是“月-日”，请写成如 \"06-30\" 的日期", s)
					}
				}
			}},
			{name: "targets", fn: func(_, v *yaml.Node) {
				hasTargets = true
				d.sequence(v, "targets", func(_ int, t *yaml.Node) {
					if tr, ok := d.target(t); ok {
						m.Targets = append(m.Targets, tr)
					}
				})
			}},
		})
		if resolve(c).Kind != yaml.MappingNode {
			return
		}
		if !hasName {
			d.errorf(c, "里程碑缺少 name，请写上名称，如 name: 上半年双过半")
		}
		if dueAt == nil && !hasKey(c, "due") {
			d.errorf(c, "里程碑缺少 due，请写上到期日，如 due: \"06-30\"")
		}
		if !hasTargets {
			d.errorf(c, "里程碑缺少 targets，请至少写一个目标，如 - {metric: new_start_rate, min: 50%%}")
		}
		if dueAt != nil {
			if prev != nil && m.Due.before(prev.Due) {
				d.errorf(dueAt, "到期日“%s”早于上一个里程碑“%s”的“%s”，里程碑请按到期日先后排列", m.Due, prev.Name, prev.Due)
			}
			out = append(out, m)
			prev = &out[len(out)-1]
		}
	})
	if out == nil {
		out = []Milestone{}
	}
	return out
}

func (d *decoder) target(n *yaml.Node) (TargetRule, bool) {
	var t TargetRule
	hasMetric, hasMin := false, false
	before := len(d.problems)
	d.mapping(n, "目标", []field{
		{name: "metric", fn: func(_, v *yaml.Node) {
			hasMetric = true
			if s, ok := d.text(v, "metric"); ok {
				if contains(targetMetrics, s) {
					t.Metric = s
				} else {
					d.errorf(v, "未知指标“%s”，可用的指标有 %s", s, strings.Join(targetMetrics, "、"))
				}
			}
		}},
		{name: "min", fn: func(_, v *yaml.Node) { hasMin = true; d.min(v, &t) }},
		{name: "where", fn: func(_, v *yaml.Node) { t.Where = d.where(v) }},
	})
	if resolve(n).Kind == yaml.MappingNode {
		if !hasMetric {
			d.errorf(n, "目标缺少 metric，请写如 {metric: new_start_rate, min: 50%%}")
		}
		if !hasMin {
			d.errorf(n, "目标缺少 min，请写最低要求，如 min: 50%%")
		}
	}
	return t, len(d.problems) == before
}

// min reads a target's minimum: "50%", a fraction 0–1, or schedule (序时进度).
func (d *decoder) min(n *yaml.Node, t *TargetRule) {
	s, ok := d.text(n, "min")
	if !ok {
		return
	}
	if s == "schedule" || s == "序时进度" {
		t.Schedule = true
		return
	}
	s = foldDigits(s)
	if pct, isPct := strings.CutSuffix(s, "%"); isPct {
		f, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		switch {
		case err != nil || math.IsNaN(f):
			d.errorf(n, "最低要求“%s”无法识别，请写成百分比如“50%%”，或写 schedule 表示序时进度", s)
		case f < 0 || f > 100:
			d.errorf(n, "百分比“%s”超出范围，应在 0%% 到 100%% 之间", s)
		default:
			// Kept exactly as written: "33.3%" is 333/1000, not the float nearest it.
			r, _ := ledger.ParseRate(strings.TrimSpace(pct))
			t.Min = r.Mul(ledger.NewRate(1, 100))
		}
		return
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f):
		d.errorf(n, "最低要求“%s”无法识别，请写成百分比如“50%%”，或写 schedule 表示序时进度", s)
	case f > 1:
		d.errorf(n, "最低要求“%s”请写成“%s%%”：不带百分号的数只能是 0 到 1 之间的小数", s, s)
	case f < 0:
		d.errorf(n, "最低要求“%s”不能为负数，应在 0%% 到 100%% 之间", s)
	default:
		t.Min, _ = ledger.ParseRate(s)
	}
}

// where reads a target's scope: field → value.
func (d *decoder) where(n *yaml.Node) map[ledger.Field]string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	fields := make([]field, 0, 2*len(whereFields))
	w := map[ledger.Field]string{}
	for _, f := range whereFields {
		set := func(k, v *yaml.Node) {
			if s, ok := d.text(v, k.Value); ok {
				if _, dup := w[f]; dup {
					d.errorf(k, "where 里“%s”写了两次，请只留一个", f.Label())
					return
				}
				w[f] = s
			}
		}
		// A clerk may write the Chinese header (项目类别) as well as the id (category).
		fields = append(fields, field{name: string(f), fn: set}, field{name: f.Label(), fn: set, alias: true})
	}
	d.mapping(n, "where", fields)
	if len(w) == 0 {
		return nil
	}
	return w
}

func (d *decoder) values(n *yaml.Node, v *Values) {
	list := func(name string, dst *[]string) field {
		return field{name: name, fn: func(_, n *yaml.Node) {
			if s, ok := d.strings(n, name); ok {
				*dst = s
			}
		}}
	}
	var startedAt, statsAt *yaml.Node
	d.mapping(n, "values", []field{
		list("nature", &v.Nature),
		{name: "started_status", fn: func(_, n *yaml.Node) {
			if s, ok := d.strings(n, "started_status"); ok {
				v.StartedStatus, startedAt = s, n
			}
		}},
		{name: "not_started_status", fn: func(_, n *yaml.Node) {
			if s, ok := d.strings(n, "not_started_status"); ok {
				v.NotStartedStatus, startedAt = s, n
			}
		}},
		{name: "stats_yes", fn: func(_, n *yaml.Node) {
			if s, ok := d.strings(n, "stats_yes"); ok {
				v.StatsYes, statsAt = s, n
			}
		}},
		{name: "stats_no", fn: func(_, n *yaml.Node) {
			if s, ok := d.strings(n, "stats_no"); ok {
				v.StatsNo, statsAt = s, n
			}
		}},
		list("method", &v.Method),
		list("dock_status", &v.DockStatus),
	})
	// A value in both lists would make a cell mean two things.
	for _, s := range v.StartedStatus {
		if contains(v.NotStartedStatus, s) {
			d.errorf(startedAt, "“%s”同时出现在 started_status 和 not_started_status 里，请只放在一处", s)
		}
	}
	for _, s := range v.StatsYes {
		if contains(v.StatsNo, s) {
			d.errorf(statsAt, "“%s”同时出现在 stats_yes 和 stats_no 里，请只放在一处", s)
		}
	}
}

// points reads 个百分点 (0–100), a plain number.
func (d *decoder) points(n *yaml.Node, what string) (float64, bool) {
	if s := strings.TrimSpace(resolve(n).Value); strings.HasSuffix(s, "%") {
		d.errorf(n, "%s 是个百分点，请直接写数字，如 10，不带百分号", what)
		return 0, false
	}
	f, ok := d.number(n, what)
	if ok && (f < 0 || f > 100 || math.IsNaN(f)) {
		d.errorf(n, "%s 应在 0 到 100 个百分点之间，现在是 %s", what, formatNumber(f))
		return 0, false
	}
	return f, ok
}

// amount reads an amount in 万元 (5000, or "1亿").
func (d *decoder) amount(n *yaml.Node, what string, dst *ledger.Amount) {
	s, ok := d.text(n, what)
	if !ok {
		return
	}
	a, err := ledger.ParseAmount(s, ledger.UnitWan)
	switch {
	case err != nil || !a.IsSet():
		d.errorf(n, "%s 应是万元数，如 5000，现在是“%s”", what, s)
	case a.Sign() < 0:
		d.errorf(n, "%s 不能为负数", what)
	default:
		*dst = a
	}
}

// foldDigits turns the full-width digits and signs a Chinese input method types
// ("５０％") into ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '％':
			return '%'
		case r == '－':
			return '-'
		}
		return r
	}, s)
}

var monthDayPattern = regexp.MustCompile(`^(\d{1,2})-(\d{1,2})$`)

// parseMonthDay reads "06-30"; 02-29 is allowed (it falls back to 02-28 in a common year).
func parseMonthDay(s string) (MonthDay, bool) {
	m := monthDayPattern.FindStringSubmatch(foldDigits(s))
	if m == nil {
		return MonthDay{}, false
	}
	month, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	if month < 1 || month > 12 || day < 1 || day > int(ledger.MonthDate(2024, month).MonthEnd().Day) {
		return MonthDay{}, false
	}
	return MonthDay{month, day}, true
}

func (md MonthDay) before(o MonthDay) bool {
	return md.Month < o.Month || md.Month == o.Month && md.Day < o.Day
}

func hasKey(n *yaml.Node, key string) bool {
	n = resolve(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if resolve(n.Content[i]).Value == key {
			return true
		}
	}
	return false
}

// formatNumber writes 10 as "10" and 12.5 as "12.5".
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// columns reads the county's own header names: field → names ("leader: [县级领导]").
// A field may be written by its id or its Chinese header (包联领导); an unknown field,
// and a name given to two fields, are errors at their place.
func (d *decoder) columns(n *yaml.Node) map[ledger.Field][]string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "columns 应写成“字段: [列名, 列名]”的形式，如 leader: [县级领导, 市级领导]")
		return nil
	}
	out := map[ledger.Field][]string{}
	owner := map[string]ledger.Field{} // a name → the field it was given to
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		f, ok := ledger.ParseField(k.Value)
		if !ok || f == ledger.FieldStartEither || f == ledger.FieldPlanToDate {
			d.errorf(k, "未知字段“%s”，columns 里可用的字段有 %s", k.Value, strings.Join(columnFieldNames(), "、"))
			continue
		}
		if _, dup := out[f]; dup {
			d.errorf(k, "字段“%s”在 columns 里写了两次，请把列名合在一起", k.Value)
			continue
		}
		names, ok := d.strings(v, "columns 的 "+k.Value)
		if !ok {
			continue
		}
		for j, name := range names {
			if other, taken := owner[name]; taken {
				d.errorf(resolve(v).Content[j], "列名“%s”已经给了字段 %s，一个列名只能对应一个字段", name, other)
				continue
			}
			owner[name] = f
		}
		out[f] = names
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// columnFieldNames are the field ids a rules file's columns: may name.
func columnFieldNames() []string {
	var out []string
	for _, f := range ledger.Fields() {
		if f != ledger.FieldStartEither && f != ledger.FieldPlanToDate {
			out = append(out, string(f))
		}
	}
	return out
}
