package docx

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// The same document is the same bytes: parts in name order, one fixed time.
func TestWriteIsDeterministic(t *testing.T) {
	a, b := write(t, sampleNotice()), write(t, sampleNotice())
	if !bytes.Equal(a.data, b.data) {
		t.Fatal("two writes of one document differ")
	}
	if !slices.IsSorted(a.names) {
		t.Errorf("zip entries not sorted: %v", a.names)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/footer1.xml", "word/footer2.xml"} {
		if _, ok := a.parts[name]; !ok {
			t.Errorf("no part %s", name)
		}
	}
	core := a.xml(t, "docProps/core.xml")
	if got := core.first("created").text; got != "2000-01-01T00:00:00Z" {
		t.Errorf("created %q", got)
	}
	if got := core.first("title").text; got != "关于2025年1-5月全县重点项目\n建设进展情况的通报" {
		t.Errorf("title property %q", got)
	}
	// A given date is written instead, and only there.
	d := sampleNotice()
	d.Modified = time.Date(2025, 6, 5, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	c := write(t, d)
	if got := c.xml(t, "docProps/core.xml").first("modified").text; got != "2025-06-05T01:30:00Z" {
		t.Errorf("modified %q", got)
	}
	if !bytes.Equal(c.parts["word/document.xml"], a.parts["word/document.xml"]) {
		t.Error("the date changed the body")
	}
	// Every part declared in the content types exists, and the other way round.
	declared := map[string]bool{}
	for _, o := range a.xml(t, "[Content_Types].xml").all("Override") {
		declared[strings.TrimPrefix(o.attr["PartName"], "/")] = true
	}
	for _, name := range a.names {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			continue
		}
		if !declared[name] {
			t.Errorf("part %s has no content type", name)
		}
		delete(declared, name)
	}
	if len(declared) > 0 {
		t.Errorf("content types for missing parts: %v", declared)
	}
}

// Text is escaped and cleaned: whatever a clerk typed, document.xml stays XML
// and says the same.
func TestTextIsEscapedAndCleaned(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`A&B <c> "d" 'e'`, `A&B <c> "d" 'e'`},
		{"退格\x08与响铃\x07、空字符\x00去掉", "退格与响铃、空字符去掉"},
		{"C1\u0085控制符\u009f去掉", "C1控制符去掉"},
		{"非字符\uFFFE\uFFFF去掉", "非字符去掉"},
		{"坏\xff\xfeUTF-8", "坏\uFFFDUTF-8"},
		{"第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"},
		{"列1\t列2", "列1\t列2"},
		{"  前后空格  ", "  前后空格  "},
		{"]]><![CDATA[", "]]><![CDATA["},
	} {
		d := &Document{}
		d.Add(Paragraph{Text: c.in}, Table{Header: []string{c.in}, Rows: [][]string{{c.in}}})
		parts := extract(t, write(t, d))
		if len(parts) != 2 {
			t.Fatalf("%q: %d parts", c.in, len(parts))
		}
		if parts[0].Paragraph != c.want {
			t.Errorf("paragraph %q: got %q, want %q", c.in, parts[0].Paragraph, c.want)
		}
		if got := parts[1].Table[1][0]; got != c.want {
			t.Errorf("cell %q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// A runaway value is cut, not written whole.
func TestHugeTextIsBounded(t *testing.T) {
	long := strings.Repeat("长", 100000)
	d := &Document{}
	d.Add(Title{Text: long}, Paragraph{Lead: "要求：", Text: long}, Table{Header: []string{"说明"}, Rows: [][]string{{long}}})
	w := write(t, d)
	parts := extract(t, w)
	if got := []rune(parts[0].Paragraph); len(got) != maxText+2 || string(got[maxText:]) != "……" {
		t.Errorf("title: %d characters", len(got))
	}
	if got := []rune(parts[1].Paragraph); len(got) != len("要求：")/3+maxText+2 {
		t.Errorf("paragraph: %d characters", len(got))
	}
	if got := []rune(parts[2].Table[1][0]); len(got) != maxCell+2 {
		t.Errorf("cell: %d characters", len(got))
	}
	if len(w.data) > 200_000 {
		t.Errorf("document is %d bytes", len(w.data))
	}
}

// Tables that do not fit their header are refused with a Chinese sentence.
func TestWriteRefusesBadTables(t *testing.T) {
	for _, c := range []struct {
		table Table
		want  string
	}{
		{Table{}, "没有表头"},
		{Table{Header: []string{"甲"}, Rows: [][]string{{"1", "2"}}}, "第1行有2列，表头只有1列"},
		{Table{Header: []string{"甲"}, Align: []Align{AlignRight, AlignLeft}}, "2个对齐方式"},
		{Table{Header: []string{"甲"}, Align: []Align{Align(7)}}, "对齐方式 7 无效"},
		{Table{Header: []string{"甲", "乙"}, Widths: []int{1}}, "给了1个列宽"},
		{Table{Header: []string{"甲"}, Widths: []int{0}}, "须为正数"},
	} {
		d := &Document{}
		d.Add(Table{Header: []string{"好"}}, c.table)
		var buf bytes.Buffer
		err := d.Write(&buf)
		if err == nil || !strings.Contains(err.Error(), "第2个表格") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.table, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%+v: wrote %d bytes before failing", c.table, buf.Len())
		}
	}
}

// Rows shorter than the header get empty cells; an empty document is still a
// document Word opens (a paragraph and the page setup).
func TestShortRowsAndEmptyDocument(t *testing.T) {
	d := &Document{}
	d.Add(Table{Header: []string{"甲", "乙", "丙"}, Rows: [][]string{{"1"}}})
	parts := extract(t, write(t, d))
	if got := parts[0].Table[1]; len(got) != 3 || got[0] != "1" || got[1] != "" || got[2] != "" {
		t.Errorf("short row: %q", got)
	}
	w := write(t, &Document{})
	body := w.xml(t, "word/document.xml").child("body")
	if len(body.children) != 2 || body.children[0].name != "p" || body.children[1].name != "sectPr" {
		t.Errorf("empty document body: %d elements", len(body.children))
	}
}
