package report

import (
	"testing"

	"gongjian/internal/enumtest"
)

// Every format has its Chinese name (a new one without fails) and each command reads
// only the formats it writes.
func TestFormats(t *testing.T) {
	for _, v := range enumtest.Values(t, ".", "Format") {
		if got := Format(v).Label(); got == "" || got == v {
			t.Errorf("format %q has no label", v)
		}
		if f, ok := ParseFormat(v, CheckFormats); !ok || f != Format(v) {
			t.Errorf("check does not read --format %s", v)
		}
	}
	for _, tt := range []struct {
		s       string
		allowed []Format
		ok      bool
	}{
		{"jsonl", ReportFormats, false},
		{"markdown", MergeFormats, false},
		{"csv", MergeFormats, false},
		{"json", MergeFormats, true},
		{"csv", ReportFormats, true},
		{"", CheckFormats, false},
		{"JSON", CheckFormats, false},
		{"xlsx", CheckFormats, false},
	} {
		if f, ok := ParseFormat(tt.s, tt.allowed); ok != tt.ok || ok && string(f) != tt.s {
			t.Errorf("ParseFormat(%q, %v) = %q, %v", tt.s, tt.allowed, f, ok)
		}
	}
}
