package report

import (
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

func rate(num, den int64) *ledger.Rate {
	r := ledger.NewRate(num, den)
	return &r
}

func TestTargetSentences(t *testing.T) {
	q1 := func(metric string, target, actual *ledger.Rate, status rules.Status) rules.Target {
		return rules.Target{Milestone: "一季度开门红", Due: ledger.DayDate(2025, 3, 31), Metric: metric,
			Target: *target, Actual: actual, Status: status}
	}
	h1 := func(metric string, target, actual *ledger.Rate, needed rules.Needed) rules.Target {
		return rules.Target{Milestone: "上半年双过半", Due: ledger.DayDate(2025, 6, 30), Metric: metric,
			Target: *target, Actual: actual, Status: rules.StatusUpcoming, Needed: &needed}
	}
	for _, tt := range []struct {
		name    string
		targets []rules.Target
		want    []string
	}{
		{"met and upcoming", []rules.Target{
			q1(rules.MetricContinuingResumeRate, rate(1, 1), rate(1, 1), rules.StatusMet),
			q1(rules.MetricNewStartRate, rate(1, 2), rate(11, 16), rules.StatusMet),
			h1(rules.MetricNewStartRate, rate(9, 10), rate(13, 16), rules.Needed{Projects: 2}),
			h1(rules.MetricInvestmentRate, rate(1, 2), rate(429, 1000), rules.Needed{Amount: ledger.Wan(11552, 85)}),
		}, []string{
			"“一季度开门红”目标（3月31日）已完成：续建复工率100.0%（目标100.0%）；新建开工率68.8%（目标50.0%）。",
			"实现“上半年双过半”目标（6月30日前），新建开工率需达到90.0%（目前81.3%），还需开工2个新建项目；投资完成率需达到50.0%（目前42.9%），还需完成投资11552.85万元。",
		}},
		{"missed, by a hair too", []rules.Target{
			q1(rules.MetricContinuingResumeRate, rate(1, 1), rate(19, 20), rules.StatusMissed),
			q1(rules.MetricNewStartRate, rate(1, 2), rate(4999, 10000), rules.StatusMissed),
		}, []string{
			"“一季度开门红”目标（3月31日）未完成：续建复工率95.0%（目标100.0%），差5.0个百分点；新建开工率50.0%（目标50.0%），略低于目标。",
		}},
		{"unknown said, not applicable left out", []rules.Target{
			{Milestone: "招商引资项目当年开工", Due: ledger.DayDate(2025, 12, 31), Metric: rules.MetricNewStartRate, Target: *rate(2, 5),
				TargetLabel: "40%", Status: rules.StatusNotApplicable, Note: "没有项目类别为“招商引资”的项目"},
			q1(rules.MetricNewStartRate, rate(1, 2), nil, rules.StatusUnknown),
		}, []string{"“一季度开门红”目标（3月31日）：新建开工率无法判断。"}},
		{"an upcoming target already reached", []rules.Target{
			h1(rules.MetricNewStartRate, rate(9, 10), rate(19, 20), rules.Needed{}),
		}, []string{"实现“上半年双过半”目标（6月30日前），新建开工率需达到90.0%（目前95.0%），已达到目标。"}},
	} {
		got := targetSentences(tt.targets)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
		}
	}
}

func TestRankingWords(t *testing.T) {
	row := func(name string, rank int, r, gap *ledger.Rate, light rules.Light) RankRow {
		return RankRow{Name: name, Rank: rank, Rate: r, GapPoints: gap, Light: light}
	}
	pts := func(p int64) *ledger.Rate { return rate(p, 10) }
	towns := Ranking{By: rules.GroupByTown, Label: "乡镇", Rows: []RankRow{
		row("崇文镇", 1, rate(488, 1000), pts(71), rules.LightGreen),
		row("附城镇", 2, rate(475, 1000), pts(59), rules.LightGreen),
		row("礼义镇", 3, rate(444, 1000), pts(28), rules.LightGreen),
		row("平城镇", 4, rate(423, 1000), pts(7), rules.LightGreen),
		row("西河底镇", 5, rate(300, 1000), pts(-117), rules.LightYellow),
		row("杨村镇", 6, rate(250, 1000), pts(-167), rules.LightYellow),
		row("夺火乡", 0, nil, nil, ""), // no 年度计划: not ranked
	}}
	want := "乡镇中，崇文镇、附城镇投资完成率位居前列，分别为48.8%、47.5%；低于序时进度的有西河底镇（低11.7个百分点，黄灯）、杨村镇（低16.7个百分点，黄灯）。"
	if got := rankingWords(towns); got != want {
		t.Errorf("towns:\n got %s\nwant %s", got, want)
	}

	// Leaders must be ahead of 序时进度; none behind is said.
	units := Ranking{By: rules.GroupByUnit, Label: "县直部门（责任单位）", Rows: []RankRow{
		row("县交通局", 1, rate(417, 1000), pts(0), rules.LightGreen),
		row("县卫健局", 2, rate(417, 1000), pts(0), rules.LightGreen),
		row("县住建局", 3, rate(417, 1000), pts(0), rules.LightGreen),
	}}
	if got, want := rankingWords(units), "县直部门（责任单位）中，没有低于序时进度的责任单位。"; got != want {
		t.Errorf("units:\n got %s\nwant %s", got, want)
	}
	units.Rows[0].GapPoints = pts(12)
	if got, want := rankingWords(units), "县直部门（责任单位）中，县交通局投资完成率最高，为41.7%；没有低于序时进度的责任单位。"; got != want {
		t.Errorf("one leader:\n got %s\nwant %s", got, want)
	}
	if got := rankingWords(Ranking{Label: "乡镇", Rows: towns.Rows[:1]}); got != "" {
		t.Errorf("a ranking of one: %q", got)
	}
}

func TestLaggingByUnit(t *testing.T) {
	got := laggingByUnit([]Lagging{
		{Name: "甲项目", Unit: "县水务局"},
		{Name: "乙项目", Unit: "县工信局"},
		{Name: "丙项目", Unit: " 县工信局 "},
		{Name: "丁项目"},
	})
	want := "按责任单位：县工信局2个（乙项目、丙项目）；县水务局1个（甲项目）；未填写责任单位的1个（丁项目）。"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if laggingByUnit(nil) != "" {
		t.Error("no lagging project should say nothing")
	}
}

func TestPartBlocks(t *testing.T) {
	text := func(bs []block) string {
		var out []string
		for _, b := range bs {
			p := b.(paragraph)
			s := p.text()
			if p.Heading {
				s = "#" + s
			}
			out = append(out, s)
		}
		return strings.Join(out, "|")
	}
	two := partBlocks([]part{{"甲", []string{"一句。"}}, {"乙", nil}, {"丙", []string{"二句。", "三句。"}}})
	if got := text(two); got != "#（一）甲|一句。|#（二）丙|二句。|三句。" {
		t.Errorf("two parts: %s", got)
	}
	one := partBlocks([]part{{"甲", []string{"一句。"}}, {"乙", nil}})
	if got := text(one); got != "一句。" {
		t.Errorf("one part has no heading: %s", got)
	}
}

// Many lagging projects are counted by unit, not named: the list names them.
func TestLaggingByUnitCountsMany(t *testing.T) {
	var many []Lagging
	for i := range namedLagging + 1 {
		unit := "县水务局"
		if i%3 == 0 {
			unit = "县工信局"
		}
		many = append(many, Lagging{Name: "项目" + string(rune('甲'+i)), Unit: unit})
	}
	if got, want := laggingByUnit(many), "按责任单位：县水务局7个；县工信局4个。"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got := laggingByUnit(many[:namedLagging]); !strings.Contains(got, "（项目甲、") {
		t.Errorf("ten are named: %s", got)
	}
}

func TestChangesNamesSentence(t *testing.T) {
	c := &Changes{
		NewlyStarted: []ChangedProject{{Name: "甲项目"}, {Name: "乙项目"}},
		Disappeared:  []ChangedProject{{Name: "丁项目"}},
	}
	if got, want := c.namesSentence(), "本月新开工（复工）：甲项目、乙项目；减少：丁项目。"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got := (&Changes{}).namesSentence(); got != "" {
		t.Errorf("nothing changed: %q", got)
	}
	for range namedLagging {
		c.Appeared = append(c.Appeared, ChangedProject{Name: "新项目"})
	}
	if got := c.namesSentence(); got != "" {
		t.Errorf("too many to name: %q", got)
	}
}
