package ledger

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gongjian/internal/ooxml"
)

// Options steer reading; the zero value reads any ledger with no configuration.
type Options struct {
	Sheet      string // read this sheet instead of the best-matching one
	Kind       Kind   // treat the sheet as this kind instead of deciding from its fields
	AsOf       Date   // the as-of date given by the user; its year is the ledger's year when the ledger names none
	UnzipLimit int64  // bytes a workbook may unpack to; 0 is DefaultUnzipLimit
	Today      Date   // today's date, for ledgers that state no reporting month; zero is the clock's
	// Columns are a county's own header names for fields, besides the built-in ones
	// (a rules file's columns:, such as leader: [县级领导]); they win over the built-in
	// names.
	Columns map[Field][]string
}

// Read reads the ledger in the file at path, as ReadContext does with a context
// that is never cancelled.
func Read(path string, opts Options) (*Ledger, error) {
	return ReadContext(context.Background(), path, opts)
}

// cancelEvery is how many rows are read between looks at the context: often enough
// to stop within milliseconds, rarely enough to cost nothing.
const cancelEvery = 4096

func readSource(ctx context.Context, src Source, path string, opts Options) (*Ledger, error) {
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	sheet, grid, h, err := chooseSheet(src, path, opts.Sheet, newMatcher(opts.Columns))
	if err != nil {
		return nil, err
	}
	above := readAboveHeader(grid, h.top)
	l := &Ledger{
		File:       path,
		Sheet:      sheet,
		HeaderRows: h.rows(),
		Columns:    h.columns,
		Title:      above.title,
		Filler:     above.filler,
		Month:      h.month,
	}
	for i := range l.Columns {
		if l.Columns[i].Unit == unitUnset {
			l.Columns[i].Unit = UnitWan
			if above.hasUnit {
				l.Columns[i].Unit = above.unit
			}
		}
	}
	switch {
	case above.year != 0:
		l.Year, l.YearSource = above.year, "title"
	case h.year != 0:
		l.Year, l.YearSource = h.year, "header"
	}
	rr := newRowReader(l, src.Date1904())
	if above.block.text != "" {
		rr.enterSection(above.block)
	}
	if rh, ok := src.(rowHinter); ok {
		rr.sizeFor(rh.rowHint(sheet) - valueRowsAbove(grid, h.dataStart()))
	}
	if wl, ok := src.(widthLimiter); ok {
		wl.limitWidth(tableWidth(grid, h))
	}
	n := 0
	err = src.Rows(sheet, func(row int, cells []string) bool {
		if n++; n%cancelEvery == 0 && ctx.Err() != nil {
			return false
		}
		if row >= h.dataStart() {
			rr.add(row, cells)
		}
		return true
	})
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err != nil {
		return nil, sheetError(path, sheet, err, "读取工作表“%s”时出错，文件可能已损坏；请用 Excel/WPS 打开后重新保存。")
	}
	// Merged ranges are written after the cells: a streaming source has them now.
	merges, err := src.Merges(sheet)
	if err != nil {
		return nil, sheetError(path, sheet, err, "工作表“%s”的合并单元格信息已损坏；请用 Excel/WPS 打开后重新保存。")
	}
	rr.finish(above, opts, merges)
	l.Kind = decideKind(l, opts.Kind)
	return l, nil
}

// rowHinter is a Source that can tell, before its rows are read, about how many rows
// of a sheet hold values, so the projects are stored once rather than copied as the
// slice grows (at 100,000 rows the copies cost more time than converting the cells).
type rowHinter interface {
	rowHint(sheet string) int
}

// widthLimiter is a Source that can leave out the cells past a column, so that a
// value far to the right (column XFD) costs a row no more than one in column A.
type widthLimiter interface {
	limitWidth(columns int)
}

// headerScanColumns is how far right the header is looked for: past the 256 columns
// of the old .xls format no ledger has a header.
const headerScanColumns = 256

// headerScanCells is how many cells the search for the header looks at in all the
// sheets of a workbook together; the sheets past it are not considered. A workbook of
// a thousand real sheets stays below it; one crafted with thousands of sheets full of
// text would otherwise take minutes to look through.
const headerScanCells = 1 << 20

// tableWidth is how many columns the ledger's table spans: its header's.
func tableWidth(grid [][]string, h headerMatch) int {
	w := 0
	for _, c := range h.columns {
		w = max(w, c.Index+1)
	}
	for _, r := range h.rows() {
		if r-1 < len(grid) {
			w = max(w, len(grid[r-1]))
		}
	}
	return w
}

// sheetError is the *Error for a sheet that could not be read: past one of the
// package's limits, else damaged (corrupt, with the sheet's name for its %s).
func sheetError(path, sheet string, err error, corrupt string) *Error {
	switch {
	case errors.Is(err, ooxml.ErrTooLarge):
		return packageError(path, err, "")
	case errors.Is(err, ooxml.ErrOutsideSheet):
		return fileError(ErrCorrupt, path, err, "工作表“%s”中有 Excel 里不可能有的行或单元格（行号超过 1048576、列超过 XFD 或编号无效），文件已损坏或不是 Excel/WPS 保存的；请用 Excel/WPS 打开后重新保存。", sheet)
	}
	return fileError(ErrCorrupt, path, err, corrupt, sheet)
}

// valueRowsAbove counts the non-blank rows above row dataStart among the first rows.
func valueRowsAbove(grid [][]string, dataStart int) int {
	n := 0
	for i := 0; i < len(grid) && i < dataStart-1; i++ {
		if !isBlankRow(grid[i]) {
			n++
		}
	}
	return n
}

// hiddenSheeter is a Source that also knows the sheets a workbook hides: --sheet may
// name one, the automatic choice looks only at the visible ones.
type hiddenSheeter interface {
	HiddenSheets() []string
}

// chooseSheet reads the first rows of each visible sheet and keeps the one whose
// header matches the most fields; between equals, the later reporting month ("1-5月"
// over "1-4月"), then the first. A sheet named by want is read whether hidden or not.
func chooseSheet(src Source, path, want string, mt *matcher) (string, [][]string, headerMatch, error) {
	sheets := src.Sheets()
	if want != "" {
		all := append([]string(nil), sheets...)
		names := append([]string(nil), sheets...)
		if hs, ok := src.(hiddenSheeter); ok {
			for _, h := range hs.HiddenSheets() {
				all = append(all, h)
				names = append(names, h+"（隐藏）")
			}
		}
		found := false
		for _, s := range all {
			if s == want {
				found = true
			}
		}
		if !found {
			return "", nil, headerMatch{}, fileError(ErrNoSheet, path, nil, "没有名为“%s”的工作表，工作簿中有：%s。", want, strings.Join(names, "、"))
		}
		sheets = []string{want}
	}
	var (
		bestSheet string
		bestGrid  [][]string
		best      headerMatch
		anyCells  bool
		cellsSeen int
	)
	if wl, ok := src.(widthLimiter); ok {
		wl.limitWidth(headerScanColumns)
	}
	for _, s := range sheets {
		if cellsSeen > headerScanCells {
			break
		}
		grid, below, err := firstRows(src, s, headerScanRows+1)
		if err != nil {
			return "", nil, headerMatch{}, sheetError(path, s, err, "读取工作表“%s”时出错，文件可能已损坏；请用 Excel/WPS 打开后重新保存。")
		}
		if len(grid) > 0 || below {
			anyCells = true
		}
		for _, r := range grid {
			cellsSeen += len(r)
		}
		h := mt.findHeader(grid)
		if bestSheet == "" || h.score > best.score || h.score == best.score && h.month > best.month {
			bestSheet, bestGrid, best = s, grid, h
		}
	}
	if !anyCells {
		return "", nil, headerMatch{}, fileError(ErrEmpty, path, nil, "工作簿是空的，没有任何内容；请确认保存的是填好的台账。")
	}
	if best.fields < 3 {
		where := "前 15 行都没有可识别的列名"
		if best.bestText != "" {
			where = fmt.Sprintf("最接近的是工作表“%s”第 %d 行：“%s”", bestSheet, best.top, truncate(best.bestText, 60))
		}
		return "", nil, headerMatch{}, fileError(ErrNoHeader, path, nil, "没有找到台账表头（在每个工作表前 15 行中查找 项目名称、建设性质、总投资、年度计划投资、完成投资、开工时间、融资需求 等列名），%s；请确认这是开复工台账或融资需求台账。", where)
	}
	return bestSheet, bestGrid, best, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// firstRows copies the first n rows of a sheet (row i+1 at index i); below says
// whether a row further down holds a value.
func firstRows(src Source, sheet string, n int) (grid [][]string, below bool, err error) {
	err = src.Rows(sheet, func(row int, cells []string) bool {
		if row > n {
			// A first row far down (row 1,000,000) adds no empty rows above it.
			below = !isBlankRow(cells)
			return false
		}
		for len(grid) < row-1 {
			grid = append(grid, nil)
		}
		grid = append(grid, append([]string(nil), cells...))
		return row < n
	})
	// Trailing empty rows say nothing; drop them so an empty sheet reads as empty.
	for len(grid) > 0 && isBlankRow(grid[len(grid)-1]) {
		grid = grid[:len(grid)-1]
	}
	return grid, below, err
}

func isBlankRow(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// decideKind tells a 融资需求台账 from a 开复工台账 by the fields only one of them has.
func decideKind(l *Ledger, forced Kind) Kind {
	if forced != "" {
		return forced
	}
	rz, kf := 0, 0
	for _, f := range rongziFields {
		if l.Has(f) {
			rz++
		}
	}
	for _, f := range kaifugongFields {
		if l.Has(f) {
			kf++
		}
	}
	if rz >= 2 && rz > kf {
		return KindRongzi
	}
	return KindKaifugong
}

// inferDates settles the ledger's year and reporting date (docs/台账字段.md, 截至日期和
// 年份). The year: the title, a header ("2025年计划投资"), the 年度 column, the 填报月份
// column, the year most dates fall in, the --as-of year, this year. The date: the
// latest "1-N月" column filled, else the title or a line under it (with the ledger's
// year when it gives only "5月" or "二季度"), else the 填报月份 column, else the
// month-by-month columns, else a month in a header ("5月进展情况"), else today — or,
// for a past year's ledger that names no month, that year's end.
func (l *Ledger) inferDates(above aboveHeader, opts Options, r *rowReader) {
	dateYears, columnYear := r.dateYears, r.columnYear()
	colYear, colMonth := r.columnMonth()
	today := opts.Today
	if !today.IsSet() {
		t := time.Now()
		today = DayDate(t.Year(), int(t.Month()), t.Day())
	}
	if l.Year == 0 && columnYear != 0 {
		l.Year, l.YearSource = columnYear, "column"
	}
	if l.Year == 0 && colYear != 0 {
		l.Year, l.YearSource = colYear, "column"
	}
	if l.Year == 0 {
		best, bestN := 0, 0
		for y, n := range dateYears {
			if n > bestN || n == bestN && y > best {
				best, bestN = y, n
			}
		}
		switch {
		case best != 0:
			l.Year, l.YearSource = best, "dates"
		case opts.AsOf.IsSet():
			l.Year, l.YearSource = int(opts.AsOf.Year), "flag"
		default:
			l.Year, l.YearSource = int(today.Year), "today"
		}
	}
	switch {
	case l.Month != 0:
		l.AsOf, l.AsOfSource = MonthDate(l.Year, l.Month).MonthEnd(), AsOfHeader
	case above.when.isSet():
		l.AsOf, l.AsOfSource = above.when.in(l.Year), AsOfTitle
		l.Month = int(l.AsOf.Month)
	case colMonth != 0:
		l.Month = colMonth
		l.AsOf, l.AsOfSource = MonthDate(l.Year, l.Month).MonthEnd(), AsOfColumn
	case l.monthlyMonth() != 0:
		l.Month = l.monthlyMonth()
		l.AsOf, l.AsOfSource = MonthDate(l.Year, l.Month).MonthEnd(), AsOfMonthly
	case l.headerMonth() != 0:
		l.Month = l.headerMonth()
		l.AsOf, l.AsOfSource = MonthDate(l.Year, l.Month).MonthEnd(), AsOfHeader
	case int(today.Year) > l.Year:
		// A past year's ledger that names no month is judged at that year's end, not
		// at a date in a later year.
		l.AsOf, l.AsOfSource = DayDate(l.Year, 12, 31), AsOfYearEnd
	default:
		l.AsOf, l.AsOfSource = today, AsOfToday
	}
}

// headerMonth is the latest month a header names outside the 完成投资 columns: "5月进展
// 情况", "5月形象进度" (0 if none).
func (l *Ledger) headerMonth() int { return l.latestMonth(FieldProgress) }

// monthlyMonth is the latest month of the month-by-month columns (0 if none).
func (l *Ledger) monthlyMonth() int { return l.latestMonth(FieldMonthDone) }

// latestMonth is the latest month of the columns naming the field (0 if none).
func (l *Ledger) latestMonth(f Field) int {
	m := 0
	for _, c := range l.Columns {
		if c.Known == f && c.Month > m {
			m = c.Month
		}
	}
	return m
}

// MonthColumns are the month-by-month 完成投资 columns ("3月实际完成投资" …), oldest
// first; Project.Months and TotalRow.Months hold their values in this order.
func (l *Ledger) MonthColumns() []Column {
	var cols []Column
	for _, c := range l.Columns {
		if c.Field == FieldMonthDone && c.Month != 0 {
			cols = append(cols, c)
		}
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].Month < cols[j].Month })
	return cols
}
