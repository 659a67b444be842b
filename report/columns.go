package report

import (
	"strconv"
	"strings"

	"gongjian/ledger"
)

// What the reader understood of a ledger's header, shown so a clerk sees at once why
// a column was not used: JSON columns (every header cell, recognised or not), the
// section check --columns adds (列 | 表头 | 识别为 | 单位), and the summary's line
// naming the unrecognised columns that look like amounts or dates.

// columnJSON is one header cell: its letter, its text as typed, the field it is read
// as (null when none) and the unit of an amount (null when not an amount). note says
// why a column that names a field is not used.
type columnJSON struct {
	Column string  `json:"column"`
	Header string  `json:"header"`
	Field  *string `json:"field"`
	Unit   *string `json:"unit"`
	Note   string  `json:"note,omitempty"`
}

// columnsJSONOf lists every header cell of the ledger, in column order.
func columnsJSONOf(l *ledger.Ledger) []columnJSON {
	out := []columnJSON{}
	if l == nil {
		return out
	}
	for _, c := range l.HeaderCells() {
		cj := columnJSON{Column: c.Letter, Header: c.Typed, Note: columnNote(c)}
		if c.Field != "" {
			f := string(c.Field)
			cj.Field = &f
		}
		if u := columnUnit(c); u != "" {
			cj.Unit = &u
		}
		out = append(out, cj)
	}
	return out
}

// columnUnit is the unit of an amount column ("万元"), or "" for a column that holds
// no amount.
func columnUnit(c ledger.Column) string {
	f := c.Field
	if f == "" {
		f = c.Known
	}
	if f != "" && f.Type() == ledger.TypeAmount || f == "" && c.HasUnit {
		return c.Unit.String()
	}
	return ""
}

// columnNote says why a column naming a field is not read ("与D列重复" and the like),
// or why a column is read as another field than its header names (a 项目类别 whose
// values are 开工状态).
func columnNote(c ledger.Column) string {
	switch {
	case c.Field != "" && c.Note != "":
		return c.Note
	case c.Field == "" && c.Known != "" && c.Note != "":
		return "可识别为" + fieldName(c) + "，未使用：" + c.Note
	case c.Field == "" && c.Known != "":
		return "可识别为" + fieldName(c) + "，未使用"
	}
	return ""
}

// fieldName is the field a column names, with its month when it has one:
// "本年完成投资（1-6月）", "本月完成投资（5月）".
func fieldName(c ledger.Column) string {
	f := c.Field
	if f == "" {
		f = c.Known
	}
	name := f.Label()
	switch {
	case c.Month == 0:
	case f == ledger.FieldDone || f == ledger.FieldPlanToDate:
		name = strings.Replace(name, "1-N月", "", 1)
		if c.Month == 1 {
			name += "（1月）"
		} else {
			name += "（1-" + strconv.Itoa(c.Month) + "月）"
		}
	default:
		name += "（" + strconv.Itoa(c.Month) + "月）"
	}
	return name
}

// columnHeader is the heading of the --columns table.
var columnHeader = []string{"列", "表头", "识别为", "单位"}

// columnRows are the rows of the --columns table.
func columnRows(l *ledger.Ledger) [][]string {
	var rows [][]string
	for _, c := range l.HeaderCells() {
		as := "未识别"
		switch {
		case c.Field != "" && c.Note != "":
			as = fieldName(c) + "（" + c.Note + "）"
		case c.Field != "":
			as = fieldName(c)
		case c.Known != "":
			as = columnNote(c)
		}
		rows = append(rows, []string{c.Letter, oneLine(c.Typed), as, columnUnit(c)})
	}
	return rows
}

// columnsSection is the --columns table under a file's summary: each header cell and
// what it was read as.
func columnsSection(l *ledger.Ledger) section {
	t := table{Header: columnHeader, Wrap: []int{0, gapWidth, messageWidth, 0}}
	for _, r := range columnRows(l) {
		t.Rows = append(t.Rows, textCells(r...))
	}
	return section{Title: "表头识别", Blocks: []block{t}}
}

// unrecognizedText names the columns the reader did not recognise that look like
// amounts or dates: "H列“截至本月完成额”、K列“竣工时间”"; "" when there are none.
func unrecognizedText(l *ledger.Ledger) string {
	if l == nil {
		return ""
	}
	var parts []string
	for _, c := range l.Unrecognized() {
		parts = append(parts, c.Letter+"列“"+oneLine(c.Header)+"”")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "、") + "（不能识别，未参与检查；用 --columns 查看各列，或在规则文件 columns: 中加上列名）"
}
