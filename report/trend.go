package report

import (
	"fmt"
	"sort"
	"strings"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// Trend is the 月度走势 (with --history): the whole ledger's rates month by month,
// and for each group of the 分组排名 its rank each month, its move since the month
// before and the 预警 of the plan's 预警提示 (按月晒进度、比成效).
type Trend struct {
	Months   []TrendMonth // in month order; the current ledger's month last
	Missing  []int        // months with no ledger between the first and the current
	LeftOut  []LeftOut    // files of the history not used, with why
	Rankings []TrendRanking
}

// TrendMonth is one month's ledger seen whole.
type TrendMonth struct {
	Month     int
	AsOf      ledger.Date
	File      string
	Metrics   rules.Metrics
	GapPoints *ledger.Rate // 投资完成率 − 序时进度, 个百分点, exact
}

// TrendRanking is one grouping's groups through the months, as the 分组排名 ranks them.
type TrendRanking struct {
	By    rules.GroupBy
	Label string // 乡镇, 县直部门（责任单位）…
	// Groups stand by this month's rank; the unranked after them, then the groups
	// gone this month, by name.
	Groups []TrendGroup
}

// TrendGroup is one 乡镇, 部门 … through the months.
type TrendGroup struct {
	Name    string
	Points  []TrendPoint // one per month of Trend.Months
	Move    Move         // this month's rank against the month before's
	Warning bool         // below 序时进度 this month and the month before (预警)
}

// TrendPoint is a group's figures in one month's ledger.
type TrendPoint struct {
	Present bool // the group is in that month's ledger
	RankRow      // its row of that month's 分组排名 (Rank 0: not ranked)
}

// MoveKind says how a group's rank changed since the month before.
type MoveKind string

const (
	MoveUp   MoveKind = "up"
	MoveDown MoveKind = "down"
	MoveSame MoveKind = "same"
	MoveNew  MoveKind = "new" // ranked now, not ranked (or not there) the month before
	MoveNone MoveKind = ""    // not ranked now, or no month before to compare with
)

// Move is a group's change of rank.
type Move struct {
	Kind   MoveKind
	Places int // how many places up (MoveUp) or down (MoveDown)
	Since  int // the month compared with
}

// Label is the move as a 通报's table shows it: ↑2, ↓1, 持平, 新增, or "-".
func (m Move) Label() string {
	switch m.Kind {
	case MoveUp:
		return fmt.Sprintf("↑%d", m.Places)
	case MoveDown:
		return fmt.Sprintf("↓%d", m.Places)
	case MoveSame:
		return "持平"
	case MoveNew:
		return "新增"
	}
	return "-"
}

// buildTrend ranks every month's groups with the 分组排名's own ranking (rankings, so
// equal shown rates share a rank in both) and judges the moves and the 预警.
func buildTrend(s *Series, r *rules.Rules, by rules.GroupBy) *Trend {
	t := &Trend{Missing: s.Missing, LeftOut: s.LeftOut}
	monthly := make([][]Ranking, len(s.Results))
	for i, res := range s.Results {
		t.Months = append(t.Months, TrendMonth{Month: int(res.AsOf.Month), AsOf: res.AsOf, File: resultFile(res), Metrics: res.Metrics,
			GapPoints: wording.GapPoints(res.Metrics.InvestmentRate, res.Metrics.Schedule)})
		monthly[i] = rankings(res, r, by)
	}
	bys := []rules.GroupBy{rules.GroupByTown, rules.GroupByUnit}
	if by != "" {
		bys = []rules.GroupBy{by}
	}
	for _, b := range bys {
		if tr, ok := t.ranking(b, monthly); ok {
			t.Rankings = append(t.Rankings, tr)
		}
	}
	return t
}

// ranking follows one grouping through the months; ok is false when no month has it.
func (t *Trend) ranking(by rules.GroupBy, monthly [][]Ranking) (TrendRanking, bool) {
	n := len(t.Months)
	index := map[string]int{}
	tr := TrendRanking{By: by, Label: by.RankingLabel()}
	var gone []string // groups not in this month's ledger, in the order first met
	// The current month first, so its order (by rank) is the table's.
	for mi := n - 1; mi >= 0; mi-- {
		for _, rk := range monthly[mi] {
			if rk.By != by {
				continue
			}
			for _, row := range rk.Rows {
				gi, ok := index[row.Name]
				if !ok {
					gi = len(tr.Groups)
					index[row.Name] = gi
					tr.Groups = append(tr.Groups, TrendGroup{Name: row.Name, Points: make([]TrendPoint, n)})
					if mi != n-1 {
						gone = append(gone, row.Name)
					}
				}
				tr.Groups[gi].Points[mi] = TrendPoint{Present: true, RankRow: row}
			}
		}
	}
	if len(tr.Groups) == 0 {
		return tr, false
	}
	// Groups gone this month stand last, by name.
	cut := len(tr.Groups) - len(gone)
	sort.SliceStable(tr.Groups[cut:], func(i, j int) bool { return tr.Groups[cut+i].Name < tr.Groups[cut+j].Name })
	for i := range tr.Groups {
		g := &tr.Groups[i]
		g.Move = t.move(g)
		g.Warning = t.warned(g)
	}
	return tr, true
}

// move compares this month's rank with the month before's in the series (the latest
// earlier ledger, which is last month's unless that one is missing).
func (t *Trend) move(g *TrendGroup) Move {
	n := len(g.Points)
	if n < 2 {
		return Move{}
	}
	cur, prev := g.Points[n-1], g.Points[n-2]
	m := Move{Since: t.Months[n-2].Month}
	switch d := prev.Rank - cur.Rank; {
	case cur.Rank == 0:
		return Move{}
	case prev.Rank == 0:
		m.Kind = MoveNew
	case d > 0:
		m.Kind, m.Places = MoveUp, d
	case d < 0:
		m.Kind, m.Places = MoveDown, -d
	default:
		m.Kind = MoveSame
	}
	return m
}

// warned: below 序时进度 this month and last month. Without last month's ledger there
// is nothing to judge "two months running" on.
func (t *Trend) warned(g *TrendGroup) bool {
	n := len(g.Points)
	if n < 2 || t.Months[n-2].Month != t.Months[n-1].Month-1 {
		return false
	}
	below := func(p TrendPoint) bool { return p.Present && belowSchedule(p.GapPoints) }
	return below(g.Points[n-1]) && below(g.Points[n-2])
}

// belowSchedule: the gap, as shown to one decimal, is below zero; a group 0.04 points
// behind shows 0.0 and is not called behind.
func belowSchedule(gap *ledger.Rate) bool {
	return gap != nil && strings.HasPrefix(gap.Round(1), "-")
}

// lastMonthMissing reports whether the month before the current has no ledger, so
// moves compare with an earlier month and no 预警 can be judged.
func (t *Trend) lastMonthMissing() bool {
	n := len(t.Months)
	return n >= 1 && t.Months[n-1].Month > 1 && (n < 2 || t.Months[n-2].Month != t.Months[n-1].Month-1)
}

// previous is the ledger of the month just before the current one, or nil: the
// 本月变化 compares with it when --previous is not given.
func (s *Series) previous() *rules.Result {
	n := len(s.Results)
	if n < 2 || s.Results[n-2].AsOf.Month != s.Results[n-1].AsOf.Month-1 {
		return nil
	}
	return s.Results[n-2]
}
