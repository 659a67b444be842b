package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"gongjian/ledger"
)

// The 对接状态 values the counts rely on: the ladder 未对接 → 已对接 → 审批中 → 已授信 →
// 已签约 → 部分放款 → 已放款, and the two that leave it.
const (
	DockNone      = "未对接"
	DockDocked    = "已对接"
	DockReviewing = "审批中"
	DockCredited  = "已授信"
	DockSigned    = "已签约"
	DockPartly    = "部分放款"
	DockDisbursed = "已放款"
	DockStopped   = "终止"
	DockNoNeed    = "不需融资"
)

// dockLadder ranks the statuses on the ladder; a status not on it (empty, 终止,
// 不需融资, one a county added to its rules) has no rank.
var dockLadder = map[string]int{
	DockNone: 0, DockDocked: 1, DockReviewing: 2, DockCredited: 3, DockSigned: 4, DockPartly: 5, DockDisbursed: 6,
}

// The names of the groups that have no value of their own.
const (
	MethodNotGiven = "未填写" // a row with no 融资方式
	BankNone       = "未对接" // a row with no 对接金融机构
)

// rongziChecks are the figures and findings of a 融资需求台账.
type rongziChecks struct {
	e        *evaluation
	fin      Financing
	byMethod map[string]*FinancingGroup
	byBank   map[string]*FinancingGroup // by the normalised bank name
}

func newRongziChecks(e *evaluation) *rongziChecks {
	return &rongziChecks{e: e, byMethod: map[string]*FinancingGroup{}, byBank: map[string]*FinancingGroup{}}
}

// checkColumns warns of the columns a 融资需求台账 is kept for.
func (c *rongziChecks) checkColumns() {
	e := c.e
	if !e.has(ledger.FieldNeed) {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldNeed,
			"台账中没有“融资需求”列，无法统计融资需求和授信率，请加上融资需求列（万元）。")
	}
	if !e.has(ledger.FieldBank) {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldBank,
			"台账中没有“对接金融机构”列，无法看出哪些项目还没有对接银行，请加上对接金融机构列。")
	}
	if !e.has(ledger.FieldDockStatus) {
		e.sheetFinding(RuleMissingColumn, SeverityWarning, ledger.FieldDockStatus,
			"台账中没有“对接状态”列，只能按金额判断对接进展，请加上对接状态列（"+strings.Join(e.r.Values.DockStatus, "、")+"）。")
	}
}

func (c *rongziChecks) checkProject(_ int, p *ledger.Project, counted bool) {
	e, r := c.e, c.e.r
	dockStatus, need := p.Text(ledger.FieldDockStatus), p.Amount(ledger.FieldNeed)
	status := valueKey(dockStatus)
	rank, onLadder := dockLadder[status]
	closed := status == DockStopped || status == DockNoNeed

	if e.has(ledger.FieldNeed) && !need.IsSet() && !closed && !e.badCell(p.Row, ledger.FieldNeed) {
		e.cellFinding(RuleMissingValue, SeverityError, p, ledger.FieldNeed, "",
			"融资需求为空，请填写项目的融资需求金额（万元）；不需要融资的，对接状态填“"+DockNoNeed+"”。")
	}
	if status != "" && !r.isDockStatus(status) {
		e.cellFinding(RuleBadValue, SeverityError, p, ledger.FieldDockStatus, dockStatus,
			fmt.Sprintf("对接状态“%s”不是可用的值，请填写%s。", dockStatus, quoteList(r.Values.DockStatus)))
	}
	methodText := p.Text(ledger.FieldMethod)
	method, methodOK := r.methodName(methodText)
	if !methodOK {
		e.cellFinding(RuleBadValue, SeverityError, p, ledger.FieldMethod, methodText,
			fmt.Sprintf("融资方式“%s”不是可用的值，请填写%s；几种方式并用时用“、”隔开。", methodText, quoteList(r.Values.Method)))
	}
	c.statusConflicts(p, status)

	if e.has(ledger.FieldBank) && p.Text(ledger.FieldBank) == "" && need.Sign() > 0 && !closed {
		e.cellFinding(RuleFinancingUnassigned, SeverityWarning, p, ledger.FieldBank, "",
			fmt.Sprintf("项目有融资需求%s万元，但没有对接金融机构，请组织银企对接、明确对接的金融机构后填写；如已不需要融资，请把对接状态改为“%s”。", need, DockNoNeed))
		if counted {
			c.fin.Unassigned = append(c.fin.Unassigned, projectLabel(p))
		}
	}
	if disbursed := p.Amount(ledger.FieldDisbursed); disbursed.Sign() > 0 && need.IsSet() && need.Sign() >= 0 && disbursed.Cmp(need) > 0 {
		e.cellFinding(RuleFundsExceedNeed, SeverityWarning, p, ledger.FieldDisbursed, disbursed.String(),
			fmt.Sprintf("放款金额%s万元超过融资需求%s万元，请核对这两个数字；如融资需求已经调整，请同步修改融资需求。", disbursed, need))
	}

	if counted {
		c.count(p, status, rank, onLadder, closed, method)
	}
}

// statusConflicts are the 对接状态 that the amounts contradict.
func (c *rongziChecks) statusConflicts(p *ledger.Project, status string) {
	e := c.e
	dockStatus := p.Text(ledger.FieldDockStatus)
	switch status {
	case DockDisbursed, DockPartly:
		disbursed := p.Amount(ledger.FieldDisbursed)
		if disbursed.Sign() > 0 || !e.has(ledger.FieldDisbursed) || e.badCell(p.Row, ledger.FieldDisbursed) {
			return
		}
		what := "为空"
		if disbursed.IsSet() {
			what = "为0"
		}
		e.cellFinding(RuleStatusConflict, SeverityError, p, ledger.FieldDockStatus, dockStatus,
			fmt.Sprintf("对接状态为“%s”，但放款金额%s，请填写已放款的金额；如尚未放款，请按实际进展填写对接状态。", dockStatus, what))
	case DockNone:
		var given []string
		for _, f := range []ledger.Field{ledger.FieldCredit, ledger.FieldSigned, ledger.FieldDisbursed} {
			if a := p.Amount(f); a.Sign() > 0 {
				given = append(given, fmt.Sprintf("%s%s万元", f.Label(), a))
			}
		}
		if len(given) == 0 {
			return
		}
		e.cellFinding(RuleStatusConflict, SeverityError, p, ledger.FieldDockStatus, dockStatus,
			fmt.Sprintf("对接状态为“%s”，但已填%s，请按实际进展填写对接状态（如“%s”“%s”“%s”），或核对金额。",
				dockStatus, strings.Join(given, "、"), DockCredited, DockSigned, DockDisbursed))
	}
}

// count adds the project to the funnel, the sums and its groups. Each stage counts the
// projects that reached it or a later one.
func (c *rongziChecks) count(p *ledger.Project, status string, rank int, onLadder, closed bool, method string) {
	bank := p.Text(ledger.FieldBank)
	need, credit := p.Amount(ledger.FieldNeed), p.Amount(ledger.FieldCredit)
	signedAmount, disbursedAmount := p.Amount(ledger.FieldSigned), p.Amount(ledger.FieldDisbursed)
	disbursed := disbursedAmount.Sign() > 0
	signed := disbursed || signedAmount.Sign() > 0 || onLadder && rank >= dockLadder[DockSigned]
	credited := signed || credit.Sign() > 0 || onLadder && rank >= dockLadder[DockCredited]
	// Without a status on the ladder, a named bank says the talks have begun; 未对接
	// with a bank filled in is a bank intended (意向银行), not yet met.
	docked := credited || onLadder && rank >= dockLadder[DockDocked] || !onLadder && !closed && bank != ""

	fc, fa := &c.fin.Counts, &c.fin.Amounts
	fc.Projects++
	fa.Need = fa.Need.Add(need)
	fa.Credit = fa.Credit.Add(credit)
	fa.Signed = fa.Signed.Add(signedAmount)
	fa.Disbursed = fa.Disbursed.Add(disbursedAmount)
	if docked {
		fc.Docked++
		fa.DockedNeed = fa.DockedNeed.Add(need)
	}
	if credited {
		fc.Credited++
	}
	if signed {
		fc.Signed++
	}
	if disbursed {
		fc.Disbursed++
	}

	if method == "" {
		method = MethodNotGiven
	}
	addToGroup(c.byMethod, method, method, p)
	key := ledger.NormalizeName(bank)
	if key == "" {
		bank = BankNone
		nb := NoBankProject{Name: projectLabel(p), Row: p.Row}
		switch {
		case closed:
			nb.Excused = status
		case need.Sign() <= 0:
			nb.Excused = "无融资需求"
		}
		c.fin.NoBank = append(c.fin.NoBank, nb)
	}
	addToGroup(c.byBank, key, bank, p)
}

func addToGroup(groups map[string]*FinancingGroup, key, name string, p *ledger.Project) {
	g := groups[key]
	if g == nil {
		g = &FinancingGroup{Name: name} // the first row's spelling names the group
		groups[key] = g
	}
	g.Projects++
	g.Need = g.Need.Add(p.Amount(ledger.FieldNeed))
	g.Credit = g.Credit.Add(p.Amount(ledger.FieldCredit))
	g.Signed = g.Signed.Add(p.Amount(ledger.FieldSigned))
	g.Disbursed = g.Disbursed.Add(p.Amount(ledger.FieldDisbursed))
}

func (c *rongziChecks) finish() {
	e := c.e
	fin := &c.fin
	e.res.Counts.Projects = fin.Counts.Projects
	if e.has(ledger.FieldNeed) && e.has(ledger.FieldCredit) {
		fin.CreditRate = amountRatio(fin.Amounts.Credit, fin.Amounts.Need)
	}
	if e.has(ledger.FieldCredit) && e.has(ledger.FieldDisbursed) {
		fin.DisburseRate = amountRatio(fin.Amounts.Disbursed, fin.Amounts.Credit)
	}
	fin.ByMethod = c.sortedMethods()
	fin.ByBank = sortedBanks(c.byBank)
	e.res.Financing = fin
}

// amountRatio is a/b, nil when b is not above zero.
func amountRatio(a, b ledger.Amount) *ledger.Rate {
	if b.Sign() <= 0 {
		return nil
	}
	v := ledger.AmountRate(a, b)
	return &v
}

// sortedMethods orders the 融资方式 as the rules list them, the others after by name,
// 未填写 last.
func (c *rongziChecks) sortedMethods() []FinancingGroup {
	order := func(name string) int {
		if name == MethodNotGiven {
			return len(c.e.r.Values.Method) + 1
		}
		for i, v := range c.e.r.Values.Method {
			if v == name {
				return i
			}
		}
		return len(c.e.r.Values.Method)
	}
	out := make([]FinancingGroup, 0, len(c.byMethod))
	for _, g := range c.byMethod {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		oi, oj := order(out[i].Name), order(out[j].Name)
		if oi != oj {
			return oi < oj
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// sortedBanks orders the 金融机构 by Σ融资需求, largest first, then by name, 未对接 last.
func sortedBanks(groups map[string]*FinancingGroup) []FinancingGroup {
	out := make([]FinancingGroup, 0, len(groups))
	var none *FinancingGroup
	for key, g := range groups {
		if key == "" {
			none = g
			continue
		}
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if c := out[i].Need.Cmp(out[j].Need); c != 0 {
			return c > 0
		}
		return out[i].Name < out[j].Name
	})
	if none != nil {
		out = append(out, *none)
	}
	return out
}

// projectLabel names a project in a list: its name, or its row when it has none.
func projectLabel(p *ledger.Project) string {
	if p.Name != "" {
		return p.Name
	}
	return fmt.Sprintf("第%d行（未填项目名称）", p.Row)
}

// valueKey folds a cell value for comparing with the rules' values: spaces dropped,
// full-width forms made half-width.
func valueKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= 0xFF01 && r <= 0xFF5E: // "ＰＰＰ", "／"
			return r - 0xFEE0
		}
		return r
	}, s)
}

// isDockStatus reports whether a 对接状态 (folded by valueKey) is one the rules allow.
func (r *Rules) isDockStatus(status string) bool {
	for _, v := range r.Values.DockStatus {
		if valueKey(v) == status {
			return true
		}
	}
	return false
}

// methodSeparators split a cell naming several 融资方式 ("专项债券+银行贷款").
const methodSeparators = "、,，;；+＋/／"

// methodName returns a 融资方式 cell as the rules spell it: one value of the list, or
// several joined by "、" in the order written. A part may be one alternative of a value
// ("PPP" for "PPP/特许经营"). ok is false when a part is not in the list; the name is then
// the cell's text. An empty cell gives "", true.
func (r *Rules) methodName(cell string) (name string, ok bool) {
	key := valueKey(cell)
	if key == "" {
		return "", true
	}
	for _, v := range r.Values.Method {
		if strings.EqualFold(valueKey(v), key) {
			return v, true
		}
	}
	var names []string
	for _, part := range strings.FieldsFunc(key, func(r rune) bool { return strings.ContainsRune(methodSeparators, r) }) {
		v := r.methodPart(part)
		if v == "" {
			return strings.TrimSpace(cell), false
		}
		if !contains(names, v) {
			names = append(names, v)
		}
	}
	if len(names) == 0 {
		return strings.TrimSpace(cell), false
	}
	return strings.Join(names, "、"), true
}

// methodPart finds the listed 融资方式 that one part of a cell names, or "".
func (r *Rules) methodPart(part string) string {
	for _, v := range r.Values.Method {
		if strings.EqualFold(valueKey(v), part) {
			return v
		}
		for _, alt := range strings.FieldsFunc(valueKey(v), func(r rune) bool { return strings.ContainsRune(methodSeparators, r) }) {
			if strings.EqualFold(alt, part) {
				return v
			}
		}
	}
	return ""
}
