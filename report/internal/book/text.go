package book

import (
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// How tall a row must be for its wrapped text, worked out once for every workbook the
// tool writes (the report, the merged ledger, the template, and the annotated copy's
// new sheets). Excel and WPS do not grow a row whose height is set, and LibreOffice
// does not grow one holding merged cells, so the writer sets each height itself.
//
// Widths are in Excel's column units: the width of a digit of the workbook's default
// font at UnitSize points. At size s a CJK character is about 2·s/UnitSize units wide
// and any other character s/UnitSize.

// UnitSize is the size of the default font of a workbook excelize writes (Calibri 11),
// whose digit is the unit of column widths.
const UnitSize = 11

// cellPadding is the width a cell's margins take from its text, in column units.
const cellPadding = 1

// textSlack widens the estimate a little: glyphs of other fonts, bold, and the
// break Excel makes before a word that does not fit all take room.
const textSlack = 1.08

// Columns is the width of a line of text in column units at UnitSize: a wide (CJK)
// character counts two, and so does an ambiguous one (“”、—…), which the Chinese
// fonts draw full width; any other one.
func Columns(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			if unicode.IsPrint(r) {
				n++
			}
		}
	}
	return n
}

// Lines is how many lines text takes in a cell of the given width (column units) at
// size points, wrapped: each line break starts a line, and each line holds what fits
// in the width less the cell's margins.
func Lines(text string, colWidth, size float64) int {
	usable := colWidth - cellPadding
	if usable < 1 {
		usable = 1
	}
	scale := size / UnitSize * textSlack
	n := 0
	for line := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		w := float64(Columns(line)) * scale
		n += max(1, int(math.Ceil(w/usable-1e-9)))
	}
	return n
}

// RowHeight is the height in points of a row of lines at size points, and a margin
// above and below, at most MaxRowHeight. A line is LineSpacing times the size:
// where 宋体 is missing (LibreOffice on Linux, a 信创 machine) the CJK face put in
// for it is Noto Sans CJK or its kin, whose lines are 1.45 times the size (宋体's
// 1.3): rows sized for 宋体 cut the last line of a three-line 说明 in half there.
func RowHeight(lines int, size float64) float64 {
	return min(math.Ceil((float64(max(lines, 1))*size*LineSpacing+4)*4)/4, MaxRowHeight)
}

// LineSpacing is a line's height over its type size in the faces a workbook may be
// drawn in: Noto Sans CJK's ascent and descent, 1.16 + 0.288 of its size.
const LineSpacing = 1.45

// MaxRowHeight is the tallest row Excel accepts (409 points); a taller ht makes Excel
// call the workbook damaged.
const MaxRowHeight = 409
