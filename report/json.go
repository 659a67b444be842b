package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"gongjian/ledger"
	"gongjian/rules"
)

// The JSON of check (README.md, JSON). Explicit structs, not maps, so the keys come out in the same
// order every time; keys are stable and new ones are only ever added.

type fileJSON struct {
	File       string               `json:"file"`
	Sheet      string               `json:"sheet"`
	Kind       string               `json:"kind"`
	HeaderRows []int                `json:"header_rows"`
	AsOf       string               `json:"as_of"`
	AsOfSource string               `json:"as_of_source"`
	Unit       string               `json:"unit"`
	Counts     any                  `json:"counts"`              // countsJSON, or rongziCountsJSON for a 融资需求台账
	Amounts    any                  `json:"amounts"`             // amountsJSON, or rongziAmountsJSON
	Metrics    any                  `json:"metrics"`             // metricsJSON, or rongziMetricsJSON
	Financing  *rongziFinancingJSON `json:"financing,omitempty"` // a 融资需求台账's totals by 融资方式 and 金融机构
	Join       any                  `json:"join,omitempty"`      // joinRongziJSON or joinKaifugongJSON, when joined
	Targets    []targetJSON         `json:"targets"`
	Findings   []findingJSON        `json:"findings"`            // always empty: encodeJSON writes findings in its place
	Columns    []columnJSON         `json:"columns"`             // every header cell, recognised or not
	Packages   []packageJSON        `json:"packages"`            // the 打包项目, each counted as its parts
	Annotated  string               `json:"annotated,omitempty"` // the annotated copy, when one was written
	Error      *errorJSON           `json:"error"`

	// findings are written one at a time where Findings stands (encodeJSON): each is
	// made into a findingJSON only as it is written, never all at once.
	findings []rules.Finding
}

// failedJSON is a file that could not be read: its name and the error, nothing else.
type failedJSON struct {
	File  string     `json:"file"`
	Error *errorJSON `json:"error"`
}

type errorJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// countsJSON are the project counts; a count the ledger's columns do not allow (the
// 新建/续建 split without 建设性质, the started ones without 实际开工时间 or 开工状态)
// is null, never 0.
type countsJSON struct {
	Projects          int  `json:"projects"`
	New               *int `json:"new"`
	NewStarted        *int `json:"new_started"`
	Continuing        *int `json:"continuing"`
	ContinuingResumed *int `json:"continuing_resumed"`
	Reserve           *int `json:"reserve"` // 预备/储备/前期 projects, in no start rate
}

// amountsJSON holds exact amounts as strings with two decimals; null when no cell gave one.
type amountsJSON struct {
	Total      *string `json:"total"`
	AnnualPlan *string `json:"annual_plan"`
	Done       *string `json:"done"`
}

type metricsJSON struct {
	NewStartRate         *float64 `json:"new_start_rate"`
	ContinuingResumeRate *float64 `json:"continuing_resume_rate"`
	StartRate            *float64 `json:"start_rate"`
	InvestmentRate       *float64 `json:"investment_rate"`
	Schedule             *float64 `json:"schedule"`
}

// rongziCountsJSON are the project counts of a 融资需求台账's funnel.
type rongziCountsJSON struct {
	Projects  int `json:"projects"`
	Docked    int `json:"docked"`
	Credited  int `json:"credited"`
	Signed    int `json:"signed"`
	Disbursed int `json:"disbursed"`
}

// rongziAmountsJSON are a 融资需求台账's sums; docked_need is the 融资需求 of the
// docked projects, the funnel's 对接 amount.
type rongziAmountsJSON struct {
	Need       *string `json:"need"`
	DockedNeed *string `json:"docked_need"`
	Credit     *string `json:"credit"`
	Signed     *string `json:"signed"`
	Disbursed  *string `json:"disbursed"`
}

type rongziMetricsJSON struct {
	CreditRate   *float64 `json:"credit_rate"`   // 授信率 = 授信金额 / 融资需求
	DisburseRate *float64 `json:"disburse_rate"` // 放款率 = 放款金额 / 授信金额
}

type rongziFinancingJSON struct {
	ByMethod   []rongziGroupJSON `json:"by_method"`
	ByBank     []rongziGroupJSON `json:"by_bank"`
	Unassigned []string          `json:"unassigned"` // projects with a need and no bank
}

type rongziGroupJSON struct {
	Name      string  `json:"name"`
	Projects  int     `json:"projects"`
	Need      *string `json:"need"`
	Credit    *string `json:"credit"`
	Signed    *string `json:"signed"`
	Disbursed *string `json:"disbursed"`
}

// joinRongziJSON is the join seen from a 融资需求台账: its rows matched and not.
type joinRongziJSON struct {
	With    []string `json:"with"`
	Matched int      `json:"matched"`
	ByCode  int      `json:"by_code"`
	ByName  int      `json:"by_name"`
	Unknown int      `json:"unknown"`
}

// joinKaifugongJSON is the join seen from a 开复工台账: its projects with financing rows,
// and its 重点项目 without one.
type joinKaifugongJSON struct {
	With          []string `json:"with"`
	Financed      int      `json:"financed"`
	KeyProjects   int      `json:"key_projects"`
	KeyUnfinanced []string `json:"key_unfinanced"`
}

type targetJSON struct {
	Milestone string      `json:"milestone"`
	Due       string      `json:"due"`
	Metric    string      `json:"metric"`
	Target    float64     `json:"target"`
	Actual    *float64    `json:"actual"`
	Status    string      `json:"status"`
	GroupBy   string      `json:"group_by"`
	Group     string      `json:"group"`
	Needed    *neededJSON `json:"needed"`
	Note      string      `json:"note"`
}

// neededJSON is {"projects": 3} or {"amount": "12000.00"}.
type neededJSON struct {
	Projects *int    `json:"projects,omitempty"`
	Amount   *string `json:"amount,omitempty"`
}

type findingJSON struct {
	Rule      string `json:"rule"`
	RuleLabel string `json:"rule_label"` // the rule's Chinese name, as the tables show it
	Severity  string `json:"severity"`
	Sheet     string `json:"sheet"`
	Row       int    `json:"row"`
	Column    string `json:"column"`
	Cell      string `json:"cell"`
	Field     string `json:"field"`
	Value     string `json:"value"`
	Message   string `json:"message"`
	Project   string `json:"project"`
	Group     string `json:"group"`
}

// jsonValue is the JSON object of one outcome (a *fileJSON or a *failedJSON).
func jsonValue(o Outcome) any {
	if o.Failed() {
		return &failedJSON{File: o.file(), Error: &errorJSON{Code: o.ErrorCode(), Message: o.ErrorMessage()}}
	}
	res := o.Result
	v := &fileJSON{
		File:       o.file(),
		HeaderRows: []int{},
		AsOf:       res.AsOf.String(),
		AsOfSource: string(res.AsOfSource),
		Unit:       "万元", // ledger.Amount is always held in 万元, whatever the columns said
		Counts:     countsJSONOf(res.Counts),
		Amounts:    amountsJSONOf(res.Amounts),
		Metrics:    metricsJSONOf(res.Metrics),
		Targets:    make([]targetJSON, 0, len(res.Targets)),
		Findings:   []findingJSON{},
		Annotated:  o.Annotated,
		findings:   res.Findings,
	}
	if l := res.Ledger; l != nil {
		v.Sheet = l.Sheet
		v.Kind = string(l.Kind)
		v.HeaderRows = append(v.HeaderRows, l.HeaderRows...)
	}
	v.Columns = columnsJSONOf(res.Ledger)
	v.Packages = packagesJSONOf(res.Ledger)
	if isFinancing(res) {
		fin := financingOf(res)
		v.Counts, v.Amounts, v.Metrics, v.Financing = rongziJSONOf(fin)
	}
	v.Join = joinJSONOf(res)
	for _, t := range res.Targets {
		v.Targets = append(v.Targets, targetJSONOf(t))
	}
	return v
}

// findingJSONOf is one finding as JSON.
func findingJSONOf(f *rules.Finding) findingJSON {
	return findingJSON{
		Rule:      string(f.Rule),
		RuleLabel: f.Rule.Label(),
		Severity:  string(f.Severity),
		Sheet:     f.Sheet,
		Row:       f.Row,
		Column:    columnText(*f),
		Cell:      f.Cell,
		Field:     string(f.Field),
		Value:     f.Value,
		Message:   f.Message,
		Project:   f.Project,
		Group:     f.Group,
	}
}

// rongziJSONOf is the counts, amounts, metrics and totals of a 融资需求台账.
func rongziJSONOf(fin *rules.Financing) (rongziCountsJSON, rongziAmountsJSON, rongziMetricsJSON, *rongziFinancingJSON) {
	a := fin.Amounts
	return rongziCountsJSONOf(fin.Counts),
		rongziAmountsJSON{Need: amountJSON(a.Need), DockedNeed: amountJSON(a.DockedNeed), Credit: amountJSON(a.Credit),
			Signed: amountJSON(a.Signed), Disbursed: amountJSON(a.Disbursed)},
		rongziMetricsJSON{CreditRate: rateJSON(fin.CreditRate), DisburseRate: rateJSON(fin.DisburseRate)},
		&rongziFinancingJSON{ByMethod: financingGroupsJSON(fin.ByMethod), ByBank: financingGroupsJSON(fin.ByBank), Unassigned: nonNil(fin.Unassigned)}
}

func rongziCountsJSONOf(c rules.FinancingCounts) rongziCountsJSON {
	return rongziCountsJSON{Projects: c.Projects, Docked: c.Docked, Credited: c.Credited, Signed: c.Signed, Disbursed: c.Disbursed}
}

// financingGroupsJSON are the totals by 融资方式 or by 金融机构 ("[]" when none).
func financingGroupsJSON(gs []rules.FinancingGroup) []rongziGroupJSON {
	out := make([]rongziGroupJSON, 0, len(gs))
	for _, g := range gs {
		out = append(out, rongziGroupJSON{Name: g.Name, Projects: g.Projects, Need: amountJSON(g.Need),
			Credit: amountJSON(g.Credit), Signed: amountJSON(g.Signed), Disbursed: amountJSON(g.Disbursed)})
	}
	return out
}

// joinJSONOf is the join as the result's kind sees it; nil (no key) when not joined.
func joinJSONOf(res *rules.Result) any {
	j := res.Join
	if j == nil {
		return nil
	}
	if isFinancing(res) {
		return &joinRongziJSON{With: nonNil(j.With), Matched: j.Matched, ByCode: j.ByCode, ByName: j.ByName, Unknown: j.Unknown}
	}
	return &joinKaifugongJSON{With: nonNil(j.With), Financed: j.Financed, KeyProjects: j.KeyProjects, KeyUnfinanced: nonNil(j.KeyUnfinanced)}
}

// nonNil makes an empty list "[]" in JSON rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// packageJSON is a 打包项目: its parent row and name, and the rows of its parts, which
// are the projects counted.
type packageJSON struct {
	Row   int    `json:"row"`
	Name  string `json:"name"`
	Parts []int  `json:"parts"`
}

// packagesJSONOf lists the ledger's 打包项目 that state their sums (a parent row of
// their own), in row order; [] when there are none.
func packagesJSONOf(l *ledger.Ledger) []packageJSON {
	out := []packageJSON{}
	if l == nil {
		return out
	}
	for _, t := range l.Totals {
		if t.Package == "" {
			continue
		}
		pj := packageJSON{Row: t.Row, Name: t.Package, Parts: []int{}}
		for _, i := range t.Covers {
			pj.Parts = append(pj.Parts, l.Projects[i].Row)
		}
		out = append(out, pj)
	}
	return out
}

func countsJSONOf(c rules.Counts) countsJSON {
	known := func(n int, ok bool) *int {
		if !ok {
			return nil
		}
		return &n
	}
	nature, started := !c.NatureUnknown, !c.NatureUnknown && !c.StartUnknown
	return countsJSON{Projects: c.Projects, New: known(c.New, nature), NewStarted: known(c.NewStarted, started),
		Continuing: known(c.Continuing, nature), ContinuingResumed: known(c.ContinuingResumed, started), Reserve: known(c.Reserve, nature)}
}

func amountsJSONOf(a rules.Amounts) amountsJSON {
	return amountsJSON{Total: amountJSON(a.Total), AnnualPlan: amountJSON(a.AnnualPlan), Done: amountJSON(a.Done)}
}

func metricsJSONOf(m rules.Metrics) metricsJSON {
	return metricsJSON{NewStartRate: rateJSON(m.NewStartRate), ContinuingResumeRate: rateJSON(m.ContinuingResumeRate),
		StartRate: rateJSON(m.StartRate), InvestmentRate: rateJSON(m.InvestmentRate), Schedule: rateJSON(m.Schedule)}
}

func targetJSONOf(t rules.Target) targetJSON {
	return targetJSON{Milestone: t.Milestone, Due: t.Due.String(), Metric: t.Metric, Target: t.Target.Rounded(4),
		Actual: rateJSON(t.Actual), Status: string(t.Status), GroupBy: string(t.GroupBy), Group: t.Group,
		Needed: neededJSONOf(t.Needed), Note: t.Note}
}

func amountJSON(a ledger.Amount) *string {
	if !a.IsSet() {
		return nil
	}
	s := a.Fixed(2)
	return &s
}

// rateJSON is a rate rounded to 4 places for JSON; null when not available.
func rateJSON(v *ledger.Rate) *float64 {
	if v == nil {
		return nil
	}
	r := v.Rounded(4)
	return &r
}

// pointsJSON is a gap in 个百分点 rounded to one decimal for JSON; null when not available.
func pointsJSON(p *ledger.Rate) *float64 {
	if p == nil {
		return nil
	}
	r := p.Rounded(1)
	return &r
}

func neededJSONOf(n *rules.Needed) *neededJSON {
	if n == nil {
		return nil
	}
	if n.Amount.IsSet() {
		s := n.Amount.Fixed(2)
		return &neededJSON{Amount: &s}
	}
	p := n.Projects
	return &neededJSON{Projects: &p}
}

// marshal encodes v without escaping <, > and & (messages quote cell text), indented
// with two spaces or compact.
func marshal(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // ends in "\n"
}

// jsonWriter writes one object for one file and an array for several. The array is
// written as each file finishes, so a long batch shows progress and holds no results.
type jsonWriter struct {
	w       io.Writer
	opts    Options
	pending []Outcome // single-file mode: held until Close decides object or array
	n       int       // array elements written
}

func (j *jsonWriter) Write(o Outcome) error {
	if !j.opts.Several {
		j.pending = append(j.pending, o)
		return nil
	}
	return j.element(o)
}

func (j *jsonWriter) element(o Outcome) error {
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	if _, err := io.WriteString(j.w, sep); err != nil {
		return err
	}
	// Indented one level inside the array.
	return encodeJSON(j.w, jsonValue(o), "  ", true)
}

func (j *jsonWriter) Close() error {
	if !j.opts.Several && len(j.pending) == 1 {
		return writeLine(j.w, jsonValue(j.pending[0]), true)
	}
	for _, o := range j.pending {
		if err := j.element(o); err != nil {
			return err
		}
	}
	if j.n == 0 {
		_, err := io.WriteString(j.w, "[]\n")
		return err
	}
	_, err := io.WriteString(j.w, "\n]\n")
	return err
}

// jsonlWriter writes one compact object per line, one line per file as it finishes.
type jsonlWriter struct{ w io.Writer }

func (j *jsonlWriter) Write(o Outcome) error { return writeLine(j.w, jsonValue(o), false) }

func (j *jsonlWriter) Close() error { return nil }

// writeLine writes one value and a newline.
func writeLine(w io.Writer, v any, indent bool) error {
	if err := encodeJSON(w, v, "", indent); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// encodeJSON writes v (without a final newline), every line after the first starting
// with prefix. A file's findings are written one at a time, each made into its JSON
// only then: a ledger with 400,000 of them would otherwise be held twice over, or
// built as one text of hundreds of megabytes.
func encodeJSON(w io.Writer, v any, prefix string, indent bool) error {
	fj, ok := v.(*fileJSON)
	if !ok || len(fj.findings) == 0 {
		return writeEncoded(w, v, prefix, indent)
	}
	var whole bytes.Buffer
	if err := writeEncoded(&whole, fj, prefix, indent); err != nil {
		return err
	}
	marker := `"findings":[]`
	if indent {
		marker = `"findings": []`
	}
	// The key is written once, at the top level; inside a string its quotes would be escaped.
	b := whole.Bytes()
	i := bytes.Index(b, []byte(marker))
	if i < 0 {
		return fmt.Errorf("report: findings key not found")
	}
	open := i + len(marker) - 1 // after the '['
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(b[:open])
	inner := prefix + "    "
	var buf []byte
	for k := range fj.findings {
		switch {
		case !indent && k > 0:
			buf = append(buf[:0], ',')
		case indent && k > 0:
			buf = append(append(buf[:0], ",\n"...), inner...)
		case indent:
			buf = append(append(buf[:0], '\n'), inner...)
		default:
			buf = buf[:0]
		}
		buf = appendFindingJSON(buf, &fj.findings[k], inner, indent)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	if indent {
		bw.WriteString("\n" + prefix + "  ")
	}
	bw.Write(b[open:])
	return bw.Flush()
}

// writeEncoded writes one value as encoding/json does, without the final newline.
func writeEncoded(w io.Writer, v any, prefix string, indent bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}
