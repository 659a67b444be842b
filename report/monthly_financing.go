package report

import (
	"gongjian/ledger"
	"gongjian/rules"
)

// FinancingSection is section 6, 融资情况, from the 融资需求台账 of the run.
type FinancingSection struct {
	Files            []string
	Counts           rules.FinancingCounts
	Amounts          rules.FinancingAmounts
	ByMethod, ByBank []rules.FinancingGroup
	Unassigned       []string // projects with a need and no bank
	// NoBank are the projects of ByBank's 未对接 row: the Unassigned, and those not
	// asked to dock (终止, 不需融资) with the reason, so the list matches the count.
	NoBank []rules.NoBankProject
	// CreditRate (授信率) and DisburseRate (放款率) as check shows them.
	CreditRate, DisburseRate *ledger.Rate
}

// financingSection adds up the financing ledgers of the run (a county usually keeps
// one); nil when there are none.
func financingSection(results []*rules.Result) *FinancingSection {
	var s *FinancingSection
	n := 0
	methods, banks := map[string]int{}, map[string]int{}
	for _, res := range results {
		f := res.Financing
		if f == nil {
			continue
		}
		if s == nil {
			s = &FinancingSection{}
		}
		if res.Ledger != nil {
			s.Files = append(s.Files, res.Ledger.File)
		}
		c, a := f.Counts, f.Amounts
		s.Counts.Projects += c.Projects
		s.Counts.Docked += c.Docked
		s.Counts.Credited += c.Credited
		s.Counts.Signed += c.Signed
		s.Counts.Disbursed += c.Disbursed
		s.Amounts.Need = s.Amounts.Need.Add(a.Need)
		s.Amounts.DockedNeed = s.Amounts.DockedNeed.Add(a.DockedNeed)
		s.Amounts.Credit = s.Amounts.Credit.Add(a.Credit)
		s.Amounts.Signed = s.Amounts.Signed.Add(a.Signed)
		s.Amounts.Disbursed = s.Amounts.Disbursed.Add(a.Disbursed)
		s.ByMethod = addFinancingGroups(s.ByMethod, methods, f.ByMethod)
		s.ByBank = addFinancingGroups(s.ByBank, banks, f.ByBank)
		s.Unassigned = append(s.Unassigned, f.Unassigned...)
		s.NoBank = append(s.NoBank, f.NoBank...)
		s.CreditRate, s.DisburseRate = f.CreditRate, f.DisburseRate
		n++
	}
	if n > 1 {
		// Several ledgers: the rates of the sums, as rules works them out for one.
		s.CreditRate = sumRate(s.Amounts.Credit, s.Amounts.Need)
		s.DisburseRate = sumRate(s.Amounts.Disbursed, s.Amounts.Credit)
	}
	return s
}

// sumRate is a/b, nil when b is not above zero.
func sumRate(a, b ledger.Amount) *ledger.Rate {
	if b.Sign() <= 0 {
		return nil
	}
	v := ledger.AmountRate(a, b)
	return &v
}

// addFinancingGroups merges one ledger's groups into the report's, keeping the first
// ledger's order (rules already ordered them) and adding new names after.
func addFinancingGroups(rows []rules.FinancingGroup, index map[string]int, groups []rules.FinancingGroup) []rules.FinancingGroup {
	for _, g := range groups {
		i, ok := index[g.Name]
		if !ok {
			rows = append(rows, rules.FinancingGroup{Name: g.Name})
			i = len(rows) - 1
			index[g.Name] = i
		}
		r := &rows[i]
		r.Projects += g.Projects
		r.Need = r.Need.Add(g.Need)
		r.Credit = r.Credit.Add(g.Credit)
		r.Signed = r.Signed.Add(g.Signed)
		r.Disbursed = r.Disbursed.Add(g.Disbursed)
	}
	return rows
}
