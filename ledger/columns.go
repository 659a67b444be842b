package ledger

import (
	"sort"
	"strings"
)

// This file says what the reader made of the header, so that a clerk can see why a
// column was not used and what to call it: the columns it did not recognise, and,
// for a field it needs and did not find, the headers that came closest.

// Unrecognized are the header cells the reader did not interpret that look like
// amounts or dates (a unit, 投资, 金额, 时间 …): the columns a clerk most likely
// expected the tool to use, so the summary names them.
func (l *Ledger) Unrecognized() []Column {
	var out []Column
	for _, c := range l.Columns {
		if c.Derived || c.Known != "" {
			continue
		}
		if looksLikeAmountOrDate(c) {
			out = append(out, c)
		}
	}
	return out
}

// HeaderCells are the header's cells in column order, each once: what JSON columns
// and check --columns show. Columns the reader added for a field another column gives
// are left out.
func (l *Ledger) HeaderCells() []Column {
	var out []Column
	for _, c := range l.Columns {
		if !c.Derived {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out
}

// amountWords and dateWords mark a header that holds money or a date; rateWords one
// that holds a rate, which is neither.
var (
	amountWords = []string{"投资", "金额", "资金", "万元", "亿元", "完成额", "计划额", "费用", "额度"}
	dateWords   = []string{"时间", "日期", "年月", "开工", "竣工", "投产"}
	rateWords   = []string{"率", "比例", "%", "占", "进度"}
)

func looksLikeAmountOrDate(c Column) bool {
	t := normalizeHeader(c.Header).text
	for _, w := range rateWords {
		if strings.Contains(t, w) {
			return false
		}
	}
	if c.HasUnit {
		return true
	}
	for _, w := range amountWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	for _, w := range dateWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// Closest lists the headers of the ledger's columns that the reader did not use and
// that come closest to a name of the field, best first (at most n): what a message
// about a missing column shows, so the clerk sees which column was meant.
func (l *Ledger) Closest(f Field, n int) []Column {
	names := []string{normalizeHeader(f.Label()).text}
	for t, s := range synonyms {
		if s.field == f {
			names = append(names, t)
		}
	}
	type scored struct {
		c     Column
		score float64
	}
	var cands []scored
	for _, c := range l.Columns {
		// A column the reader knows as another field ("建设地址", a second 所在乡镇) is
		// not the missing one, however alike their words.
		if c.Derived || c.Field != "" || c.Known != "" && c.Known != f {
			continue
		}
		t := normalizeHeader(c.Header).text
		best, common := 0.0, 0
		for _, name := range names {
			if s, n := similarity(t, name); s > best {
				best, common = s, n
			}
		}
		// One pair of characters in common ("建设" of 建设地址 and 建设性质) is chance.
		if best >= 0.3 && common >= 2 {
			cands = append(cands, scored{c, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []Column
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].c)
	}
	return out
}

// similarity is the share of two texts' character pairs (bigrams) they have in common,
// 0 to 1 (Dice's coefficient), and how many they share: "本年完成额" and "本年完成投资" share 本年, 年完, 完成.
func similarity(a, b string) (score float64, common int) {
	pa, pb := bigrams(a), bigrams(b)
	if len(pa) == 0 || len(pb) == 0 {
		return 0, 0
	}
	used := make([]bool, len(pb))
	for _, x := range pa {
		for j, y := range pb {
			if !used[j] && x == y {
				used[j], common = true, common+1
				break
			}
		}
	}
	return 2 * float64(common) / float64(len(pa)+len(pb)), common
}

func bigrams(s string) []string {
	var starts []int
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	var out []string
	for k := 0; k+2 < len(starts); k++ {
		out = append(out, s[starts[k]:starts[k+2]])
	}
	return out
}
