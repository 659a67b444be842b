package ledger

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz tests for reading whole files and for the header and section-row parsers.
// Run one for a while with, e.g.:
//
//	go test ./ledger -run '^$' -fuzz '^FuzzReadPart$' -fuzztime 60s -fuzzminimizetime 20x -parallel 1
//
// (-fuzzminimizetime 20x: minimising each new input for the default minute leaves the
// slow whole-file targets almost no time to fuzz.) Inputs that once failed are kept
// in testdata/fuzz/<Name>/ and run by go test, with the inputs the parser targets
// found worth keeping (they cost microseconds); those of the whole-file targets stay
// in the fuzz cache (whole workbooks, 10 ms each).

// FuzzRead reads a workbook or CSV made of mutated bytes: whatever the bytes, Read
// returns a ledger or a *Error with a code and a message naming the file, and never
// panics. The seeds are the sample ledgers and the bad files README.md lists (无法读取的文件).
func FuzzRead(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("..", "testdata", "*.*"))
	var good []byte
	for _, s := range samples {
		ext := strings.ToLower(filepath.Ext(s))
		if ext != ".xlsx" && ext != ".csv" {
			continue
		}
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		if good == nil && ext == ".xlsx" {
			good = b
		}
		f.Add(b, ext == ".csv")
	}
	if good != nil {
		dir := f.TempDir()
		writeBadFiles(f, dir, good)
		bad, _ := os.ReadDir(dir)
		for _, e := range bad {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, strings.HasSuffix(e.Name(), ".csv"))
		}
	}
	f.Add([]byte("项目名称,建设性质,总投资,年度计划投资,1-5月完成投资\n甲,新建,100,50,10\n合计,,100,50,10\n"), true)

	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		name := "台账.xlsx"
		if csv {
			name = "台账.csv"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkRead(t, path)
	})
}

// checkRead reads path and fails the fuzz test unless it gives a sane ledger or a
// *Error with a code and a message naming the file.
func checkRead(t *testing.T, path string) {
	t.Helper()
	l, err := Read(path, Options{UnzipLimit: 64 << 20, Today: DayDate(2025, 6, 30)})
	if err != nil {
		e, ok := AsError(err)
		if !ok {
			t.Fatalf("Read gave %T %q, not a *ledger.Error", err, err)
		}
		if e.Code == "" || !strings.HasPrefix(e.Message, path+"：") || len(e.Message) == len(path+"：") {
			t.Fatalf("error without code or message naming the file: %+v", e)
		}
		if l != nil {
			t.Fatalf("Read gave a ledger and an error %v", err)
		}
		return
	}
	// (A sheet may be named "": Excel refuses that name, but a mutated workbook.xml
	// has it, and the ledger reads.)
	if l == nil || len(l.HeaderRows) == 0 {
		t.Fatalf("Read gave no error and no ledger: %+v", l)
	}
	last := l.HeaderRows[len(l.HeaderRows)-1]
	for _, p := range l.Projects {
		if p.Row <= last {
			t.Fatalf("project at row %d, at or above the header (%v)", p.Row, l.HeaderRows)
		}
	}
	if !l.AsOf.IsSet() || !l.AsOf.HasDay() {
		t.Fatalf("no as-of day: %+v", l.AsOf)
	}
}

// FuzzReadPart reads a sample workbook with one of its parts (a sheet, the shared
// strings, the workbook, the styles, the relationships) replaced by mutated bytes:
// mutations then reach the XML readers, which mutated zip bytes rarely do (the zip
// checksum refuses them first). Same promise as FuzzRead.
func FuzzReadPart(f *testing.F) {
	base, err := os.ReadFile(filepath.Join("..", "testdata", "礼义镇开复工台账.xlsx"))
	if err != nil {
		f.Skip("sample not generated")
	}
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		f.Fatal(err)
	}
	var parts []*zip.File
	for _, e := range zr.File {
		if strings.HasSuffix(e.Name, ".xml") || strings.HasSuffix(e.Name, ".rels") {
			parts = append(parts, e)
		}
	}
	for i, e := range parts {
		rc, err := e.Open()
		if err != nil {
			f.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		replace := parts[int(which)%len(parts)].Name
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, e := range zr.File {
			if e.Name != replace {
				if err := zw.Copy(e); err != nil {
					t.Fatal(err)
				}
				continue
			}
			w, err := zw.Create(e.Name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "台账.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		checkRead(t, path)
	})
}

// fullWidth writes printable ASCII in its full-width form, as an IME in full-width
// mode types it (the space as the ideographic space).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return 0x3000
		case r > ' ' && r <= '~':
			return r + 0xFEE0
		}
		return r
	}, s)
}

// FuzzHeader normalises and matches header cells: the label keeps no space, star or
// full-width form; a year and a month are in range; full-width typing reads the same;
// and a header of any two rows is scored without a panic.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{
		"项目名称", "*项目名称", "项目 名称", "项目\n名称", "总投资（亿元）", "总投资(万元)", "总投资万元",
		"2025年计划投资", "1-5月完成投资", "1—5月累计完成", "1至5月份完成投资", "5月实际完成投资", "5月形象进度",
		"【备注】", "开工/计划开工时间", "单位：万元", "项目名称(全称)", "存在的主要问题", "投资情况（单位：亿元）",
		"１－５月完成投资", "＊建设性质", "13月完成", "0-5月完成", "2025年", "年",
	} {
		f.Add(s, "")
		f.Add("投资情况", s)
	}
	f.Fuzz(func(t *testing.T, upper, lower string) {
		for _, s := range []string{upper, lower} {
			h := normalizeHeader(s)
			for _, r := range h.text {
				if unicode.IsSpace(r) || r == '*' || r >= 0xFF01 && r <= 0xFF5E || strings.ContainsRune("【】〔〕[]—–－~〜～：、／\\", r) {
					t.Fatalf("normalizeHeader(%q).text = %q keeps %q", s, h.text, r)
				}
			}
			if utf8.ValidString(s) && !utf8.ValidString(h.text) {
				t.Fatalf("normalizeHeader(%q).text = %q is not UTF-8", s, h.text)
			}
			if h.year != 0 && (h.year < 2000 || h.year > 2100) {
				t.Fatalf("normalizeHeader(%q).year = %d", s, h.year)
			}
			if h.hasUnit && h.unit != UnitWan && h.unit != UnitYi && h.unit != UnitYuan {
				t.Fatalf("normalizeHeader(%q) unit %v hasUnit %v", s, h.unit, h.hasUnit)
			}
			if wide := fullWidth(s); utf8.ValidString(s) && normalizeHeader(wide) != h {
				t.Fatalf("normalizeHeader(%q) = %+v but normalizeHeader(%q) = %+v", s, h, wide, normalizeHeader(wide))
			}
			fld, month, ok := matchHeader(h)
			if ok != (fld != "") || month < 0 || month > 12 || !ok && month != 0 {
				t.Fatalf("matchHeader(%q) = %q, %d, %v", h.text, fld, month, ok)
			}
			if fld == FieldMonthDone && month == 0 {
				t.Fatalf("matchHeader(%q) = a month's column without its month", h.text)
			}
		}
		grid := [][]string{{"陵川县重点项目台账"}, {upper, lower, upper}, {lower, upper}, {upper + lower}}
		for _, m := range []headerMatch{matchRows(grid[1], nil), matchRows(grid[1], grid[2]), findHeader(grid)} {
			if m.score < 0 || m.fields > len(m.columns) || m.month < 0 || m.month > 12 {
				t.Fatalf("header of %q / %q: %+v", upper, lower, m)
			}
			for _, c := range m.columns {
				if c.Index < 0 || c.Index > 2 || c.Letter != ColumnLetter(c.Index) {
					t.Fatalf("header of %q / %q: column %+v", upper, lower, c)
				}
			}
		}
		if h := findHeader(grid); h.score > 0 && (h.top < 1 || h.top+h.height-1 > len(grid)) {
			t.Fatalf("findHeader: rows %d+%d of %d", h.top, h.height, len(grid))
		}
	})
}

// FuzzParseSection reads section, total and note rows: a section names a nature or a
// category, never both or neither; whatever is not a section reads as nothing.
func FuzzParseSection(f *testing.F) {
	for _, s := range []string{
		"一、续建项目（21个）", "（二）工业项目", "二、工业项目", "三、新建项目(共12个)", "第一部分：续建项目",
		"续建项目（21个）", "新开工项目", "（三）", "一、", "十一、招商引资项目类", "合计：45个", "全县合计",
		"续建项目小计", "注：1.单位万元", "填报人：张三", "陵川县污水处理厂", "一、复工项目 计5项",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, plain bool) {
		s, ok := parseSection(text, plain)
		if !ok {
			if s != (section{}) {
				t.Fatalf("parseSection(%q) = %+v, not a section but not empty", text, s)
			}
		} else {
			if s.level != 1 && s.level != 2 {
				t.Fatalf("parseSection(%q) level %d", text, s.level)
			}
			if (s.nature == "") == (s.category == "") {
				t.Fatalf("parseSection(%q) = nature %q, category %q: want exactly one", text, s.nature, s.category)
			}
			if s.nature != "" && s.nature != "新建" && s.nature != "续建" && s.nature != "终止" {
				t.Fatalf("parseSection(%q) nature %q", text, s.nature)
			}
			if s.category != strings.TrimSpace(s.category) {
				t.Fatalf("parseSection(%q) category %q", text, s.category)
			}
			if s.text != cleanText(text) {
				t.Fatalf("parseSection(%q) text %q", text, s.text)
			}
		}
		if p, ok := totalLabel(text); ok != (p != "") || ok && !strings.Contains(strings.Join(strings.Fields(text), ""), p) {
			t.Fatalf("totalLabel(%q) = %q, %v", text, p, ok)
		}
		isNote(text)
		isColumnNumberRow([]string{text, strings.TrimSpace(text)})
		unitRowUnits([]string{text, "单位：" + text})
	})
}
