package ledger

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"gongjian/internal/xmltag"
)

// DefaultUnzipLimit caps how much a workbook may unpack to, so a zip bomb is refused
// instead of filling memory. Real ledgers of 100,000 rows unpack to about 90 MB.
const DefaultUnzipLimit int64 = 1 << 30

// streamSource reads an .xlsx with nothing but archive/zip and a byte scan of its
// XML: workbook.xml for the sheets and the date system, sharedStrings.xml into a
// table, and the sheet's XML row by row as it decompresses. It keeps no DOM and
// holds no more than the shared strings and the current row, so reading costs
// about what decompressing does.
type streamSource struct {
	zr     *zip.Reader // over the open File; closing it is the File's job
	files  map[string]*zip.File
	sheets []string
	hidden []string          // the sheets the workbook hides, which only --sheet reads
	parts  map[string]string // sheet name → part name
	d1904  bool
	sst    []string
	limit  int64
	merges map[string][]Range // found while reading rows
	// rowBytes is, per sheet, the XML bytes a row took among the first rows read,
	// for estimating the row count of a sheet that states no dimension.
	rowBytes map[string]float64
}

// openStream reads the workbook in r, an open file (see File).
func openStream(r *io.SectionReader, path string, limit int64) (*streamSource, error) {
	if limit <= 0 {
		limit = DefaultUnzipLimit
	}
	zr, err := zip.NewReader(r, r.Size())
	if err != nil {
		return nil, fileError(ErrCorrupt, path, err, "文件已损坏或不完整，无法作为 xlsx 打开；请用 Excel/WPS 打开确认后重新保存。")
	}
	s := &streamSource{zr: zr, files: map[string]*zip.File{}, parts: map[string]string{}, limit: limit, merges: map[string][]Range{}, rowBytes: map[string]float64{}}
	var total uint64
	for _, f := range zr.File {
		s.files[f.Name] = f
		total += f.UncompressedSize64
	}
	if total > uint64(limit) {
		return nil, fileError(ErrTooLarge, path, nil, "工作簿解压后超过 %d MB 的上限，已拒绝读取（可能是损坏或恶意文件）；确属正常台账请用 --max-unzip-mb 调高上限。", limit>>20)
	}
	if err := s.readWorkbook(); err != nil {
		return nil, fileError(ErrCorrupt, path, err, "文件已损坏或不完整，无法读取工作表结构；请用 Excel/WPS 打开确认后重新保存。")
	}
	return s, nil
}

// part opens a part by name; OOXML part names are case-insensitive.
func (s *streamSource) part(name string) (io.ReadCloser, error) {
	f := s.files[name]
	if f == nil {
		for n, ff := range s.files {
			if strings.EqualFold(n, name) {
				f = ff
				break
			}
		}
	}
	if f == nil {
		return nil, fmt.Errorf("missing %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, s.limit), rc}, nil
}

// readWorkbook finds the sheets, the date system and the shared strings.
func (s *streamSource) readWorkbook() error {
	wbPath := "xl/workbook.xml"
	if rels, err := s.readRels("_rels/.rels", ""); err == nil {
		if t, ok := rels["officeDocument"]; ok && len(t) > 0 {
			wbPath = t[0]
		}
	}
	rc, err := s.part(wbPath)
	if err != nil {
		return err
	}
	type sheet struct{ name, rid, state string }
	var sheets []sheet
	sc := newXMLScanner(rc)
	for {
		if err := sc.Next(nil, false); err != nil {
			break
		}
		name, closing, _ := sc.Name()
		if closing {
			continue
		}
		switch string(name) {
		case "workbookPr":
			v := string(sc.Attr("date1904"))
			s.d1904 = v == "1" || v == "true"
		case "sheet":
			sheets = append(sheets, sheet{
				name:  string(xmltag.AppendUnescaped(nil, sc.Attr("name"))),
				rid:   string(sc.Attr("id")),
				state: string(sc.Attr("state")),
			})
		}
	}
	rc.Close()
	byID, err := s.readRelIDs(relsPathOf(wbPath), wbPath)
	if err != nil {
		return err
	}
	var visible []string
	for _, sh := range sheets {
		s.parts[sh.name] = byID[sh.rid]
		if sh.state == "" || sh.state == "visible" {
			visible = append(visible, sh.name)
		} else {
			s.hidden = append(s.hidden, sh.name)
		}
	}
	s.sheets = visible
	if len(s.sheets) == 0 {
		s.sheets, s.hidden = s.hidden, nil
	}
	// Shared strings, by relationship, else the usual place; a workbook of numbers has none.
	sstPath := path.Join(path.Dir(wbPath), "sharedStrings.xml")
	if rels, err := s.readRels(relsPathOf(wbPath), wbPath); err == nil {
		if t, ok := rels["sharedStrings"]; ok && len(t) > 0 {
			sstPath = t[0]
		}
	}
	if rc, err := s.part(sstPath); err == nil {
		s.sst, err = readSharedStrings(rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func relsPathOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// readRelIDs maps a part's relationship ids to their targets (resolved part names).
func (s *streamSource) readRelIDs(relsPath, from string) (map[string]string, error) {
	rc, err := s.part(relsPath)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out := map[string]string{}
	sc := newXMLScanner(rc)
	for sc.Next(nil, false) == nil {
		if name, closing, _ := sc.Name(); !closing && string(name) == "Relationship" {
			out[string(sc.Attr("Id"))] = resolveTarget(from, string(xmltag.AppendUnescaped(nil, sc.Attr("Target"))))
		}
	}
	return out, nil
}

// readRels maps relationship types (their last path element, "sharedStrings") to targets.
func (s *streamSource) readRels(relsPath, from string) (map[string][]string, error) {
	rc, err := s.part(relsPath)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out := map[string][]string{}
	sc := newXMLScanner(rc)
	for sc.Next(nil, false) == nil {
		if name, closing, _ := sc.Name(); !closing && string(name) == "Relationship" {
			typ := string(sc.Attr("Type"))
			typ = typ[strings.LastIndexByte(typ, '/')+1:]
			out[typ] = append(out[typ], resolveTarget(from, string(xmltag.AppendUnescaped(nil, sc.Attr("Target")))))
		}
	}
	return out, nil
}

func resolveTarget(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(from), target))
}

// readSharedStrings reads the shared string table: each <si>'s text runs joined,
// phonetic runs (<rPh>) left out, and _xHHHH_ escapes decoded, as excelize does.
func readSharedStrings(r io.Reader) ([]string, error) {
	sc := newXMLScanner(r)
	var out []string
	var cur []byte
	inSI, inT, inPh := false, false, 0
	for {
		err := sc.Next(nil, inT)
		if inT && len(sc.Text) > 0 {
			cur = xmltag.AppendUnescaped(cur, sc.Text)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		name, closing, empty := sc.Name()
		switch string(name) {
		case "sst":
			if n, err := strconv.Atoi(string(sc.Attr("uniqueCount"))); err == nil && n > 0 && n < 1<<24 && out == nil {
				out = make([]string, 0, n)
			}
		case "si":
			switch {
			case empty:
				out = append(out, "")
			case closing:
				out = append(out, decodeEscapes(string(cur)))
				inSI = false
			default:
				inSI, cur = true, cur[:0]
			}
		case "rPh":
			if !empty {
				if closing {
					inPh--
				} else {
					inPh++
				}
			}
		case "t":
			inT = inSI && inPh == 0 && !closing && !empty
		}
	}
}

// decodeEscapes turns OOXML's _xHHHH_ escapes (used for characters XML cannot hold,
// like _x000D_ for a carriage return) into their characters; _x005F_ is an underscore.
func decodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func (s *streamSource) Sheets() []string { return s.sheets }

// HiddenSheets lists the sheets the workbook hides, in workbook order.
func (s *streamSource) HiddenSheets() []string { return s.hidden }
func (s *streamSource) Date1904() bool         { return s.d1904 }
func (s *streamSource) Close() error           { return nil }

// Merges returns the merged ranges a full Rows pass has collected, or scans for them.
func (s *streamSource) Merges(sheet string) ([]Range, error) {
	if m, ok := s.merges[sheet]; ok {
		return m, nil
	}
	rc, err := s.part(s.parts[sheet])
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []Range
	sc := newXMLScanner(rc)
	for sc.Next(nil, false) == nil {
		if name, closing, _ := sc.Name(); !closing && string(name) == "mergeCell" {
			if r, ok := parseRangeRef(string(sc.Attr("ref"))); ok {
				out = append(out, r)
			}
		}
	}
	s.merges[sheet] = out
	return out, nil
}

// Rows streams the sheet's cells, raw: shared strings looked up, inline strings
// joined, numbers, booleans ("1"/"0") and errors as written.
func (s *streamSource) Rows(sheet string, fn func(int, []string) bool) error {
	if f := s.files[s.parts[sheet]]; f == nil || f.UncompressedSize64 < pipelineMin {
		return s.scanRows(sheet, fn)
	}
	// A large sheet is scanned on one core while fn builds the projects on the other:
	// the scan hands over rows in batches.
	type scanned struct {
		row   int
		cells []string
	}
	batches := make(chan []scanned, 4)
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(batches)
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
		err := s.scanRows(sheet, func(row int, cells []string) bool {
			batch = append(batch, scanned{row, append([]string(nil), cells...)})
			return len(batch) < pipelineBatch || send()
		})
		if err == nil && len(batch) > 0 {
			send()
		}
		errc <- err
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
	return <-errc
}

// Sheets of more than pipelineMin bytes of XML are read on two cores, pipelineBatch
// rows handed over at a time; below that, starting a goroutine costs more than it saves.
var pipelineMin uint64 = 4 << 20 // a variable so tests can send small sheets through the pipeline

const pipelineBatch = 512

// scanRows reads the sheet's rows on the calling goroutine.
func (s *streamSource) scanRows(sheet string, fn func(int, []string) bool) error {
	rc, err := s.part(s.parts[sheet])
	if err != nil {
		return err
	}
	defer rc.Close()
	counted := &countingReader{r: rc}
	sc := newXMLScanner(counted)
	rows := 0
	var (
		row, col          = 0, -1
		cells             []string
		typ               []byte
		val               []byte
		inV, inIS, inT    bool
		inPh              int
		inData, stopped   bool
		merges            []Range
		full              = true
		cellOpen, rowOpen bool
	)
	flushRow := func() bool {
		rowOpen = false
		if stopped {
			return false
		}
		rows++
		if !fn(row, cells) {
			stopped, full = true, false
			// Where the stream is now, less what the scanner holds unread.
			at := counted.n - int64(sc.R.Buffered())
			s.rowBytes[sheet] = float64(at) / float64(rows)
		}
		return !stopped
	}
	for {
		keep := inV || inT
		err := sc.Next(nil, keep)
		if keep && len(sc.Text) > 0 {
			val = xmltag.AppendUnescaped(val, sc.Text)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
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
			if n, err := strconv.Atoi(string(sc.Attr("r"))); err == nil && n > 0 {
				row = n
			} else {
				row++
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
					cells = s.setCell(cells, col, typ, val)
					cellOpen = false
				}
				continue
			}
			if c, _, ok := parseCellRef(string(sc.Attr("r"))); ok {
				col = c
			} else {
				col++
			}
			typ = append(typ[:0], sc.Attr("t")...)
			val = val[:0]
			cellOpen = !empty
			if cellOpen {
				// Most cells are just <v>…</v> or <is><t>…</t></is>: read them in one step.
				if v, ok := simpleCell(sc); ok {
					cells = s.setCell(cells, col, typ, v)
					cellOpen = false
				}
			}
		case "v":
			inV = cellOpen && !closing && !empty
		case "is":
			inIS = cellOpen && !closing && !empty
		case "rPh":
			if !empty {
				if closing {
					inPh--
				} else {
					inPh++
				}
			}
		case "t":
			inT = inIS && inPh == 0 && !closing && !empty
		case "mergeCell":
			if r, ok := parseRangeRef(string(sc.Attr("ref"))); ok {
				merges = append(merges, r)
			}
		}
	}
	if full {
		s.merges[sheet] = merges
	}
	return nil
}

// setCell puts a cell's raw value in its column.
func (s *streamSource) setCell(cells []string, col int, typ, val []byte) []string {
	if col < 0 || col > 16383 {
		return cells
	}
	var v string
	switch string(typ) {
	case "s":
		i, err := strconv.Atoi(string(bytes.TrimSpace(val)))
		if err == nil && i >= 0 && i < len(s.sst) {
			v = s.sst[i]
		}
	case "inlineStr":
		v = decodeEscapes(string(val))
	default:
		v = string(val)
	}
	if v == "" {
		return cells
	}
	for len(cells) < col {
		cells = append(cells, "")
	}
	if len(cells) == col {
		return append(cells, v)
	}
	cells[col] = v
	return cells
}

// rowHint says about how many rows the sheet has, so the projects can be stored
// once rather than copied as the slice grows: its <dimension ref="A1:P100004">,
// which Excel, WPS, LibreOffice and openpyxl write, else an estimate from the size
// of its XML and the bytes its first rows took (excelize writes a dimension of "A1").
// Room asked for and not used costs no memory: the pages are never touched.
func (s *streamSource) rowHint(sheet string) int {
	if n := s.dimensionRows(sheet); n > 1 {
		return n
	}
	per := s.rowBytes[sheet]
	f := s.files[s.parts[sheet]]
	if per <= 0 || f == nil {
		return 0
	}
	return int(float64(f.UncompressedSize64)/per*1.25) + 16
}

func (s *streamSource) dimensionRows(sheet string) int {
	rc, err := s.part(s.parts[sheet])
	if err != nil {
		return 0
	}
	defer rc.Close()
	sc := newXMLScanner(rc)
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

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
