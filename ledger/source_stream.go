package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"gongjian/internal/ooxml"
	"gongjian/internal/xmltag"
)

// DefaultUnzipLimit caps how much a workbook may unpack to, so a zip bomb is refused
// instead of filling memory. Real ledgers of 100,000 rows unpack to about 90 MB.
const DefaultUnzipLimit int64 = 1 << 30

// streamSource reads an .xlsx with nothing but the package structure internal/ooxml
// reads (the sheets, the date system, the shared strings) and a byte scan of the
// sheet's XML row by row as it decompresses. It keeps no DOM and holds no more than
// the shared strings and the current row, so reading costs about what decompressing
// does.
type streamSource struct {
	pkg    *ooxml.Package
	wb     *ooxml.Workbook // every sheet, with its state (visible, hidden)
	sheets []string        // the visible ones
	hidden []string        // the sheets the workbook hides, which only --sheet reads
	parts  map[string]string
	sst    *ooxml.SharedStrings
	merges map[string][]Range // found while reading rows
	// rowBytes is, per sheet, the XML bytes a row took among the first rows read,
	// for estimating the row count of a sheet that states no dimension.
	rowBytes map[string]float64
	// width is how many columns a row is given: cells past it are dropped, so a
	// value at column XFD costs a row no more than one at column A.
	width int
}

// openStream reads the workbook in r, an open file (see File).
func openStream(r *io.SectionReader, path string, limit int64) (*streamSource, error) {
	if limit <= 0 {
		limit = DefaultUnzipLimit
	}
	pkg, err := ooxml.Open(r, r.Size(), limit)
	if err != nil {
		return nil, packageError(path, err, "文件已损坏或不完整，无法作为 xlsx 打开；请用 Excel/WPS 打开确认后重新保存。")
	}
	s := &streamSource{pkg: pkg, parts: map[string]string{}, merges: map[string][]Range{}, rowBytes: map[string]float64{}, width: ooxml.MaxColumns}
	if err := s.readWorkbook(); err != nil {
		return nil, packageError(path, err, "文件已损坏或不完整，无法读取工作表结构；请用 Excel/WPS 打开确认后重新保存。")
	}
	return s, nil
}

// packageError is the *Error for a workbook whose package could not be read: past one
// of internal/ooxml's limits, else damaged (corrupt says how).
func packageError(path string, err error, corrupt string) *Error {
	var le *ooxml.LimitError
	if !errors.As(err, &le) {
		return fileError(ErrCorrupt, path, err, "%s", corrupt)
	}
	switch le.Kind {
	case ooxml.LimitRatio:
		return fileError(ErrTooLarge, path, err, "工作簿中的 %s 解压后超过压缩大小的 %d 倍，远超正常台账（通常不到 20 倍），已拒绝读取（可能是损坏或恶意文件）；请用 Excel/WPS 打开后重新保存再检查。", le.Part, le.Limit)
	case ooxml.LimitSheets:
		return fileError(ErrTooLarge, path, err, "工作簿有超过 %d 个工作表，已拒绝读取（可能是损坏或恶意文件）；请把台账所在的工作表另存为单独的工作簿再检查。", le.Limit)
	case ooxml.LimitStrings:
		return fileError(ErrTooLarge, path, err, "工作表中的单元格引用的共享文字远超文件本身的大小，已拒绝读取（可能是损坏或恶意文件）；请用 Excel/WPS 打开后重新保存再检查。")
	}
	return fileError(ErrTooLarge, path, err, "工作簿解压后超过 %d MB 的上限，已拒绝读取（可能是损坏或恶意文件）；确属正常台账请用 --max-unzip-mb 调高上限。", le.Limit>>20)
}

// readWorkbook finds the sheets, the date system and the shared strings. The hidden
// sheets are set apart, read only when named or when every sheet is hidden.
func (s *streamSource) readWorkbook() error {
	wb, err := s.pkg.Workbook()
	if err != nil {
		return err
	}
	s.wb = wb
	for _, sh := range wb.Sheets {
		s.parts[sh.Name] = sh.Part
		if sh.State == ooxml.SheetVisible {
			s.sheets = append(s.sheets, sh.Name)
		} else {
			s.hidden = append(s.hidden, sh.Name)
		}
	}
	if len(s.sheets) == 0 {
		s.sheets, s.hidden = s.hidden, nil
	}
	// A workbook of numbers has no shared strings.
	if wb.Strings != "" && s.pkg.Has(wb.Strings) {
		s.sst, err = s.pkg.SharedStrings(wb)
	}
	return err
}

func (s *streamSource) Sheets() []string { return s.sheets }

// HiddenSheets lists the sheets the workbook hides, in workbook order.
func (s *streamSource) HiddenSheets() []string { return s.hidden }
func (s *streamSource) Date1904() bool         { return s.wb.Date1904 }
func (s *streamSource) Close() error           { return nil } // the open File's to close

// limitWidth gives rows only their first n columns from now on: a ledger's values lie
// within its header's columns.
func (s *streamSource) limitWidth(n int) { s.width = max(1, min(n, ooxml.MaxColumns)) }

// Merges returns the merged ranges a full Rows pass has collected, or scans for them.
func (s *streamSource) Merges(sheet string) ([]Range, error) {
	if m, ok := s.merges[sheet]; ok {
		return m, nil
	}
	sc, c, err := s.pkg.Scan(s.parts[sheet])
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out []Range
	for {
		err := sc.Next(nil, false)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, sheetCorrupt(s.parts[sheet], err)
		}
		if name, closing, _ := sc.Name(); !closing && string(name) == "mergeCell" {
			if r, ok := parseRangeRef(string(sc.Attr("ref"))); ok {
				out = append(out, r)
			}
		}
	}
	s.merges[sheet] = out
	return out, nil
}

// sheetCorrupt is a sheet's scan error as ErrCorrupt.
func sheetCorrupt(part string, err error) error {
	if errors.Is(err, xmltag.ErrMalformed) {
		return fmt.Errorf("%s: %w: %w", part, ooxml.ErrCorrupt, err)
	}
	return err
}

// Rows streams the sheet's cells, raw: shared strings looked up, inline strings
// joined, numbers, booleans ("1"/"0") and errors as written.
func (s *streamSource) Rows(sheet string, fn func(int, []string) bool) error {
	if f := s.pkg.File(s.parts[sheet]); f == nil || f.UncompressedSize64 < pipelineMin {
		return s.scanRows(sheet, fn)
	}
	return s.pipeline(sheet, fn)
}

// Sheets of more than pipelineMin bytes of XML are read on two cores, pipelineBatch
// rows handed over at a time; below that, starting a goroutine costs more than it saves.
var pipelineMin uint64 = 4 << 20 // a variable so tests can send small sheets through the pipeline

const pipelineBatch = 512

// pipeline scans a large sheet on one core while fn builds the projects on the other:
// the scan hands over rows in batches. However fn ends (false, or a panic), the scan
// is stopped and waited for: no goroutine outlives the call.
func (s *streamSource) pipeline(sheet string, fn func(int, []string) bool) error {
	type scanned struct {
		row   int
		cells []string
	}
	batches := make(chan []scanned, 4)
	stop := make(chan struct{})
	var (
		scanErr   error
		scanPanic any
	)
	go func() {
		defer close(batches)
		defer func() { scanPanic = recover() }()
		batch := make([]scanned, 0, pipelineBatch)
		send := func() bool {
			select {
			case batches <- batch:
				batch = make([]scanned, 0, pipelineBatch)
				return true
			case <-stop:
				return false
			}
		}
		scanErr = s.scanRows(sheet, func(row int, cells []string) bool {
			batch = append(batch, scanned{row, append([]string(nil), cells...)})
			return len(batch) < pipelineBatch || send()
		})
		if scanErr == nil && len(batch) > 0 {
			send()
		}
	}()
	// On the way out, also when fn panics, the scan is told to stop and waited for:
	// no goroutine outlives the read.
	defer func() {
		close(stop)
		for range batches {
		}
	}()
	for b := range batches {
		for _, r := range b {
			if !fn(r.row, r.cells) {
				return nil
			}
		}
	}
	// batches is closed: the scan has ended and its results are ours to read.
	if scanPanic != nil {
		panic(scanPanic) // a bug: the caller's recover reports it, as for one on this goroutine
	}
	return scanErr
}

// scanRows reads the sheet's rows on the calling goroutine.
func (s *streamSource) scanRows(sheet string, fn func(int, []string) bool) error {
	part := s.parts[sheet]
	sc, c, err := s.pkg.Scan(part)
	if err != nil {
		return err
	}
	defer c.Close()
	rows := 0
	var (
		row, col          = 0, -1
		cells             []string
		typ               []byte
		val               []byte
		inV, inIS         bool
		runs              ooxml.TextRuns // the text of an inline string
		inData, stopped   bool
		merges            []Range
		full              = true
		cellOpen, rowOpen bool
		root              []byte // the root element's name, to see it closed
		closed            bool
	)
	flushRow := func() bool {
		rowOpen = false
		if stopped {
			return false
		}
		rows++
		if !fn(row, cells) {
			stopped, full = true, false
			s.rowBytes[sheet] = float64(sc.Consumed()) / float64(rows)
		}
		return !stopped
	}
	for {
		keep := inV || runs.InText()
		err := sc.Next(nil, keep)
		if keep && len(sc.Text()) > 0 {
			val = ooxml.AppendText(val, sc.Text())
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return sheetCorrupt(part, err)
		}
		name, closing, empty := sc.Name()
		switch string(name) {
		case "sheetData":
			inData = !closing && !empty
			if closing && rowOpen {
				flushRow()
			}
		case "row":
			if !inData {
				continue
			}
			if closing {
				if !flushRow() {
					return nil
				}
				continue
			}
			if row, err = rowNumber(sc, row); err != nil {
				return fmt.Errorf("%s: %w", part, err)
			}
			col = -1
			cells = cells[:0]
			rowOpen = true
			if empty && !flushRow() {
				return nil
			}
		case "c":
			if !inData {
				continue
			}
			if closing {
				if cellOpen {
					if cells, err = s.setCell(cells, col, typ, val); err != nil {
						return err
					}
					cellOpen = false
				}
				continue
			}
			if col, err = columnNumber(sc, col); err != nil {
				return fmt.Errorf("%s: %w", part, err)
			}
			typ = append(typ[:0], sc.Attr("t")...)
			val = val[:0]
			cellOpen = !empty
			if cellOpen {
				// Most cells are just <v>…</v> or <is><t>…</t></is>: read them in one step.
				if v, ok := simpleCell(sc, val); ok {
					val = v // keep the buffer it grew
					if cells, err = s.setCell(cells, col, typ, v); err != nil {
						return err
					}
					cellOpen = false
				}
			}
		case "v":
			inV = cellOpen && !closing && !empty
		case "is":
			inIS = cellOpen && !closing && !empty
		case "rPh", "t":
			runs.See(name, closing, empty, inIS)
		case "mergeCell":
			if r, ok := parseRangeRef(string(sc.Attr("ref"))); ok {
				merges = append(merges, r)
			}
		default:
			// Outside the rows only: the root's end tag says the part is whole.
			switch {
			case inData || name == nil:
			case root == nil && !closing:
				root = append([]byte(nil), name...)
			case closing && bytes.Equal(name, root):
				closed = true
			}
		}
	}
	if !closed {
		return fmt.Errorf("%s: the sheet ends before its root element closes: %w", part, ooxml.ErrCorrupt)
	}
	if full {
		s.merges[sheet] = merges
	}
	return nil
}

// rowNumber is the number of the row whose start tag was just read: its r, else the
// one after the last. A row past the sheet's last (1,048,576) or a number that is
// not one makes the sheet corrupt: Excel writes neither.
func rowNumber(sc *xmltag.Scanner, last int) (int, error) {
	if sc.Long() {
		return 0, fmt.Errorf("a row tag of more than %d bytes: %w", len(sc.Tag()), ooxml.ErrOutsideSheet)
	}
	row := last + 1
	if r := sc.Attr("r"); r != nil {
		n, err := strconv.Atoi(string(r))
		if err != nil || n < 1 {
			return 0, fmt.Errorf("row number %q: %w", r, ooxml.ErrOutsideSheet)
		}
		row = n
	}
	if row > ooxml.MaxRows {
		return 0, fmt.Errorf("row %d past the sheet's last: %w", row, ooxml.ErrOutsideSheet)
	}
	return row, nil
}

// columnNumber is the 0-based column of the cell whose start tag was just read: its
// r, else the one after the last. A cell past column XFD, or an r that is no cell
// reference, makes the sheet corrupt.
func columnNumber(sc *xmltag.Scanner, last int) (int, error) {
	if sc.Long() {
		return 0, fmt.Errorf("a cell tag of more than %d bytes: %w", len(sc.Tag()), ooxml.ErrOutsideSheet)
	}
	if r := sc.Attr("r"); r != nil {
		col, _, ok := ooxml.ParseCellRef(string(r))
		if !ok {
			return 0, fmt.Errorf("cell reference %q: %w", r, ooxml.ErrOutsideSheet)
		}
		return col, nil
	}
	if last+1 >= ooxml.MaxColumns {
		return 0, fmt.Errorf("a cell past column XFD: %w", ooxml.ErrOutsideSheet)
	}
	return last + 1, nil
}

// setCell puts a cell's raw value in its column; cells past the width are dropped.
func (s *streamSource) setCell(cells []string, col int, typ, val []byte) ([]string, error) {
	if col < 0 || col >= s.width { // (col < 0: a cell's end after a row's start, in a mangled sheet)
		return cells, nil
	}
	var v string
	switch string(typ) {
	case "s":
		i, err := strconv.Atoi(string(bytes.TrimSpace(val)))
		if err == nil {
			if v, err = s.sst.Cell(i); err != nil {
				return cells, err
			}
		}
	case "inlineStr":
		v = ooxml.CellText(val)
	default:
		v = string(val)
		if len(v) > ooxml.MaxCellChars {
			v = ooxml.CutChars(v, ooxml.MaxCellChars)
		}
	}
	if v == "" {
		return cells, nil
	}
	for len(cells) < col {
		cells = append(cells, "")
	}
	if len(cells) == col {
		return append(cells, v), nil
	}
	cells[col] = v
	return cells, nil
}

// rowHint says about how many rows the sheet has, so the projects can be stored
// once rather than copied as the slice grows: its <dimension ref="A1:P100004">,
// which Excel, WPS, LibreOffice and openpyxl write, else an estimate from the size
// of its XML and the bytes its first rows took (excelize writes a dimension of "A1").
// Either is capped by what the XML can hold (a real row takes hundreds of bytes), so
// a dimension a crafted file claims cannot reserve memory its rows do not need.
func (s *streamSource) rowHint(sheet string) int {
	f := s.pkg.File(s.parts[sheet])
	if f == nil {
		return 0
	}
	most := int(min(f.UncompressedSize64/minRowBytes, ooxml.MaxRows)) + 16
	if n := s.dimensionRows(sheet); n > 1 {
		return min(n, most)
	}
	per := s.rowBytes[sheet]
	if per <= 0 {
		return 0
	}
	return min(int(float64(f.UncompressedSize64)/per*1.25)+16, most)
}

// minRowBytes is less XML than any ledger row takes: a project row names the project
// and holds a few values, each a cell of 20 bytes or more.
const minRowBytes = 64

func (s *streamSource) dimensionRows(sheet string) int {
	sc, c, err := s.pkg.Scan(s.parts[sheet])
	if err != nil {
		return 0
	}
	defer c.Close()
	for i := 0; i < 50 && sc.Next(nil, false) == nil; i++ {
		name, closing, _ := sc.Name()
		switch {
		case closing:
		case string(name) == "dimension":
			if r, ok := parseRangeRef(string(sc.Attr("ref"))); ok {
				return r.Bottom - r.Top + 1
			}
			return 0
		case string(name) == "sheetData":
			return 0
		}
	}
	return 0
}
