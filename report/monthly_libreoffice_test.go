package report

import (
	"flag"
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
)

var keepWorkbook = flag.String("workbook.keep", "", "also write the county's report workbook (.xlsx, .pdf, page PNGs) into this folder, to look at")

// LibreOffice prints the county's report workbook (with its financing ledger and
// April's) as laid out, in its own fallback faces: every sheet on one page — the
// sheets that ran a few rows onto a second (总体情况 under its sentences, the 乡镇
// ranking under its chart) shrunk onto one — but the 明细, which takes two; and
// every page under its table's header, the page header naming its sheet.
func TestWorkbookInLibreOffice(t *testing.T) {
	m := countyReport(t)
	_, path := workbookOf(t, m)
	dir := t.TempDir()
	pdf, pages := docxtest.PrintFile(t, docxtest.Default, path, dir)
	if *keepWorkbook != "" {
		docxtest.Keep(t, *keepWorkbook, pdf, path)
	}
	tables := map[string][]string{}
	var want []string
	for _, pg := range workbookPages(m.document()) {
		tables[pg.name] = withLineColumn(pg.table).Header
		want = append(want, pg.name)
		if pg.name == "明细" {
			want = append(want, pg.name)
		}
	}
	var got []string
	for i, p := range pages {
		// The sheet's name is the page header's right-hand word, at the top right.
		sheet, right := "", 0.0
		for _, w := range p.Words {
			if w.Y < 36 && w.X > right {
				sheet, right = w.Text, w.X
			}
		}
		got = append(got, sheet)
		text := strings.Join(strings.Fields(p.Text), "")
		for _, h := range tables[sheet] {
			if !strings.Contains(text, h) {
				t.Errorf("page %d (%s) lacks its table's header %q", i+1, sheet, h)
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pages by sheet:\n%s\nwant\n%s", strings.Join(got, " "), strings.Join(want, " "))
	}
}
