package ledger

import (
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DefaultUnzipLimit caps how much a workbook may unpack to, so a zip bomb is refused
// instead of filling memory. Real ledgers of 100,000 rows unpack to about 60 MB.
const DefaultUnzipLimit int64 = 1 << 30

// xlsxSource reads cells with excelize's streaming Rows() iterator, raw values only
// (formatting every cell costs about 2.7× more, and the reader converts by field),
// and merged ranges with its own scan of the sheet XML (see merges.go).
type xlsxSource struct {
	path   string
	f      *excelize.File
	sheets []string
	d1904  bool
	parts  *sheetParts
	scans  map[string]sheetScan // by sheet, once Merges has scanned it
	job    *scanJob             // the background scan started on opening, if any
}

// prescanMin is the size of sheet XML (unpacked) worth scanning in the background
// while excelize opens the workbook; a smaller one is scanned when asked, in
// milliseconds.
var prescanMin int64 = 4 << 20

func openXLSX(path string, unzipLimit int64) (*xlsxSource, error) {
	if unzipLimit <= 0 {
		unzipLimit = DefaultUnzipLimit
	}
	xml := int64(16 << 20)
	if xml > unzipLimit {
		xml = unzipLimit
	}
	// The sheet parts come first so the largest sheet, nearly always the ledger, is
	// scanned for merged ranges while excelize opens the file. A failure here is
	// reported only after excelize's, which tells a legacy or oversized file apart.
	parts, partsErr := readSheetParts(path, unzipLimit)
	var job *scanJob
	if partsErr == nil {
		if sheet, size := parts.largestSheet(); size >= prescanMin && size <= unzipLimit {
			job = parts.prescan(sheet)
		}
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: xml})
	if err != nil {
		job.cancel()
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fileError(ErrTooLarge, path, err, "工作簿解压后超过 %d MB 的上限，已拒绝读取（可能是损坏或恶意文件）；确属正常台账请用 --max-unzip-mb 调高上限。", unzipLimit>>20)
		}
		if errors.Is(err, excelize.ErrWorkbookFileFormat) {
			return nil, fileError(ErrLegacyFormat, path, err, "这是旧版 Excel 97-2003（.xls/.et）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查。")
		}
		return nil, fileError(ErrCorrupt, path, err, "文件已损坏或不完整，无法作为 xlsx 打开；请用 Excel/WPS 打开确认后重新保存。")
	}
	s := &xlsxSource{path: path, f: f, job: job}
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
	if partsErr != nil {
		f.Close()
		return nil, fileError(ErrCorrupt, path, partsErr, "文件已损坏或不完整，无法读取工作表结构；请用 Excel/WPS 打开确认后重新保存。")
	}
	s.parts = parts
	return s, nil
}

func (s *xlsxSource) Sheets() []string { return s.sheets }
func (s *xlsxSource) Date1904() bool   { return s.d1904 }

func (s *xlsxSource) Rows(sheet string, fn func(int, []string) bool) error {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
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

func (s *xlsxSource) Merges(sheet string) ([]Range, error) {
	sc, err := s.scan(sheet)
	return sc.merges, err
}

// rowHint is the number of rows of the sheet holding values (see rowHinter).
func (s *xlsxSource) rowHint(sheet string) int {
	sc, err := s.scan(sheet)
	if err != nil {
		return 0
	}
	return sc.valueRows
}

// scan reads the sheet's XML once for both its merged ranges and its row count.
func (s *xlsxSource) scan(sheet string) (sheetScan, error) {
	if sc, ok := s.scans[sheet]; ok {
		return sc, nil
	}
	if job := s.job; job != nil {
		// The background scan is of this sheet, or of one not read after all: stop it
		// rather than let it take a core from the rows.
		if job.sheet != sheet {
			job.cancel()
		}
		s.job = nil
		if sc, err := job.wait(); !errors.Is(err, errScanStopped) {
			if err == nil {
				s.remember(job.sheet, sc)
			}
			if job.sheet == sheet {
				return sc, err
			}
		}
	}
	sc, err := s.parts.scan(sheet)
	if err != nil {
		return sc, err
	}
	s.remember(sheet, sc)
	return sc, nil
}

func (s *xlsxSource) remember(sheet string, sc sheetScan) {
	if s.scans == nil {
		s.scans = map[string]sheetScan{}
	}
	s.scans[sheet] = sc
}

func (s *xlsxSource) Close() error {
	s.job.cancel()
	return s.f.Close()
}
