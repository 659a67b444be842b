package xlsxpatch

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"

	"gongjian/internal/ooxml"
	"gongjian/internal/xmltag"
)

// sheetRewrite streams a worksheet's XML from r to w, changing only what the patch
// needs: the style index of marked cells (cells that do not exist yet are created,
// empty, in their place), the style of cells that still carry an earlier run's fill,
// and a <legacyDrawing> element for the comments.
type sheetRewrite struct {
	cells   []markStyle // one per marked cell, by row then column: an error wins over a warning
	rows    []int32     // the marked rows, ascending
	rowAt   []int32     // rows[i]'s cells are cells[rowAt[i]:rowAt[i+1]]
	taken   []bool      // rows[i]'s cells are written
	restyle func(orig int, level Level) int
	unfill  func(orig int) (int, bool) // a style carrying an earlier run's fill → its plain twin
	// oldFills says the workbook has fills from an earlier run, so every cell must be
	// looked at; without them a row with no mark is copied through unread.
	oldFills bool
	legacy   string // the relationship id of a <legacyDrawing> to add, "" for none
	hasLeg   bool   // the sheet already has one

	colStyle map[int]int // 0-based column → default style from <cols>
	nextRow  int         // index into rows of the next row to create
}

type markStyle struct {
	col   int32
	level Level
}

// rewritten are the elements the rewrite may change or must read whole.
var rewritten = map[string]bool{"worksheet": true, "sheetData": true, "row": true, "c": true, "col": true}

// elements that must come after <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet).
var afterLegacy = map[string]bool{
	"legacyDrawingHF": true, "drawingHF": true, "picture": true, "oleObjects": true,
	"controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
}

// newSheetRewrite takes the marks sorted by cell (sortMarks).
func newSheetRewrite(marks []Mark) *sheetRewrite {
	sr := &sheetRewrite{colStyle: map[int]int{}}
	for _, m := range marks {
		n := len(sr.cells)
		switch {
		case len(sr.rows) == 0 || sr.rows[len(sr.rows)-1] != m.Row:
			sr.rows = append(sr.rows, m.Row)
			sr.rowAt = append(sr.rowAt, int32(n))
		case sr.cells[n-1].col == m.Col:
			// one mark per cell: an error wins over a warning
			sr.cells[n-1].level = min(sr.cells[n-1].level, m.Level)
			continue
		}
		sr.cells = append(sr.cells, markStyle{m.Col, m.Level})
	}
	sr.rowAt = append(sr.rowAt, int32(len(sr.cells)))
	sr.taken = make([]bool, len(sr.rows))
	return sr
}

// sortMarks sorts marks by row, then column, keeping the order of one cell's marks.
func sortMarks(marks []Mark) {
	slices.SortStableFunc(marks, func(a, b Mark) int {
		if c := cmp.Compare(a.Row, b.Row); c != 0 {
			return c
		}
		return cmp.Compare(a.Col, b.Col)
	})
}

// run streams the sheet.
func (sr *sheetRewrite) run(r io.Reader, out io.Writer) error {
	w := bufio.NewWriterSize(out, 256<<10)
	sc := xmltag.NewScanner(r, 256<<10)
	depth := 0
	inData := false
	row, col := 0, -1
	var rowMarks []markStyle // marks of the current row not yet written
	rowStyle := -1
	legacyDone := sr.legacy == "" || sr.hasLeg
	prefix := []byte(nil) // namespace prefix used by the worksheet's elements
	for {
		err := sc.Next(w, false)
		tag := sc.Tag()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if tag[1] == '?' || tag[1] == '!' {
			if !sc.Long() {
				w.Write(tag)
			}
			continue
		}
		name, closing, self := xmltag.Name(tag)
		if sc.Long() {
			// Written through already: fine for an element the rewrite only passes on.
			if rewritten[string(name)] || !legacyDone && afterLegacy[string(name)] {
				return fmt.Errorf("<%s> tag of more than %d bytes", name, len(tag))
			}
			switch {
			case closing:
				depth--
			case !self:
				depth++
			}
			continue
		}
		if depth == 0 && !closing {
			if i := bytes.IndexByte(tag[1:], ':'); i >= 0 && i < bytes.IndexAny(tag[1:], " >/") {
				prefix = append([]byte(nil), tag[1:i+2]...)
			}
		}
		switch {
		case closing:
			depth--
		case !self:
			depth++
		}
		level := depth // the depth of the element the tag opens or closes (worksheet is 1)
		if closing || self {
			level = depth + 1
		}
		switch string(name) {
		case "col":
			if !closing && level == 3 {
				sr.readCol(tag)
			}
			w.Write(tag)
			continue
		case "sheetData":
			switch {
			case self:
				w.WriteString("<" + string(prefix) + "sheetData>")
				sr.writeRowsBefore(w, prefix, 1<<30)
				w.WriteString("</" + string(prefix) + "sheetData>")
			case closing:
				sr.flushRow(w, prefix, row, rowMarks, rowStyle)
				rowMarks = nil
				sr.writeRowsBefore(w, prefix, 1<<30)
				w.Write(tag)
				inData = false
			default:
				inData = true
				w.Write(tag)
			}
			continue
		}
		if inData {
			switch string(name) {
			case "row":
				if closing {
					sr.flushRow(w, prefix, row, rowMarks, rowStyle)
					rowMarks = nil
					w.Write(tag)
					continue
				}
				if n, ok := atoiAttr(tag, "r"); ok {
					row = n
				} else {
					row++
				}
				col = -1
				sr.writeRowsBefore(w, prefix, row)
				rowMarks = sr.takeRow(row)
				rowStyle = -1
				if v, _, _ := findAttr(tag, "customFormat"); string(v) == "1" || string(v) == "true" {
					rowStyle, _ = atoiAttr(tag, "s")
				}
				if len(rowMarks) > 0 {
					tag = removeAttr(tag, "spans") // a hint only; new cells may fall outside it
				}
				if self && len(rowMarks) > 0 {
					// <row r="5"/> with marks: open it, write its cells, close it.
					w.Write(tag[:len(tag)-2])
					w.WriteByte('>')
					sr.flushRow(w, prefix, row, rowMarks, rowStyle)
					rowMarks = nil
					w.WriteString("</" + string(prefix) + "row>")
					continue
				}
				w.Write(tag)
				if len(rowMarks) == 0 && !self && !sr.oldFills {
					if err := sc.CopyThrough(w, []byte("</"+string(prefix)+"row>")); err != nil {
						return err
					}
					depth-- // the row's end tag went through with it
				}
				continue
			case "c":
				if closing {
					w.Write(tag)
					continue
				}
				ref, _, _ := findAttr(tag, "r")
				if ref != nil {
					if c, _, ok := ooxml.ParseCellRef(string(ref)); ok {
						col = c
					} else {
						col++
					}
				} else {
					col++
					tag = setAttr(tag, "r", ooxml.CellRef(col, row))
				}
				// Cells the marks need before this one.
				for len(rowMarks) > 0 && int(rowMarks[0].col) < col {
					sr.writeCell(w, prefix, row, rowMarks[0], rowStyle)
					rowMarks = rowMarks[1:]
				}
				orig, _ := atoiAttr(tag, "s")
				if len(rowMarks) > 0 && int(rowMarks[0].col) == col {
					tag = setAttr(tag, "s", strconv.Itoa(sr.restyle(orig, rowMarks[0].level)))
					rowMarks = rowMarks[1:]
				} else if plain, ok := sr.unfill(orig); ok {
					tag = setAttr(tag, "s", strconv.Itoa(plain))
				}
				w.Write(tag)
				continue
			}
			w.Write(tag)
			continue
		}
		// After sheetData: the comments' drawing goes before the elements that must follow it.
		if !legacyDone && !closing && level == 2 && afterLegacy[string(name)] {
			sr.writeLegacy(w, prefix)
			legacyDone = true
		}
		if !legacyDone && closing && string(name) == "worksheet" {
			sr.writeLegacy(w, prefix)
			legacyDone = true
		}
		w.Write(tag)
	}
	return w.Flush()
}

// writeLegacy writes the element that ties the comments' drawing to the sheet; it
// declares the relationships namespace itself, since not every sheet does.
func (sr *sheetRewrite) writeLegacy(w *bufio.Writer, prefix []byte) {
	w.WriteString("<" + string(prefix) + `legacyDrawing xmlns:r="` + nsRel + `" r:id="` + sr.legacy + `"/>`)
}

func (sr *sheetRewrite) readCol(tag []byte) {
	style, ok := atoiAttr(tag, "style")
	if !ok {
		return
	}
	lo, ok1 := atoiAttr(tag, "min")
	hi, ok2 := atoiAttr(tag, "max")
	if !ok1 || !ok2 || hi-lo > 16384 {
		return
	}
	for c := lo; c <= hi; c++ {
		sr.colStyle[c-1] = style
	}
}

// takeRow returns the marks of a row that exists in the sheet, once.
func (sr *sheetRewrite) takeRow(row int) []markStyle {
	i, ok := slices.BinarySearch(sr.rows, int32(row))
	if !ok || sr.taken[i] {
		return nil
	}
	sr.taken[i] = true
	return sr.cells[sr.rowAt[i]:sr.rowAt[i+1]]
}

// writeRowsBefore writes the marked rows that do not exist in the sheet and come
// before row.
func (sr *sheetRewrite) writeRowsBefore(w *bufio.Writer, prefix []byte, row int) {
	for sr.nextRow < len(sr.rows) && int(sr.rows[sr.nextRow]) < row {
		i := sr.nextRow
		sr.nextRow++
		if sr.taken[i] {
			continue // written as part of an existing row
		}
		sr.taken[i] = true
		r := int(sr.rows[i])
		w.WriteString("<" + string(prefix) + `row r="` + strconv.Itoa(r) + `">`)
		for _, m := range sr.cells[sr.rowAt[i]:sr.rowAt[i+1]] {
			sr.writeCell(w, prefix, r, m, -1)
		}
		w.WriteString("</" + string(prefix) + "row>")
	}
	for sr.nextRow < len(sr.rows) && int(sr.rows[sr.nextRow]) == row {
		sr.nextRow++
	}
}

// flushRow writes the marked cells after the last existing cell of a row.
func (sr *sheetRewrite) flushRow(w *bufio.Writer, prefix []byte, row int, ms []markStyle, rowStyle int) {
	for _, m := range ms {
		sr.writeCell(w, prefix, row, m, rowStyle)
	}
}

// writeCell creates an empty marked cell, styled as the cell would have been: the
// row's style, else the column's.
func (sr *sheetRewrite) writeCell(w *bufio.Writer, prefix []byte, row int, m markStyle, rowStyle int) {
	orig := rowStyle
	if orig < 0 {
		orig = sr.colStyle[int(m.col)]
	}
	w.WriteString("<" + string(prefix) + `c r="` + ooxml.CellRef(int(m.col), row) + `" s="` + strconv.Itoa(sr.restyle(orig, m.level)) + `"/>`)
}
