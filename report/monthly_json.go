package report

import (
	"io"

	"gongjian/ledger"
)

// The monthly report's JSON: overall as check's, then a key per section.

type monthlyJSON struct {
	Title       string          `json:"title"`
	AsOf        string          `json:"as_of"`
	Files       []string        `json:"files"`
	DataQuality dataQualityJSON `json:"data_quality"`
	Overall     overallJSON     `json:"overall"`
	Groups      []groupJSON     `json:"groups"`
	KeyProjects []keyJSON       `json:"key_projects"`
	BigProjects []keyJSON       `json:"big_projects"`
	Lagging     []laggingJSON   `json:"lagging"`
	Problems    []problemJSON   `json:"problems"`
	Financing   *financingJSON  `json:"financing"`
	Changes     *changesJSON    `json:"changes"`
	Trend       *trendJSON      `json:"trend"`
}

// dataQualityJSON is what check finds in the report's ledgers: errors and warnings,
// by rule, and the cells the figures leave out.
type dataQualityJSON struct {
	Errors       int               `json:"errors"`
	Warnings     int               `json:"warnings"`
	ByRule       []ruleCountJSON   `json:"by_rule"`
	CellsLeftOut []cellLeftOutJSON `json:"cells_left_out"`
}

type ruleCountJSON struct {
	File     string `json:"file"`
	Rule     string `json:"rule"`
	Label    string `json:"label"`
	Severity string `json:"severity"`
	Count    int    `json:"count"`
}

type cellLeftOutJSON struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet"`
	Cell   string `json:"cell"`
	Row    int    `json:"row"`
	Field  string `json:"field"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

type overallJSON struct {
	Counts    countsJSON   `json:"counts"`
	Amounts   amountsJSON  `json:"amounts"`
	Metrics   metricsJSON  `json:"metrics"`
	GapPoints *float64     `json:"gap_points"`
	Targets   []targetJSON `json:"targets"`
	// Detail is, per rate (new_start_rate …), the projects of its numerator and of
	// its denominator.
	Detail map[string]detailJSON `json:"detail"`
}

type detailJSON struct {
	Numerator   []projectRefJSON `json:"numerator"`
	Denominator []projectRefJSON `json:"denominator"`
}

// projectRefJSON is where a project stands in its ledger.
type projectRefJSON struct {
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
	Name  string `json:"name"`
	// Package is the 打包项目 the project is a part of, when it is one.
	Package string `json:"package,omitempty"`
}

type groupJSON struct {
	By                   string   `json:"by"`
	Name                 string   `json:"name"`
	Projects             int      `json:"projects"`
	NewStartRate         *float64 `json:"new_start_rate"`
	ContinuingResumeRate *float64 `json:"continuing_resume_rate"`
	AnnualPlan           *string  `json:"annual_plan"`
	Done                 *string  `json:"done"`
	InvestmentRate       *float64 `json:"investment_rate"`
	GapPoints            *float64 `json:"gap_points"`
	Rank                 *int     `json:"rank"`
	Light                string   `json:"light"`
}

type keyJSON struct {
	Name           string   `json:"name"`
	Unit           string   `json:"unit"`
	Leader         string   `json:"leader"`
	Total          *string  `json:"total"`
	AnnualPlan     *string  `json:"annual_plan"`
	Done           *string  `json:"done"`
	InvestmentRate *float64 `json:"investment_rate"`
	GapPoints      *float64 `json:"gap_points"`
	Light          string   `json:"light"`
}

type laggingJSON struct {
	Row       int     `json:"row"`
	Name      string  `json:"name"`
	Unit      string  `json:"unit"`
	Leader    string  `json:"leader"`
	Overdue   bool    `json:"overdue_start"`
	GapPoints float64 `json:"gap_points"`
	Light     string  `json:"light"`
	Reason    string  `json:"reason"`
	Problems  string  `json:"problems"`
}

type problemJSON struct {
	Unit     string `json:"unit"`
	Name     string `json:"name"`
	Problems string `json:"problems"`
}

type financingJSON struct {
	Files      []string          `json:"files"`
	Counts     rongziCountsJSON  `json:"counts"`
	Need       *string           `json:"need"`
	Credit     *string           `json:"credit"`
	Signed     *string           `json:"signed"`
	Disbursed  *string           `json:"disbursed"`
	ByMethod   []rongziGroupJSON `json:"by_method"`
	ByBank     []rongziGroupJSON `json:"by_bank"`
	Unassigned []string          `json:"unassigned"`
	// NoBank is the by_bank 未对接 row's projects, each with why it is not asked to
	// dock ("" for a need still unassigned).
	NoBank       []noBankJSON `json:"no_bank"`
	CreditRate   *float64     `json:"credit_rate"`
	DisburseRate *float64     `json:"disburse_rate"`
}

type noBankJSON struct {
	Name    string `json:"name"`
	Row     int    `json:"row"`
	Excused string `json:"excused"`
}

type changesJSON struct {
	Previous     string               `json:"previous"`
	PreviousAsOf string               `json:"previous_as_of"`
	NewlyStarted []changedProjectJSON `json:"newly_started"`
	Added        []groupChangeJSON    `json:"added"`
	TurnedRed    []groupChangeJSON    `json:"turned_red"`
	Appeared     []changedProjectJSON `json:"appeared"`
	Disappeared  []changedProjectJSON `json:"disappeared"`
}

type changedProjectJSON struct {
	Name  string `json:"name"`
	Town  string `json:"town"`
	Unit  string `json:"unit"`
	Start string `json:"start,omitempty"`
}

type groupChangeJSON struct {
	By          string  `json:"by"`
	Name        string  `json:"name"`
	Before      *string `json:"before"`
	Done        *string `json:"done"`
	Added       *string `json:"added"`
	Light       string  `json:"light"`
	LightBefore string  `json:"light_before"`
}

// WriteMonthlyJSON writes the report as one JSON object.
func WriteMonthlyJSON(w io.Writer, m *Monthly) error {
	b, err := marshal(m.jsonValue(), true)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func (m *Monthly) jsonValue() *monthlyJSON {
	o := m.Overview
	v := &monthlyJSON{
		Title: m.Title, AsOf: m.AsOf.String(), Files: append([]string{}, m.Files...),
		Overall: overallJSON{
			Counts:    countsJSONOf(o.Counts),
			Amounts:   amountsJSONOf(o.Amounts),
			Metrics:   metricsJSONOf(o.Metrics),
			GapPoints: pointsJSON(o.GapPoints),
			Targets:   []targetJSON{},
		},
		Groups: []groupJSON{}, KeyProjects: []keyJSON{}, BigProjects: []keyJSON{}, Lagging: []laggingJSON{}, Problems: []problemJSON{},
	}
	for _, t := range o.Targets {
		v.Overall.Targets = append(v.Overall.Targets, targetJSONOf(t))
	}
	v.DataQuality = m.Quality.jsonValue()
	v.Overall.Detail = m.detailJSON()
	for _, rk := range m.Rankings {
		for _, r := range rk.Rows {
			g := groupJSON{By: string(rk.By), Name: r.Name, Projects: r.Projects, NewStartRate: rateJSON(r.NewStartRate),
				ContinuingResumeRate: rateJSON(r.ContinuingResumeRate), AnnualPlan: amountJSON(r.Plan), Done: amountJSON(r.Done),
				InvestmentRate: rateJSON(r.Rate), GapPoints: pointsJSON(r.GapPoints), Light: string(r.Light)}
			if r.Rank > 0 {
				rank := r.Rank
				g.Rank = &rank
			}
			v.Groups = append(v.Groups, g)
		}
	}
	keys := func(list []KeyProject) []keyJSON {
		out := []keyJSON{}
		for _, k := range list {
			out = append(out, keyJSON{Name: k.Name, Unit: k.Unit, Leader: k.Leader, Total: amountJSON(k.Total), AnnualPlan: amountJSON(k.Plan),
				Done: amountJSON(k.Done), InvestmentRate: rateJSON(k.Rate), GapPoints: pointsJSON(k.GapPoints), Light: string(k.Light)})
		}
		return out
	}
	v.KeyProjects, v.BigProjects = keys(m.Key), keys(m.Big)
	for _, lg := range m.Lagging {
		v.Lagging = append(v.Lagging, laggingJSON{Row: lg.Row, Name: lg.Name, Unit: lg.Unit, Leader: lg.Leader, Overdue: lg.Overdue,
			GapPoints: lg.GapPoints.Rounded(1), Light: string(lg.Light), Reason: lg.Reason, Problems: lg.Problems})
	}
	for _, g := range m.Problems {
		for _, it := range g.Items {
			v.Problems = append(v.Problems, problemJSON{Unit: g.Unit, Name: it.Name, Problems: it.Problem})
		}
	}
	if f := m.Financing; f != nil {
		a := f.Amounts
		v.Financing = &financingJSON{Files: f.Files, Counts: rongziCountsJSONOf(f.Counts),
			Need: amountJSON(a.Need), Credit: amountJSON(a.Credit), Signed: amountJSON(a.Signed), Disbursed: amountJSON(a.Disbursed),
			ByMethod: financingGroupsJSON(f.ByMethod), ByBank: financingGroupsJSON(f.ByBank), Unassigned: append([]string{}, f.Unassigned...),
			NoBank: []noBankJSON{}, CreditRate: rateJSON(f.CreditRate), DisburseRate: rateJSON(f.DisburseRate)}
		for _, p := range f.NoBank {
			v.Financing.NoBank = append(v.Financing.NoBank, noBankJSON{Name: p.Name, Row: p.Row, Excused: p.Excused})
		}
	}
	if c := m.Changes; c != nil {
		projects := func(list []ChangedProject) []changedProjectJSON {
			out := []changedProjectJSON{}
			for _, p := range list {
				out = append(out, changedProjectJSON{Name: p.Name, Town: p.Town, Unit: p.Unit, Start: p.Start.String()})
			}
			return out
		}
		groups := func(list []GroupChange) []groupChangeJSON {
			out := []groupChangeJSON{}
			for _, g := range list {
				out = append(out, groupChangeJSON{By: string(g.By), Name: g.Name, Before: amountOrZero(g.Before), Done: amountOrZero(g.Done),
					Added: amountOrZero(g.Added), Light: string(g.Light), LightBefore: string(g.LightBefore)})
			}
			return out
		}
		v.Changes = &changesJSON{Previous: c.Previous, PreviousAsOf: c.PreviousAsOf.String(), NewlyStarted: projects(c.NewlyStarted),
			Added: groups(c.Added), TurnedRed: groups(c.TurnedRed), Appeared: projects(c.Appeared), Disappeared: projects(c.Disappeared)}
	}
	if m.Trend != nil {
		v.Trend = m.Trend.jsonValue()
	}
	return v
}

// amountOrZero writes a change that nothing gave as "0.00": no investment is none added.
func amountOrZero(a ledger.Amount) *string {
	s := a.Fixed(2)
	return &s
}

func (q DataQuality) jsonValue() dataQualityJSON {
	v := dataQualityJSON{Errors: q.Errors(), Warnings: q.Warnings(), ByRule: []ruleCountJSON{}, CellsLeftOut: []cellLeftOutJSON{}}
	for _, f := range q.Files {
		for _, rc := range f.ByRule {
			v.ByRule = append(v.ByRule, ruleCountJSON{File: f.File, Rule: string(rc.Rule), Label: rc.Rule.Label(), Severity: string(rc.Severity), Count: rc.Count})
		}
		for _, c := range f.LeftOut {
			v.CellsLeftOut = append(v.CellsLeftOut, cellLeftOutJSON{File: c.File, Sheet: c.Sheet, Cell: c.Cell, Row: c.Row, Field: string(c.Field), Value: c.Value, Reason: c.Reason})
		}
	}
	return v
}

// detailJSON is overall.detail: each rate's projects, by sheet, row and name.
func (m *Monthly) detailJSON() map[string]detailJSON {
	out := map[string]detailJSON{}
	if m.Result == nil || m.Result.Ledger == nil {
		return out
	}
	l := m.Result.Ledger
	refs := func(list []int) []projectRefJSON {
		v := []projectRefJSON{}
		for _, i := range list {
			p := &l.Projects[i]
			v = append(v, projectRefJSON{Sheet: l.Sheet, Row: p.Row, Name: p.Name, Package: p.Package()})
		}
		return v
	}
	for metric, mp := range m.Result.Detail() {
		out[metric] = detailJSON{Numerator: refs(mp.Numerator), Denominator: refs(mp.Denominator)}
	}
	return out
}
