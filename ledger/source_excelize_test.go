package ledger

import "github.com/xuri/excelize/v2"

// excelizeSource is the reference the streaming reader is compared with: excelize's
// Rows() with raw values, and its merged ranges. Tests only; it reads small files.
type excelizeSource struct {
	f      *excelize.File
	sheets []string
	d1904  bool
}

func openXLSX(path string, _ int64) (*excelizeSource, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &excelizeSource{f: f}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.d1904 = *props.Date1904
	}
	for _, name := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			continue
		}
		s.sheets = append(s.sheets, name)
	}
	if len(s.sheets) == 0 {
		s.sheets = f.GetSheetList()
	}
	return s, nil
}

func (s *excelizeSource) Sheets() []string { return s.sheets }
func (s *excelizeSource) Date1904() bool   { return s.d1904 }
func (s *excelizeSource) Close() error     { return s.f.Close() }

func (s *excelizeSource) Rows(sheet string, fn func(int, []string) bool) error {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		if !fn(n, cells) {
			break
		}
	}
	return rows.Error()
}

func (s *excelizeSource) Merges(sheet string) ([]Range, error) {
	mcs, err := s.f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	var out []Range
	for _, m := range mcs {
		if r, ok := parseRangeRef(m.GetStartAxis() + ":" + m.GetEndAxis()); ok {
			out = append(out, r)
		}
	}
	return out, nil
}
