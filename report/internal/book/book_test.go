package book

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A sheet set up for print is A4 landscape, one page wide, with its header rows on
// every page and the page numbers in the footer.
func TestPrintSetup(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := PrintSheet(f, "Sheet1", Print{RepeatFrom: 1, RepeatTo: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("说明"); err != nil {
		t.Fatal(err)
	}
	if err := PrintSheet(f, "说明", Print{}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(f, &buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for _, s := range []string{"Sheet1", "说明"} {
		pl, err := g.GetPageLayout(s)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v %v", s, pl, err)
		}
		if hf, err := g.GetHeaderFooter(s); err != nil || hf == nil || hf.OddFooter != "&C第 &P 页，共 &N 页" {
			t.Errorf("%s: footer %+v %v", s, hf, err)
		}
	}
	var titles []string
	for _, dn := range g.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles = append(titles, dn.Scope+" "+dn.RefersTo)
		}
	}
	if len(titles) != 1 || titles[0] != "Sheet1 'Sheet1'!$1:$3" {
		t.Errorf("print titles %q, want Sheet1's rows 1-3 only", titles)
	}
}

// Styles keeps the first error and numbers each distinct style once.
func TestStyles(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	s := NewStyles(f)
	header := excelize.Style{Font: Font(10, true), Border: Border(), Fill: Fill(HeaderFill)}
	a, b := s.Add(header), s.Add(header)
	if a == 0 || a != b || s.Err() != nil {
		t.Errorf("ids %d %d, err %v", a, b, s.Err())
	}
	bad := excelize.Style{Font: &excelize.Font{Size: 500}}
	if s.Add(bad); s.Err() == nil {
		t.Error("a font of size 500 gave no error")
	}
	if s.Add(header); s.Err() == nil {
		t.Error("the first error was forgotten")
	}
}

// OnePage and A3 reach the page setup: fitted to one page tall as well as wide, on
// A3 (paper size 8).
func TestPrintOnePageA3(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := PrintSheet(f, "Sheet1", Print{OnePage: true, A3: true}); err != nil {
		t.Fatal(err)
	}
	pl, err := f.GetPageLayout("Sheet1")
	if err != nil || *pl.Size != 8 || *pl.FitToWidth != 1 || *pl.FitToHeight != 1 {
		t.Errorf("page layout size %d, fit %d × %d, %v", *pl.Size, *pl.FitToWidth, *pl.FitToHeight, err)
	}
}

// A sheet is shrunk onto one page only when it runs a little over: not when it
// fits, not when it fills two pages.
func TestOnePage(t *testing.T) {
	for _, tt := range []struct {
		width, height float64
		want          bool
	}{
		{110, 500, false},  // fits a page
		{110, 560, true},   // three rows over
		{110, 700, false},  // a third over: two pages
		{300, 1200, true},  // twice as wide as the page: half as tall fitted, a little over
		{300, 1600, false}, // two pages even so
	} {
		if got := OnePage(tt.width, tt.height); got != tt.want {
			t.Errorf("OnePage(%v, %v) = %v, want %v", tt.width, tt.height, got, tt.want)
		}
	}
}

// A table whose last page would hold a tail of rows is broken evenly (the page holds
// 523 points): a few rows over a page shrink onto it; a page and a third breaks in
// its middle; two pages and two rows into three even pages; one that fits, fills
// its last page half, or takes more than eight pages is left to the spreadsheet.
func TestPageBreaks(t *testing.T) {
	rows := func(n int) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = 20
		}
		return out
	}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{20, "[]"},      // 500 points: one page
		{25, "[]"},      // 600: shrunk onto one
		{30, "[13]"},    // 700: 100 and 13 rows (360) on the first page, the header and 17 rows (360) on the second
		{35, "[]"},      // 800: the second page half full
		{48, "[14 32]"}, // 1060: two rows on a third page; pages of 380, 380 and 340
		{400, "[]"},     // sixteen pages
	} {
		if got := fmt.Sprint(PageBreaks(110, 100, 20, rows(tt.n))); got != tt.want {
			t.Errorf("100 above %d rows: breaks %s, want %s", tt.n, got, tt.want)
		}
	}
	// 目标完成情况 of a provincial sample: 56 rows of two lines under a header, 2036
	// points in all. Four of Excel's pages would do by the sum, but with the header
	// on each and whole rows, a page takes 13: a fifth page of four rows. Shared out:
	// four pages of 12 rows and a fifth of 8.
	tall := make([]float64, 56)
	for i := range tall {
		tall[i] = 36
	}
	breaks := PageBreaks(138, 20, 20, tall)
	if fmt.Sprint(breaks) != "[12 24 36 48]" {
		t.Errorf("56 rows of 36 points: breaks %v", breaks)
	}
}
