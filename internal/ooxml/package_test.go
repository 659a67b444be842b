package ooxml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"
)

// part is one entry of a package built for a test.
type part struct {
	name string
	data []byte
}

func text(name, s string) part { return part{name, []byte(s)} }

// zipOf is a zip of the parts, in order, compressed as Excel does.
func zipOf(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, limit int64, parts ...part) (*Package, error) {
	t.Helper()
	b := zipOf(t, parts...)
	return Open(bytes.NewReader(b), int64(len(b)), limit)
}

// workbookParts is a small workbook: two visible sheets, one hidden, one very hidden,
// shared strings and styles, its parts named by relative and absolute targets.
func workbookParts(workbook string) []part {
	return []part{
		text("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="main"/></Types>`),
		text("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		text("xl/workbook.xml", workbook),
		text("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet2.xml"/>`+
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"></Relationship>`+
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+
			`<Relationship Id="rId6" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/>`+
			`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/a&amp;b" TargetMode="External"/>`+
			`</Relationships>`),
		text("xl/worksheets/sheet1.xml", `<worksheet/>`),
		text("xl/worksheets/sheet2.xml", `<worksheet/>`),
		text("xl/worksheets/sheet3.xml", `<worksheet/>`),
		text("xl/sharedStrings.xml", `<sst/>`),
		text("xl/styles.xml", `<styleSheet/>`),
	}
}

const workbookXML = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<workbookPr date1904="1"/><sheets>` +
	`<sheet name="5月台账" sheetId="1" r:id="rId1"/>` +
	`<sheet name="A&amp;B" sheetId="4" state="hidden" r:id="rId2"></sheet>` +
	`<sheet name="设置" sheetId="7" state="veryHidden" r:id="rId3"/>` +
	`<sheet name="无部件" sheetId="8" r:id="rId9"/>` +
	`</sheets><definedNames><definedName name="x">'5月台账'!$A$1</definedName></definedNames></workbook>`

// The workbook's sheets come in order with their state, id and part (relative and
// absolute targets resolved, the part's stored case kept), each with the bounds of
// its element; the date system, shared strings and styles are found.
func TestWorkbook(t *testing.T) {
	p, err := open(t, 0, workbookParts(workbookXML)...)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := p.Workbook()
	if err != nil {
		t.Fatal(err)
	}
	if wb.Part != "xl/workbook.xml" || !wb.Date1904 || wb.Strings != "xl/sharedStrings.xml" || wb.Styles != "xl/styles.xml" {
		t.Errorf("workbook %+v", wb)
	}
	want := []Sheet{
		{Name: "5月台账", ID: 1, RelID: "rId1", Part: "xl/worksheets/sheet1.xml", State: SheetVisible},
		{Name: "A&B", ID: 4, RelID: "rId2", Part: "xl/worksheets/sheet2.xml", State: SheetHidden},
		{Name: "设置", ID: 7, RelID: "rId3", Part: "xl/worksheets/sheet3.xml", State: SheetVeryHidden},
		{Name: "无部件", ID: 8, RelID: "rId9", State: SheetVisible},
	}
	if len(wb.Sheets) != len(want) {
		t.Fatalf("sheets %+v", wb.Sheets)
	}
	for i, s := range wb.Sheets {
		elem := workbookXML[s.Start:s.End]
		s.Start, s.End = 0, 0
		if s != want[i] {
			t.Errorf("sheet %d: %+v, want %+v", i, s, want[i])
		}
		if !strings.HasPrefix(elem, "<sheet ") || !strings.HasSuffix(elem, "/>") && !strings.HasSuffix(elem, "</sheet>") {
			t.Errorf("sheet %d: element %q", i, elem)
		}
	}
	if r := wb.Rels.ByID("rId7"); r == nil || !r.External || r.Target != "https://example.com/a&b" {
		t.Errorf("external relationship %+v", r)
	}
	if r := wb.Rels.ByID("rId3"); r == nil || `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"></Relationship>` != string(mustRead(t, p, "xl/_rels/workbook.xml.rels")[r.Start:r.End]) {
		t.Errorf("relationship written with an end tag: %+v", r)
	}
}

func mustRead(t *testing.T, p *Package, name string) []byte {
	t.Helper()
	b, err := p.ReadPart(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every way the workbook's structure can be damaged is ErrCorrupt, never an empty
// workbook: a workbook.xml cut off inside a tag or between two, a missing workbook or
// relationships part, relationships cut off, a second root, an end tag without start.
func TestWorkbookDamaged(t *testing.T) {
	cutInTag := workbookXML[:strings.Index(workbookXML, `r:id="rId2"`)]
	cutBetween := workbookXML[:strings.Index(workbookXML, `<sheet name="设置"`)]
	for _, tt := range []struct {
		name  string
		parts func([]part) []part
	}{
		{"workbook cut inside a tag", replace("xl/workbook.xml", cutInTag)},
		{"workbook cut between tags", replace("xl/workbook.xml", cutBetween)},
		{"workbook with a second root", replace("xl/workbook.xml", workbookXML+"<workbook/>")},
		{"workbook with a stray end tag", replace("xl/workbook.xml", "</sheets>"+workbookXML)},
		{"workbook missing", drop("xl/workbook.xml")},
		{"workbook relationships missing", drop("xl/_rels/workbook.xml.rels")},
		{"relationships cut off", replace("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="a.xml"`)},
		{"package relationships cut off", replace("_rels/.rels", `<Relationships><Relationship Id="rId1"`)},
		{"shared strings cut off", replace("xl/sharedStrings.xml", `<sst><si><t>甲</t></si><si>`)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := open(t, 0, tt.parts(workbookParts(workbookXML))...)
			if err != nil {
				t.Fatal(err)
			}
			wb, err := p.Workbook()
			if err == nil {
				_, err = p.SharedStrings(wb)
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("error %v, want ErrCorrupt", err)
			}
		})
	}
	// Without package relationships the workbook is looked for where it usually is.
	p, err := open(t, 0, drop("_rels/.rels")(workbookParts(workbookXML))...)
	if err != nil {
		t.Fatal(err)
	}
	if wb, err := p.Workbook(); err != nil || len(wb.Sheets) != 4 {
		t.Errorf("without _rels/.rels: %v", err)
	}
}

func replace(name, data string) func([]part) []part {
	return func(ps []part) []part {
		for i := range ps {
			if ps[i].name == name {
				ps[i].data = []byte(data)
			}
		}
		return ps
	}
}

func drop(name string) func([]part) []part {
	return func(ps []part) []part {
		var out []part
		for _, p := range ps {
			if p.name != name {
				out = append(out, p)
			}
		}
		return out
	}
}

// An entry name that climbs out of the package or names an entry twice (in any case)
// makes it corrupt: a copy must not carry it on. Odd but harmless names pass.
func TestEntryNames(t *testing.T) {
	for _, tt := range []struct {
		names []string
		ok    bool
	}{
		{[]string{"xl/workbook.xml", "xl/worksheets/sheet1.xml"}, true},
		{[]string{"xl/", "xl/worksheets/", "xl/a..b.xml"}, true}, // folder entries, dots inside a name
		{[]string{"../evil.xml"}, false},
		{[]string{"xl/../../evil.xml"}, false},
		{[]string{"xl/./workbook.xml"}, false},
		{[]string{"/etc/passwd"}, false},
		{[]string{`\evil.xml`}, false},
		{[]string{`xl\..\..\evil.xml`}, false},
		{[]string{"xl//workbook.xml"}, false},
		{[]string{"xl/workbook.xml", "xl/workbook.xml"}, false},
		{[]string{"xl/workbook.xml", "XL/Workbook.xml"}, false},
	} {
		var ps []part
		for _, n := range tt.names {
			ps = append(ps, text(n, "<x/>"))
		}
		_, err := open(t, 0, ps...)
		if ok := err == nil; ok != tt.ok || err != nil && !errors.Is(err, ErrCorrupt) {
			t.Errorf("%q: error %v, want ok %v", tt.names, err, tt.ok)
		}
	}
}

// A part that unpacks to more than MaxRatio times its compressed size is refused
// when opened, once past RatioGrace; the whole package past the caller's limit at once.
func TestLimits(t *testing.T) {
	random := make([]byte, 6<<20)
	rand.New(rand.NewSource(1)).Read(random)
	p, err := open(t, 0,
		part{"xl/media/bomb.bin", make([]byte, 8<<20)},
		part{"xl/media/small.bin", make([]byte, RatioGrace)},
		part{"xl/media/photo.bin", random},
	)
	if err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if _, err := p.OpenPart("xl/media/bomb.bin"); !errors.As(err, &le) || le.Kind != LimitRatio || le.Part != "xl/media/bomb.bin" || !errors.Is(err, ErrTooLarge) {
		t.Errorf("8 MiB of zeros: %v", err)
	}
	for _, name := range []string{"xl/media/small.bin", "xl/media/photo.bin"} {
		if _, err := p.ReadPart(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err = open(t, 10<<20, part{"a.bin", make([]byte, 6<<20)}, part{"b.bin", make([]byte, 6<<20)})
	if !errors.As(err, &le) || le.Kind != LimitUnzip || le.Limit != 10<<20 {
		t.Errorf("12 MiB against 10: %v", err)
	}
	// More sheets than MaxSheets.
	var wb strings.Builder
	wb.WriteString(`<workbook><sheets>`)
	for i := 0; i <= MaxSheets; i++ {
		wb.WriteString(`<sheet name="s" sheetId="1" r:id="rId1"/>`)
	}
	wb.WriteString(`</sheets></workbook>`)
	p, err = open(t, 0, replace("xl/workbook.xml", wb.String())(workbookParts(""))...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Workbook(); !errors.As(err, &le) || le.Kind != LimitSheets {
		t.Errorf("%d sheets: %v", MaxSheets+1, err)
	}
}

func TestContentTypes(t *testing.T) {
	in := `<Types xmlns="x"><Default Extension="XML" ContentType="application/xml"/><Default Extension="vml" ContentType="` + TypeVML + `"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + TypeWorksheet + `"/><Override PartName="/xl/comments1.xml" ContentType="` + TypeComments + `"></Override></Types>`
	ct, err := ParseContentTypes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for part, want := range map[string]string{
		"xl/worksheets/sheet1.xml": TypeWorksheet, "xl/Comments1.xml": TypeComments,
		"xl/drawings/vmlDrawing1.vml": TypeVML, "xl/workbook.xml": "application/xml", "a.bin": "",
	} {
		if got := ct.TypeOf(part); got != want {
			t.Errorf("%s: %q, want %q", part, got, want)
		}
	}
	if o := ct.Overrides[1]; in[o.Start:o.End] != `<Override PartName="/xl/comments1.xml" ContentType="`+TypeComments+`"></Override>` {
		t.Errorf("override element %q", in[o.Start:o.End])
	}
	if _, err := ParseContentTypes([]byte(in[:40])); !errors.Is(err, ErrCorrupt) {
		t.Errorf("cut off: %v", err)
	}
}
