package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"gongjian/ledger"
	"gongjian/rules"
)

// What gongjian merge prints: a short Chinese summary, or JSON for scripts.

// MergeFailure is a ledger that could not be merged, for the summary.
type MergeFailure struct {
	File    string
	Code    string // the ledger.Error code, or "kind-mismatch", "internal"
	Message string
}

// mergeAmountKeys are the JSON keys of the totals, as gongjian check names them.
var mergeAmountKeys = map[ledger.Field]string{
	ledger.FieldTotal: "total", ledger.FieldPlan: "annual_plan", ledger.FieldDone: "done",
	ledger.FieldMonthDone: "month_done", ledger.FieldCumDone: "cum_done", ledger.FieldNeed: "need",
	ledger.FieldCredit: "credit", ledger.FieldSigned: "signed", ledger.FieldDisbursed: "disbursed",
}

// WriteMergeSummary writes the Chinese summary: the output, each ledger with its
// projects and where its 乡镇 came from, and the totals.
func WriteMergeSummary(w io.Writer, m *ledger.Merged, output string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "已把 %d 个%s合并为 %s：%d 个项目", len(m.Sources), m.Kind.Label(), output, len(m.Rows))
	if n := len(m.Duplicates); n > 0 {
		fmt.Fprintf(&b, "（另有 %d 个重复项目只写一次）", n)
	}
	if m.AsOf.IsSet() {
		fmt.Fprintf(&b, "，截至 %s", m.AsOf)
	}
	b.WriteString("。\n")
	widest := 0
	for _, s := range m.Sources {
		widest = max(widest, textWidth(s.Name))
	}
	for _, s := range m.Sources {
		fmt.Fprintf(&b, "  %s%s  %3d 个项目", s.Name, strings.Repeat(" ", widest-textWidth(s.Name)), s.Projects)
		if s.Town != "" {
			fmt.Fprintf(&b, "，所在乡镇按%s填为 %s", townSourceLabel(s.TownSource), s.Town)
		}
		b.WriteString("\n")
	}
	var parts []string
	for _, f := range m.TotalFields() {
		parts = append(parts, fmt.Sprintf("%s %s", f.Label(), m.Totals[f].Fixed(2)))
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, "合计（万元）：%s\n", strings.Join(parts, "，"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func townSourceLabel(source string) string {
	switch source {
	case ledger.TownFromFiller:
		return "填报单位"
	case ledger.TownFromTitle:
		return "标题"
	case ledger.TownFromFile:
		return "文件名"
	}
	return source
}

type mergeJSON struct {
	Output     string            `json:"output"`
	Kind       ledger.Kind       `json:"kind"`
	Title      string            `json:"title"`
	Year       int               `json:"year"`
	AsOf       *string           `json:"as_of"`
	AsOfSource string            `json:"as_of_source"`
	Projects   int               `json:"projects"`
	Amounts    map[string]string `json:"amounts"`
	Sources    []mergeSourceJSON `json:"sources"`
	Findings   []mergeFinding    `json:"findings"`
	Notes      []string          `json:"notes"`
}

type mergeSourceJSON struct {
	File       string     `json:"file"`
	Sheet      string     `json:"sheet,omitempty"`
	Projects   int        `json:"projects"`
	AsOf       *string    `json:"as_of"`
	Town       string     `json:"town,omitempty"`
	TownSource string     `json:"town_source,omitempty"`
	Error      *errorJSON `json:"error"`
}

type mergeFinding struct {
	Rule      string   `json:"rule"`
	RuleLabel string   `json:"rule_label"`
	Severity  string   `json:"severity"`
	Project   string   `json:"project"`
	Code      string   `json:"code,omitempty"`
	Sources   []string `json:"sources"`
	Message   string   `json:"message"`
}

// WriteMergeJSON writes the merge as one JSON object: the output, the totals, every
// ledger (or its error), and a duplicate-project finding for each project found twice.
func WriteMergeJSON(w io.Writer, m *ledger.Merged, output string, failures []MergeFailure) error {
	out := mergeJSON{Output: output, Kind: m.Kind, Title: m.Title, Year: m.Year, AsOfSource: string(m.AsOfSource),
		Projects: len(m.Rows), Amounts: map[string]string{}, Sources: []mergeSourceJSON{}, Findings: []mergeFinding{}, Notes: m.Notes}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	if m.AsOf.IsSet() {
		s := m.AsOf.String()
		out.AsOf = &s
	}
	for f, a := range m.Totals {
		if k, ok := mergeAmountKeys[f]; ok {
			out.Amounts[k] = a.Fixed(2)
		}
	}
	for _, s := range m.Sources {
		sj := mergeSourceJSON{File: s.File, Sheet: s.Sheet, Projects: s.Projects, Town: s.Town, TownSource: s.TownSource}
		if s.AsOf.IsSet() {
			d := s.AsOf.String()
			sj.AsOf = &d
		}
		out.Sources = append(out.Sources, sj)
	}
	for _, f := range failures {
		out.Sources = append(out.Sources, mergeSourceJSON{File: f.File, Error: &errorJSON{Code: f.Code, Message: f.Message}})
	}
	for _, d := range m.Duplicates {
		out.Findings = append(out.Findings, mergeFinding{Rule: string(rules.RuleDuplicateProject), RuleLabel: rules.RuleDuplicateProject.Label(), Severity: string(rules.SeverityError), Project: d.Project,
			Code: d.Code, Sources: []string{d.First.String(), d.Again.String()}, Message: d.Message()})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
