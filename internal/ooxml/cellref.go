package ooxml

import (
	"fmt"
	"strconv"
)

// The size of a sheet, in Excel since 2007 and in every program that reads its files:
// a cell past them makes a workbook corrupt.
const (
	MaxRows    = 1 << 20 // 1,048,576
	MaxColumns = 1 << 14 // 16,384: A to XFD
)

// ErrOutsideSheet is a cell or row past the sheet's last row or column, or one whose
// reference is no cell reference at all: Excel never writes one.
var ErrOutsideSheet = fmt.Errorf("a cell outside the sheet: %w", ErrCorrupt)

// ParseCellRef reads a cell reference ("AB12", "$AB$12", "ab12") into a 0-based
// column and 1-based row; ok is false for anything else, and for a cell past the
// sheet's last row or column.
func ParseCellRef(ref string) (col, row int, ok bool) {
	i, letters := 0, 0
	for i < len(ref) {
		c := ref[i]
		if c == '$' && letters == 0 {
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
	if letters == 0 || col > MaxColumns {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if i >= len(ref) || ref[i] < '0' || ref[i] > '9' {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > MaxRows {
		return 0, 0, false
	}
	return col - 1, row, true
}

// ColumnName turns a 0-based column index into its letters (0 → "A", 27 → "AB").
func ColumnName(col int) string {
	var b [4]byte
	return string(appendColumnName(b[:0], col))
}

func appendColumnName(b []byte, col int) []byte {
	var letters [4]byte
	i := len(letters)
	for col >= 0 && i > 0 {
		i--
		letters[i] = byte('A' + col%26)
		col = col/26 - 1
	}
	return append(b, letters[i:]...)
}

// CellRef is "H17" for column 7 (0-based), row 17 (1-based).
func CellRef(col, row int) string {
	var b [16]byte
	return string(AppendCellRef(b[:0], col, row))
}

// AppendCellRef appends CellRef(col, row) to b, for writers that make no string of it.
func AppendCellRef(b []byte, col, row int) []byte {
	return strconv.AppendInt(appendColumnName(b, col), int64(row), 10)
}
