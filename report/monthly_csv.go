package report

import (
	"fmt"
	"io"
)

// WriteMonthlyCSV writes the overview's tables to w (the report without -o).
func WriteMonthlyCSV(w io.Writer, m *Monthly) error {
	i := 0
	for _, t := range m.sections()[0].tables() {
		if t.WorkbookOnly {
			continue
		}
		if i > 0 {
			if _, err := io.WriteString(w, "\r\n"); err != nil {
				return err
			}
		}
		if err := writeCSVTable(w, t, i == 0); err != nil {
			return err
		}
		i++
	}
	return nil
}

// CSVFile is one file of the report as a folder of CSV files.
type CSVFile struct {
	Name  string // "01_主要指标.csv"
	Write func(io.Writer) error
}

// MonthlyCSVFiles are the report's tables as a folder of CSV files, one per table,
// numbered in the report's order; the command writes them.
func MonthlyCSVFiles(m *Monthly) []CSVFile {
	var files []CSVFile
	for _, s := range m.sections() {
		for _, t := range s.csvTables() {
			files = append(files, CSVFile{
				Name:  fmt.Sprintf("%02d_%s.csv", len(files)+1, safeFileName(t.Name)),
				Write: func(w io.Writer) error { return writeCSVTable(w, t, true) },
			})
		}
	}
	return files
}

// safeFileName replaces the characters Windows forbids in file names.
func safeFileName(s string) string {
	out := []rune(s)
	for i, r := range out {
		switch r {
		case '<', '>', ':', '"', '/', '\\', '|', '?', '*':
			out[i] = '_'
		}
	}
	return string(out)
}
