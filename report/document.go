package report

import (
	"strconv"

	"gongjian/ledger"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// What check and report say is laid out once, as a document of sections holding
// paragraphs, lists and tables; the terminal, Markdown, CSV and workbook forms each
// render that layout (terminal.go, markdown.go, csv.go, monthly_xlsx.go).

// document is one file's check summary or the monthly report.
type document struct {
	Title string
	// TitleLabel shows the title on the terminal as the first of the facts ("文件");
	// "" shows it as a line of its own.
	TitleLabel string
	// Level is the title's heading level in Markdown: 1 for the report, 2 for one file
	// of a check (a run holds several). Sections are a level below, captions two.
	Level int
	Facts []fact
	// WrapCells is the width the terminal wraps a table's cells at, for the tables
	// that do not say their own; 0 wraps none.
	WrapCells int
	Sections  []section
}

// fact is one "label value" line under the title.
type fact struct{ Label, Value string }

// section is a heading and what stands under it; a section without a title is set
// apart from the one before by a blank line.
type section struct {
	Title  string // "一、总体情况", "问题清单"
	Sheet  string // the workbook sheet ("总体情况")
	Blocks []block
	// Joined runs the section's sentences together as one paragraph in the 通报 (the
	// 月度走势: a 通报 says the month's movement in one breath); the other forms keep a
	// sentence a line.
	Joined bool
	// CSV are the tables a CSV folder gets for the section instead of the ones shown,
	// when data for scripts is better long than laid out for reading (the 月度走势: one
	// row per month and group); nil writes the shown tables.
	CSV []table
}

// block is a paragraph, a list or a table.
type block interface{ isBlock() }

func (paragraph) isBlock() {}
func (list) isBlock()      {}
func (table) isBlock()     {}

// paragraph is a sentence or two; its spans may be toned (the tally's counts).
type paragraph struct {
	Spans []span
	// Heading marks a part's heading within a section ("（一）攻坚目标完成情况"): a
	// line of its own in every form, the 楷体 second-level heading of the 通报.
	Heading bool
}

type span struct {
	Text string
	Tone tone
	// Notice is the span as the 通报 says it, where the other forms speak to the one
	// who runs the tool ("请先用 gongjian check 改正") and the 通报's reader has no tool
	// to run; "" says Text there too. Only such advice differs, never a figure.
	Notice string
}

func para(text string) paragraph { return paragraph{Spans: []span{{Text: text}}} }

func (p paragraph) text() string {
	s := ""
	for _, sp := range p.Spans {
		s += sp.Text
	}
	return s
}

// noticeText is the paragraph as the 通报 says it.
func (p paragraph) noticeText() string {
	s := ""
	for _, sp := range p.Spans {
		if sp.Notice != "" {
			s += sp.Notice
		} else {
			s += sp.Text
		}
	}
	return s
}

// list is statements one a line: items in Markdown, lines on the terminal.
type list struct{ Items []string }

type table struct {
	Name string // a caption, and the CSV file's name ("乡镇排名"); "" for none
	// Sheet is the workbook sheet the table is printed on, under its own header; ""
	// for the section's sheet (a section of one table).
	Sheet  string
	Header []string
	Rows   [][]cell
	// Wrap is the terminal width each column's text wraps at (0: not wrapped); nil
	// takes the document's WrapCells for every column.
	Wrap  []int
	Chart *chartSpec // a chart of this table in the workbook
	// WorkbookOnly tables (the 明细 behind the figures) are written to the workbook
	// and the CSV folder, not to the terminal or Markdown.
	WorkbookOnly bool
	// Annex is the table's title as a 附件 of the 通报 ("滞后项目清单"); "" leaves the
	// table out of it, its figures said in the sentences.
	Annex string
}

// tone colours a cell or a span: red for an error or a missed target, yellow for a
// warning, green for a target met (on the terminal), and a light's fill (workbook).
type tone int

const (
	toneNone tone = iota
	toneBad
	toneWarn
	toneGood
)

// cellKind says how a workbook shows a cell.
type cellKind int

const (
	kindText cellKind = iota
	kindCount
	kindAmount  // 万元, two decimals
	kindPercent // a rate 0..1
	kindPoints  // 个百分点, one decimal
)

type cell struct {
	Text string   // as shown in the terminal and Markdown
	Num  string   // the exact number for workbooks and CSV ("1234.50", "0.4167"); "" for text
	Kind cellKind //
	Tone tone
	// Anchor names the cell as a place a link may go to; Link is the anchor the cell
	// links to in the workbook (a figure to the projects it counts).
	Anchor, Link string
}

// chartSpec is a native chart of a table: bars of one column, optionally with a line
// of another (完成率 against 序时进度).
type chartSpec struct {
	Title          string
	CategoryColumn int // the column naming the bars
	BarColumn      int
	LineName       string       // a constant line drawn across the bars ("序时进度"); "" for none
	Line           *ledger.Rate //
	Percent        bool
	// Lines are columns drawn as lines over the categories instead of bars (the
	// 月度走势's rates by month); BarColumn and Line are then unused.
	Lines []int
}

func textCell(s string) cell { return cell{Text: s} }

func textCells(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = textCell(s)
	}
	return out
}

func countCell(n int) cell {
	s := strconv.Itoa(n)
	return cell{Text: s, Num: s, Kind: kindCount}
}

// knownCountCell is a count, or "-" for one the ledger's columns cannot give (known
// false): never a 0 that was not counted.
func knownCountCell(n int, known bool) cell {
	if !known {
		return cell{Text: "-", Kind: kindCount}
	}
	return countCell(n)
}

func amountCell(a ledger.Amount) cell {
	if !a.IsSet() {
		return cell{Text: "-", Kind: kindAmount}
	}
	return cell{Text: a.Fixed(2), Num: a.Fixed(2), Kind: kindAmount}
}

func rateCell(v *ledger.Rate) cell {
	if v == nil {
		return cell{Text: "-", Kind: kindPercent}
	}
	return cell{Text: wording.Percent(v), Num: wording.RateNum(*v), Kind: kindPercent}
}

func pointsCell(p *ledger.Rate) cell {
	if p == nil {
		return cell{Text: "-", Kind: kindPoints}
	}
	num := p.Round(1)
	if num == "-0.0" {
		num = "0.0"
	}
	return cell{Text: wording.SignedPoints(*p), Num: num, Kind: kindPoints}
}

func lightCell(l rules.Light) cell {
	if l == "" {
		return cell{Text: "-"}
	}
	return cell{Text: l.Label(), Tone: lightTone(l)}
}

// lightTones are the lights' colours.
var lightTones = map[rules.Light]tone{rules.LightRed: toneBad, rules.LightYellow: toneWarn, rules.LightGreen: toneGood}

func lightTone(l rules.Light) tone { return lightTones[l] }

// tables are the section's tables, in order.
func (s section) tables() []table {
	var out []table
	for _, b := range s.Blocks {
		if t, ok := b.(table); ok {
			out = append(out, t)
		}
	}
	return out
}

// csvTables are the tables a CSV folder gets for the section.
func (s section) csvTables() []table {
	if s.CSV != nil {
		return s.CSV
	}
	return s.tables()
}

// paragraphs are the text of the section's paragraphs, in order.
func (s section) paragraphs() []string {
	var out []string
	for _, b := range s.Blocks {
		if p, ok := b.(paragraph); ok {
			out = append(out, p.text())
		}
	}
	return out
}

// numberColumns marks the columns that hold numbers: every cell a number, or "-" or
// empty for none, and at least one number.
func (t table) numberColumns() []bool {
	out := make([]bool, len(t.Header))
	for c := range out {
		any, all := false, true
		for _, r := range t.Rows {
			if c >= len(r) {
				continue
			}
			switch {
			case r[c].Num != "":
				any = true
			case r[c].Text != "" && r[c].Text != "-":
				all = false
			}
		}
		out[c] = any && all
	}
	return out
}
