// Package booktest checks, for tests, that a workbook's rows are tall enough for their
// wrapped text. It estimates the lines itself, more leniently than package book, so
// that a writer which forgot a row fails and one which followed book passes.
package booktest

import (
	"math"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// T is the part of testing.TB the check needs.
type T interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
}

// CheckRowHeights opens the workbook at path and reports every cell whose wrapped
// text needs more lines than its row's height holds: lines × size × 1.2 points, where
// a CJK character is two columns of the cell's (or its merged range's) width. It
// returns how many wrapped cells it checked.
func CheckRowHeights(t T, path string, sheets ...string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(sheets) == 0 {
		sheets = f.GetSheetList()
	}
	checked := 0
	styles := map[int]*excelize.Style{}
	for _, sheet := range sheets {
		merged := map[string]float64{} // top-left cell → the range's width
		covered := map[string]bool{}   // the other cells of a range
		mcs, err := f.GetMergeCells(sheet, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, mc := range mcs {
			c1, r1, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
			w := 0.0
			for c := c1; c <= c2; c++ {
				w += colWidth(f, sheet, c)
			}
			merged[mc.GetStartAxis()] = w
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					if ref, _ := excelize.CoordinatesToCellName(c, r); ref != mc.GetStartAxis() {
						covered[ref] = true
					}
				}
			}
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			height, _ := f.GetRowHeight(sheet, ri+1)
			for ci, text := range row {
				ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if text == "" || covered[ref] {
					continue
				}
				id, _ := f.GetCellStyle(sheet, ref)
				st, ok := styles[id]
				if !ok {
					st, _ = f.GetStyle(id)
					styles[id] = st
				}
				if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
					continue
				}
				size := 11.0
				if st.Font != nil && st.Font.Size > 0 {
					size = st.Font.Size
				}
				width, isMerged := merged[ref]
				if !isMerged {
					width = colWidth(f, sheet, ci+1)
				}
				checked++
				if need := float64(lines(text, width, size)) * size * 1.2; height < need {
					t.Errorf("%s %s!%s: row %d is %.1f pt high, its text needs %d lines (%.1f pt) in width %.1f: %q",
						path, sheet, ref, ri+1, height, lines(text, width, size), need, width, text)
				}
			}
		}
	}
	return checked
}

func colWidth(f *excelize.File, sheet string, col int) float64 {
	name, _ := excelize.ColumnNumberToName(col)
	w, _ := f.GetColWidth(sheet, name)
	return w
}

// lines counts a wide character two columns, anything else one, at the cell's size
// over the 11-point unit, in the width less one column of margin.
func lines(text string, width, size float64) int {
	usable := math.Max(width-1, 1)
	n := 0
	for _, line := range strings.Split(text, "\n") {
		cols := 0
		for _, r := range line {
			if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF {
				cols += 2
			} else {
				cols++
			}
		}
		n += max(1, int(math.Ceil(float64(cols)*size/11/usable-1e-9)))
	}
	return n
}
