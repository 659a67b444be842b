package book

// RowFit works out the height one row needs: add each of its cells' text with the
// width it has (a merged cell's whole width) and its font size; Height is the tallest.
type RowFit struct{ height float64 }

// Add takes one cell: wrapped text takes the lines Lines gives, other text one line.
func (r *RowFit) Add(text string, width, size float64, wrap bool) {
	lines := 1
	if wrap && text != "" {
		lines = Lines(text, width, size)
	}
	r.height = max(r.height, RowHeight(lines, size))
}

// Height is the row's height in points (at least one line of the given size).
func (r *RowFit) Height(size float64) float64 {
	return max(r.height, RowHeight(1, size))
}
