package annotate

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report"
)

// csvAsWorkbook writes a CSV ledger's rows into a temporary workbook with one sheet
// of the ledger's sheet name, so the findings can be marked on it like on any other.
// Plain numbers become numbers; everything else stays text as the clerk typed it.
//
// The workbook is a temporary file in dir (the annotated copy's folder), known to
// RemoveTemporaryFiles, so an interrupt leaves nothing behind.
func csvAsWorkbook(l *ledger.Ledger, dir string) (path string, cleanup func(), err error) {
	rows, err := ledger.CSVRows(l.File)
	if err != nil {
		return "", nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", l.Sheet); err != nil {
		return "", nil, err
	}
	sw, err := f.NewStreamWriter(l.Sheet)
	if err != nil {
		return "", nil, err
	}
	for i, rec := range rows {
		vals := make([]any, len(rec))
		for j, v := range rec {
			vals[j] = csvValue(v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, vals); err != nil {
			return "", nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return "", nil, err
	}
	tmp, cleanup, err := report.CreateTemp(dir)
	if err != nil {
		return "", nil, err
	}
	name := tmp.Name()
	if err := f.Write(tmp); err != nil {
		tmp.Close()
		cleanup()
		return "", nil, err
	}
	if err := tmp.Close(); err != nil {
		cleanup()
		return "", nil, err
	}
	return name, cleanup, nil
}

// csvValue keeps a cell as a number only when writing it back gives the same text,
// so codes with leading zeros and "1,200" stay exactly as typed.
func csvValue(s string) any {
	if s == "" {
		return nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && strconv.FormatFloat(f, 'f', -1, 64) == s && !strings.HasPrefix(s, "+") {
		return f
	}
	return s
}
