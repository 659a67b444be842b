package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report"
	"gongjian/rules"
)

// mergeOptions holds the flags and I/O of gongjian merge.
type mergeOptions struct {
	Out, Err io.Writer

	Inputs []string // files and folders as given
	Output string
	AsOf   string
	Kind   string
	Title  string
	Rules  string
	Format string
	Force  bool

	asOf   ledger.Date
	kind   ledger.Kind
	format report.Format

	ctx   context.Context // cancelled when the run is interrupted
	files *outfile.Files  // the run's files being written
}

func newMergeCmd(run func(*mergeOptions) error) *cobra.Command {
	opts := &mergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge 台账.xlsx|文件夹 ... -o 全县台账.xlsx",
		Short: "把各乡镇的台账合并成一个全县台账",
		Long: `把各乡镇、各部门报来的台账（格式各不相同也可以）合并成一个全县台账：
标准表头，金额统一为万元，日期统一为日期格式，每个项目一行，“来源”列写明取自哪个文件的哪一行；
台账没有“所在乡镇”列时，按标题或填报单位填上乡镇；分段行（“一、续建项目”）写入建设性质列；
最后一行是合计。同一项目出现在两处（项目代码相同，或没有代码时名称相同）时只写一次，
并报告重复。合并台账可直接用 gongjian check 和 gongjian report 检查汇总。

标题写明截至日期：用 --as-of 指定，不填时取各台账中的截至日期。各台账是不同月份的时，
合并后会用一个月的目标衡量另一个月的数字，因此不合并（退出状态 2）并列出各台账的月份；
确需合并时用 --as-of 指定截至日期，其他月份的台账会在标题和“来源”列中注明。
给出文件夹时合并其中（含子文件夹）的台账，规则与 gongjian check 相同：跳过 ~$ 锁定文件、
隐藏文件、检查结果文件和 -o 指定的文件本身，旧版 .xls、.et 文件逐个列出，提示另存为 .xlsx。
-o 指定的文件已存在时，只有它是本工具生成后未经改动的合并台账才会被替换，否则不写（加 --force 覆盖）；
要合并的台账从不改动。
无法读取的台账各报一行，其余照常合并，退出状态为 3。`,
		Example: `  gongjian merge 礼义镇.xlsx 平城镇.xlsx 杨村镇.csv -o 全县台账.xlsx
  gongjian merge 台账/2025-05/ -o 全县台账.xlsx --as-of 2025-05-31
  gongjian merge 台账/ -o 全县台账.xlsx --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("请指定要合并的台账文件或文件夹，例如 gongjian merge 礼义镇.xlsx 平城镇.xlsx -o 全县台账.xlsx")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			opts.Err = cmd.ErrOrStderr()
			opts.Inputs = args
			opts.ctx = cmd.Context()
			return parseAndRun(opts, run)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVarP(&opts.Output, "output", "o", "", "合并后的全县台账写到这个文件（.xlsx，必填）")
	setValueName(fs, "output", "文件")
	fs.StringVar(&opts.AsOf, "as-of", "", "截至日期，写入标题，如 2025-05-31；不填时取各台账中的截至日期（各台账月份不同时必须指定）")
	setValueName(fs, "as-of", "日期")
	fs.StringVar(&opts.Kind, "kind", "", "台账类型：kaifugong（开复工台账）或 rongzi（融资需求台账）（默认按第一个台账判断）")
	setValueName(fs, "kind", "类型")
	fs.StringVar(&opts.Title, "title", "", "合并台账的标题（默认“全县2025年重点项目开复工台账”）")
	setValueName(fs, "title", "标题")
	fs.StringVar(&opts.Rules, "rules", "", "规则文件（YAML），其中的乡镇名单用于从标题或填报单位认出乡镇")
	setValueName(fs, "rules", "文件")
	fs.StringVar(&opts.Format, "format", "table", "输出格式："+formatList(report.MergeFormats)+"（默认 table）")
	setValueName(fs, "format", "格式")
	fs.BoolVar(&opts.Force, "force", false, "-o 指定的文件已存在、且不是本工具生成后未经改动的文件时，也覆盖它")
	return cmd
}

// parse checks the flag values; every mistake is a usage error naming the flag.
func (opts *mergeOptions) parse() error {
	if opts.Output == "" {
		return usagef("请用 -o 指定合并后的台账文件，例如 gongjian merge 台账/ -o 全县台账.xlsx")
	}
	if ext := strings.ToLower(filepath.Ext(opts.Output)); ext != ".xlsx" {
		return usagef("合并后的台账文件名应以 .xlsx 结尾：%s", opts.Output)
	}
	f, err := parseFormat(opts.Format, report.MergeFormats)
	if err != nil {
		return err
	}
	opts.format = f
	k, d, err := parseLedgerFlags(opts.Kind, opts.AsOf)
	if err != nil {
		return err
	}
	opts.kind, opts.asOf = k, d
	for _, in := range opts.Inputs {
		if sameFile(opts.Output, in) {
			return usagef("-o 不能是要合并的台账本身（%s）：合并从不改动原台账，请另取一个文件名", shown(in))
		}
	}
	if namesFolder(opts.Output) {
		return usagef("-o 应是一个 .xlsx 文件名，%s 是文件夹", shown(opts.Output))
	}
	return nil
}

// target is how the merged ledger is written: replacing only the tool's own
// unchanged output; perm is what the ledgers merged allow.
func (opts *mergeOptions) target(perm fs.FileMode) outfile.Target {
	return outfile.Target{Path: opts.Output, Mark: outfile.MarkZip, Force: opts.Force, Perm: perm}
}

// runMerge reads every ledger, merges those it could read and writes the county
// ledger. A file that cannot be read gets its one line on stderr and the others go on.
func runMerge(opts *mergeOptions) error {
	r, err := loadRules(opts.Rules)
	if err != nil {
		return err
	}
	// A file of someone's at -o is refused before anything is read.
	if err := outfile.Check(opts.target(0)); err != nil {
		return usagef("%s", err.Error())
	}
	files, failures := mergeInputs(opts.Inputs, opts.Output)
	for _, f := range failures {
		fmt.Fprintln(opts.Err, f.Message)
	}
	kind := opts.kind
	var ledgers []*ledger.Ledger
	// The merged ledger holds every ledger's rows: it is readable by no one a ledger
	// is not readable by.
	perm := fs.FileMode(0o777)
	for _, file := range files {
		l, filePerm, err := readForMerge(file, opts, r)
		if opts.ctx.Err() != nil {
			return context.Cause(opts.ctx)
		}
		if err != nil {
			fail := report.MergeFailure{File: file, Code: "internal", Message: shown(filepath.Base(file)) + "：读取时发生内部错误，请把此文件和所用命令发给维护人员"}
			if e, ok := ledger.AsError(err); ok {
				fail.Code, fail.Message = e.Code, e.Message
			}
			failures = append(failures, fail)
			fmt.Fprintln(opts.Err, fail.Message)
			continue
		}
		if kind == "" {
			kind = l.Kind
		}
		if l.Kind != kind {
			fail := report.MergeFailure{File: file, Code: "kind-mismatch", Message: fmt.Sprintf(
				"%s：这是%s，与要合并的%s类型不同，没有合并；请分开合并，或用 --kind 指定类型", shown(filepath.Base(file)), l.Kind.Label(), kind.Label())}
			failures = append(failures, fail)
			fmt.Fprintln(opts.Err, fail.Message)
			continue
		}
		ledgers = append(ledgers, l)
		perm &= filePerm
	}
	if len(ledgers) == 0 {
		fmt.Fprintf(opts.Err, "没有可以合并的台账，没有写出 %s\n", shown(opts.Output))
		return errUnreadable
	}

	m := ledger.Merge(ledgers, ledger.MergeOptions{Kind: kind, Title: opts.Title, AsOf: opts.asOf, Towns: r.Towns})
	if m.MixedMonths {
		return usagef("要合并的台账月份不同，合并后会用一个月的目标衡量另一个月的数字，没有写出 %s：\n%s\n"+
			"请换成同一月份的台账；确需合并时用 --as-of 指定合并台账的截至日期，其他月份的台账会在标题和“来源”列中注明。",
			opts.Output, m.MonthsText())
	}
	for _, d := range m.Duplicates {
		fmt.Fprintln(opts.Err, d.Message())
	}
	for _, n := range m.Notes {
		fmt.Fprintln(opts.Err, n)
	}
	if err := writeMerged(opts, m, perm); err != nil {
		return err
	}
	if opts.format == report.FormatJSON {
		err = report.WriteMergeJSON(opts.Out, m, opts.Output, failures)
	} else {
		err = report.WriteMergeSummary(opts.Out, m, opts.Output)
	}
	if err != nil {
		return writeFailure(err)
	}
	if len(failures) > 0 {
		return errUnreadable
	}
	return nil
}

// writeMerged writes the merged ledger to -o. excelize's temporary files for a large
// one go into a registered folder beside it, so an interrupt removes them too.
func writeMerged(opts *mergeOptions, m *ledger.Merged, perm fs.FileMode) error {
	dir := filepath.Dir(opts.Output)
	fail := func(err error) error { return fileWriteFailure(opts.ctx, err) }
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(&outfile.WriteError{Path: dir, Err: err})
	}
	tmpDir, removeTmp, err := opts.files.TempDir(dir)
	if err != nil {
		return fail(&outfile.WriteError{Path: opts.Output, Err: err})
	}
	defer removeTmp()
	_, err = opts.files.Write(opts.ctx, opts.target(perm), func(w io.Writer) error { return report.WriteMerged(w, m, tmpDir) })
	if err != nil {
		return fail(err)
	}
	return nil
}

// readForMerge reads one ledger and says what its permissions allow; a panic is
// turned into an error, so one bad file never stops the others.
func readForMerge(path string, opts *mergeOptions, r *rules.Rules) (l *ledger.Ledger, perm fs.FileMode, err error) {
	defer func() {
		if p := recover(); p != nil {
			l, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	ro := r.ReadOptions(ledger.Options{Kind: opts.kind, AsOf: opts.asOf})
	f, err := ledger.Open(path, ro)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	l, err = f.Read(opts.ctx, ro)
	return l, f.Perm(), err
}

// mergeInputs lists the files to merge, walking folders as check does (walk.go): in
// order, each once, Excel's lock files, hidden files, the tool's temporary files and
// annotated copies left out, old formats and folders without ledgers each a failure
// with its code; and the output itself left out (a folder merged every month holds
// last month's result).
func mergeInputs(args []string, output string) ([]string, []report.MergeFailure) {
	var files []string
	var failures []report.MergeFailure
	ins, _ := expandInputs(args)
	for _, in := range ins {
		switch {
		case in.err != nil:
			f := report.MergeFailure{File: in.path, Code: "internal", Message: in.err.Error()}
			if e, ok := ledger.AsError(in.err); ok {
				f.Code = e.Code
			}
			failures = append(failures, f)
		case in.root != "" && sameFile(in.path, output):
		default:
			files = append(files, in.path)
		}
	}
	return files, failures
}
