package annotate

import (
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"gongjian/ledger"
)

// How a CSV ledger's rows are laid out as a sheet a clerk can send on or print: the
// title above the table, the header bold and shaded, the table bordered, amounts as
// numbers with two decimals, dates as dates, each column as wide as what it holds.
// What the reader found (the header rows, the columns' fields, the last project)
// decides it; the values stay what the clerk typed, only their type changes.

// Column widths in characters (a Chinese character counts two), and where text wraps.
const (
	widthSample  = 5000 // data rows the widths are taken from: enough to see every kind of cell
	minColWidth  = 4
	maxColWidth  = 40 // wider text wraps, and its row grows
	headerWrapAt = 10 // a header wider than this may take two lines
	colPadding   = 2
	lineHeight   = 15 // points per line of 11-point text
	rowPadding   = 5  // points above and below, so text does not touch the borders
)

// csvCellKind is how a cell of the table is written.
type csvCellKind int

const (
	csvText csvCellKind = iota
	csvAmount
	csvDate
	csvSeq // the 序号: centred, apart from the 项目代码 beside it
)

// csvLayout is what the sheet's writer needs to know about the rows.
type csvLayout struct {
	headerFirst, headerLast int // sheet rows (1-based) of the header
	tableLast               int // the last row of the table: a project or a 合计
	titleRow                int // the title above the header, 0 for none
	cols                    int // columns of the table
	kinds                   []csvCellKind
	units                   []ledger.Unit // of the amount columns
	widths                  []float64     // in characters, padding included
	totals                  map[int]bool  // rows of 合计/小计
	freezeCols              int           // columns kept in view when scrolling right: up to 项目名称
	year                    int           // for dates written without one ("3月15日")

	// One row's cells as written, reused from row to row, and the columns' letters.
	vals     []string
	valKinds []csvCellKind
	letters  []string
}

// layoutOf lays out the rows the reader read l from.
func layoutOf(l *ledger.Ledger, rows [][]string) *csvLayout {
	lo := &csvLayout{totals: map[int]bool{}, year: l.Year}
	if len(l.HeaderRows) > 0 {
		lo.headerFirst, lo.headerLast = l.HeaderRows[0], l.HeaderRows[len(l.HeaderRows)-1]
	}
	lo.tableLast = lo.headerLast
	for _, p := range l.Projects {
		lo.tableLast = max(lo.tableLast, p.Row)
	}
	for _, t := range l.Totals {
		lo.totals[t.Row] = true
		lo.tableLast = max(lo.tableLast, t.Row)
	}
	lo.tableLast = min(lo.tableLast, len(rows))
	for r := lo.headerFirst; r >= 1 && r <= lo.tableLast; r++ {
		lo.cols = max(lo.cols, filledWidth(rows[r-1]))
	}
	lo.kinds = make([]csvCellKind, lo.cols)
	lo.units = make([]ledger.Unit, lo.cols)
	for _, c := range l.Columns {
		if c.Derived || c.Index >= lo.cols {
			continue
		}
		switch c.Field.Type() {
		case ledger.TypeAmount:
			lo.kinds[c.Index], lo.units[c.Index] = csvAmount, c.Unit
		case ledger.TypeDate:
			lo.kinds[c.Index] = csvDate
		}
		if c.Field == ledger.FieldSeq {
			lo.kinds[c.Index] = csvSeq
		}
		if c.Field == ledger.FieldName && c.Index < 3 {
			lo.freezeCols = c.Index + 1
		}
	}
	lo.titleRow = titleRowOf(rows, lo.headerFirst)
	lo.widths = lo.columnWidths(rows)
	return lo
}

// filledWidth is the number of cells of a record up to its last non-empty one.
func filledWidth(rec []string) int {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	return n
}

// titleRowOf is the first row above the header holding text in its first cell only
// (the ledger's title), or 0.
func titleRowOf(rows [][]string, headerFirst int) int {
	for r := 1; r < headerFirst && r <= len(rows); r++ {
		rec := rows[r-1]
		if filledWidth(rec) == 0 {
			continue
		}
		if filledWidth(rec) == 1 {
			return r
		}
		return 0
	}
	return 0
}

// inTable reports whether a sheet row belongs to the bordered table.
func (lo *csvLayout) inTable(row int) bool {
	return lo.headerFirst > 0 && row >= lo.headerFirst && row <= lo.tableLast
}

// columnWidths are as wide as each column's widest cell, a header allowed two lines,
// amounts as they will show (with thousands separators) and dates as yyyy-mm-dd. A
// long ledger's widths come from its first rows and its 合计 rows: a longer name
// further down wraps, and its row is made tall enough.
func (lo *csvLayout) columnWidths(rows [][]string) []float64 {
	sample := make([]int, 0, widthSample+len(lo.totals))
	for r := lo.headerLast + 1; r <= min(lo.tableLast, lo.headerLast+widthSample); r++ {
		sample = append(sample, r)
	}
	for r := range lo.totals {
		if r > lo.headerLast+widthSample && r <= lo.tableLast {
			sample = append(sample, r)
		}
	}
	widths := make([]float64, lo.cols)
	for j := range widths {
		w := minColWidth
		for r := lo.headerFirst; r >= 1 && r <= lo.headerLast; r++ {
			if j < len(rows[r-1]) {
				hw := cellWidth(rows[r-1][j])
				if hw > headerWrapAt {
					hw = max(headerWrapAt, (hw+1)/2)
				}
				w = max(w, hw)
			}
		}
		for _, r := range sample {
			if j >= len(rows[r-1]) {
				continue
			}
			v, kind := lo.value(rows[r-1][j], j)
			switch kind {
			case csvAmount:
				w = max(w, amountWidth(v))
			case csvDate:
				w = max(w, len("2025-03-15"))
			default:
				w = max(w, cellWidth(v))
			}
		}
		widths[j] = float64(min(w, maxColWidth) + colPadding)
	}
	return widths
}

// rowHeight is the height in points a row of the table needs for its text cells to
// wrap within their columns. Numbers and dates show in their formats, which the
// widths allow for.
func (lo *csvLayout) rowHeight(vals []string, kinds []csvCellKind) float64 {
	lines := 1
	for j, v := range vals[:min(len(vals), lo.cols)] {
		avail := int(lo.widths[j]) - colPadding
		if kinds[j] == csvAmount || kinds[j] == csvDate || len(v) <= avail && !strings.Contains(v, "\n") {
			continue // a Chinese character takes three bytes and two columns: it fits
		}
		n := 0
		for _, line := range strings.Split(v, "\n") {
			n += max(1, (cellWidth(line)+avail-1)/avail)
		}
		lines = max(lines, n)
	}
	return float64(lines*lineHeight + rowPadding)
}

// value is a table cell as written, and its kind: an amount as its exact number in
// the column's unit, a date with a day as its serial; anything else (a month, "无",
// a typo the findings point at) as typed.
func (lo *csvLayout) value(s string, col int) (string, csvCellKind) {
	if col >= lo.cols || strings.TrimSpace(s) == "" {
		return s, csvText
	}
	switch lo.kinds[col] {
	case csvAmount:
		if a, err := ledger.ParseAmount(s, lo.units[col]); err == nil && a.IsSet() {
			return a.In(lo.units[col]).String(), csvAmount
		}
	case csvDate:
		if d, err := ledger.ParseDate(s, false, lo.year); err == nil && d.HasDay() {
			return serial(d), csvDate
		}
	case csvSeq:
		return s, csvSeq
	}
	return s, csvText
}

// excelEpoch is day 0 of the 1900 date system for every date after February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is a date as a number of the 1900 date system.
func serial(d ledger.Date) string {
	t := time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, time.UTC)
	return strconv.Itoa(int(math.Round(t.Sub(excelEpoch).Hours() / 24)))
}

// amountWidth is the width of a number as "#,##0.00" shows it.
func amountWidth(v string) int {
	neg := strings.HasPrefix(v, "-")
	intPart, _, _ := strings.Cut(strings.TrimPrefix(v, "-"), ".")
	n := len(intPart) + (len(intPart)-1)/3 + len(".00")
	if neg {
		n++
	}
	return n
}

// cellWidth is the width of text in characters of the sheet's font: two for a Chinese
// character, a full-width form or the punctuation a Chinese font draws wide (“ ” ……),
// one for the others; the widest line of several.
func cellWidth(s string) int {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		w := 0
		for _, r := range line {
			w++
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
				w++
			}
		}
		widest = max(widest, w)
	}
	return widest
}
