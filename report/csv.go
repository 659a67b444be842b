package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"gongjian/rules"
)

// utf8BOM makes Excel open the CSV as UTF-8; without it Chinese Excel reads GBK and
// every heading is mojibake.
const utf8BOM = "\ufeff"

// csvHeader is the heading row of the findings CSV.
var csvHeader = []string{"文件", "工作表", "行", "列", "单元格", "级别", "规则", "字段", "值", "说明", "项目", "分组"}

// csvWriter writes the findings of every file as one CSV table, one row per finding.
// A file that could not be read gets one row carrying its error code and message, so
// a sheet of results never silently lacks a file.
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
	c.cw = csv.NewWriter(c.w)
	c.cw.UseCRLF = true // what Excel writes and expects
	return c.cw.Write(csvHeader)
}

func (c *csvWriter) Write(o Outcome) error {
	if err := c.start(); err != nil {
		return err
	}
	if o.Failed() {
		if err := c.cw.Write(csvSafe([]string{o.file(), "", "", "", "", rules.SeverityError.Label(), o.ErrorCode(), "", "", o.ErrorMessage(), "", ""})); err != nil {
			return err
		}
	} else {
		for _, f := range o.Result.Findings {
			row := ""
			if f.Row > 0 {
				row = strconv.Itoa(f.Row)
			}
			field := ""
			if f.Field != "" {
				field = f.Field.Label()
			}
			rec := []string{o.file(), f.Sheet, row, columnText(f), f.Cell, f.Severity.Label(), string(f.Rule), field, f.Value, f.Message, f.Project, f.Group}
			if err := c.cw.Write(csvSafe(rec)); err != nil {
				return err
			}
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

// WriteCSV writes one outcome's findings as CSV, with the BOM and heading row.
func WriteCSV(w io.Writer, o Outcome) error {
	c := &csvWriter{w: w}
	if err := c.Write(o); err != nil {
		return err
	}
	return c.Close()
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
