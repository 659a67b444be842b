package main

import (
	"strings"
	"testing"
	"time"

	"gongjian/ledger"
)

func parseTemplate(t *testing.T, args ...string) (*templateOptions, error) {
	t.Helper()
	return parseFlags(t, newTemplateCmd, args...)
}

func TestTemplateFlags(t *testing.T) {
	opts, err := parseTemplate(t, "rongzi", "-o", "模板.xlsx", "--rules", "r.yaml", "--year", "2026", "--org", "礼义镇", "--force")
	if err != nil {
		t.Fatal(err)
	}
	if opts.kind != ledger.KindRongzi || opts.Output != "模板.xlsx" || opts.Rules != "r.yaml" || opts.Year != 2026 || opts.Org != "礼义镇" || !opts.Force {
		t.Errorf("parsed %+v", opts)
	}
	opts, err = parseTemplate(t, "kaifugong", "--output", "a.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if opts.kind != ledger.KindKaifugong || opts.Year != time.Now().Year() || opts.Force || opts.Out == nil {
		t.Errorf("defaults %+v", opts)
	}
}

func TestTemplateFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{}, "请指定模板类型"},
		{[]string{"kaifugong", "rongzi", "-o", "a.xlsx"}, "请指定模板类型"},
		{[]string{"xls", "-o", "a.xlsx"}, "模板类型“xls”无效"},
		{[]string{"kaifugong"}, "请用 -o 指定模板文件名"},
		{[]string{"kaifugong", "-o", "a.csv"}, "应以 .xlsx 结尾"},
		{[]string{"kaifugong", "-o", "a.xlsx", "--year", "1999"}, "--year 的值“1999”无效"},
		{[]string{"kaifugong", "-o", "a.xlsx", "--year", "x"}, "应为整数"},
		{[]string{"kaifugong", "-o", "a.xlsx", "--sheet", "x"}, "未知参数 --sheet"},
	} {
		_, err := parseTemplate(t, tt.args...)
		if err == nil {
			t.Errorf("%v: no error", tt.args)
			continue
		}
		if _, ok := err.(*usageError); !ok || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %T %q, want a usage error containing %q", tt.args, err, err, tt.want)
		}
	}
}
