package ledger

import "strconv"

// ColumnLetter turns a 0-based column index into its letters (0 → "A", 27 → "AB").
func ColumnLetter(col int) string {
	var b []byte
	for col >= 0 {
		b = append([]byte{byte('A' + col%26)}, b...)
		col = col/26 - 1
	}
	return string(b)
}

// CellName is "H17" for column 7 (0-based), row 17 (1-based).
func CellName(col, row int) string { return ColumnLetter(col) + strconv.Itoa(row) }

// parseCellRef reads "AB12" into a 0-based column and 1-based row; ok is false for
// anything else, including the "$" of absolute references, which it skips.
func parseCellRef(s string) (col, row int, ok bool) {
	i := 0
	col = 0
	letters := 0
	for i < len(s) {
		c := s[i]
		if c == '$' {
			i++
			continue
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		letters++
		i++
		if letters > 3 {
			return 0, 0, false
		}
	}
	if letters == 0 {
		return 0, 0, false
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	if i >= len(s) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > 1048576 {
		return 0, 0, false
	}
	return col - 1, n, true
}

// parseRangeRef reads "A1:C2" (or a single cell) into a Range.
func parseRangeRef(s string) (Range, bool) {
	a, b := s, s
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			a, b = s[:i], s[i+1:]
			break
		}
	}
	c1, r1, ok1 := parseCellRef(a)
	c2, r2, ok2 := parseCellRef(b)
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
