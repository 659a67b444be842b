package xlsxpatch

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"

	"gongjian/internal/ooxml"
	"gongjian/internal/xmltag"
)

// sheetRewrite streams a worksheet's XML from r to w, changing only what the patch
// needs: the style index of marked cells (cells that do not exist yet are created,
// empty, in their place), the style of cells that still carry an earlier run's fill,
// and a <legacyDrawing> element for the comments.
type sheetRewrite struct {
	rows    []int               // rows with marks, ascending
	marks   map[int][]markStyle // row → marks sorted by column
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
	col   int
	level Level
}

// rewritten are the elements the rewrite may change or must read whole.
var rewritten = map[string]bool{"worksheet": true, "sheetData": true, "row": true, "c": true, "col": true}

// elements that must come after <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet).
var afterLegacy = map[string]bool{
	"legacyDrawingHF": true, "drawingHF": true, "picture": true, "oleObjects": true,
	"controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
}

func newSheetRewrite(marks []Mark) *sheetRewrite {
	sr := &sheetRewrite{marks: map[int][]markStyle{}, colStyle: map[int]int{}}
	for _, m := range marks {
		if _, ok := sr.marks[m.Row]; !ok {
			sr.rows = append(sr.rows, m.Row)
		}
		sr.marks[m.Row] = append(sr.marks[m.Row], markStyle{m.Col, m.Level})
	}
	sort.Ints(sr.rows)
	for r, ms := range sr.marks {
		sort.Slice(ms, func(i, j int) bool { return ms[i].col < ms[j].col })
		// one mark per cell: an error wins over a warning
		out := ms[:0]
		for _, m := range ms {
			if n := len(out); n > 0 && out[n-1].col == m.col {
				if m.level < out[n-1].level {
					out[n-1].level = m.level
				}
				continue
			}
			out = append(out, m)
		}
		sr.marks[r] = out
	}
	return sr
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
				for len(rowMarks) > 0 && rowMarks[0].col < col {
					sr.writeCell(w, prefix, row, rowMarks[0], rowStyle)
					rowMarks = rowMarks[1:]
				}
				orig, _ := atoiAttr(tag, "s")
				if len(rowMarks) > 0 && rowMarks[0].col == col {
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

// takeRow returns the marks of a row that exists in the sheet and forgets the row.
func (sr *sheetRewrite) takeRow(row int) []markStyle {
	ms := sr.marks[row]
	if ms != nil {
		delete(sr.marks, row)
	}
	return ms
}

// writeRowsBefore writes the marked rows that do not exist in the sheet and come
// before row.
func (sr *sheetRewrite) writeRowsBefore(w *bufio.Writer, prefix []byte, row int) {
	for sr.nextRow < len(sr.rows) && sr.rows[sr.nextRow] < row {
		r := sr.rows[sr.nextRow]
		sr.nextRow++
		ms, ok := sr.marks[r]
		if !ok {
			continue // written as part of an existing row
		}
		delete(sr.marks, r)
		w.WriteString("<" + string(prefix) + `row r="` + strconv.Itoa(r) + `">`)
		for _, m := range ms {
			sr.writeCell(w, prefix, r, m, -1)
		}
		w.WriteString("</" + string(prefix) + "row>")
	}
	for sr.nextRow < len(sr.rows) && sr.rows[sr.nextRow] == row {
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
		orig = sr.colStyle[m.col]
	}
	w.WriteString("<" + string(prefix) + `c r="` + ooxml.CellRef(m.col, row) + `" s="` + strconv.Itoa(sr.restyle(orig, m.level)) + `"/>`)
}
