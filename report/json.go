package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math"

	"gongjian/ledger"
	"gongjian/rules"
)

// The JSON of SPEC §4. Explicit structs, not maps, so the keys come out in the same
// order every time; keys are stable and new ones are only ever added.

type fileJSON struct {
	File       string        `json:"file"`
	Sheet      string        `json:"sheet"`
	Kind       string        `json:"kind"`
	HeaderRows []int         `json:"header_rows"`
	AsOf       string        `json:"as_of"`
	AsOfSource string        `json:"as_of_source"`
	Unit       string        `json:"unit"`
	Counts     countsJSON    `json:"counts"`
	Amounts    amountsJSON   `json:"amounts"`
	Metrics    metricsJSON   `json:"metrics"`
	Targets    []targetJSON  `json:"targets"`
	Findings   []findingJSON `json:"findings"`
	Annotated  string        `json:"annotated,omitempty"` // the annotated copy, when one was written
	Error      *errorJSON    `json:"error"`
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

type countsJSON struct {
	Projects          int `json:"projects"`
	New               int `json:"new"`
	NewStarted        int `json:"new_started"`
	Continuing        int `json:"continuing"`
	ContinuingResumed int `json:"continuing_resumed"`
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
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`
	Column   string `json:"column"`
	Cell     string `json:"cell"`
	Field    string `json:"field"`
	Value    string `json:"value"`
	Message  string `json:"message"`
	Project  string `json:"project"`
	Group    string `json:"group"`
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
		AsOfSource: res.AsOfSource,
		Unit:       "万元", // ledger.Amount is always held in 万元, whatever the columns said
		Counts: countsJSON{
			Projects:          res.Counts.Projects,
			New:               res.Counts.New,
			NewStarted:        res.Counts.NewStarted,
			Continuing:        res.Counts.Continuing,
			ContinuingResumed: res.Counts.ContinuingResumed,
		},
		Amounts: amountsJSON{
			Total:      amountJSON(res.Amounts.Total),
			AnnualPlan: amountJSON(res.Amounts.AnnualPlan),
			Done:       amountJSON(res.Amounts.Done),
		},
		Metrics: metricsJSON{
			NewStartRate:         rateJSON(res.Metrics.NewStartRate),
			ContinuingResumeRate: rateJSON(res.Metrics.ContinuingResumeRate),
			StartRate:            rateJSON(res.Metrics.StartRate),
			InvestmentRate:       rateJSON(res.Metrics.InvestmentRate),
			Schedule:             rateJSON(res.Metrics.Schedule),
		},
		Targets:   make([]targetJSON, 0, len(res.Targets)),
		Findings:  make([]findingJSON, 0, len(res.Findings)),
		Annotated: o.Annotated,
	}
	if l := res.Ledger; l != nil {
		v.Sheet = l.Sheet
		v.Kind = string(l.Kind)
		v.HeaderRows = append(v.HeaderRows, l.HeaderRows...)
	}
	for _, t := range res.Targets {
		v.Targets = append(v.Targets, targetJSON{
			Milestone: t.Milestone,
			Due:       t.Due.String(),
			Metric:    t.Metric,
			Target:    round4(t.Target),
			Actual:    rateJSON(t.Actual),
			Status:    string(t.Status),
			GroupBy:   t.GroupBy,
			Group:     t.Group,
			Needed:    neededJSONOf(t.Needed),
			Note:      t.Note,
		})
	}
	for _, f := range res.Findings {
		v.Findings = append(v.Findings, findingJSON{
			Rule:     f.Rule,
			Severity: string(f.Severity),
			Sheet:    f.Sheet,
			Row:      f.Row,
			Column:   columnText(f),
			Cell:     f.Cell,
			Field:    string(f.Field),
			Value:    f.Value,
			Message:  f.Message,
			Project:  f.Project,
			Group:    f.Group,
		})
	}
	return v
}

func amountJSON(a ledger.Amount) *string {
	if !a.IsSet() {
		return nil
	}
	s := a.Fixed(2)
	return &s
}

// rateJSON rounds a rate to 4 places; nil, NaN and infinities (which JSON cannot
// hold) are null.
func rateJSON(v *float64) *float64 {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	r := round4(*v)
	return &r
}

func round4(v float64) float64 {
	r := math.Round(v*10000) / 10000
	if r == 0 {
		return 0 // no "-0"
	}
	return r
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
	b, err := marshal(jsonValue(o), true)
	if err != nil {
		return err
	}
	sep := ",\n"
	if j.n == 0 {
		sep = "[\n"
	}
	j.n++
	// Indent the element one level inside the array.
	b = bytes.TrimRight(b, "\n")
	b = bytes.ReplaceAll(b, []byte("\n"), []byte("\n  "))
	_, err = io.WriteString(j.w, sep+"  "+string(b))
	return err
}

func (j *jsonWriter) Close() error {
	if !j.opts.Several && len(j.pending) == 1 {
		b, err := marshal(jsonValue(j.pending[0]), true)
		if err != nil {
			return err
		}
		_, err = j.w.Write(b)
		return err
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

func (j *jsonlWriter) Write(o Outcome) error {
	b, err := marshal(jsonValue(o), false)
	if err != nil {
		return err
	}
	_, err = j.w.Write(b)
	return err
}

func (j *jsonlWriter) Close() error { return nil }

// WriteJSON writes one outcome as an indented JSON object.
func WriteJSON(w io.Writer, o Outcome) error {
	b, err := marshal(jsonValue(o), true)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
