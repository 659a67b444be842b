package rules

import (
	"sort"
	"strings"

	"gongjian/ledger"
)

// UnsetGroup names the group of projects whose grouping field is empty.
const UnsetGroup = "（未填）"

// StartedBy reports whether a project had started by date d: its 实际开工时间 is on or
// before d, or it has none and its 开工状态 says started (then at any date).
func (r *Rules) StartedBy(p *ledger.Project, d ledger.Date) bool {
	if p.ActualStart.IsSet() {
		return d.IsSet() && p.ActualStart.Compare(d) <= 0
	}
	started, _ := r.IsStarted(p.Status)
	return started
}

// Breakdown returns the figures of a 开复工台账's projects grouped by a field the
// evaluation does not group by itself — 建设性质, 项目类别, 项目级别 — counted as the
// evaluation counts (at the result's as-of date). The town, unit and leader groups are
// already in Result.Groups. Groups come in name order, UnsetGroup last.
func Breakdown(res *Result, r *Rules, by GroupBy) []Group {
	l := res.Ledger
	if l == nil {
		return nil
	}
	e := newEvaluation(l, r, Options{AsOf: res.AsOf, AsOfSource: res.AsOfSource})
	k := newKaifugongChecks(e)
	scopes := map[string]*scope{}
	var names []string
	matches := []bool{true}
	for i := range l.Projects {
		p := &l.Projects[i]
		name := strings.TrimSpace(p.Text(by.Field()))
		if name == "" {
			name = UnsetGroup
		}
		sc, ok := scopes[name]
		if !ok {
			sc = newScope(by, name, 1, len(k.slots))
			sc.isGroup = true
			scopes[name] = sc
			names = append(names, name)
		}
		sc.add(i, p, k.classify(p), matches, k.avail.nature)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == UnsetGroup) != (names[j] == UnsetGroup) {
			return names[j] == UnsetGroup
		}
		return names[i] < names[j]
	})
	var schedule *ledger.Rate
	if e.asOf.IsSet() {
		s := r.ScheduleAt(e.asOf, e.year)
		schedule = &s
	}
	out := make([]Group, 0, len(names))
	for _, name := range names {
		sc := scopes[name]
		t := &sc.tallies[0]
		out = append(out, Group{By: by, Name: name, Counts: t.countsAt(0), Amounts: t.amounts,
			Metrics: t.metrics(k.avail, schedule), Projects: sc.projects})
	}
	return out
}
