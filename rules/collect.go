package rules

import (
	"cmp"
	"hash/maphash"
	"slices"

	"gongjian/ledger"
)

// findingList collects an evaluation's findings and hands them over sorted, in one
// slice of exactly their number. A ledger may give hundreds of thousands of findings:
// appending them to one slice copies it at every growth (five times the final size
// allocated in all, the last two copies live at once) and the stable sort of 160-byte
// values moves each many times. Here each finding is held in a chunk, in half a
// Finding's size, until it is copied once into its place: the list and the sorted
// slice live at once only as long as that copy, and cost half as much again.
type findingList struct {
	chunks [][]held
	n      int
	texts  textCache
	names  []string          // the rules, severities, fields and sheets held
	index  map[string]uint16 // name → index into names
}

// held is a finding as the list holds it: 80 bytes to a Finding's 160, its short
// names (rule, severity, field, sheet) as indexes into the list's names and its cell's
// name made when it is handed over.
type held struct {
	value, message, project, group string
	row, col                       int32
	rule, severity, field, sheet   uint16
}

// chunkBits sets the chunk size, 4,096 findings (320 KB).
const chunkBits = 12

// add holds a finding; its Cell is not kept, but named from Row and Col when it is
// handed over (none when Col is -1).
func (l *findingList) add(f Finding) {
	if l.n&(1<<chunkBits-1) == 0 {
		l.chunks = append(l.chunks, make([]held, 0, 1<<chunkBits))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, held{
		value: l.texts.same(f.Value), message: l.texts.same(f.Message), project: f.Project, group: f.Group,
		row: int32(f.Row), col: int32(f.Col),
		rule: l.name(string(f.Rule)), severity: l.name(string(f.Severity)), field: l.name(string(f.Field)), sheet: l.name(f.Sheet),
	})
	l.n++
}

// name is the index of a short name, added when new. A ledger gives a few dozen, and
// never more than its columns' fields (at most 16,384) and the rules.
func (l *findingList) name(s string) uint16 {
	if i, ok := l.index[s]; ok {
		return i
	}
	if l.index == nil {
		l.index = map[string]uint16{}
	}
	l.index[s] = uint16(len(l.names))
	l.names = append(l.names, s)
	return uint16(len(l.names) - 1)
}

func (l *findingList) at(i int32) *held { return &l.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

// finding is a held finding whole again.
func (l *findingList) finding(h *held) Finding {
	f := Finding{Rule: RuleID(l.names[h.rule]), Severity: Severity(l.names[h.severity]), Sheet: l.names[h.sheet],
		Row: int(h.row), Col: int(h.col), Field: ledger.Field(l.names[h.field]),
		Value: h.value, Message: h.message, Project: h.project, Group: h.group}
	if f.Col >= 0 {
		f.Cell = ledger.CellName(f.Col, f.Row)
	}
	return f
}

// sorted returns the findings in sheet order (findingOrder), those at the same place
// in the order they were found, and empties the list.
func (l *findingList) sorted() []Finding {
	if l.n == 0 {
		return nil
	}
	order := make([]int32, l.n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		x, y := l.at(a), l.at(b)
		if c := cmp.Compare(x.row, y.row); c != 0 {
			return c
		}
		if c := cmp.Compare(x.col, y.col); c != 0 {
			return c
		}
		if c := cmp.Compare(l.names[x.rule], l.names[y.rule]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// A chunk is let go once all its findings are in place: findings come nearly in
	// sheet order (the unreadable cells, then each project's), so most chunks go early.
	left := make([]int, len(l.chunks))
	for c, ch := range l.chunks {
		left[c] = len(ch)
	}
	out := make([]Finding, l.n)
	for k, i := range order {
		out[k] = l.finding(l.at(i))
		c := i >> chunkBits
		if left[c]--; left[c] == 0 {
			l.chunks[c] = nil
		}
	}
	*l = findingList{}
	return out
}

// sortFindings puts findings in sheet order (by row, then column, the findings with no
// cell, -1, first, then rule id), keeping the order of those at the same place.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Row, b.Row); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Col, b.Col); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
}

// textCache lets findings with the same message or value share one string: a ledger
// of many findings repeats most of its messages (the same plan date passed, the same
// mistyped number), and each string would otherwise be held once per finding. It
// remembers the last text seen in each of a fixed number of slots, so it never holds
// more than that, whatever the ledger.
type textCache struct {
	seed  maphash.Seed
	slots *[1 << 12]string
}

func (c *textCache) same(s string) string {
	if len(s) < 16 {
		return s // no smaller shared than apart
	}
	if c.slots == nil {
		c.seed, c.slots = maphash.MakeSeed(), new([1 << 12]string)
	}
	slot := &c.slots[maphash.String(c.seed, s)&(1<<12-1)]
	if *slot == s {
		return *slot
	}
	*slot = s
	return s
}
