package rules

import (
	"sort"
	"strings"

	"gongjian/ledger"
)

// The ways projects are grouped, in the order groups are listed.
const (
	GroupByTown   = "town"   // 所在乡镇
	GroupByUnit   = "unit"   // 责任单位
	GroupByLeader = "leader" // 包联领导
)

var groupBys = [...]string{GroupByTown, GroupByUnit, GroupByLeader}

// GroupLabel is a grouping's Chinese name (乡镇, 责任单位, 包联领导).
func GroupLabel(by string) string {
	switch by {
	case GroupByTown:
		return "乡镇"
	case GroupByUnit:
		return "责任单位"
	case GroupByLeader:
		return "包联领导"
	}
	return by
}

// scope is the ledger or one group, with a tally per filter.
type scope struct {
	by, name string
	byOrder  int
	projects []int // indexes into Ledger.Projects; nil for the whole ledger
	tallies  []tally
	isGroup  bool
}

func newScope(by, name string, filters, slots int) *scope {
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
	return GroupLabel(s.by) + ":" + s.name
}
