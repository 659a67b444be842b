package ooxml

import (
	"errors"
	"io"
	"strconv"

	"gongjian/internal/xmltag"
)

// MaxSheets is the most sheets a workbook may list. Real ledgers have a few, a
// workbook of one sheet per town or per day some hundreds; each one listed costs a
// look at its first rows.
const MaxSheets = 10000

// SheetState is a sheet's visibility, as the workbook states it.
type SheetState string

const (
	SheetVisible    SheetState = "visible"
	SheetHidden     SheetState = "hidden"     // hidden, and shown again from the sheet tabs' menu
	SheetVeryHidden SheetState = "veryHidden" // hidden so that only the VBA editor shows it again
)

// Sheet is one sheet the workbook lists.
type Sheet struct {
	Name  string
	ID    int    // its sheetId
	RelID string // the relationship that names its part
	Part  string // its part's entry name, "" when the relationship names none
	State SheetState
	// Start and End bound its <sheet> element in the workbook part's text.
	Start, End int64
}

// Workbook is the workbook part's structure.
type Workbook struct {
	Part     string // "xl/workbook.xml", as the package's relationships name it
	Date1904 bool   // serials count from 1904 (old Mac workbooks)
	Sheets   []Sheet
	Rels     Rels   // the workbook part's relationships
	Strings  string // its shared strings part, "" if it has none
	Styles   string // its styles part, "" if it has none
	// Part names are the package's entry names, as stored.
}

// Workbook finds the workbook part (by the package's relationships, else the usual
// xl/workbook.xml) and reads its date system, its sheets in order and their parts.
func (p *Package) Workbook() (*Workbook, error) {
	wb := &Workbook{Part: "xl/workbook.xml"}
	root, err := p.Rels("")
	switch {
	case err == nil:
		if r := root.ByType(RelOfficeDocument); r != nil && !r.External {
			wb.Part = p.Name(r.Target)
		}
	case !errors.Is(err, ErrMissing):
		return nil, err
	}
	sc, c, err := p.Scan(wb.Part)
	if err != nil {
		return nil, err
	}
	err = scanWorkbook(sc, wb)
	c.Close()
	if err != nil {
		return nil, err
	}
	if wb.Rels, err = p.Rels(wb.Part); err != nil {
		return nil, err
	}
	for i := range wb.Sheets {
		if r := wb.Rels.ByID(wb.Sheets[i].RelID); r != nil && !r.External {
			wb.Sheets[i].Part = p.Name(r.Target)
		}
	}
	if r := wb.Rels.ByType(RelSharedStrings); r != nil && !r.External {
		wb.Strings = p.Name(r.Target)
	}
	if r := wb.Rels.ByType(RelStyles); r != nil && !r.External {
		wb.Styles = p.Name(r.Target)
	}
	return wb, nil
}

// scanWorkbook reads the sheets and the date system.
func scanWorkbook(sc *xmltag.Scanner, wb *Workbook) error {
	var e element
	open := -1 // a <sheet> written with an end tag, still open
	for {
		err := e.next(sc, nil, false, wb.Part)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name, closing, empty := sc.Name()
		switch string(name) {
		case "workbookPr":
			if !closing {
				v := string(sc.Attr("date1904"))
				wb.Date1904 = v == "1" || v == "true"
			}
		case "sheet":
			if closing {
				if open >= 0 {
					wb.Sheets[open].End = sc.Offset() + int64(len(sc.Tag()))
					open = -1
				}
				continue
			}
			if sc.Long() {
				return corrupt(wb.Part, "a sheet element of more than %d bytes", len(sc.Tag()))
			}
			if len(wb.Sheets) >= MaxSheets {
				return &LimitError{Kind: LimitSheets, Limit: MaxSheets}
			}
			id, _ := strconv.Atoi(string(sc.Attr("sheetId")))
			s := Sheet{
				Name:  string(xmltag.AppendUnescaped(nil, sc.Attr("name"))),
				ID:    id,
				RelID: string(sc.Attr("id")),
				State: SheetState(sc.Attr("state")),
				Start: sc.Offset(),
				End:   sc.Offset() + int64(len(sc.Tag())),
			}
			if s.State == "" {
				s.State = SheetVisible
			}
			wb.Sheets = append(wb.Sheets, s)
			if !empty {
				open = len(wb.Sheets) - 1
			}
		}
	}
}
