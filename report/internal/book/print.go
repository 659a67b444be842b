package book

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Footer numbers the printed pages: "第 2 页，共 5 页" at the foot of each.
const Footer = "&C第 &P 页，共 &N 页"

// PrintSetup sets a sheet to print on A4 landscape, fitted to the page's width, with
// rows 1..repeatRows repeated on every page (none when 0) and page numbers in the footer.
func PrintSetup(f *excelize.File, sheet string, repeatRows int) error {
	orientation, size := "landscape", 9 // 9 is A4
	fitWidth, fitHeight := 1, 0
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
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: Footer}); err != nil {
		return err
	}
	if repeatRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, repeatRows),
		Scope:    sheet,
	})
}
