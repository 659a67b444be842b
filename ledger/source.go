package ledger

// Source gives a workbook's sheets as rows of raw cell values. Raw means as stored:
// a date cell reads as its serial ("45731"), a number without its display format;
// the reader converts values by the field of their column. Two readers implement it:
// the streaming workbook reader (source_stream.go) and the CSV one; the tests compare
// the first with excelize through the same interface.
type Source interface {
	// Sheets lists the visible sheet names in workbook order.
	Sheets() []string
	// Date1904 reports whether serials count from 1904 (old Mac workbooks).
	Date1904() bool
	// Rows calls fn with each row of the sheet in order, with its 1-based row number
	// and its cells by 0-based column (trailing empty cells may be missing). cells is
	// only valid during the call. fn returns false to stop early.
	Rows(sheet string, fn func(row int, cells []string) bool) error
	// Merges lists the sheet's merged ranges.
	Merges(sheet string) ([]Range, error)
	Close() error
}

// Range is a rectangle of cells, 1-based rows and 0-based columns, inclusive.
type Range struct {
	Top, Left, Bottom, Right int
}

// Contains reports whether the cell is inside the range.
func (r Range) Contains(row, col int) bool {
	return row >= r.Top && row <= r.Bottom && col >= r.Left && col <= r.Right
}
