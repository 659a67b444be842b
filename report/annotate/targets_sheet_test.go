package annotate

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/report/internal/wording"
)

// The 目标完成情况 sheet shows each rate as check and the report do, one decimal
// ("78.9%", not "78.95%"; the target "50.0%", not "50.00%"), and holds the value
// shown, so the spreadsheet has nothing to round again: read back by excelize and
// by openpyxl, a second reader.
func TestTargetsSheetPercentAsShown(t *testing.T) {
	res, in := checked(t, "../../testdata/错误台账.xlsx")
	out := AnnotatedPath(in, "")
	annotateTo(t, res, out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(targetsSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(res.Targets)+1 {
		t.Fatalf("%d rows for %d targets", len(rows), len(res.Targets))
	}
	odd := 0
	for i, tg := range res.Targets {
		r := rows[i+1]
		if tg.Actual == nil {
			continue
		}
		if want := wording.Percent(tg.Actual); r[5] != want {
			t.Errorf("row %d (%s %s): 实际 %q, check says %q", i+2, r[0], r[3], r[5], want)
		}
		if wording.RateNum(*tg.Actual) != wording.PercentNum(*tg.Actual) {
			odd++ // a rate "0.00%" would have shown otherwise
		}
	}
	if odd == 0 {
		t.Error("no rate of the sample tells one decimal from two")
	}
	if rows[1][4] != "100.0%" && rows[1][4] != "50.0%" {
		t.Errorf("the first target shows %q", rows[1][4])
	}
	// A milestone's date is its 到期日, as the report and the rules file call it.
	if rows[0][2] != "到期日" {
		t.Errorf("header %v", rows[0])
	}
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		t.Skip("no /usr/bin/python3")
	}
	script := `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["目标完成情况"]
for r in ws.iter_rows(min_row=2, min_col=6, max_col=6):
    c = r[0]
    if isinstance(c.value, (int, float)):
        print(c.number_format, c.value)
`
	got, err := exec.Command(py, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Skipf("openpyxl: %v %s", err, got)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(got)), "\n") {
		format, value, _ := strings.Cut(line, " ")
		if format != "0.0%" || len(value) > len("0.789") {
			t.Errorf("openpyxl reads %q: want 0.0%% and a value of at most three places", line)
		}
	}
}
