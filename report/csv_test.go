package report

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSVGolden(t *testing.T) {
	golden(t, "csv.txt", render(t, FormatCSV, Options{}, mayOutcome(), missing))
}

func TestCSV(t *testing.T) {
	out := string(render(t, FormatCSV, Options{}, mayOutcome(), missing))
	if !strings.HasPrefix(out, utf8BOM+"文件,") {
		t.Fatalf("no BOM and Chinese heading: %q", out[:20])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+5+1 {
		t.Errorf("%d records, want heading + 5 findings + 1 unreadable file", len(recs))
	}
	for _, r := range recs {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula in Excel", cell)
			}
		}
	}
	if got := recs[3][8]; got != "'=SUM(M5:M44)" {
		t.Errorf("formula value = %q", got)
	}
	// No files still gives a file Excel can open with its heading.
	if empty := string(render(t, FormatCSV, Options{})); !strings.HasPrefix(empty, utf8BOM+"文件,") {
		t.Errorf("empty run gives %q", empty)
	}
}

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+86": "'+86", "-5": "'-5", "@SUM": "'@SUM", "\tx": "'\tx", "\rx": "'\rx",
		"普通": "普通", "": "", "1=1": "1=1",
	} {
		if got := csvSafe([]string{in})[0]; got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
