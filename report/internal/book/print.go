package book

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Footer numbers the printed pages: "第 2 页，共 5 页" at the foot of each.
const Footer = "&C第 &P 页，共 &N 页"

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

// The margins of every printed sheet, in inches: half an inch round the page, the
// page header and footer 0.3 from its edges.
const (
	Margin       = 0.5
	HeaderMargin = 0.3
)

// The printable part of a page, in points: A4 landscape (841.9 × 595.3) less the
// margins.
const (
	printableWidth  = 841.9 - 2*72*Margin
	printableHeight = 595.3 - 2*72*Margin
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

// PageBreaks are where a table whose last page would hold a tail of rows breaks,
// so that its pages hold about as much: the indexes of the rows (of rows, the
// table's rows below its header) that start a new page. None when the sheet fits a
// page, is shrunk onto one (OnePage), fills its last page at least half, or takes
// more than maxBalancedPages. width is the sheet's in column units, above the
// height of what stands above the rows (title, sentences, header), header the
// height of the header repeated on each page.
//
// Left to the spreadsheet, the last page takes whatever the others leave: two rows
// under nothing, sometimes. Where it is depends on the reader: a column unit is a
// digit of the workbook's default font, Calibri, 7 pixels in Excel and WPS; where
// Calibri (and its double Carlito) is missing, LibreOffice measures DejaVu Sans's,
// 9⅓, so a sheet wider than the page is fitted smaller and a page holds more. The
// breaks are placed for Excel's pages, which LibreOffice's hold too, whenever
// either would leave a tail; then every page is as full as the others in both.
func PageBreaks(width, above, header float64, rows []float64) []int {
	total := above
	for _, h := range rows {
		total += h
	}
	// page is a page's height in the sheet's points, fitted to the page's width with
	// columns of the given pixels a unit.
	page := func(unitPx float64) float64 {
		return printableHeight / min(1, printableWidth/(width*unitPx*0.75))
	}
	tail := func(page float64) bool {
		breaks, last, ok := paginate(above, header, rows, page)
		return ok && len(breaks) > 0 && last < page/2
	}
	excel := page(7)
	breaks, _, ok := paginate(above, header, rows, excel)
	pages := len(breaks) + 1
	if !ok || total <= excel*maxShrink || pages > maxBalancedPages || !tail(excel) && !tail(page(28.0/3)) {
		return nil
	}
	// The shortest page that still takes the rows in as many pages: its breaks share
	// them out evenly.
	lo, hi := total/float64(pages), excel
	for range 30 {
		mid := (lo + hi) / 2
		if b, _, ok := paginate(above, header, rows, mid); ok && len(b)+1 <= pages {
			hi = mid
		} else {
			lo = mid
		}
	}
	breaks, _, _ = paginate(above, header, rows, hi)
	return breaks
}

// paginate lays the rows out on pages of the given height as a spreadsheet does: the
// first page under what stands above the rows, the others under the repeated
// header, a row on the next page when it does not fit. It returns the rows that
// start a page, and the height of the last page; not ok when a row is taller than
// a page.
func paginate(above, header float64, rows []float64, page float64) (breaks []int, last float64, ok bool) {
	filled := above
	for i, h := range rows {
		if filled+h > page {
			if i == 0 || header+h > page {
				return nil, 0, false
			}
			breaks = append(breaks, i)
			filled = header
		}
		filled += h
	}
	return breaks, filled, true
}

// maxBalancedPages is the most pages PageBreaks shares a table out over: beyond, a
// short last page is one of many.
const maxBalancedPages = 8

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
	margin, edge := Margin, HeaderMargin
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
