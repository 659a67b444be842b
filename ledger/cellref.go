package ledger

import "gongjian/internal/ooxml"

// ColumnLetter turns a 0-based column index into its letters (0 → "A", 27 → "AB").
func ColumnLetter(col int) string { return ooxml.ColumnName(col) }

// CellName is "H17" for column 7 (0-based), row 17 (1-based).
func CellName(col, row int) string { return ooxml.CellRef(col, row) }

// parseRangeRef reads "A1:C2" (or a single cell) into a Range.
func parseRangeRef(s string) (Range, bool) {
	a, b := s, s
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			a, b = s[:i], s[i+1:]
			break
		}
	}
	c1, r1, ok1 := ooxml.ParseCellRef(a)
	c2, r2, ok2 := ooxml.ParseCellRef(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	if c2 < c1 {
		c1, c2 = c2, c1
	}
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	return Range{Top: r1, Left: c1, Bottom: r2, Right: c2}, true
}
