package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongjian/internal/badfile"
	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report"
	"gongjian/rules"
)

// The annotated copy is made from the bytes that were checked. A ledger replaced
// between its reading and its copy (by another ledger, or by a zip bomb far over
// --max-unzip-mb) still gets the copy of what was checked; one written over in place
// gets no copy and a line saying why.
func TestCopyFromCheckedBytes(t *testing.T) {
	checkedBytes, err := os.ReadFile(sample(t, "错误台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(sample(t, "全县开复工台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ledger.Read(sample(t, "错误台账.xlsx"), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		swap    func(path string)
		copied  bool
		message string
	}{
		{"another ledger renamed over it", func(path string) {
			os.WriteFile(path+".new", other, 0o644)
			os.Rename(path+".new", path)
		}, true, ""},
		{"a zip bomb renamed over it", func(path string) {
			os.WriteFile(path+".new", badfile.Padded(other, 16<<20), 0o644)
			os.Rename(path+".new", path)
		}, true, ""},
		{"written over in place", func(path string) {
			os.WriteFile(path, other, 0o644)
			later := time.Now().Add(time.Second)
			os.Chtimes(path, later, later)
		}, false, "台账.xlsx：文件在检查期间被改动了，没有用它生成检查结果；请等文件保存完毕后再检查一次。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "台账.xlsx")
			os.WriteFile(path, checkedBytes, 0o644)
			var errOut bytes.Buffer
			opts := &checkOptions{Err: &errOut, Out: io.Discard, Jobs: 1, format: report.FormatJSONL, FailOn: failOnError,
				MaxUnzipMB: 4, ctx: context.Background(), files: outfile.New()}
			ins, _ := expandInputs([]string{path})
			w := &hookWriter{}
			b := newBatch(opts, rules.Default(), ins, planOutputs(ins, opts), newProgress(opts.ctx, &errOut, false), w)
			b.beforeCopy = func(p string) { tc.swap(p) }
			b.run()
			out := filepath.Join(dir, "台账.检查结果.xlsx")
			if !tc.copied {
				if _, err := os.Stat(out); err == nil {
					t.Error("a copy was written")
				}
				if !strings.Contains(errOut.String(), tc.message) {
					t.Errorf("stderr %q, want %q", errOut.String(), tc.message)
				}
				return
			}
			if errOut.String() != "带批注的检查结果已写入 "+out+"\n" {
				t.Errorf("stderr %q", errOut.String())
			}
			l, err := ledger.Read(out, ledger.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Projects) != len(want.Projects) || l.Projects[0].Name != want.Projects[0].Name {
				t.Errorf("the copy holds %d projects (%q), want the %d checked (%q)", len(l.Projects), l.Projects[0].Name, len(want.Projects), want.Projects[0].Name)
			}
			zr, err := zip.OpenReader(out)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			for _, f := range zr.File {
				if strings.Contains(f.Name, "padding") {
					t.Error("the copy holds the bomb's part")
				}
			}
		})
	}
}
