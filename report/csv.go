package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// utf8BOM makes Excel open the CSV as UTF-8; without it Chinese Excel reads GBK and
// every heading is mojibake.
const utf8BOM = "\ufeff"

// csvHeader is the heading row of the findings CSV.
var csvHeader = []string{"文件", "工作表", "行", "列", "位置", "级别", "规则", "字段", "值", "说明", "项目", "分组"}

// csvWriter writes the findings of every file as one CSV table, one row per finding.
// A file that could not be read gets one row saying so, with its message, so a sheet
// of results never silently lacks a file. Rules are named in Chinese, as a clerk
// filtering the sheet in Excel reads them; JSON keeps the ids for scripts.
type csvWriter struct {
	w       io.Writer
	cw      *csv.Writer
	started bool
}

func (c *csvWriter) start() error {
	if c.started {
		return nil
	}
	c.started = true
	if _, err := io.WriteString(c.w, utf8BOM); err != nil {
		return err
	}
	c.cw = newCSV(c.w)
	return c.cw.Write(csvHeader)
}

func (c *csvWriter) Write(o Outcome) error {
	if err := c.start(); err != nil {
		return err
	}
	if o.Failed() {
		rows := [][]cell{textCells(o.file(), "", "", "", "", rules.SeverityError.Label(), "无法读取", "", "", o.ErrorMessage(), "", "")}
		if err := writeCSVRows(c.cw, rows); err != nil {
			return err
		}
	} else {
		rows := make([][]cell, 0, len(o.Result.Findings))
		for _, f := range o.Result.Findings {
			row := ""
			if f.Row > 0 {
				row = strconv.Itoa(f.Row)
			}
			field := ""
			if f.Field != "" {
				field = f.Field.Label()
			}
			rows = append(rows, textCells(o.file(), f.Sheet, row, columnText(f), wording.Place(f), f.Severity.Label(), f.Rule.Label(), field, f.Value, f.Message, f.Project, wording.GroupName(f.Group)))
		}
		if err := writeCSVRows(c.cw, rows); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *csvWriter) Close() error {
	if err := c.start(); err != nil { // no files still gives the heading row
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// writeCSVTable writes a table with its header. Numbers are written plainly (rates as
// fractions, amounts with two decimals) for scripts; text cells are defused against
// Excel formulas.
func writeCSVTable(w io.Writer, t table, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	cw := newCSV(w)
	if err := cw.Write(csvSafe(append([]string(nil), t.Header...))); err != nil {
		return err
	}
	if err := writeCSVRows(cw, t.Rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVRows writes rows of cells: a number as it is, text defused, and a figure
// not available (shown "-") as an empty field, not "'-", which no script reads as none.
func writeCSVRows(cw *csv.Writer, rows [][]cell) error {
	for _, r := range rows {
		rec := make([]string, len(r))
		for i, c := range r {
			if c.Num != "" || c.Kind != kindText {
				rec[i] = c.Num
				continue
			}
			rec[i] = csvSafe([]string{c.Text})[0]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// newCSV writes CSV with CRLF line ends, which Excel writes and expects.
func newCSV(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw
}

// csvSafe defuses cells that Excel would run as a formula (CSV injection): a cell
// starting with = + - @, a tab or a carriage return gets a leading apostrophe, which
// Excel shows as text. Cell values come from ledgers other people filled in.
func csvSafe(rec []string) []string {
	for i, s := range rec {
		if s == "" {
			continue
		}
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			rec[i] = "'" + s
		}
	}
	return rec
}
