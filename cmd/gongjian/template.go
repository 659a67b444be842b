package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report/template"
)

// templateOptions holds the flags and I/O of gongjian template.
type templateOptions struct {
	Out    io.Writer
	Kind   string
	Output string
	Rules  string
	Year   int
	Org    string
	Force  bool

	kind ledger.Kind // parsed from Kind

	ctx   context.Context // cancelled when the run is interrupted
	files *outfile.Files  // the run's files being written
}

func newTemplateCmd(run func(*templateOptions) error) *cobra.Command {
	opts := &templateOptions{}
	cmd := &cobra.Command{
		Use:   "template kaifugong|rongzi -o 模板.xlsx",
		Short: "生成空白台账模板（开复工台账或融资需求台账），发给乡镇填写",
		Long: `生成空白台账模板：标题、填报单位、单位：万元、标准表头（带 * 的为必填），
建设性质、开工状态、是否入库、融资方式、对接状态和所在乡镇的下拉选项，日期和金额的格式与校验，
选中表头可看到填写提示，冻结表头，A4 横向打印，另有“填报说明”工作表。
填好的模板可直接用 gongjian check 检查，无需任何参数。

下拉选项和乡镇名单取自规则文件（--rules），不填时用内置的默认规则。
已存在的文件只有是本工具生成后未经改动的模板时才会被替换；其他文件（可能是填好的台账）不会被覆盖，除非加 --force。`,
		Example: `  gongjian template kaifugong -o 开复工台账模板.xlsx
  gongjian template rongzi -o 融资需求台账模板.xlsx --rules 规则.yaml
  gongjian template kaifugong -o 礼义镇台账.xlsx --org 礼义镇 --year 2026`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("请指定模板类型：kaifugong（开复工台账）或 rongzi（融资需求台账），例如 gongjian template kaifugong -o 模板.xlsx")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			opts.Kind = args[0]
			opts.ctx = cmd.Context()
			return parseAndRun(opts, run)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVarP(&opts.Output, "output", "o", "", "模板写到这个文件（.xlsx，必填）")
	setValueName(fs, "output", "文件")
	fs.StringVar(&opts.Rules, "rules", "", "规则文件（YAML），下拉选项和乡镇名单取自其中；不填时用内置规则")
	setValueName(fs, "rules", "文件")
	fs.IntVar(&opts.Year, "year", 0, "标题中的年份（默认今年）")
	setValueName(fs, "year", "年份")
	fs.StringVar(&opts.Org, "org", "", "标题开头的县或乡镇名称，如 陵川县、礼义镇（默认 XX县）")
	setValueName(fs, "org", "名称")
	fs.BoolVar(&opts.Force, "force", false, "文件已存在、且不是本工具生成后未经改动的模板时，也覆盖它")
	return cmd
}

// parse checks the arguments; every mistake is a usage error.
func (opts *templateOptions) parse() error {
	k, ok := ledger.ParseKind(opts.Kind)
	if !ok {
		return usagef("模板类型“%s”无效，可选 kaifugong（开复工台账）或 rongzi（融资需求台账）", opts.Kind)
	}
	opts.kind = k
	if opts.Output == "" {
		return usagef("请用 -o 指定模板文件名，例如 gongjian template %s -o 模板.xlsx", opts.Kind)
	}
	if ext := strings.ToLower(filepath.Ext(opts.Output)); ext != ".xlsx" {
		return usagef("模板文件名应以 .xlsx 结尾：%s", opts.Output)
	}
	if opts.Year == 0 {
		opts.Year = time.Now().Year()
	}
	if opts.Year < 2000 || opts.Year > 2100 {
		return usagef("参数 --year 的值“%d”无效，请写四位年份，如 %d", opts.Year, time.Now().Year())
	}
	return nil
}

// runTemplate writes the blank ledger. It replaces an existing file only when that is
// a template it wrote and nobody changed since, or when told to: the file may already
// be a clerk's filled-in ledger.
func runTemplate(opts *templateOptions) error {
	r, err := loadRules(opts.Rules)
	if err != nil {
		return err
	}
	target := outfile.Target{Path: opts.Output, Mark: outfile.MarkZip, Force: opts.Force}
	if err := outfile.Check(target); err != nil {
		return usagef("%s", err.Error())
	}
	_, err = opts.files.Write(opts.ctx, target, func(w io.Writer) error {
		return template.Write(w, template.Options{Kind: opts.kind, Year: opts.Year, Org: opts.Org, Rules: r})
	})
	if err != nil {
		return fileWriteFailure(opts.ctx, err)
	}
	fmt.Fprintf(opts.Out, "已生成%s模板 %s；填好后可用 gongjian check %s 检查。\n", opts.kind.Label(), shown(opts.Output), shown(opts.Output))
	return nil
}
