package report

import "path/filepath"

// The 月度走势 in the report's JSON (key "trend"; null without --history).

type trendJSON struct {
	Months        []trendMonthJSON `json:"months"`
	MissingMonths []int            `json:"missing_months"`
	LeftOut       []leftOutJSON    `json:"left_out"`
	Groups        []trendGroupJSON `json:"groups"`
}

// trendMonthJSON has the whole ledger's rates as check's metrics has them.
type trendMonthJSON struct {
	Month int    `json:"month"`
	AsOf  string `json:"as_of"`
	File  string `json:"file"`
	metricsJSON
	GapPoints *float64 `json:"gap_points"`
}

type leftOutJSON struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// trendGroupJSON: ranks, investment_rates and gap_points hold one entry per month of
// months (null where the group was not there or not ranked); move is the places
// gained since the month before (negative: lost), null when it is new or unranked.
type trendGroupJSON struct {
	By              string     `json:"by"`
	Name            string     `json:"name"`
	Ranks           []*int     `json:"ranks"`
	InvestmentRates []*float64 `json:"investment_rates"`
	GapPoints       []*float64 `json:"gap_points"`
	Move            *int       `json:"move"`
	MoveLabel       string     `json:"move_label"`
	Warning         bool       `json:"warning"`
}

func (t *Trend) jsonValue() *trendJSON {
	v := &trendJSON{Months: []trendMonthJSON{}, MissingMonths: append([]int{}, t.Missing...), LeftOut: []leftOutJSON{}, Groups: []trendGroupJSON{}}
	for _, m := range t.Months {
		v.Months = append(v.Months, trendMonthJSON{Month: m.Month, AsOf: m.AsOf.String(), File: filepath.ToSlash(m.File),
			metricsJSON: metricsJSONOf(m.Metrics), GapPoints: pointsJSON(m.GapPoints)})
	}
	for _, l := range t.LeftOut {
		v.LeftOut = append(v.LeftOut, leftOutJSON{File: filepath.ToSlash(l.File), Reason: l.Reason})
	}
	for _, rk := range t.Rankings {
		for _, g := range rk.Groups {
			gj := trendGroupJSON{By: string(rk.By), Name: g.Name, MoveLabel: g.Move.Label(), Warning: g.Warning}
			for _, p := range g.Points {
				var rank *int
				if p.Present && p.Rank > 0 {
					r := p.Rank
					rank = &r
				}
				gj.Ranks = append(gj.Ranks, rank)
				gj.InvestmentRates = append(gj.InvestmentRates, rateJSON(p.Rate))
				gj.GapPoints = append(gj.GapPoints, pointsJSON(p.GapPoints))
			}
			switch g.Move.Kind {
			case MoveUp, MoveDown, MoveSame:
				places := g.Move.Places
				if g.Move.Kind == MoveDown {
					places = -places
				}
				gj.Move = &places
			}
			if gj.MoveLabel == "-" {
				gj.MoveLabel = ""
			}
			v.Groups = append(v.Groups, gj)
		}
	}
	return v
}
