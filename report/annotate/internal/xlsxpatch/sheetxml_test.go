package xlsxpatch

import (
	"regexp"
	"strings"
	"testing"
)

// rewrite runs the sheet rewrite with a style function that makes the new style
// index visible: 100 + original for errors, 200 + original for warnings.
func rewrite(t *testing.T, xml string, marks []Mark, legacy string) string {
	t.Helper()
	sr := newSheetRewrite(marks)
	sr.restyle = func(orig int, level Level) int {
		if level == LevelError {
			return 100 + orig
		}
		return 200 + orig
	}
	sr.unfill = func(orig int) (int, bool) {
		if orig == 7 { // a fill left by an earlier run
			return 70, true
		}
		return 0, false
	}
	sr.legacy = legacy
	var b strings.Builder
	if err := sr.run(strings.NewReader(xml), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSheetRewrite(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		marks  []Mark
		legacy string
		want   string
	}{
		{
			name:  "existing cell keeps everything but its style",
			in:    `<worksheet><sheetData><row r="2" spans="1:3"><c r="A2" s="3" t="s"><v>5</v></c><c r="B2"><v>1.5</v></c></row></sheetData></worksheet>`,
			marks: []Mark{{Row: 2, Col: 1, Level: LevelError}},
			want:  `<worksheet><sheetData><row r="2"><c r="A2" s="3" t="s"><v>5</v></c><c r="B2" s="100"><v>1.5</v></c></row></sheetData></worksheet>`,
		},
		{
			name:  "a missing cell is made in its place, a missing row before the next",
			in:    `<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="5"><c r="A5"><v>3</v></c></row></sheetData></worksheet>`,
			marks: []Mark{{Row: 2, Col: 2, Level: LevelWarning}, {Row: 3, Col: 0, Level: LevelError}, {Row: 9, Col: 1, Level: LevelError}},
			want:  `<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="C2" s="200"/><c r="D2"><v>2</v></c></row><row r="3"><c r="A3" s="100"/></row><row r="5"><c r="A5"><v>3</v></c></row><row r="9"><c r="B9" s="100"/></row></sheetData></worksheet>`,
		},
		{
			name:  "cells and rows without r get it; an earlier run's fill is taken off",
			in:    `<worksheet><sheetData><row><c s="7"><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`,
			marks: []Mark{{Row: 1, Col: 1, Level: LevelError}},
			want:  `<worksheet><sheetData><row><c s="70" r="A1"><v>1</v></c><c r="B1" s="100"><v>2</v></c></row></sheetData></worksheet>`,
		},
		{
			name:  "an empty sheet and a prefixed namespace",
			in:    `<x:worksheet xmlns:x="m"><x:sheetData/><x:pageMargins left="1"/></x:worksheet>`,
			marks: []Mark{{Row: 1, Col: 0, Level: LevelError}},
			want:  `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" s="100"/></x:row></x:sheetData><x:pageMargins left="1"/></x:worksheet>`,
		},
		{
			name:   "the comments' drawing goes before tableParts",
			in:     `<worksheet><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
			legacy: "rId9",
			want:   `<worksheet><sheetData></sheetData><pageMargins/><legacyDrawing xmlns:r="` + nsRel + `" r:id="rId9"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
		},
		{
			name:  "a quoted > and a self-closed row with a mark",
			in:    `<worksheet><sheetData><row r="4" ht="20"/></sheetData><dataValidations><dataValidation prompt="a>b"/></dataValidations></worksheet>`,
			marks: []Mark{{Row: 4, Col: 27, Level: LevelWarning}},
			want:  `<worksheet><sheetData><row r="4" ht="20"><c r="AB4" s="200"/></row></sheetData><dataValidations><dataValidation prompt="a>b"/></dataValidations></worksheet>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewrite(t, tt.in, tt.marks, tt.legacy); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestStripOwn(t *testing.T) {
	const m = "【攻坚检查】"
	tests := []struct{ in, want string }{
		{`<t>` + m + `错误：x</t>`, ""},
		{`<r><t>张三：已核实</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">` + "\n" + m + `错误：x</t></r>`, `<r><t>张三：已核实</t></r>`},
		{`<t xml:space="preserve">张三的批注` + "\n" + m + `警告：y</t>`, `<t xml:space="preserve">张三的批注</t>`},
		{`<r><t>只有批注</t></r>`, `<r><t>只有批注</t></r>`},
	}
	for _, tt := range tests {
		if got := stripOwn(tt.in, m); got != tt.want {
			t.Errorf("stripOwn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAttrs(t *testing.T) {
	tag := []byte(`<c r="B2" s="3" t="s">`)
	if v, _, _ := findAttr(tag, "s"); string(v) != "3" {
		t.Errorf("s = %q", v)
	}
	if v, _, _ := findAttr([]byte(`<row spans="1:3" r="2">`), "s"); v != nil {
		t.Errorf("s matched inside spans: %q", v)
	}
	if got := string(setAttr(tag, "s", "9")); got != `<c r="B2" s="9" t="s">` {
		t.Errorf("setAttr: %s", got)
	}
	if got := string(setAttr([]byte(`<c r="B2"/>`), "s", "9")); got != `<c r="B2" s="9"/>` {
		t.Errorf("setAttr on an empty element: %s", got)
	}
	if got := relative("xl/worksheets/sheet1.xml", "xl/comments1.xml"); got != "../comments1.xml" {
		t.Errorf("relative: %q", got)
	}
}

// Without fills from an earlier run, rows with no mark are copied through unread, byte
// for byte, even across the reader's buffer; with them, every cell is looked at.
func TestSheetRewriteCopiesUnmarkedRows(t *testing.T) {
	long := strings.Repeat("长文本&gt;", 40000) // beyond the 256 KB buffer
	in := `<worksheet><sheetData><row r="1"><c r="A1" s="7" t="inlineStr"><is><t>` + long + `</t></is></c></row>` +
		`<row r="2"><c r="A2" s="7"><f>IF(B2&gt;1,1,0)</f><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row></sheetData></worksheet>`
	marks := []Mark{{Row: 3, Col: 0, Level: LevelError}}
	want := strings.Replace(in, `<c r="A3">`, `<c r="A3" s="100">`, 1)
	if got := rewrite(t, in, marks, ""); got != want {
		t.Errorf("unmarked rows changed:\n got %.300s\nwant %.300s", got[len(got)-300:], want[len(want)-300:])
	}
	sr := newSheetRewrite(marks)
	sr.restyle = func(orig int, level Level) int { return 100 + orig }
	sr.unfill = func(orig int) (int, bool) { return 70, orig == 7 }
	sr.oldFills = true
	var b strings.Builder
	if err := sr.run(strings.NewReader(in), &b); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), `s="70"`) != 2 {
		t.Error("with old fills, the unmarked rows' cells were not looked at")
	}
}

// A custom number format takes the next free id from 164, in a numFmts list of its
// own when the workbook has none (first in the style sheet) or appended to the
// workbook's, its count raised.
func TestNumFmt(t *testing.T) {
	for _, tt := range []struct {
		name, styles string
		id           int
		want         string
	}{
		{"none", minimalStyles, 164, `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts`},
		{"its own", strings.Replace(minimalStyles, "<fonts", `<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy-mm-dd"/></numFmts><fonts`, 1), 177,
			`<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy-mm-dd"/><numFmt numFmtId="177" formatCode="0.0%"/></numFmts>`},
		{"prefixed", strings.NewReplacer("<styleSheet", "<x:styleSheet", "</styleSheet", "</x:styleSheet").Replace(minimalStyles), 164, `<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts>`},
	} {
		s, err := parseStyles(tt.styles)
		if err != nil {
			t.Fatal(err)
		}
		if id := s.numFmt("0.0%"); id != tt.id {
			t.Errorf("%s: id %d, want %d", tt.name, id, tt.id)
		}
		if out := s.render(); !strings.Contains(out, tt.want) {
			t.Errorf("%s: %s\nlacks %s", tt.name, out, tt.want)
		}
	}
}

// An appended sheet a few rows over a page prints shrunk onto one; one that would
// leave a tail of rows to its last page is broken evenly; a short one, one whose
// last page is half full and one of full pages are left alone. (The header takes
// two lines, a row one: a page holds the header and 24 rows.)
func TestAppendedSheetPages(t *testing.T) {
	st, err := parseStyles(minimalStyles)
	if err != nil {
		t.Fatal(err)
	}
	styles := addSheetStyles(st, st.solidFill("FFFFB7B7"), st.solidFill("FFFFE9A8"))
	for _, tt := range []struct {
		rows   int
		oneFit bool
		breaks string // the rows ending a page
		name   string
	}{
		{5, false, "", "short"},
		{27, true, "", "a few rows over"},
		{35, false, "19", "a page and eleven rows"}, // the header and 18 rows, then 17
		{40, false, "", "a page and a half"},
		{144, false, "", "six full pages"},
		{150, false, "23 45 67 89 111 133", "six pages and six rows"}, // 22 rows a page
	} {
		var rows Table
		for range tt.rows {
			rows = append(rows, []Cell{{Text: "警告"}, {Text: "一行说明"}})
		}
		sh := &Sheet{Name: "检查结果", Headers: []string{"严重程度", "说明"}, Widths: []float64{9, 70}, Rows: rows}
		var b strings.Builder
		if err := sheetXML(&b, sh, styles, false); err != nil {
			t.Fatal(err)
		}
		x := b.String()
		if got := strings.Contains(x, `fitToHeight="1"`); got != tt.oneFit {
			t.Errorf("%s: fitted to one page %v", tt.name, got)
		}
		var ids []string
		for _, m := range regexp.MustCompile(`<brk id="(\d+)" max="16383" man="1"/>`).FindAllStringSubmatch(x, -1) {
			ids = append(ids, m[1])
		}
		if got := strings.Join(ids, " "); got != tt.breaks {
			t.Errorf("%s: breaks after rows %q, want %q", tt.name, got, tt.breaks)
		}
	}
}
