package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// Fixtures for the batch tests and scripts: the bad files of SPEC §7, a large
// ledger, and the hashes of a folder.

// compoundFile writes the smallest OLE2 compound file (version 3, 512-byte sectors)
// holding empty streams of the given names: enough for the sniffer, which looks at
// the signature and the stream names. An encrypted workbook is
// compoundFile("EncryptionInfo", "EncryptedPackage"), a legacy .xls
// compoundFile("Workbook"). (The same as ledger's test helper: test code cannot be
// shared between packages.)
func compoundFile(streams ...string) []byte {
	const (
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	le := binary.LittleEndian
	header := make([]byte, 512)
	copy(header, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(header[0x18:], 0x003E)
	le.PutUint16(header[0x1A:], 0x0003)
	le.PutUint16(header[0x1C:], 0xFFFE)
	le.PutUint16(header[0x1E:], 9)
	le.PutUint16(header[0x20:], 6)
	le.PutUint32(header[0x2C:], 1) // one FAT sector, sector 0
	le.PutUint32(header[0x30:], 1) // the directory at sector 1
	le.PutUint32(header[0x38:], 4096)
	le.PutUint32(header[0x3C:], endOfChain)
	le.PutUint32(header[0x44:], endOfChain)
	for i := 1; i < 109; i++ {
		le.PutUint32(header[0x4C+4*i:], freeSect)
	}
	fat := make([]byte, 512)
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain)
	entry := func(name string, typ byte, right, child uint32) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		if name != "" {
			le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		}
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], noStream)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], endOfChain)
		return e
	}
	var dir bytes.Buffer
	child := uint32(noStream)
	if len(streams) > 0 {
		child = 1
	}
	dir.Write(entry("Root Entry", 5, noStream, child))
	for i, name := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		dir.Write(entry(name, 2, right, noStream))
	}
	for dir.Len() < 512 {
		dir.Write(entry("", 0, noStream, noStream))
	}
	return append(append(header, fat...), dir.Bytes()...)
}

// workbook writes an xlsx whose first sheet holds rows (none: an empty workbook).
func workbook(path string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// badFile writes one bad file of SPEC §7: kind is legacy, encrypted, truncated (half
// of sample), empty-workbook or no-header.
func badFile(kind, path, sample string) error {
	switch kind {
	case "legacy":
		return os.WriteFile(path, compoundFile("Workbook", "SummaryInformation"), 0o644)
	case "encrypted":
		return os.WriteFile(path, compoundFile("EncryptionInfo", "EncryptedPackage"), 0o644)
	case "truncated":
		b, err := os.ReadFile(sample)
		if err != nil {
			return err
		}
		return os.WriteFile(path, b[:len(b)*2/3], 0o644)
	case "empty-workbook":
		return workbook(path, nil)
	case "no-header":
		return workbook(path, [][]any{{"县直部门通讯录"}, {"姓名", "单位", "职务", "电话"}, {"张三", "县发改局", "科员", "0356-6201234"}})
	}
	return fmt.Errorf("unknown bad file %q", kind)
}

// mkbad KIND FILE [SAMPLE] writes a bad file (see badFile) in a script.
func mkbad(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkbad legacy|encrypted|truncated|empty-workbook|no-header FILE [SAMPLE]")
	}
	sample := ""
	if len(args) > 2 {
		sample = ts.MkAbs(args[2])
	}
	ts.Check(badFile(args[0], ts.MkAbs(args[1]), sample))
}

// folderHashes lists every file under dir, hidden ones included, as "sha256  path"
// lines in path order.
func folderHashes(dir string) (string, error) {
	var lines []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(b), filepath.ToSlash(rel)))
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n", err
}

// hashes DIR prints folderHashes(DIR), for a script to keep (cp stdout before.txt)
// and compare after a run (cmp stdout before.txt).
func hashes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: hashes DIR")
	}
	h, err := folderHashes(ts.MkAbs(args[0]))
	ts.Check(err)
	fmt.Fprint(ts.Stdout(), h)
}

// bigLedger writes a 开复工台账 of n project rows with the StreamWriter, every tenth
// with a date no one can read, so that annotating it takes a while.
func bigLedger(t testing.TB, path string, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"陵川县2025年重点项目开复工台账"}); err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A2", []any{"序号", "项目名称", "乡镇", "建设性质", "总投资", "2025年计划投资", "1-5月完成投资",
		"计划开工时间", "实际开工时间", "责任单位"}); err != nil {
		t.Fatal(err)
	}
	towns := []string{"礼义镇", "古郊乡", "杨村镇", "平城镇", "附城镇"}
	for i := 1; i <= n; i++ {
		start := fmt.Sprintf("2025-%02d-%02d", 1+i%5, 1+i%28)
		if i%10 == 0 {
			start = "2025.13.1"
		}
		nature := "续建"
		if i%3 == 0 {
			nature = "新建"
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{i, fmt.Sprintf("陵川县第%d号重点项目", i), towns[i%len(towns)], nature,
			1000 + i%500, 400 + i%100, 150 + i%50, "2025-03-01", start, "县发改局"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// resave FILE... writes each workbook again as Excel, WPS or LibreOffice do when a
// clerk saves it: a new zip archive of the same parts, without the tool's mark in the
// archive comment.
func resave(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: resave file...")
	}
	for _, name := range args {
		path := ts.MkAbs(name)
		zr, err := zip.OpenReader(path)
		if err != nil {
			ts.Fatalf("resave: %v", err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			if err := zw.Copy(f); err != nil {
				ts.Fatalf("resave: %v", err)
			}
		}
		zr.Close()
		if err := zw.Close(); err != nil {
			ts.Fatalf("resave: %v", err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			ts.Fatalf("resave: %v", err)
		}
	}
}

// bombOf is a workbook with an extra part of n zero bytes, which compresses to almost
// nothing.
func bombOf(t *testing.T, workbook []byte, n int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		zw.Copy(f)
	}
	w, _ := zw.Create("xl/media/padding.bin")
	w.Write(make([]byte, n))
	zw.Close()
	return buf.Bytes()
}
