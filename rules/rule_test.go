package rules

import (
	"os"
	"strings"
	"testing"

	"gongjian/internal/enumtest"
)

// Every rule has its Chinese name, no two the same; a rule added without one, or
// declared without the RuleID type, fails here.
func TestRuleLabels(t *testing.T) {
	seen := map[string]RuleID{}
	for _, v := range enumtest.Values(t, ".", "RuleID") {
		id := RuleID(v)
		label := id.Label()
		if label == v || label == "" {
			t.Errorf("rule %q has no Chinese label", v)
		}
		if other, ok := seen[label]; ok {
			t.Errorf("rules %q and %q are both called %s", other, id, label)
		}
		seen[label] = id
	}
	if untyped := enumtest.Untyped(t, ".", "Rule"); len(untyped) > 0 {
		t.Errorf("declare %v as RuleID, so their labels are checked", untyped)
	}
	// The reader's problems become findings of the rule of the same id.
	for _, v := range enumtest.Values(t, "../ledger", "ProblemKind") {
		if label := RuleID(v).Label(); label == v {
			t.Errorf("the reader's problem %q has no rule label", v)
		}
	}
	for id, want := range map[RuleID]string{RuleBadDate: "日期有误", RuleDuplicateProject: "重复项目", RuleOverdueStart: "开工逾期", RuleUnknownProject: "项目不在开复工台账"} {
		if got := id.Label(); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

// The other enums clerks read have their Chinese labels too.
func TestEnumLabels(t *testing.T) {
	for _, v := range enumtest.Values(t, ".", "Status") {
		if l := Status(v).Label(); l == v || l == "" {
			t.Errorf("status %q has no label", v)
		}
	}
	for _, v := range enumtest.Values(t, ".", "Light") {
		if l := Light(v).Label(); l == v || l == "" {
			t.Errorf("light %q has no label", v)
		}
	}
	labels := map[string]bool{}
	for _, v := range enumtest.Values(t, ".", "Severity") {
		labels[Severity(v).Label()] = true
	}
	if len(labels) != 2 || !labels["错误"] || !labels["警告"] {
		t.Errorf("severity labels %v", labels)
	}
}

// docs/检查规则.md describes every rule, by its id and its Chinese name.
func TestRulesDoc(t *testing.T) {
	data, err := os.ReadFile("../docs/检查规则.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range enumtest.Values(t, ".", "RuleID") {
		row := "| `" + v + "` | " + RuleID(v).Label() + " |"
		if !strings.Contains(string(data), row) {
			t.Errorf("docs/检查规则.md has no row %q", row)
		}
	}
}
