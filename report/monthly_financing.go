package report

import (
	"gongjian/ledger"
	"gongjian/rules"
)

// FinancingSection is section 6, 融资情况, from the 融资需求台账 of the run.
type FinancingSection struct {
	Files                             []string
	Projects, Docked, Credited        int
	Signed, Disbursed                 int
	Need, Credit, SignedAmount, Given ledger.Amount
	DockedNeed                        ledger.Amount // the need of the projects docked with a bank
	ByMethod, ByBank                  []FinanceRow
	Unassigned                        []string // projects with a need and no bank
}

// FinanceRow is one 融资方式 or 金融机构.
type FinanceRow struct {
	Name                            string
	Projects                        int
	Need, Credit, Signed, Disbursed ledger.Amount
}

// financingSection adds up the financing ledgers of the run (a county usually keeps
// one); nil when there are none.
func financingSection(results []*rules.Result) *FinancingSection {
	var s *FinancingSection
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
		s.Projects += c.Projects
		s.Docked += c.Docked
		s.Credited += c.Credited
		s.Signed += c.Signed
		s.Disbursed += c.Disbursed
		s.Need = s.Need.Add(a.Need)
		s.DockedNeed = s.DockedNeed.Add(a.DockedNeed)
		s.Credit = s.Credit.Add(a.Credit)
		s.SignedAmount = s.SignedAmount.Add(a.Signed)
		s.Given = s.Given.Add(a.Disbursed)
		s.ByMethod = addFinanceRows(s.ByMethod, methods, f.ByMethod)
		s.ByBank = addFinanceRows(s.ByBank, banks, f.ByBank)
		s.Unassigned = append(s.Unassigned, f.Unassigned...)
	}
	return s
}

// addFinanceRows merges one ledger's groups into the report's, keeping the first
// ledger's order (rules already ordered them) and adding new names after.
func addFinanceRows(rows []FinanceRow, index map[string]int, groups []rules.FinancingGroup) []FinanceRow {
	for _, g := range groups {
		i, ok := index[g.Name]
		if !ok {
			rows = append(rows, FinanceRow{Name: g.Name})
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
