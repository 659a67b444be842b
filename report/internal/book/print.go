package book

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Footer numbers the printed pages: "第 2 页，共 5 页" at the foot of each.
const Footer = "&C第 &P 页，共 &N 页"

// PrintSetup sets a sheet to print on A4 landscape, fitted to the page's width, with
// rows 1..repeatRows repeated on every page (none when 0) and page numbers in the footer.
func PrintSetup(f *excelize.File, sheet string, repeatRows int) error {
	return PrintSheet(f, sheet, Print{RepeatFrom: 1, RepeatTo: repeatRows})
}

// Print is how a sheet prints beyond the shared A4 setup.
type Print struct {
	// RepeatFrom..RepeatTo are the rows printed at the top of every page — a table's
	// header, so each page shows the header of the table it holds (none when 0).
	RepeatFrom, RepeatTo int
	// Header is printed small at the head of every page, left; the sheet's name goes
	// right. "" prints no page header.
	Header string
	// OnePage shrinks the sheet onto one page, when it would run onto a second by a
	// few rows (see OnePage).
	OnePage bool
	// A3 prints on A3 rather than A4: a ledger of twenty-odd columns is printed so,
	// on A4 its text would be a few points high.
	A3 bool
}

// The printable part of a page, in points: A4 landscape (841.9 × 595.3) less the
// half-inch margins PrintSheet sets; A3 is √2 times as long each way.
const (
	printableWidth  = 841.9 - 72
	printableHeight = 595.3 - 72
)

// maxShrink is the most OnePage shrinks a sheet's text beyond fitting its width:
// by a quarter, so 10.5-point text still prints at 8 points.
const maxShrink = 1.3

// OnePage reports whether a sheet of the given width (column units, as SetColWidth
// takes them) and height (points, the rows' heights added up), printed on A4
// landscape fitted to the page's width, runs onto a second page by at most
// three tenths of one: then it is better shrunk a little onto one page than
// printed with a page holding the last rows of its table under nothing.
func OnePage(width, height float64) bool {
	// A column w units wide prints as about 7w pixels of 0.75 points (and the few
	// pixels of its margins, left out: the estimate errs towards the taller).
	scale := min(1, printableWidth/(width*7*0.75))
	h := height * scale
	return h > printableHeight && h <= printableHeight*maxShrink
}

// BalancedBreak is where a table that takes more than OnePage shrinks and at most two
// pages breaks: the index of the row (of rows, the table's rows below its header)
// before which the second page starts, so the two pages hold about as much; -1 when
// the sheet fits a page or takes more than two. width is the sheet's in column
// units, above the height of what stands above the rows (title, sentences, header),
// header the height of the header repeated on the second page.
//
// Left to the spreadsheet, the second page takes whatever the first leaves, which
// where the reader draws the columns wider than Excel (LibreOffice without Calibri
// fits a third more on a page) can be four rows under nothing; broken in the middle,
// both pages are half full wherever they print.
func BalancedBreak(width, above, header float64, rows []float64) int {
	total := above
	for _, h := range rows {
		total += h
	}
	scale := min(1, printableWidth/(width*7*0.75))
	if h := total * scale; h <= printableHeight*maxShrink || h > 2*printableHeight-header*scale {
		return -1
	}
	best, bestDiff, first := -1, total, above
	for i, h := range rows {
		if i > 0 && first*scale <= printableHeight {
			if d := math.Abs(first - (total - first + header)); d < bestDiff {
				best, bestDiff = i, d
			}
		}
		first += h
	}
	return best
}

// PrintSheet sets a sheet to print on A4 landscape, fitted to the page's width, with
// the page numbers in the footer, and p's repeated rows and page header.
func PrintSheet(f *excelize.File, sheet string, p Print) error {
	orientation, size := "landscape", 9 // 9 is A4
	if p.A3 {
		size = 8
	}
	fitWidth, fitHeight := 1, 0
	if p.OnePage {
		fitHeight = 1
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &fitWidth, FitToHeight: &fitHeight,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin, edge := 0.5, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}); err != nil {
		return err
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: Footer}
	if p.Header != "" {
		hf.OddHeader = "&L&9" + strings.ReplaceAll(p.Header, "&", "&&") + "&R&9&A"
	}
	if err := f.SetHeaderFooter(sheet, hf); err != nil {
		return err
	}
	if p.RepeatTo == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, max(p.RepeatFrom, 1), p.RepeatTo),
		Scope:    sheet,
	})
}
