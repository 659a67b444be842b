package ooxml

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// SharedStrings is a workbook's shared string table: every entry's text in one string
// and where each ends, 4 bytes an entry besides its text (a []string costs 16, which a
// table of millions of empty entries would turn into gigabytes).
type SharedStrings struct {
	text string
	ends []uint32
	// left is how much text cells may still take from the table (Cell). A cell of 20
	// bytes can name an entry of 32,767 characters: a sheet of such cells would hand
	// out thousands of times its own size, which no real workbook does.
	left int64
}

// sharedTextAllowance is text any workbook's cells may take from its table, whatever
// its size; beyond it, a workbook's cells may take sharedTextPerByte times the bytes
// of its sheets and table. Real ledgers take about as much as their sheets hold.
const (
	sharedTextAllowance = 64 << 20
	sharedTextPerByte   = 8
)

// Len is the number of entries.
func (s *SharedStrings) Len() int {
	if s == nil {
		return 0
	}
	return len(s.ends)
}

// At returns entry i; ok is false past the table's end.
func (s *SharedStrings) At(i int) (text string, ok bool) {
	if s == nil || i < 0 || i >= len(s.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.text[start:s.ends[i]], true
}

// Cell returns entry i for a cell of a sheet, "" past the table's end, counting the
// text against what the workbook's cells may take: past it, the error wraps
// ErrTooLarge (a *LimitError of LimitStrings).
func (s *SharedStrings) Cell(i int) (string, error) {
	text, _ := s.At(i)
	if text == "" {
		return "", nil
	}
	s.left -= int64(len(text))
	if s.left < 0 {
		return "", &LimitError{Kind: LimitStrings}
	}
	return text, nil
}

// SharedStrings reads the workbook's shared string table (nil when it has none):
// each <si>'s text runs joined, phonetic runs (<rPh>) left out, _xHHHH_ escapes
// decoded, as Excel shows them; an entry longer than a cell may be is cut to
// MaxCellChars characters.
func (p *Package) SharedStrings(wb *Workbook) (*SharedStrings, error) {
	part := wb.Strings
	if part == "" {
		return nil, nil
	}
	sc, c, err := p.Scan(part)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	size := p.File(part).UncompressedSize64
	var (
		b            strings.Builder
		ends         []uint32
		cur          []byte
		e            element
		inSI         bool
		runs         TextRuns
		declaredDone bool
	)
	add := func(text string) error {
		b.WriteString(text)
		if b.Len() > math.MaxUint32 {
			return corrupt(part, "more than 4 GiB of text")
		}
		ends = append(ends, uint32(b.Len()))
		return nil
	}
	for {
		inT := runs.InText()
		err := e.next(sc, nil, inT, part)
		if inT && len(sc.Text()) > 0 {
			cur = AppendText(cur, sc.Text())
		}
		if errors.Is(err, io.EOF) {
			sized := int64(size)
			for _, sh := range wb.Sheets {
				if f := p.File(sh.Part); f != nil && sh.Part != "" {
					sized += int64(f.UncompressedSize64)
				}
			}
			return &SharedStrings{text: b.String(), ends: ends, left: sharedTextAllowance + sharedTextPerByte*sized}, nil
		}
		if err != nil {
			return nil, err
		}
		name, closing, empty := sc.Name()
		switch string(name) {
		case "sst":
			// Room for the entries the table says it has, but never more than its bytes
			// can hold (an empty <si/> takes 5).
			if n, err := strconv.Atoi(string(sc.Attr("uniqueCount"))); err == nil && n > 0 && !declaredDone {
				ends = make([]uint32, 0, min(uint64(n), size/5))
				declaredDone = true
			}
		case "si":
			switch {
			case empty:
				err = add("")
			case closing:
				err = add(CellText(cur))
				inSI = false
			default:
				inSI, cur = true, cur[:0]
			}
			if err != nil {
				return nil, err
			}
		case "rPh", "t":
			runs.See(name, closing, empty, inSI)
		}
	}
}
