package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"gongjian/internal/badfile"
)

// Fixtures for the batch tests and scripts: the bad files README.md lists (无法读取的文件), a large
// ledger, and the hashes of a folder.

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

// badFile writes one bad file of that list: kind is legacy, encrypted, truncated (half
// of sample), empty-workbook or no-header.
func badFile(kind, path, sample string) error {
	switch kind {
	case "legacy":
		return os.WriteFile(path, badfile.CompoundFile("Workbook", "SummaryInformation"), 0o644)
	case "encrypted":
		return os.WriteFile(path, badfile.CompoundFile("EncryptionInfo", "EncryptedPackage"), 0o644)
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
