package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gongjian/internal/ooxml"
)

// Reading is bounded by what a real ledger of the file's size needs, whatever the
// file claims: these tests read workbooks crafted part by part. (The whole-process
// figures for the large crafted files are in cmd/gongjian's TestCraftedFiles.)

// craftedParts are the parts of a one-sheet workbook "台账" with shared strings; a
// test replaces some of them.
func craftedParts(sheetData, sst string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`,
		"xl/sharedStrings.xml":     `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`,
	}
}

// ledgerHeader is row 1 of a crafted ledger, and ledgerRow a project row.
func ledgerHeader() string {
	return `<row r="1">` + inlineCells(1, "序号", "项目名称", "建设性质", "总投资", "年度计划投资", "1-5月完成投资") + `</row>`
}

func ledgerRow(row int, name string) string {
	return fmt.Sprintf(`<row r="%d">%s<c r="D%d"><v>100</v></c><c r="E%d"><v>50</v></c><c r="F%d"><v>10</v></c></row>`,
		row, inlineCells(row, fmt.Sprint(row-1), name, "新建"), row, row, row)
}

func inlineCells(row int, texts ...string) string {
	var b strings.Builder
	for i, s := range texts {
		fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, CellName(i, row), s)
	}
	return b.String()
}

// writeCrafted zips the parts into a file and returns its path.
func writeCrafted(t testing.TB, parts map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}
	var extra []string
	for name := range parts {
		if !slices.Contains(names, name) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range append(names, extra...) {
		if _, ok := parts[name]; !ok {
			continue
		}
		name := strings.TrimSuffix(name, "#2") // "NAME#2": NAME a second time
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every damaged or crafted structure gets its code and a sentence naming the file,
// never "empty" for a workbook that is cut off.
func TestReadCraftedCodes(t *testing.T) {
	good := ledgerHeader() + ledgerRow(2, "陵川县供水工程")
	for _, tt := range []struct {
		name  string
		parts map[string]string
		code  string
		says  string
	}{
		{"workbook.xml cut off inside a tag", with(craftedParts(good, ""), "xl/workbook.xml", `<workbook><sheets><sheet name="台账" sheetId="1" r:id="rI`), "corrupt", "工作表结构"},
		{"workbook.xml cut off between tags", with(craftedParts(good, ""), "xl/workbook.xml", `<workbook><sheets>`), "corrupt", "工作表结构"},
		{"relationships cut off", with(craftedParts(good, ""), "xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="`), "corrupt", "工作表结构"},
		{"sheet cut off inside a tag", with(craftedParts(good, ""), "xl/worksheets/sheet1.xml", `<worksheet><sheetData>`+good+`<row r="3"><c r="A`), "corrupt", "读取工作表“台账”时出错"},
		{"sheet cut off between tags", with(craftedParts(good, ""), "xl/worksheets/sheet1.xml", `<worksheet><sheetData>`+good), "corrupt", "读取工作表“台账”时出错"},
		{"row 2,000,000,000", craftedParts(good+`<row r="2000000000"><c t="inlineStr"><is><t>x</t></is></c></row>`, ""), "corrupt", "行号超过 1048576"},
		{"row 1,048,577", craftedParts(good+`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, ""), "corrupt", "行号超过 1048576"},
		{"rows past 1,048,576 counted on", craftedParts(ledgerHeader()+`<row r="1048576"/><row/>`, ""), "corrupt", "行号超过 1048576"},
		{"a row number that is none", craftedParts(good+`<row r="x3"/>`, ""), "corrupt", "编号无效"},
		{"a cell past XFD", craftedParts(good+`<row r="3"><c r="XFE3"><v>1</v></c></row>`, ""), "corrupt", "列超过 XFD"},
		{"cells past XFD counted on", craftedParts(good+`<row r="3"><c r="XFD3"><v>1</v></c><c><v>2</v></c></row>`, ""), "corrupt", "列超过 XFD"},
		{"a cell reference that is none", craftedParts(good+`<row r="3"><c r="3A"><v>1</v></c></row>`, ""), "corrupt", "编号无效"},
		{"a cell tag of 100 KB", craftedParts(good+`<row r="3"><c r="A3" x="`+strings.Repeat("a", 100<<10)+`"><v>1</v></c></row>`, ""), "corrupt", "编号无效"},
		{"shared strings cut off", craftedParts(good, `<si><t>甲`), "corrupt", "工作表结构"},
		{"an entry climbing out", with(craftedParts(good, ""), "../../evil.sh", "x"), "corrupt", "无法作为 xlsx 打开"},
		{"an absolute entry", with(craftedParts(good, ""), "/etc/evil", "x"), "corrupt", "无法作为 xlsx 打开"},
		{"an entry twice", with(craftedParts(good, ""), "xl/worksheets/sheet1.xml#2", "<worksheet/>"), "corrupt", "无法作为 xlsx 打开"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := writeCrafted(t, tt.parts)
			_, err := Read(path, Options{})
			e, ok := AsError(err)
			if !ok || e.Code != tt.code || !strings.HasPrefix(e.Message, path+"：") || !strings.Contains(e.Message, tt.says) {
				t.Errorf("Read = %v, want %s saying %q", err, tt.code, tt.says)
			}
		})
	}
}

func with(parts map[string]string, name, data string) map[string]string {
	parts[name] = data
	return parts
}

// A cell's text longer than Excel's 32,767 characters is read as its first 32,767,
// inline or shared, in one step or in pieces.
func TestReadLongCellCut(t *testing.T) {
	long := strings.Repeat("项", 100_000)
	sheet := ledgerHeader() + ledgerRow(2, long) +
		`<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>0</v></c><c r="C3" t="inlineStr"><is><t>新建</t></is></c><c r="D3"><v>1</v></c></row>` +
		`<row r="4"><c r="A4"><v>3</v></c><c r="B4" t="inlineStr"><is><r><t>` + long + `</t></r><r><t>尾</t></r></is></c><c r="C4" t="inlineStr"><is><t>新建</t></is></c><c r="D4"><v>1</v></c></row>`
	l, err := Read(writeCrafted(t, craftedParts(sheet, `<si><t>`+long+`</t></si>`)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Projects) != 3 {
		t.Fatalf("%d projects", len(l.Projects))
	}
	for _, p := range l.Projects {
		if n := utf8.RuneCountInString(p.Name); n != ooxml.MaxCellChars || !strings.HasPrefix(p.Name, "项项项") {
			t.Errorf("row %d: a name of %d characters", p.Row, n)
		}
	}
}

// A value far to the right (column XFD) on every row costs a row no more than one in
// column A: rows are no wider than the ledger's header.
func TestReadSparseColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString(ledgerHeader())
	const n = 20000
	for r := 2; r <= n+1; r++ {
		b.WriteString(strings.TrimSuffix(ledgerRow(r, fmt.Sprintf("项目%d", r)), "</row>"))
		fmt.Fprintf(&b, `<c r="XFD%d"><v>1</v></c></row>`, r)
	}
	path := writeCrafted(t, craftedParts(b.String(), ""))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	l, err := Read(path, Options{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d rows with a value at XFD: %v, %.0f MB allocated", n, took.Round(time.Millisecond), float64(alloc)/1e6)
	if len(l.Projects) != n {
		t.Errorf("%d projects, want %d", len(l.Projects), n)
	}
	// Expanded to XFD, each row would take 16,384 strings (256 KB): 5 GB in all.
	if alloc > 200<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
}

// A sheet's dimension reserves no more room than its XML can hold rows.
func TestRowHintCapped(t *testing.T) {
	parts := craftedParts(ledgerHeader()+ledgerRow(2, "甲"), "")
	parts["xl/worksheets/sheet1.xml"] = strings.Replace(parts["xl/worksheets/sheet1.xml"], "<sheetData>", `<dimension ref="A1:P1048576"/><sheetData>`, 1)
	st, err := openStreamPath(writeCrafted(t, parts), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if h := st.rowHint("台账"); h > 100 {
		t.Errorf("a sheet of two rows reserves room for %d", h)
	}
}

// Cells naming a shared string of 32,767 characters again and again take far more
// text than the workbook holds: refused as too-large, in moments.
func TestReadSharedTextAllowance(t *testing.T) {
	var b strings.Builder
	b.WriteString(ledgerHeader())
	for r := 2; r <= 10000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c><c r="C%d" t="s"><v>0</v></c><c r="D%d"><v>1</v></c></row>`, r, r, r, r, r, r)
	}
	start := time.Now()
	_, err := Read(writeCrafted(t, craftedParts(b.String(), `<si><t>`+strings.Repeat("a", ooxml.MaxCellChars)+`</t></si>`)), Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "共享文字") {
		t.Errorf("Read = %v", err)
	}
	t.Logf("refused in %v", time.Since(start).Round(time.Millisecond))
}

// A part that unpacks to more than 100 times its size is refused before it is read.
func TestReadZipBombPart(t *testing.T) {
	sheet := ledgerHeader() + ledgerRow(2, "甲") + `<row r="3"><c r="H3" t="inlineStr"><is><t>` + strings.Repeat(" ", 8<<20) + `</t></is></c></row>`
	_, err := Read(writeCrafted(t, craftedParts(sheet, "")), Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") || !strings.Contains(err.Error(), "100 倍") {
		t.Errorf("Read = %v", err)
	}
}

// Overlapping merged ranges (Excel never writes them) cost no more than one range:
// each project of a column inherits once.
func TestInheritMergedOverlapping(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<row r="1">` + inlineCells(1, "项目名称", "乡镇", "建设性质", "总投资") + `</row>`)
	const n = 5000
	for r := 2; r <= n+1; r++ {
		town := ""
		if r == 2 {
			town = "礼义镇"
		}
		fmt.Fprintf(&b, `<row r="%d">%s<c r="D%d"><v>1</v></c></row>`, r, inlineCells(r, fmt.Sprintf("项目%d", r), town, "新建"), r)
	}
	b.WriteString(`</sheetData><mergeCells>`)
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, `<mergeCell ref="B2:B%d"/>`, n+1-i%100)
	}
	parts := craftedParts("", "")
	parts["xl/worksheets/sheet1.xml"] = `<worksheet><sheetData>` + b.String() + `</mergeCells></worksheet>`
	start := time.Now()
	l, err := Read(writeCrafted(t, parts), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d projects under 20,000 overlapping ranges: %v", n, time.Since(start).Round(time.Millisecond))
	for _, p := range l.Projects {
		if p.Town != "礼义镇" {
			t.Fatalf("row %d: town %q", p.Row, p.Town)
		}
	}
	if took := time.Since(start); took > time.Second { // each range walking all its rows took 3 s
		t.Errorf("took %v", took)
	}
}

// A CSV row holds its cells up to its last value, each at most 32,767 characters: an
// export that went on to column XFD (thousands of commas a line) costs nothing more.
func TestReadCSVBounded(t *testing.T) {
	trail := strings.Repeat(",", 20000)
	csv := "序号,项目名称,建设性质,总投资,年度计划投资,1-5月完成投资" + trail + "\n" +
		"1," + strings.Repeat("名", 40000) + ",新建,100,50,10" + trail + "\n" +
		"2,乙项目,续建,200,80,20" + trail + "\n"
	path := filepath.Join(t.TempDir(), "台账.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, r := range f.CSVRecords() {
		if len(r) != 6 {
			t.Errorf("row %d: %d cells", i+1, len(r))
		}
	}
	l, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Projects) != 2 || utf8.RuneCountInString(l.Projects[0].Name) != ooxml.MaxCellChars {
		t.Errorf("%d projects, the first named in %d characters", len(l.Projects), utf8.RuneCountInString(l.Projects[0].Name))
	}
}
