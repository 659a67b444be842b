package report

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteMonthlyCSV writes the overview's tables to w (the report without -o).
func WriteMonthlyCSV(w io.Writer, m *Monthly) error {
	s := m.sections()[0]
	for i, t := range s.Tables {
		if i > 0 {
			if _, err := io.WriteString(w, "\r\n"); err != nil {
				return err
			}
		}
		if err := writeCSVTable(w, t, i == 0); err != nil {
			return err
		}
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
		for _, t := range s.Tables {
			files = append(files, CSVFile{
				Name:  fmt.Sprintf("%02d_%s.csv", len(files)+1, safeFileName(t.Name)),
				Write: func(w io.Writer) error { return writeCSVTable(w, t, true) },
			})
		}
	}
	return files
}

// writeCSVTable writes a table with its header. Numbers are written plainly (rates as
// fractions, amounts with two decimals) for scripts; text cells are defused against
// Excel formulas.
func writeCSVTable(w io.Writer, t table, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvSafe(append([]string(nil), t.Header...))); err != nil {
		return err
	}
	for _, r := range t.Rows {
		rec := make([]string, len(r))
		for i, c := range r {
			if c.Num != "" {
				rec[i] = c.Num
				continue
			}
			rec[i] = csvSafe([]string{c.Text})[0]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
