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
	started, known := r.IsStarted(p.Status)
	return startedAt(p, d, started, known)
}

// startedAt says whether the project had started (a 续建 project: resumed) by date d:
// its 实际开工时间 on or before d, else a started 开工状态. A 续建 project's start in
// an earlier year is when it first broke ground, not whether it resumed this year: its
// 开工状态 says that, when it says either way.
func startedAt(p *ledger.Project, d ledger.Date, statusStarted, statusKnown bool) bool {
	if p.ActualStart.IsSet() && !(statusKnown && beganEarlier(p, d)) {
		return d.IsSet() && p.ActualStart.Compare(d) <= 0
	}
	return statusStarted
}

// beganEarlier reports whether a 续建 project's 实际开工时间 lies in a year before d's:
// the ledger gives the day it first began ("2022.6"), not the day it resumed.
func beganEarlier(p *ledger.Project, d ledger.Date) bool {
	return p.Nature == NatureContinuing && d.IsSet() && p.ActualStart.IsSet() && p.ActualStart.Year < d.Year
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
		out = append(out, Group{By: by, Name: name, Counts: t.countsKnown(k.avail), Amounts: t.amounts,
			Metrics: t.metrics(k.avail, schedule), Projects: sc.projects})
	}
	return out
}
