package ledger

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongjian/internal/ooxml"
)

// csvSource reads a CSV saved by Excel or WPS: UTF-8 with or without a BOM, or GBK
// (what Chinese Excel writes by default). The whole file is one sheet named after it.
type csvSource struct {
	name    string
	records [][]string
}

// maxCSVBytes refuses CSV files far larger than any ledger.
const maxCSVBytes = 512 << 20

// readCSV reads a CSV ledger from r, the open file at path.
func readCSV(f io.Reader, path string) (*csvSource, error) {
	data, err := io.ReadAll(io.LimitReader(f, maxCSVBytes+1))
	if err != nil {
		return nil, openError(path, err)
	}
	if len(data) > maxCSVBytes {
		return nil, fileError(ErrTooLarge, path, nil, "CSV 文件超过 %d MB，已拒绝读取；请确认文件是否正确。", maxCSVBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		if data, err = simplifiedchinese.GB18030.NewDecoder().Bytes(data); err != nil {
			return nil, fileError(ErrCorrupt, path, err, "CSV 文件的编码无法识别（既不是 UTF-8 也不是 GBK）；请在 Excel/WPS 中另存为 .xlsx 后再检查。")
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if sep := sniffSeparator(data); sep != ',' {
		r.Comma = sep
	}
	records, err := readRecords(r)
	if err != nil {
		return nil, fileError(ErrCorrupt, path, err, "CSV 文件格式有误（引号不成对或行不完整）；请在 Excel/WPS 中打开后重新保存。")
	}
	name := sheetNameFor(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	return &csvSource{name: name, records: records}, nil
}

// readRecords reads every record as a row of cells: its trailing empty cells left out
// (an export that went on to column XFD writes thousands of commas a line, which as
// cells would cost 16 bytes each), no more than a sheet's columns, each cell no longer
// than an Excel cell holds.
func readRecords(r *csv.Reader) ([][]string, error) {
	r.ReuseRecord = true
	var records [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return records, nil
		}
		if err != nil {
			return nil, err
		}
		n := min(len(rec), ooxml.MaxColumns)
		for n > 0 && rec[n-1] == "" {
			n--
		}
		row := make([]string, n)
		for i, v := range rec[:n] {
			if len(v) > ooxml.MaxCellChars {
				v = ooxml.CutChars(v, ooxml.MaxCellChars)
			}
			row[i] = v
		}
		records = append(records, row)
	}
}

// sniffSeparator picks ; or tab when the first lines use them instead of commas.
func sniffSeparator(data []byte) rune {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	c, s, t := bytes.Count(head, []byte(",")), bytes.Count(head, []byte(";")), bytes.Count(head, []byte("\t"))
	switch {
	case t > c && t >= s:
		return '\t'
	case s > c:
		return ';'
	}
	return ','
}

func (s *csvSource) Sheets() []string { return []string{s.name} }
func (s *csvSource) Date1904() bool   { return false }
func (s *csvSource) Rows(_ string, fn func(int, []string) bool) error {
	for i, rec := range s.records {
		if !fn(i+1, rec) {
			break
		}
	}
	return nil
}
func (s *csvSource) Merges(string) ([]Range, error) { return nil, nil }
func (s *csvSource) Close() error                   { return nil }

// sheetNameFor makes a file name a valid sheet name: at most 31 characters, none of
// the ones Excel forbids.
func sheetNameFor(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if strings.Trim(name, "' ") == "" {
		name = "台账"
	}
	return name
}
