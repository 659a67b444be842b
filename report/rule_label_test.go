package report

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongjian/internal/enumtest"
	"gongjian/ledger"
	"gongjian/rules"
)

// sampleOutcomes checks every sample ledger with the default rules.
func sampleOutcomes(t *testing.T) []Outcome {
	t.Helper()
	paths, err := filepath.Glob("../testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	var out []Outcome
	for _, p := range paths {
		if ext := filepath.Ext(p); ext != ".xlsx" && ext != ".csv" {
			continue
		}
		l, err := ledger.Read(p, ledger.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, Outcome{File: p, Result: rules.Evaluate(l, nil, rules.Options{})})
	}
	return out
}

// A clerk reads rules by their Chinese names wherever the tool prints them: the
// terminal table, Markdown and CSV name no rule by its id, and say where each finding
// is; JSON keeps the id and adds the name.
func TestRulesNamedInChinese(t *testing.T) {
	outcomes := sampleOutcomes(t)
	var ids []string
	for _, v := range enumtest.Values(t, "../rules", "RuleID") {
		ids = append(ids, regexp.QuoteMeta(v))
	}
	// An id as a word of its own: not a part of a file name or of a longer id.
	anyID := regexp.MustCompile(`(^|[^a-z-])(` + strings.Join(ids, "|") + `)($|[^a-z-])`)
	seen := map[rules.RuleID]bool{}
	for _, o := range outcomes {
		for _, f := range o.Result.Findings {
			seen[f.Rule] = true
		}
	}
	if len(seen) < 12 {
		t.Fatalf("the samples give only %d rules: %v", len(seen), seen)
	}
	for _, format := range []Format{FormatTable, FormatMarkdown, FormatCSV} {
		out := string(render(t, format, Options{Several: true, Columns: true}, outcomes...))
		if m := anyID.FindString(out); m != "" {
			t.Errorf("%s names a rule by its id: %q", format, m)
		}
		for id := range seen {
			if !strings.Contains(out, id.Label()) {
				t.Errorf("%s does not name %s (%s)", format, id.Label(), id)
			}
		}
		for _, bare := range []string{"| 3  |    |", ",3,,,"} {
			if strings.Contains(out, bare) {
				t.Errorf("%s has a finding with a bare row number and no cell: %q", format, bare)
			}
		}
	}

	var files []struct {
		Findings []struct {
			Rule      string `json:"rule"`
			RuleLabel string `json:"rule_label"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(render(t, FormatJSON, Options{Several: true}, outcomes...), &files); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		for _, fd := range f.Findings {
			n++
			if want := rules.RuleID(fd.Rule).Label(); fd.RuleLabel != want || want == fd.Rule {
				t.Errorf("JSON finding %s: rule_label %q, want %q", fd.Rule, fd.RuleLabel, want)
			}
		}
	}
	if n == 0 {
		t.Error("no findings in the JSON")
	}
}
