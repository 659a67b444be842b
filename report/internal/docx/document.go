package docx

import (
	"fmt"
	"io"
	"time"
)

// A Document is an official document as a list of blocks, written in order.
type Document struct {
	Blocks []Block
	// Modified is the date written into the document's properties; the zero time
	// writes a fixed one, so the same blocks always give the same bytes.
	Modified time.Time
}

// Add appends blocks.
func (d *Document) Add(blocks ...Block) { d.Blocks = append(d.Blocks, blocks...) }

// A Block is one of the types below.
type Block interface{ block() }

// Title is the document's title (标题): 方正小标宋简体 二号, centred, followed by a
// blank line. A line holds 20 characters; a longer title should say with "\n"
// where it breaks, at a pause in the sense, the lines about even (§7.3.1).
type Title struct{ Text string }

// Subtitle is a centred 楷体 line under the title, such as "（2025年6月5日）".
type Subtitle struct{ Text string }

// Addressee is the 主送机关 line, flush left: "各乡镇人民政府，县直各有关单位：".
type Addressee struct{ Text string }

// Heading1 is a first-level heading, "一、总体情况", in 黑体.
type Heading1 struct{ Text string }

// Heading2 is a second-level heading, "（一）开复工情况", in 楷体.
type Heading2 struct{ Text string }

// Paragraph is body text indented two characters. Lead, when set, is a bold
// run-in opening ("1．抓好项目开工。") before Text.
type Paragraph struct{ Lead, Text string }

// AttachmentNote is the 附件说明 under the body: "附件：1．…" with the later
// titles aligned under the first number; one title is written without a number.
type AttachmentNote struct{ Titles []string }

// Closing is the sender and date under the body (发文机关署名, 成文日期), right
// aligned with the date's first character two to the right of the sender's
// (§7.3.5.2). Either may be empty.
type Closing struct{ Issuer, Date string }

// PageBreak starts the next block on a new page.
type PageBreak struct{}

// Attachment starts a 附件 on a new page (§7.3.7): Label ("附件1") in 黑体 at the
// top left, then Title centred on the third line. The blocks after it, usually
// one Table, belong to it until the next Attachment. Page numbers go on.
type Attachment struct{ Label, Title string }

// Table is a table with a header row repeated on every page, thin borders and
// 仿宋 小四 type (the header in 黑体); a table whose numbers and names do not fit
// the page in 小四 is set in 五号, or 小五. A row never splits across pages. A
// header too long for its column is written on two even lines (a line break in
// the document, which ExtractText reads as "\n").
type Table struct {
	// Note is a short line right-aligned above the table, "单位：万元".
	Note   string
	Header []string
	// Rows shorter than the header are padded with empty cells; longer ones are an
	// error.
	Rows [][]string
	// Align gives each column's alignment (missing ones are AlignLeft); the header
	// is always centred.
	Align []Align
	// Widths are the columns' relative widths (any scale); without them the widths
	// follow the text, numbers kept on one line and long text wrapped.
	Widths []int
}

// Align is a column's horizontal alignment.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

func (Title) block()          {}
func (Subtitle) block()       {}
func (Addressee) block()      {}
func (Heading1) block()       {}
func (Heading2) block()       {}
func (Paragraph) block()      {}
func (AttachmentNote) block() {}
func (Closing) block()        {}
func (PageBreak) block()      {}
func (Attachment) block()     {}
func (Table) block()          {}

// Write writes the document as a .docx package. It fails only on a table whose
// rows do not fit its header, a column alignment out of range, or on w's error.
func (d *Document) Write(w io.Writer) error {
	if err := d.validate(); err != nil {
		return err
	}
	return writePackage(w, d)
}

func (d *Document) validate() error {
	n := 0
	for _, b := range d.Blocks {
		t, ok := b.(Table)
		if !ok {
			continue
		}
		n++
		if len(t.Header) == 0 {
			return fmt.Errorf("第%d个表格没有表头", n)
		}
		for i, r := range t.Rows {
			if len(r) > len(t.Header) {
				return fmt.Errorf("第%d个表格第%d行有%d列，表头只有%d列", n, i+1, len(r), len(t.Header))
			}
		}
		if len(t.Align) > len(t.Header) {
			return fmt.Errorf("第%d个表格给了%d个对齐方式，表头只有%d列", n, len(t.Align), len(t.Header))
		}
		for _, a := range t.Align {
			if a < AlignLeft || a > AlignRight {
				return fmt.Errorf("第%d个表格的对齐方式 %d 无效", n, a)
			}
		}
		if len(t.Widths) > 0 && len(t.Widths) != len(t.Header) {
			return fmt.Errorf("第%d个表格给了%d个列宽，表头有%d列", n, len(t.Widths), len(t.Header))
		}
		for _, w := range t.Widths {
			if w <= 0 {
				return fmt.Errorf("第%d个表格的列宽须为正数", n)
			}
		}
	}
	return nil
}
