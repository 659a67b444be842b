package rules

import (
	"sort"
	"strings"

	"gongjian/ledger"
)

// GroupBy is a way of grouping projects. The evaluation groups them by 乡镇, 责任单位
// and 包联领导 itself; by 建设性质 and 项目类别 on request (Breakdown).
type GroupBy string

const (
	GroupByTown     GroupBy = "town"     // 所在乡镇
	GroupByUnit     GroupBy = "unit"     // 责任单位
	GroupByLeader   GroupBy = "leader"   // 包联领导
	GroupByNature   GroupBy = "nature"   // 建设性质
	GroupByCategory GroupBy = "category" // 项目类别
)

// GroupBys lists the groupings in the order help text shows them.
var GroupBys = []GroupBy{GroupByTown, GroupByUnit, GroupByLeader, GroupByNature, GroupByCategory}

// groupByWords are each grouping's Chinese name, and its name over a ranking where
// that says more (the 责任单位 are the 县直部门).
var groupByWords = map[GroupBy]struct{ label, ranking string }{
	GroupByTown:     {"乡镇", "乡镇"},
	GroupByUnit:     {"责任单位", "县直部门（责任单位）"},
	GroupByLeader:   {"包联领导", "包联领导"},
	GroupByNature:   {"建设性质", "建设性质"},
	GroupByCategory: {"项目类别", "项目类别"},
}

// Label is the grouping's Chinese name (乡镇, 责任单位 …).
func (g GroupBy) Label() string {
	if w, ok := groupByWords[g]; ok {
		return w.label
	}
	return string(g)
}

// RankingLabel names the groups over a ranking (乡镇, 县直部门（责任单位） …).
func (g GroupBy) RankingLabel() string {
	if w, ok := groupByWords[g]; ok {
		return w.ranking
	}
	return string(g)
}

// Field is the project field the grouping reads.
func (g GroupBy) Field() ledger.Field {
	switch g {
	case GroupByTown:
		return ledger.FieldTown
	case GroupByUnit:
		return ledger.FieldUnit
	case GroupByLeader:
		return ledger.FieldLeader
	case GroupByNature:
		return ledger.FieldNature
	case GroupByCategory:
		return ledger.FieldCategory
	}
	return ""
}

// ParseGroupBy reads a grouping's id ("town"); ok is false for an unknown one.
func ParseGroupBy(s string) (g GroupBy, ok bool) {
	_, ok = groupByWords[GroupBy(s)]
	return GroupBy(s), ok
}

// groupBys are the groupings the evaluation makes itself, in the order groups are listed.
var groupBys = [...]GroupBy{GroupByTown, GroupByUnit, GroupByLeader}

// scope is the ledger or one group, with a tally per filter.
type scope struct {
	by       GroupBy
	name     string
	byOrder  int
	projects []int // indexes into Ledger.Projects; nil for the whole ledger
	tallies  []tally
	isGroup  bool
}

func newScope(by GroupBy, name string, filters, slots int) *scope {
	s := &scope{by: by, name: name, tallies: make([]tally, filters)}
	// One backing array for every filter's slots: a group costs two allocations.
	at := make([]startCounts, filters*slots)
	for f := range s.tallies {
		s.tallies[f].at = at[f*slots : (f+1)*slots : (f+1)*slots]
	}
	return s
}

func (s *scope) add(i int, p *ledger.Project, st *projectState, matches []bool, natureKnown bool) {
	if s.isGroup {
		s.projects = append(s.projects, i)
	}
	for f, ok := range matches {
		if ok {
			s.tallies[f].add(p, st, natureKnown)
		}
	}
}

// groups are the 乡镇, 责任单位 and 包联领导 groups, found as the projects go by.
type groups struct {
	filters, slots int
	index          [len(groupBys)]map[string]*scope
	list           []*scope
}

func newGroups(filters, slots int) groups {
	g := groups{filters: filters, slots: slots}
	for i := range g.index {
		g.index[i] = map[string]*scope{}
	}
	return g
}

// add puts the project in its town's and unit's group and in each of its leaders'.
func (g *groups) add(i int, p *ledger.Project, st *projectState, matches []bool, natureKnown bool) {
	g.scope(0, p.Town).addIfAny(i, p, st, matches, natureKnown)
	g.scope(1, p.Unit).addIfAny(i, p, st, matches, natureKnown)
	if p.Leader == "" {
		return
	}
	// Each person once: the reader lists a name once however often the cell gave it.
	p.EachLeader(func(name string) {
		g.scope(2, name).addIfAny(i, p, st, matches, natureKnown)
	})
}

// scope finds or makes the group; an empty name is no group (nil).
func (g *groups) scope(by int, name string) *scope {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if s, ok := g.index[by][name]; ok {
		return s
	}
	s := newScope(groupBys[by], name, g.filters, g.slots)
	s.byOrder, s.isGroup = by, true
	g.index[by][name] = s
	g.list = append(g.list, s)
	return s
}

func (s *scope) addIfAny(i int, p *ledger.Project, st *projectState, matches []bool, natureKnown bool) {
	if s != nil {
		s.add(i, p, st, matches, natureKnown)
	}
}

// sorted lists the groups by town, unit, leader, then by name (plain string order, so
// the same ledger always lists them the same way).
func (g *groups) sorted() []*scope {
	out := append([]*scope(nil), g.list...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].byOrder != out[j].byOrder {
			return out[i].byOrder < out[j].byOrder
		}
		return out[i].name < out[j].name
	})
	return out
}

// label names the group in messages and in Finding.Group ("乡镇:礼义镇").
func (s *scope) label() string {
	if !s.isGroup {
		return ""
	}
	return s.by.Label() + ":" + s.name
}
