package report

import (
	"fmt"
	"io"
	"path/filepath"
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

// WriteMonthlyCSVDir writes one CSV per table into dir ("01_主要指标.csv" …), each
// through a temporary file, and returns the files written.
func WriteMonthlyCSVDir(dir string, m *Monthly) ([]string, error) {
	var files []string
	n := 0
	for _, s := range m.sections() {
		for _, t := range s.tables() {
			n++
			path := filepath.Join(dir, fmt.Sprintf("%02d_%s.csv", n, safeFileName(t.Name)))
			if err := WriteAtomically(path, func(w io.Writer) error { return writeCSVTable(w, t, true) }); err != nil {
				return files, err
			}
			files = append(files, path)
		}
	}
	return files, nil
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
