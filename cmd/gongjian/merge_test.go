package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/ledger"
)

func parseMerge(t *testing.T, args ...string) (*mergeOptions, error) {
	t.Helper()
	return parseFlags(t, newMergeCmd, args...)
}

func TestMergeFlags(t *testing.T) {
	opts, err := parseMerge(t, "a.xlsx", "乡镇", "-o", "全县.xlsx", "--as-of", "2025-05-31", "--kind", "rongzi",
		"--title", "陵川县台账", "--rules", "r.yaml", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(opts.Inputs, ",") != "a.xlsx,乡镇" || opts.Output != "全县.xlsx" || opts.asOf != ledger.DayDate(2025, 5, 31) ||
		opts.kind != ledger.KindRongzi || opts.Title != "陵川县台账" || opts.Rules != "r.yaml" || opts.Format != "json" {
		t.Errorf("parsed %+v", opts)
	}
	opts, err = parseMerge(t, "a.xlsx", "-o", "全县.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if opts.Format != "table" || opts.kind != "" || opts.asOf.IsSet() || opts.Out == nil || opts.Err == nil {
		t.Errorf("defaults %+v", opts)
	}
}

func TestMergeFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{}, "请指定要合并的台账文件或文件夹"},
		{[]string{"a.xlsx"}, "请用 -o 指定合并后的台账文件"},
		{[]string{"a.xlsx", "-o", "b.csv"}, "应以 .xlsx 结尾"},
		{[]string{"a.xlsx", "-o", "a.xlsx"}, "-o 不能是要合并的台账本身（a.xlsx）"},
		{[]string{"a.xlsx", "-o", "./a.xlsx"}, "-o 不能是要合并的台账本身"},
		{[]string{"a.xlsx", "-o", "b.xlsx", "--as-of", "2025-06"}, "请写到日"},
		{[]string{"a.xlsx", "-o", "b.xlsx", "--kind", "x"}, "--kind 的值“x”无效"},
		{[]string{"a.xlsx", "-o", "b.xlsx", "--format", "csv"}, "--format 的值“csv”无效"},
	} {
		_, err := parseMerge(t, tt.args...)
		if err == nil {
			t.Errorf("%v: no error", tt.args)
			continue
		}
		if _, ok := err.(*usageError); !ok || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %T %q, want a usage error containing %q", tt.args, err, err, tt.want)
		}
	}
}

func TestMergeInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"礼义镇.xlsx", "平城镇.CSV", "杨村镇.xlsm", "~$礼义镇.xlsx", ".gongjian-1.tmp", "礼义镇.检查结果.xlsx",
		"说明.docx", "全县.xlsx", ".hidden.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "子文件夹.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	files, failures := mergeInputs([]string{dir, filepath.Join(dir, "礼义镇.xlsx"), "没有.xlsx", empty}, filepath.Join(dir, "全县.xlsx"))
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if strings.Join(names, ",") != "平城镇.CSV,杨村镇.xlsm,礼义镇.xlsx,没有.xlsx" {
		t.Errorf("files %v", names)
	}
	if len(failures) != 1 || failures[0].File != empty || !strings.Contains(failures[0].Message, "文件夹中没有台账文件") {
		t.Errorf("failures %+v", failures)
	}
}
