package rules

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// findingList collects an evaluation's findings in fixed-size chunks and hands them
// over sorted, in one slice of exactly their number. A ledger may give hundreds of
// thousands of findings: appending them to one slice copies it at every growth (five
// times the final size allocated in all, the last two copies live at once) and the
// stable sort of 160-byte values moves each many times; here each finding is copied
// once into a chunk and once into its place.
type findingList struct {
	chunks [][]Finding
	n      int
	texts  textCache
}

// chunkBits sets the chunk size, 4,096 findings (640 KB).
const chunkBits = 12

func (l *findingList) add(f Finding) {
	f.Message, f.Value = l.texts.same(f.Message), l.texts.same(f.Value)
	if l.n&(1<<chunkBits-1) == 0 {
		l.chunks = append(l.chunks, make([]Finding, 0, 1<<chunkBits))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, f)
	l.n++
}

func (l *findingList) at(i int32) *Finding { return &l.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

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
		if c := findingOrder(l.at(a), l.at(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// A chunk is let go once all its findings are in place: findings come nearly in
	// sheet order (the unreadable cells, then each project's), so most chunks go early
	// and the findings are seldom held twice.
	left := make([]int, len(l.chunks))
	for c, ch := range l.chunks {
		left[c] = len(ch)
	}
	out := make([]Finding, l.n)
	for k, i := range order {
		out[k] = *l.at(i)
		c := i >> chunkBits
		if left[c]--; left[c] == 0 {
			l.chunks[c] = nil
		}
	}
	*l = findingList{}
	return out
}

// findingOrder is the order of findings in every output: by row, then column (the
// findings with no cell, -1, first), then rule id.
func findingOrder(a, b *Finding) int {
	if c := cmp.Compare(a.Row, b.Row); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Col, b.Col); c != 0 {
		return c
	}
	return cmp.Compare(a.Rule, b.Rule)
}

// sortFindings puts findings in sheet order, keeping the order of those at the same
// place.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int { return findingOrder(&a, &b) })
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
