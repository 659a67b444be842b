package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The breadth samples: one ledger per layout that real county ledgers and system
// exports use and that the first samples did not (see breadth_samples.go for the
// ledgers themselves). Their figures are worked out by hand in the comments of
// breadth_samples.go and asserted by ledger/breadth_test.go and rules/breadth_test.go.
//
// Each is written cell by cell from a table of rows, since their point is the layout:
// where the title, the block titles, the header rows and the merged cells stand.

// yesNo is a 1/0 written as a plain number, as system exports write 是否开工.
type yesNo int

// txt is text that must stay text even when it looks like a number ("2025").
type txt string

// sheetWriter writes the rows of one sheet of a breadth sample.
type sheetWriter struct {
	b     *book
	name  string
	row   int // the next row to write
	width int // the table's number of columns
}

func newSheetWriter(b *book, name string, widths []float64) (*sheetWriter, error) {
	if err := b.f.SetSheetName("Sheet1", name); err != nil {
		if _, err := b.f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	for i, w := range widths {
		if err := b.f.SetColWidth(name, colName(i+1), colName(i+1), w); err != nil {
			return nil, err
		}
	}
	if err := printSetup(b.f, name); err != nil {
		return nil, err
	}
	return &sheetWriter{b: b, name: name, row: 1, width: len(widths)}, nil
}

// printSetup prints a sheet as clerks print ledgers: A4 landscape, one page wide.
func printSetup(f *excelize.File, sheet string) error {
	size, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// titledSheet starts a sample: a workbook (its properties named after doc, by
// creator), its one sheet with the given column widths, the merged title row and the
// "单位：万元" row under it.
func titledSheet(doc, creator, sheet, title string, widths []float64) (*book, *sheetWriter, error) {
	b, err := newBook(doc, creator, false)
	if err != nil {
		return nil, nil, err
	}
	s, err := newSheetWriter(b, sheet, widths)
	if err != nil {
		return nil, nil, err
	}
	if err := s.title(title); err != nil {
		return nil, nil, err
	}
	if err := s.unitLine(); err != nil {
		return nil, nil, err
	}
	return b, s, nil
}

// title writes a merged title row across the table.
func (s *sheetWriter) title(text string) error {
	if err := s.b.merge(s.name, 1, s.row, s.width, s.row, text, s.b.st.title); err != nil {
		return err
	}
	if err := s.b.f.SetRowHeight(s.name, s.row, 28); err != nil {
		return err
	}
	s.row++
	return nil
}

// unitLine writes "单位：万元" right-aligned in the last column.
func (s *sheetWriter) unitLine() error {
	if err := s.b.set(s.name, s.width, s.row, "单位：万元", s.b.st.unit); err != nil {
		return err
	}
	s.row++
	return nil
}

// header writes one header row of texts; an empty text leaves a styled empty cell
// (under a merge).
func (s *sheetWriter) header(cells ...string) error {
	for i, v := range cells {
		var value any
		if v != "" {
			value = v
		}
		if err := s.b.set(s.name, i+1, s.row, value, s.b.st.header); err != nil {
			return err
		}
	}
	if err := s.b.f.SetRowHeight(s.name, s.row, 32); err != nil {
		return err
	}
	s.row++
	return nil
}

// mergeHeader merges header cells of the rows just written (1-based columns, rows
// relative to the next row: -2 and -1 are the last two rows written).
func (s *sheetWriter) mergeHeader(c1, r1, c2, r2 int) error {
	from, _ := excelize.CoordinatesToCellName(c1, s.row+r1)
	to, _ := excelize.CoordinatesToCellName(c2, s.row+r2)
	return s.b.f.MergeCell(s.name, from, to)
}

// mergeTwoRows merges the two header rows just written: every column of the table
// down over both rows, but the columns from..to (1-based), whose group cell is merged
// across them on the upper row, with the children under it.
func (s *sheetWriter) mergeTwoRows(from, to int) error {
	for c := 1; c <= s.width; c++ {
		if c >= from && c <= to {
			continue
		}
		if err := s.mergeHeader(c, -2, c, -1); err != nil {
			return err
		}
	}
	return s.mergeHeader(from, -2, to, -2)
}

// line writes a row of values: text, numbers (万元 with two decimals), dates (as Excel
// dates), 1/0 flags and text that looks like a number; nil leaves a cell empty.
func (s *sheetWriter) line(cells ...any) error {
	lines := 1
	for i, v := range cells {
		style := s.b.st.wrap
		switch x := v.(type) {
		case nil:
		case int:
			v, style = float64(x), s.b.st.amount
			if i == 0 {
				style = s.b.st.center // 序号
			}
		case float64:
			style = s.b.st.amount
		case seqNum:
			v, style = float64(x), s.b.st.center
		case day:
			v, style = x.serial(false), s.b.st.date
		case yesNo:
			v, style = int(x), s.b.st.center
		case txt:
			v, style = string(x), s.b.st.center
		case string:
			lines = max(lines, strings.Count(x, "\n")+1)
		default:
			return fmt.Errorf("%s row %d: cell of type %T", s.name, s.row, v)
		}
		if err := s.b.set(s.name, i+1, s.row, v, style); err != nil {
			return err
		}
	}
	for i := len(cells); i < s.width; i++ {
		if err := s.b.set(s.name, i+1, s.row, nil, s.b.st.wrap); err != nil {
			return err
		}
	}
	if lines > 1 {
		if err := s.b.f.SetRowHeight(s.name, s.row, float64(14*lines+2)); err != nil {
			return err
		}
	}
	s.row++
	return nil
}

// blockTitle writes the title row a sub-table opens with: the title merged over the
// first columns, the count beside it.
func (s *sheetWriter) blockTitle(title, count string) error {
	if err := s.b.merge(s.name, 1, s.row, 3, s.row, title, s.b.st.section); err != nil {
		return err
	}
	if count != "" {
		if err := s.b.set(s.name, 4, s.row, count, s.b.st.section); err != nil {
			return err
		}
	}
	s.row++
	return nil
}

// writeBreadth writes every breadth sample into dir.
func writeBreadth(dir string) error {
	for _, w := range []struct {
		name  string
		write func(string) error
	}{
		{"包联领导台账.xlsx", writeLeaders},
		{"进展情况表.xlsx", writeProgressTitle},
		{"系统导出台账.xlsx", writeSystemExport},
		{"分类子表台账.xlsx", writeSubTables},
		{"分组表头台账.xlsx", writeGroupHeader},
		{"预备项目台账.xlsx", writeReserve},
		{"县重点项目进展情况表.xlsx", writeRoadmap},
		{"省市重点项目6月进度表.xlsx", writeCityMonthly},
		{"二季度推进情况表.xlsx", writeQuarterTable},
		{"打包项目台账.xlsx", writePackages},
	} {
		if err := w.write(filepath.Join(dir, w.name)); err != nil {
			return fmt.Errorf("%s: %w", w.name, err)
		}
	}
	return nil
}
