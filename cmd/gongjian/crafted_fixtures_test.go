package main

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// Crafted workbooks of a few kilobytes or megabytes that once took gigabytes or
// minutes (issue 11's hostile tests), written part by part, streamed: the largest
// unpacks to 1 GB and is never held.

// craftedFile is one crafted input and what check must say of it: its error code, or
// "" when it reads as a ledger (then it is checked and gets its copy).
type craftedFile struct {
	name  string
	code  string
	write func(t testing.TB, path string)
}

// craftedFiles are the crafted inputs, bad and merely strange.
func craftedFiles() []craftedFile {
	header := craftedHeader()
	return []craftedFile{
		{"行号二十亿.xlsx", "corrupt", func(t testing.TB, path string) { // 2 KB
			craftedWorkbook(t, path, strings.NewReader(header+`<row r="2000000000"><c t="inlineStr"><is><t>x</t></is></c></row>`), nil)
		}},
		{"二千万个空共享字符串.xlsx", "too-large", func(t testing.TB, path string) { // 150 KB, unpacks to 100 MB
			craftedWorkbook(t, path, strings.NewReader(header), repeated(`<sst>`, "<si/>", 20_000_000, `</sst>`))
		}},
		{"二亿个空共享字符串.xlsx", "too-large", func(t testing.TB, path string) { // 1.4 MB, unpacks to 1 GB
			craftedWorkbook(t, path, strings.NewReader(header), repeated(`<sst>`, "<si/>", 200_000_000, `</sst>`))
		}},
		{"九百兆单元格.xlsx", "too-large", func(t testing.TB, path string) { // 0.9 MB
			craftedWorkbook(t, path, repeated(header+`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>`, "a", 900<<20, `</t></is></c></row>`), nil)
		}},
		{"九百兆属性.xlsx", "too-large", func(t testing.TB, path string) { // 0.9 MB
			craftedWorkbook(t, path, repeated(header+`<row r="2"><c r="A2" x="`, "a", 900<<20, `"><v>1</v></c></row>`), nil)
		}},
		{"XFE列.xlsx", "corrupt", func(t testing.TB, path string) {
			craftedWorkbook(t, path, strings.NewReader(header+`<row r="2"><c r="XFE2"><v>1</v></c></row>`), nil)
		}},
		{"工作簿截断.xlsx", "corrupt", func(t testing.TB, path string) {
			craftedPackage(t, path, craftedPart{"xl/workbook.xml", strings.NewReader(`<workbook><sheets><sheet name="台账" sheetId="1" r:i`)},
				craftedPart{"xl/worksheets/sheet1.xml", strings.NewReader(craftedSheet(header))})
		}},
		{"越界条目.xlsx", "corrupt", func(t testing.TB, path string) {
			craftedPackage(t, path, craftedPart{"xl/worksheets/sheet1.xml", strings.NewReader(craftedSheet(header))},
				craftedPart{"../../../tmp/evil.sh", strings.NewReader("echo evil")})
		}},
		{"重复条目.xlsx", "corrupt", func(t testing.TB, path string) {
			craftedPackage(t, path, craftedPart{"xl/worksheets/sheet1.xml", strings.NewReader(craftedSheet(header))},
				craftedPart{"xl/worksheets/sheet1.xml", strings.NewReader(craftedSheet(header))})
		}},
		{"共享文字放大.xlsx", "too-large", func(t testing.TB, path string) { // 40 KB: 100,000 cells naming one 32,767-character string
			craftedWorkbook(t, path, craftedRows(header, 100_000, func(r int) string {
				return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c><c r="D%d"><v>1</v></c></row>`, r, r, r, r, r)
			}), strings.NewReader(`<sst><si><t>`+strings.Repeat("a", 32767)+`</t></si></sst>`))
		}},
		{"二十万行XFD列有值.xlsx", "", func(t testing.TB, path string) { // 1.4 MB: 200,000 rows numbered in A, each with a value at XFD
			craftedWorkbook(t, path, craftedRows(header+`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>甲项目</t></is></c><c r="C2" t="inlineStr"><is><t>新建</t></is></c><c r="D2"><v>100</v></c><c r="E2"><v>50</v></c></row>`,
				200_000, func(r int) string {
					r++ // after row 2
					return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r-1, r)
				}), nil)
		}},
		{"两千个满是文字的工作表.xlsx", "no-header", func(t testing.TB, path string) { // 2,000 sheets of 16 rows × 256 text cells: the header search stops at a million cells
			craftedSheets(t, path, 2000, craftedRows("", 15, func(r int) string {
				var b strings.Builder
				fmt.Fprintf(&b, `<row r="%d">`, r-1)
				for c := 0; c < 256; c++ {
					fmt.Fprintf(&b, `<c t="s"><v>%d</v></c>`, c)
				}
				return b.String() + `</row>`
			}))
		}},
		{"一兆的值.xlsx", "", func(t testing.TB, path string) { // a value of 1 MB (2 MB of XML): read as its first 32,767 characters
			craftedWorkbook(t, path, strings.NewReader(header+`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>甲项目</t></is></c>`+
				`<c r="C2" t="inlineStr"><is><t>新建</t></is></c><c r="D2" t="inlineStr"><is><t>`+strings.Repeat("9a", 1<<19)+`</t></is></c><c r="E2"><v>50</v></c></row>`), nil)
		}},
		{"一兆的值表.csv", "", func(t testing.TB, path string) {
			writeString(t, path, "序号,项目名称,建设性质,总投资,年度计划投资,1-5月完成投资\n1,甲项目,新建,"+strings.Repeat("9a", 1<<19)+",50,10\n")
		}},
	}
}

func craftedHeader() string {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for i, h := range []string{"序号", "项目名称", "建设性质", "总投资", "年度计划投资", "1-5月完成投资"} {
		fmt.Fprintf(&b, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	return b.String() + `</row>`
}

func craftedSheet(rows string) string {
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

type craftedPart struct {
	name string
	r    io.Reader
}

// craftedWorkbook writes a one-sheet workbook whose sheetData holds rows (and whose
// shared strings part is sst, when given).
func craftedWorkbook(t testing.TB, path string, rows, sst io.Reader) {
	t.Helper()
	sheet := io.MultiReader(strings.NewReader(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`), rows, strings.NewReader(`</sheetData></worksheet>`))
	parts := []craftedPart{
		{"xl/workbook.xml", strings.NewReader(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	if sst != nil {
		parts = append(parts, craftedPart{"xl/sharedStrings.xml", sst})
	}
	craftedPackage(t, path, parts...)
}

// craftedSheets writes a workbook of n sheets, all with the same rows, whose shared
// strings are 256 different texts.
func craftedSheets(t testing.TB, path string, n int, rows io.Reader) {
	t.Helper()
	data, err := io.ReadAll(rows)
	if err != nil {
		t.Fatal(err)
	}
	var wb, rels, sst strings.Builder
	wb.WriteString(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
	parts := []craftedPart{{"xl/workbook.xml", nil}, {"xl/_rels/workbook.xml.rels", nil}, {"xl/sharedStrings.xml", nil}}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&wb, `<sheet name="表%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s%d.xml"/>`, i, i)
		parts = append(parts, craftedPart{fmt.Sprintf("xl/worksheets/s%d.xml", i), strings.NewReader(craftedSheet(string(data)))})
	}
	sst.WriteString(`<sst>`)
	for c := 0; c < 256; c++ {
		fmt.Fprintf(&sst, `<si><t>计划投资说明第%d项</t></si>`, c)
	}
	parts[0].r = strings.NewReader(wb.String() + `</sheets></workbook>`)
	parts[1].r = strings.NewReader(rels.String() + `</Relationships>`)
	parts[2].r = strings.NewReader(sst.String() + `</sst>`)
	craftedPackage(t, path, parts...)
}

// craftedPackage writes a package of the parts after its content types and
// relationships (a workbook part given replaces the usual one). Deflate's fastest
// level still packs a repeated text 190 times (its best, 690 times, takes 4 times as
// long to write).
func craftedPackage(t testing.TB, path string, parts ...craftedPart) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	given := map[string]bool{}
	for _, p := range parts {
		given[p.name] = true
	}
	all := []craftedPart{
		{"[Content_Types].xml", strings.NewReader(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)},
		{"_rels/.rels", strings.NewReader(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/_rels/workbook.xml.rels?", strings.NewReader(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)},
	}
	all = append(all, craftedPart{"xl/workbook.xml?", strings.NewReader(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`)})
	for _, p := range append(all, parts...) {
		// A default part (NAME?) is written unless the caller gives its own.
		if name, dflt := strings.CutSuffix(p.name, "?"); dflt {
			if given[name] {
				continue
			}
			p.name = name
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, p.r); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// repeated reads head, then unit n times, then tail.
func repeated(head, unit string, n int64, tail string) io.Reader {
	return io.MultiReader(strings.NewReader(head), &repeater{unit: unit, n: n}, strings.NewReader(tail))
}

type repeater struct {
	unit  string
	n     int64  // units left
	chunk []byte // units, repeated
	buf   []byte // what is left of the chunk being read
}

func (r *repeater) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		if r.n == 0 {
			return 0, io.EOF
		}
		if r.chunk == nil {
			r.chunk = []byte(strings.Repeat(r.unit, 256<<10/len(r.unit)+1))
		}
		k := min(r.n, int64(len(r.chunk)/len(r.unit)))
		r.buf = r.chunk[:k*int64(len(r.unit))]
		r.n -= k
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// craftedRows reads head and then rows 2 to n+1 as row gives them.
func craftedRows(head string, n int, row func(r int) string) io.Reader {
	i := 2
	var buf []byte
	return io.MultiReader(strings.NewReader(head), readerFunc(func(p []byte) (int, error) {
		for len(buf) == 0 {
			if i > n+1 {
				return 0, io.EOF
			}
			buf = []byte(row(i))
			i++
		}
		k := copy(p, buf)
		buf = buf[k:]
		return k, nil
	}))
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

func writeString(t testing.TB, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
