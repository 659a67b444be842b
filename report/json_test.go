package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONGolden(t *testing.T) {
	golden(t, "json.txt", render(t, FormatJSON, Options{}, mayOutcome()))
	golden(t, "json_several.txt", render(t, FormatJSON, Options{Several: true}, cleanOutcome(), missing))
	golden(t, "jsonl.txt", render(t, FormatJSONL, Options{Several: true}, cleanOutcome(), missing, crashed))
}

func TestJSONKeys(t *testing.T) {
	out := render(t, FormatJSON, Options{}, mayOutcome())
	var v map[string]json.RawMessage
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "sheet", "kind", "header_rows", "as_of", "as_of_source", "unit", "counts", "amounts", "metrics", "targets", "findings", "error"} {
		if _, ok := v[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if string(v["error"]) != "null" {
		t.Errorf("error = %s, want null", v["error"])
	}
	if string(v["as_of"]) != `"2025-05-31"` {
		t.Errorf("as_of = %s", v["as_of"])
	}
	for _, want := range []string{`"total": "123456.78"`, `"new_start_rate": 0.5833`, `"needed": {` + "\n" + `        "projects": 4`, `"amount": "6499.50"`, `"column": "H"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %s", want)
		}
	}
}

// A file that could not be read gives its name and the error, and nothing else.
func TestJSONFailedFile(t *testing.T) {
	out := render(t, FormatJSON, Options{}, missing)
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	if len(v) != 2 || v["file"] != "缺失.xlsx" {
		t.Errorf("got %v", v)
	}
	e := v["error"].(map[string]any)
	if e["code"] != "not-found" || !strings.Contains(e["message"].(string), "缺失.xlsx") {
		t.Errorf("error = %v", e)
	}
}

func TestJSONShape(t *testing.T) {
	one := render(t, FormatJSON, Options{}, cleanOutcome())
	if one[0] != '{' {
		t.Errorf("one file gives %c, want an object", one[0])
	}
	several := render(t, FormatJSON, Options{Several: true}, cleanOutcome(), missing)
	var arr []map[string]any
	if err := json.Unmarshal(several, &arr); err != nil || len(arr) != 2 {
		t.Errorf("several files: %v, %d elements", err, len(arr))
	}
	none := render(t, FormatJSON, Options{Several: true})
	if string(none) != "[]\n" {
		t.Errorf("no files gives %q", none)
	}
	lines := strings.Split(strings.TrimSuffix(string(render(t, FormatJSONL, Options{}, cleanOutcome(), missing)), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl gives %d lines", len(lines))
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("jsonl line not JSON: %s", l)
		}
	}
}

func TestJSONNullMetrics(t *testing.T) {
	res := cleanResult() // its 总投资 is not given
	res.Metrics.NewStartRate = nil
	out := render(t, FormatJSON, Options{}, Outcome{File: "x.xlsx", Result: res})
	for _, want := range []string{`"new_start_rate": null`, `"total": null`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %s", want)
		}
	}
}
