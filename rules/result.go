package rules

import (
	"sort"

	"gongjian/ledger"
)

// Severity of a finding.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Label is the severity in Chinese (错误/警告).
func (s Severity) Label() string {
	if s == SeverityError {
		return "错误"
	}
	return "警告"
}

// Finding is one problem found in a ledger, pointing at the cell a clerk must fix.
type Finding struct {
	Rule     RuleID       // stable id: "bad-date", "total-mismatch", …
	Severity Severity     //
	Sheet    string       //
	Row      int          // 1-based sheet row; the header row for findings with no row
	Col      int          // 0-based column, -1 when the finding has no single cell
	Cell     string       // "H17", or "" when Col is -1
	Field    ledger.Field // "" when not about one field
	Value    string       // the cell's text as read
	Message  string       // one Chinese sentence: what is wrong and what to do
	Project  string       // the project's name, when the finding is about one
	Group    string       // "乡镇:礼义镇" for a group's missed target
}

// Status of a milestone target.
type Status string

const (
	StatusMet           Status = "met"
	StatusMissed        Status = "missed"
	StatusUnknown       Status = "unknown"        // cannot be judged from this ledger
	StatusUpcoming      Status = "upcoming"       // the next milestone, not yet due
	StatusNotApplicable Status = "not_applicable" // its scope matches no project, or no denominator
)

// Label is the status in Chinese.
func (s Status) Label() string {
	switch s {
	case StatusMet:
		return "已完成"
	case StatusMissed:
		return "未完成"
	case StatusUnknown:
		return "无法判断"
	case StatusUpcoming:
		return "进行中"
	case StatusNotApplicable:
		return "不适用"
	}
	return string(s)
}

// Target is one milestone target judged for the ledger or one group.
type Target struct {
	Milestone   string       // "一季度开门红"
	Due         ledger.Date  // the due date in the ledger's year
	Metric      string       // "new_start_rate"
	Target      ledger.Rate  // the minimum rate (0.5); for "schedule", the 序时进度 at Due
	TargetLabel string       // "50%", "序时进度（75%）"
	Actual      *ledger.Rate // nil when the metric is not available
	Status      Status
	GroupBy     GroupBy // "" for the whole ledger; GroupByTown, GroupByUnit, GroupByLeader
	Group       string  // the group's name
	Needed      *Needed // for upcoming targets: what is still needed
	Note        string  // a Chinese phrase explaining unknown/not_applicable

	// shortfall says, for a missed target, what it was short by ("差1个项目"): a rate
	// rounded to one decimal may read like the target itself (49.99% as 50.0%).
	shortfall string
}

// Needed is what an upcoming target still needs: projects to start, or investment.
type Needed struct {
	Projects int
	Amount   ledger.Amount // set when the target is an investment rate
}

// Counts of a 开复工台账 (project counts, never weighted by investment).
type Counts struct {
	Projects          int
	New               int
	NewStarted        int
	Continuing        int
	ContinuingResumed int
	Terminated        int
	// Reserve are the 预备/储备/前期 projects: listed, counted apart, and in no start
	// rate's denominator.
	Reserve int
	// Started is 开复工率's numerator: NewStarted + ContinuingResumed, or, when the ledger
	// gives no 建设性质, every project started.
	Started int
	// NatureUnknown: the ledger gives no 建设性质 (no column, no section rows), so New,
	// Continuing, Terminated, Reserve and their started counts are not known (not 0).
	NatureUnknown bool
	// StartUnknown: the ledger has no 实际开工时间 and no 开工状态, so the started
	// counts are not known (not 0).
	StartUnknown bool
}

// Amounts of a 开复工台账, in 万元.
type Amounts struct {
	Total      ledger.Amount
	AnnualPlan ledger.Amount
	Done       ledger.Amount
}

// Metrics are the five rates, exact; nil when not available (missing column, no
// denominator). Round them only for showing, with ledger.Rate's methods.
type Metrics struct {
	NewStartRate         *ledger.Rate
	ContinuingResumeRate *ledger.Rate
	StartRate            *ledger.Rate
	InvestmentRate       *ledger.Rate
	Schedule             *ledger.Rate
}

// Get returns a metric by its id.
func (m Metrics) Get(metric string) *ledger.Rate {
	switch metric {
	case MetricNewStartRate:
		return m.NewStartRate
	case MetricContinuingResumeRate:
		return m.ContinuingResumeRate
	case MetricStartRate:
		return m.StartRate
	case MetricInvestmentRate:
		return m.InvestmentRate
	case MetricSchedule:
		return m.Schedule
	}
	return nil
}

// The metric ids used in rules files and JSON.
const (
	MetricNewStartRate         = "new_start_rate"
	MetricContinuingResumeRate = "continuing_resume_rate"
	MetricStartRate            = "start_rate"
	MetricInvestmentRate       = "investment_rate"
	MetricSchedule             = "schedule"
)

// MetricLabel is a metric's Chinese name.
func MetricLabel(metric string) string {
	switch metric {
	case MetricNewStartRate:
		return "新建开工率"
	case MetricContinuingResumeRate:
		return "续建复工率"
	case MetricStartRate:
		return "开复工率"
	case MetricInvestmentRate:
		return "投资完成率"
	case MetricSchedule:
		return "序时进度"
	}
	return metric
}

// Group is the figures of one 乡镇, 责任单位 or 包联领导.
type Group struct {
	By       GroupBy
	Name     string
	Counts   Counts
	Amounts  Amounts
	Metrics  Metrics
	Projects []int // indexes into Ledger.Projects
}

// Result is everything Evaluate found in one ledger.
type Result struct {
	Ledger     *ledger.Ledger
	AsOf       ledger.Date       // day precision
	AsOfSource ledger.AsOfSource //
	Counts     Counts
	Amounts    Amounts
	Metrics    Metrics
	Targets    []Target // whole ledger first, then groups
	Groups     []Group  // by town, then unit, then leader; names in sorted order
	Findings   []Finding

	// Financing is the figures of a 融资需求台账; nil for a 开复工台账.
	Financing *Financing
	// Join is what Join found between the 开复工台账 and 融资需求台账 of a run; nil
	// when the ledger was not checked together with one of the other kind.
	Join *JoinSummary

	// repeats are the projects (indexes into Ledger.Projects) that repeat an earlier
	// one: checked, but counted once, as the earlier.
	repeats  []int
	rules    *Rules         // the rules Evaluate used, for Join's 重点项目
	progress *progressJudge // how Progress judges a project; nil for a 融资需求台账
}

// Financing is the figures of a 融资需求台账 (docs/统计口径.md, 融资需求台账).
type Financing struct {
	Counts  FinancingCounts
	Amounts FinancingAmounts
	// CreditRate is 授信率 = Σ授信金额 / Σ融资需求, DisburseRate is 放款率 = Σ放款金额 /
	// Σ授信金额; nil when the ledger lacks the column or the denominator is zero.
	CreditRate, DisburseRate *ledger.Rate
	// ByMethod: single 融资方式 in the order of the rules' values.method, then the others
	// (combinations, values outside the list) by name, then "未填写".
	ByMethod []FinancingGroup
	// ByBank: by Σ融资需求, largest first, then by name; "未对接" (no bank) last.
	ByBank []FinancingGroup
	// Unassigned are the projects with a 融资需求 and no 对接金融机构 (not 终止 or
	// 不需融资), in row order: the financing-unassigned findings.
	Unassigned []string
	// NoBank are the projects of ByBank's "未对接" group (no 对接金融机构), in row order:
	// the Unassigned ones, and those not asked to dock, each with the reason.
	NoBank []NoBankProject
}

// NoBankProject is a project with no 对接金融机构. Excused says why it is not asked to
// dock ("终止", "不需融资", "无融资需求"); "" for a need still unassigned.
type NoBankProject struct {
	Name    string
	Row     int
	Excused string
}

// FinancingCounts are project counts of the funnel 对接 → 授信 → 签约 → 放款. A project
// counts at a stage when it reached that stage or a later one, so the funnel never
// widens: one with a 放款金额 has also been credited and signed, whatever its cells say.
type FinancingCounts struct {
	Projects  int // every project row, 终止 and 不需融资 included
	Docked    int // 对接状态 at or after 已对接, or (no status on the ladder) a 对接金融机构 named
	Credited  int // 授信金额 > 0, or 对接状态 at or after 已授信
	Signed    int // 签约金额 > 0, or 对接状态 at or after 已签约
	Disbursed int // 放款金额 > 0 (a status alone does not count: 已放款 with no amount is a status-conflict)
}

// FinancingAmounts are the sums of a 融资需求台账, in 万元; not given when no cell gave one.
type FinancingAmounts struct {
	Need       ledger.Amount // Σ融资需求
	DockedNeed ledger.Amount // Σ融资需求 of the docked projects (the funnel's 对接 amount)
	Credit     ledger.Amount // Σ授信金额
	Signed     ledger.Amount // Σ签约金额
	Disbursed  ledger.Amount // Σ放款金额
}

// FinancingGroup is the figures of one 融资方式 or one 对接金融机构.
type FinancingGroup struct {
	Name                            string
	Projects                        int
	Need, Credit, Signed, Disbursed ledger.Amount
}

// JoinSummary is what joining the 开复工台账 and 融资需求台账 of a run found, seen from
// one side; the fields of the other side are zero.
type JoinSummary struct {
	With []string // the ledgers of the other kind joined with (Ledger.File), in run order

	// 融资需求台账 side: its project rows matched to a 开复工台账 project on 项目代码 or on
	// the normalised name, and those matched by neither (unknown-project findings).
	// Rows with neither name nor code are left out.
	Matched, ByCode, ByName, Unknown int

	// 开复工台账 side: projects with at least one financing row, the 重点项目 (not 终止),
	// and the names of those 重点项目 without a financing row, in row order.
	Financed      int
	KeyProjects   int
	KeyUnfinanced []string
}

// Has reports whether a finding of the rule was made.
func (r *Result) Has(rule RuleID) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// Counted reports whether the ledger's project i is in the figures: false for a
// project that repeats an earlier one (duplicate-project), which counts once, as the
// earlier. Every list and figure of check and report leaves such a project out.
func (r *Result) Counted(i int) bool {
	j := sort.SearchInts(r.repeats, i) // in index order, as Evaluate found them
	return j == len(r.repeats) || r.repeats[j] != i
}

// Worst is the highest severity among the findings ("" when there are none).
func (r *Result) Worst() Severity {
	worst := Severity("")
	for _, f := range r.Findings {
		if f.Severity == SeverityError {
			return SeverityError
		}
		worst = SeverityWarning
	}
	return worst
}
