package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync/atomic"
)

// sheetParts maps sheet names to their XML parts in the package, so merged ranges
// can be scanned from the bytes. excelize's GetMergeCells would unmarshal the whole
// worksheet (and make a later Rows() re-marshal it): seconds on a big ledger.
type sheetParts struct {
	file   string
	limit  int64
	byName map[string]string // sheet name → zip entry name
	sizes  map[string]int64  // zip entry name → unpacked size
}

type xmlWorkbook struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func readSheetParts(file string, limit int64) (*sheetParts, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var wb xmlWorkbook
	var rels xmlRels
	if err := decodePart(&zr.Reader, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(&zr.Reader, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Clean(path.Join("xl", t))
		}
		targets[r.ID] = t
	}
	p := &sheetParts{file: file, limit: limit, byName: map[string]string{}, sizes: map[string]int64{}}
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && a.Name.Space != "" {
				p.byName[s.Name] = targets[a.Value]
			}
		}
	}
	for _, f := range zr.File {
		p.sizes[f.Name] = int64(min(f.UncompressedSize64, 1<<62))
	}
	return p, nil
}

// largestSheet names the sheet whose XML part is the largest, and that part's size.
func (p *sheetParts) largestSheet() (sheet string, size int64) {
	for name, entry := range p.byName {
		if n := p.sizes[entry]; n > size || n == size && name < sheet {
			sheet, size = name, n
		}
	}
	return sheet, size
}

// scanJob is a sheet scan running in the background while excelize opens the
// workbook: on a big ledger both take a few tenths of a second.
type scanJob struct {
	sheet string
	stop  atomic.Bool
	done  chan struct{}
	res   sheetScan
	err   error
}

// prescan starts scanning the sheet in the background.
func (p *sheetParts) prescan(sheet string) *scanJob {
	j := &scanJob{sheet: sheet, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		j.res, j.err = p.scanUntil(sheet, &j.stop)
	}()
	return j
}

// wait returns the scan's result once it is done.
func (j *scanJob) wait() (sheetScan, error) {
	<-j.done
	return j.res, j.err
}

// cancel stops the scan at its next chunk and waits for it to let go of the file;
// a nil job is fine.
func (j *scanJob) cancel() {
	if j == nil {
		return
	}
	j.stop.Store(true)
	<-j.done
}

var errScanStopped = errors.New("scan stopped")

// stopReader fails once stop is set, so a background scan ends early on Close.
type stopReader struct {
	r    io.Reader
	stop *atomic.Bool
}

func (s stopReader) Read(b []byte) (int, error) {
	if s.stop.Load() {
		return 0, errScanStopped
	}
	return s.r.Read(b)
}

func decodePart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
		}
	}
	return fmt.Errorf("missing %s", name)
}

// sheetScan is what one pass over a sheet's XML tells before its rows are read.
type sheetScan struct {
	merges []Range
	// valueRows counts the row elements holding at least one value (<v> or <is>): an
	// upper bound on the projects, used to size the project slice once instead of
	// growing it by copying. Styled rows without values (Excel keeps thousands of
	// them) do not count.
	valueRows int
}

// scan reads the sheet's XML once for its merged ranges and value rows, without
// building a DOM. An unknown sheet gives an empty scan.
func (p *sheetParts) scan(sheet string) (sheetScan, error) {
	return p.scanUntil(sheet, nil)
}

// scanUntil is scan, given up with an error once stop (if not nil) is set.
func (p *sheetParts) scanUntil(sheet string, stop *atomic.Bool) (sheetScan, error) {
	entry, ok := p.byName[sheet]
	if !ok {
		return sheetScan{}, nil
	}
	zr, err := zip.OpenReader(p.file)
	if err != nil {
		return sheetScan{}, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != entry {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return sheetScan{}, err
		}
		defer rc.Close()
		var r io.Reader = io.LimitReader(rc, p.limit)
		if stop != nil {
			r = stopReader{r, stop}
		}
		return scanSheet(r)
	}
	return sheetScan{}, nil
}

// scanSheet walks the tags of a worksheet stream chunk by chunk, keeping an
// unfinished tag for the next chunk: every mergeCell element's ref, and the number of
// rows with values. Tags may carry a namespace prefix (<x:row>). Only a tag's name is
// read, except for row and mergeCell tags, which are read to their '>'; text between
// tags is skipped.
func scanSheet(r io.Reader) (sheetScan, error) {
	var sc sheetScan
	inRow, rowHasValue := false, false
	buf := make([]byte, 0, 256<<10)
	chunk := make([]byte, 128<<10)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		done := err == io.EOF
		if err != nil && !done {
			return sc, err
		}
		pos := 0
	tags:
		for {
			i := bytes.IndexByte(buf[pos:], '<')
			if i < 0 {
				pos = len(buf)
				break
			}
			start := pos + i
			j := start + 1
			closing := j < len(buf) && buf[j] == '/'
			if closing {
				j++
			}
			nameStart := j
			for ; j < len(buf); j++ {
				c := buf[j]
				if c == ':' {
					nameStart = j + 1 // after the namespace prefix
				} else if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
					break
				}
			}
			if j == len(buf) {
				pos = start // the name continues in the next chunk
				break
			}
			switch string(buf[nameStart:j]) { // compared in place, no allocation
			case "v", "is":
				if !closing {
					rowHasValue = true
				}
			case "row":
				selfClosing := false
				if !closing {
					k := bytes.IndexByte(buf[j:], '>')
					if k < 0 {
						pos = start
						break tags
					}
					selfClosing = buf[j+k-1] == '/'
					j += k
				}
				if closing || selfClosing {
					if inRow && rowHasValue {
						sc.valueRows++
					}
					inRow, rowHasValue = false, false
				} else {
					inRow, rowHasValue = true, false
				}
			case "mergeCell":
				if !closing {
					k := bytes.IndexByte(buf[j:], '>')
					if k < 0 {
						pos = start
						break tags
					}
					if rng, ok := refAttr(buf[j : j+k]); ok {
						sc.merges = append(sc.merges, rng)
					}
					j += k
				}
			}
			pos = j
		}
		if done {
			return sc, nil
		}
		buf = append(buf[:0], buf[pos:]...)
		if len(buf) > 1<<20 {
			// A "tag" this long is no tag of a worksheet: skip past its '<'.
			buf = buf[1:]
		}
	}
}

func refAttr(elem []byte) (Range, bool) {
	i := bytes.Index(elem, []byte(`ref="`))
	if i < 0 {
		return Range{}, false
	}
	v := elem[i+5:]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return Range{}, false
	}
	return parseRangeRef(string(v[:j]))
}
