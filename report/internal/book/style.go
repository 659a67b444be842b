package book

import "github.com/xuri/excelize/v2"

// The look every workbook shares.
const (
	// FontFamily is 宋体, which every Chinese Windows and WPS has.
	FontFamily  = "宋体"
	HeaderFill  = "DDEBF7" // light blue behind a table's header
	BorderColor = "808080" // thin grey lines around the cells of a table

	DateFormat   = "yyyy-mm-dd" // a date cell
	AmountFormat = "#,##0.00"   // 万元 with two decimals
)

// Font is the shared typeface at a size.
func Font(size float64, bold bool) *excelize.Font {
	return &excelize.Font{Family: FontFamily, Size: size, Bold: bold}
}

// Border is a thin grey line on every side of a cell.
func Border() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: BorderColor, Style: 1})
	}
	return b
}

// Fill is a solid fill of one colour ("DDEBF7").
func Fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// Styles adds styles to a workbook and keeps the first error, so a writer can declare
// all its styles in one list and check once.
type Styles struct {
	f   *excelize.File
	err error
}

// NewStyles starts adding styles to f.
func NewStyles(f *excelize.File) *Styles { return &Styles{f: f} }

// Add adds a style and returns its id (0 after an error).
func (s *Styles) Add(st excelize.Style) int {
	id, err := s.f.NewStyle(&st)
	if err != nil && s.err == nil {
		s.err = err
	}
	return id
}

// Err is the first error Add met.
func (s *Styles) Err() error { return s.err }
