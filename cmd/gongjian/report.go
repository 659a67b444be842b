package main

import (
	"context"
	"errors"
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

// reportOptions holds the flags and I/O of gongjian report.
type reportOptions struct {
	Out, Err io.Writer

	Files    []string
	AsOf     string
	By       string
	Previous string
	History  string
	Output   string
	Format   string
	Rules    string
	Sheet    string
	Strict   bool
	Force    bool

	asOf   ledger.Date
	format report.Format
	by     rules.GroupBy

	ctx   context.Context // cancelled when the run is interrupted
	files *outfile.Files  // the run's files being written
	perm  fs.FileMode     // what the ledgers read allow: the report's permissions at most
}

func newReportCmd(run func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report 开复工台账.xlsx [融资需求台账.xlsx] ...",
		Short: "生成月度调度会议报告：总体情况、分组排名、重点项目、滞后清单、问题清单、融资情况、本月变化、月度走势",
		Long: `按通报的顺序生成月度调度报告：总体情况、分组排名（乡镇和县直部门分别排名）、
重点项目、滞后项目清单、问题清单、融资情况（给了融资需求台账时）、本月变化（给了 --previous 时）、
月度走势（给了 --history 时：本年各月的投资完成率、开复工率与序时进度，各乡镇、部门每月排名、
较上月升降，连续两个月低于序时进度的预警）。

报告开头写明台账的数据质量：台账有错误时列出错误和未计入的单元格（重复项目只计一次），
并在屏幕上提示一行；加 --strict 时有错误则退出状态为 1。

输出到终端（table）、Markdown（可贴进通报）、CSV 或 JSON；-o 报告.xlsx 生成可直接打印的工作簿：
每张表一个工作表，每页都印着这张表的表头，行高随内容，带图表，A4 横向；
总体情况的各项数字链接到“明细”表中所计的项目。
-o 通报.docx 起草一份公文格式的通报（Word 文档）：各部分的文字作正文，排名、滞后项目清单、
问题清单作附件，主送、署名和“下一步工作要求”取自规则文件的 notice。`,
		Example: `  # 在终端查看本月报告
  gongjian report 全县台账.xlsx

  # 生成可打印的报告工作簿，并与上月对比
  gongjian report 全县台账.xlsx 融资需求台账.xlsx --previous 上月台账.xlsx -o 5月调度报告.xlsx

  # 起草本月的通报（Word 文档），附件为排名和清单
  gongjian report 全县台账.xlsx 融资需求台账.xlsx -o 5月通报.docx

  # 加上本年此前各月的台账（按台账的截至月份排列），看全年走势
  gongjian report 5月台账.xlsx --history 台账文件夹 -o 5月调度报告.xlsx

  # 贴进通报的 Markdown，按包联领导排名
  gongjian report 全县台账.xlsx --by leader --format markdown > 通报.md

  # 每部分一个 CSV 文件
  gongjian report 全县台账.xlsx --format csv -o 报告CSV`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("请指定开复工台账，例如 gongjian report 全县台账.xlsx")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.Err = cmd.OutOrStdout(), cmd.ErrOrStderr()
			opts.Files = args
			opts.ctx = cmd.Context()
			return parseAndRun(opts, run)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVar(&opts.AsOf, "as-of", "", "截至日期，如 2025-05-31；不填时从台账推断")
	setValueName(fs, "as-of", "日期")
	fs.StringVar(&opts.By, "by", "", "只按一种分组排名："+groupByList(true)+"（默认乡镇和县直部门分别排名）")
	setValueName(fs, "by", "分组")
	fs.StringVar(&opts.Previous, "previous", "", "上月的台账，用于“本月变化”")
	setValueName(fs, "previous", "文件")
	fs.StringVar(&opts.History, "history", "", "本年此前各月台账所在的文件夹，用于“月度走势”（按台账的截至月份排列）")
	setValueName(fs, "history", "文件夹")
	fs.StringVarP(&opts.Output, "output", "o", "", "写到文件：.xlsx 为可打印的工作簿，.docx 为通报初稿；--format csv 时为存放 CSV 的文件夹")
	setValueName(fs, "output", "文件")
	fs.StringVar(&opts.Format, "format", "table", "输出格式："+formatList(report.ReportFormats)+"（默认 table）")
	setValueName(fs, "format", "格式")
	fs.StringVar(&opts.Rules, "rules", "", "规则文件（YAML）；不填时用内置的攻坚目标")
	setValueName(fs, "rules", "文件")
	fs.StringVar(&opts.Sheet, "sheet", "", "读取这个工作表（默认选表头最像台账的工作表）")
	setValueName(fs, "sheet", "工作表")
	fs.BoolVar(&opts.Strict, "strict", false, "台账有错误时退出状态为 1（报告照常写出，开头写明错误）")
	fs.BoolVar(&opts.Force, "force", false, "-o 指定的文件已存在、且不是本工具生成后未经改动的文件时，也覆盖它")
	return cmd
}

func (opts *reportOptions) parse() error {
	f, err := parseFormat(opts.Format, report.ReportFormats)
	if err != nil {
		return err
	}
	opts.format = f
	if opts.By != "" {
		by, ok := rules.ParseGroupBy(opts.By)
		if !ok {
			return usagef("参数 --by 的值“%s”无效，可选 %s", opts.By, groupByList(false))
		}
		opts.by = by
	}
	if opts.AsOf != "" {
		d, err := parseAsOf(opts.AsOf)
		if err != nil {
			return err
		}
		opts.asOf = d
	}
	if opts.Output != "" {
		ext := strings.ToLower(filepath.Ext(opts.Output))
		isFile := ext == ".xlsx" || ext == ".docx"
		if opts.format == report.FormatCSV && isFile {
			return usagef("--format csv 时 -o 应是一个文件夹，每部分写一个 CSV 文件")
		}
		if opts.format != report.FormatCSV && !isFile {
			return usagef("-o 应是 .xlsx 文件（可打印的报告工作簿）、.docx 文件（通报初稿），或与 --format csv 一起指定文件夹")
		}
		for _, in := range append([]string{opts.Previous, opts.History}, opts.Files...) {
			if in != "" && sameFile(opts.Output, in) {
				return usagef("-o 不能是输入的台账（%s），请另取一个文件名", shown(in))
			}
		}
		if isFile && namesFolder(opts.Output) {
			return usagef("-o 应是一个 %s 文件名，%s 是文件夹", ext, shown(opts.Output))
		}
	}
	return nil
}

// workbookTarget is how the report workbook or the 通报 is written: replacing only
// the tool's own unchanged file (both are zip packages, marked in their comment).
func (opts *reportOptions) workbookTarget() outfile.Target {
	return outfile.Target{Path: opts.Output, Mark: outfile.MarkZip, Force: opts.Force, Perm: opts.perm}
}

// csvTarget is how one CSV file of the report's folder is written: replacing only
// the tool's own unchanged file, as the folder's manifest lists it.
func (opts *reportOptions) csvTarget(name string) outfile.Target {
	return outfile.Target{Path: filepath.Join(opts.Output, name), Mark: outfile.MarkManifest, Force: opts.Force, Perm: opts.perm}
}

// runReport reads the ledgers, evaluates them, and writes the report.
func runReport(opts *reportOptions) error {
	limitMemory(1)
	r, err := loadRules(opts.Rules)
	if err != nil {
		return err
	}
	// A file of someone's at -o is refused before anything is read.
	if opts.Output != "" && opts.format != report.FormatCSV {
		if err := outfile.Check(opts.workbookTarget()); err != nil {
			return usagef("%s", err.Error())
		}
	}
	opts.perm = 0o777
	eo := rules.Options{}
	if opts.asOf.IsSet() {
		eo = rules.Options{AsOf: opts.asOf, AsOfSource: ledger.AsOfFlag}
	}
	var main []*rules.Result
	var financing []*rules.Result
	ins, _ := expandInputs(opts.Files)
	for _, in := range ins {
		if in.err != nil {
			return &failure{code: exitUnreadable, msg: errorMessage(in.path, in.err)}
		}
		if opts.Output != "" && in.root != "" && sameFile(in.path, opts.Output) {
			continue // last month's report workbook in the folder of ledgers
		}
		res, err := evaluateFile(in.path, r, eo, opts)
		if err != nil {
			return err
		}
		if res.Ledger.Kind == ledger.KindRongzi {
			financing = append(financing, res)
		} else {
			main = append(main, res)
		}
	}
	switch len(main) {
	case 0:
		return usagef("没有开复工台账：报告需要一个开复工台账（融资需求台账可一并给出）")
	case 1:
	default:
		return usagef("给了 %d 个开复工台账；报告针对一个台账，请先用 gongjian merge 把乡镇台账合并成全县台账", len(main))
	}
	rules.Join(main, financing)
	mo := report.MonthlyOptions{By: opts.by, Financing: financing}
	if opts.Previous != "" {
		prev, err := evaluateFile(opts.Previous, r, rules.Options{}, opts)
		if err != nil {
			return err
		}
		mo.Previous = prev
	}
	if opts.History != "" {
		own := make([]string, len(ins))
		for i, in := range ins {
			own[i] = in.path
		}
		series, err := readHistory(opts, main[0], own, r)
		if err != nil {
			return err
		}
		mo.History = series
	}
	m := report.BuildMonthly(main[0], r, mo)
	// The report says its ledgers' errors on top; stderr says it once more, for the
	// clerk who only looks at the file written: before the line saying where it went,
	// which a terminal shows last, or after a report on stdout.
	notice := m.Quality.Notice()
	if notice != "" && opts.Output != "" {
		fmt.Fprintln(opts.Err, notice)
	}
	if err := writeReport(m, r.Notice, opts); err != nil {
		return err
	}
	if notice != "" && opts.Output == "" {
		fmt.Fprintln(opts.Err, notice)
	}
	if notice != "" && opts.Strict {
		return errFindings
	}
	return nil
}

// readHistory reads the ledgers of --history (and --previous, which is one month of
// it) and orders them by month; own, the files this report is made of, are not
// history. A file that cannot be read is left out with its reason, like a ledger of
// another year; a --history that does not exist or holds no ledger stops the report
// (exit 3), and so do two ledgers for one month (exit 2).
func readHistory(opts *reportOptions, current *rules.Result, own []string, r *rules.Rules) (*report.Series, error) {
	if _, err := os.Stat(opts.History); err != nil {
		_, err = ledger.Open(opts.History, ledger.Options{}) // says what is wrong with the path
		return nil, &failure{code: exitUnreadable, msg: errorMessage(opts.History, err)}
	}
	paths := []string{opts.History}
	if opts.Previous != "" {
		paths = append(paths, opts.Previous)
	}
	ins, _ := expandInputs(paths)
	var history []report.Outcome
	for _, in := range ins {
		if isGiven(in.path, own) {
			continue
		}
		if in.err != nil {
			if in.path == opts.History {
				return nil, &failure{code: exitUnreadable, msg: errorMessage(in.path, in.err)}
			}
			history = append(history, report.Outcome{File: in.path, Err: in.err})
			continue
		}
		if opts.Output != "" && sameFile(in.path, opts.Output) {
			continue // last month's report workbook in the folder of ledgers
		}
		l, err := readLedger(in.path, r.ReadOptions(ledger.Options{}), opts)
		switch {
		case opts.ctx.Err() != nil:
			return nil, err
		case err != nil:
			history = append(history, report.Outcome{File: in.path, Err: err})
		default:
			history = append(history, report.Outcome{File: in.path, Result: rules.Evaluate(l, r, rules.Options{})})
		}
	}
	series, err := report.NewSeries(current, history)
	var dup *report.DuplicateMonthError
	if errors.As(err, &dup) {
		return nil, usagef("%s", dup.Error())
	}
	if err != nil {
		return nil, err
	}
	for _, l := range series.LeftOut {
		fmt.Fprintln(opts.Err, l.Sentence())
	}
	return series, nil
}

// isGiven reports whether a file is one of the report's own inputs.
func isGiven(path string, given []string) bool {
	for _, g := range given {
		if g != "" && sameFile(path, g) {
			return true
		}
	}
	return false
}

// evaluateFile reads one ledger; a file that cannot be read stops the report, since a
// report missing a ledger would mislead the meeting.
func evaluateFile(file string, r *rules.Rules, eo rules.Options, opts *reportOptions) (*rules.Result, error) {
	l, err := readLedger(file, r.ReadOptions(ledger.Options{Sheet: opts.Sheet, AsOf: eo.AsOf}), opts)
	if err != nil {
		if opts.ctx.Err() != nil {
			return nil, err
		}
		return nil, &failure{code: exitUnreadable, msg: errorMessage(file, err)}
	}
	return rules.Evaluate(l, r, eo), nil
}

// readLedger reads one ledger of the report. The report gets no permission a ledger
// read lacks. When the run is interrupted the error is the interruption's cause.
func readLedger(file string, ro ledger.Options, opts *reportOptions) (*ledger.Ledger, error) {
	f, err := ledger.Open(file, ro)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := f.Read(opts.ctx, ro)
	if err != nil {
		if opts.ctx.Err() != nil {
			return nil, context.Cause(opts.ctx)
		}
		return nil, err
	}
	opts.perm &= f.Perm()
	return l, nil
}

// errorMessage is the clerk's sentence for a file that could not be read.
func errorMessage(file string, err error) string {
	if e, ok := ledger.AsError(err); ok {
		return e.Message
	}
	return shown(filepath.Base(file)) + "：无法读取，请确认文件可以在 Excel/WPS 中打开"
}

// writeReport writes the report where -o and --format say: a workbook, a 通报 (whose
// frame is the rules' notice), a folder of CSV files, or stdout.
func writeReport(m *report.Monthly, notice rules.Notice, opts *reportOptions) error {
	switch {
	case opts.Output != "" && opts.format == report.FormatCSV:
		return writeReportCSVDir(m, opts)
	case opts.Output != "":
		if err := os.MkdirAll(filepath.Dir(opts.Output), 0o755); err != nil {
			return fileWriteFailure(opts.ctx, &outfile.WriteError{Path: filepath.Dir(opts.Output), Err: err})
		}
		write, what := func(w io.Writer) error { return report.WriteMonthlyWorkbook(w, m) }, "报告"
		if strings.EqualFold(filepath.Ext(opts.Output), ".docx") {
			write, what = func(w io.Writer) error { return report.WriteMonthlyNotice(w, m, notice) }, "通报初稿"
		}
		if _, err := opts.files.Write(opts.ctx, opts.workbookTarget(), write); err != nil {
			return fileWriteFailure(opts.ctx, err)
		}
		fmt.Fprintf(opts.Err, "%s已写入 %s\n", what, shown(opts.Output))
		return nil
	}
	var err error
	switch opts.format {
	case report.FormatMarkdown:
		err = report.WriteMonthlyMarkdown(opts.Out, m)
	case report.FormatCSV:
		err = report.WriteMonthlyCSV(opts.Out, m)
	case report.FormatJSON:
		err = report.WriteMonthlyJSON(opts.Out, m)
	default:
		err = report.WriteMonthlyTable(opts.Out, m)
	}
	if err != nil {
		return writeFailure(err)
	}
	return nil
}

// writeReportCSVDir writes the report as a folder of CSV files. Every file it would
// replace is looked at first: if one is not the tool's own unchanged file, nothing is
// written.
func writeReportCSVDir(m *report.Monthly, opts *reportOptions) error {
	files := report.MonthlyCSVFiles(m)
	if namesFile(opts.Output) {
		return usagef("--format csv 时 -o 应是一个文件夹，%s 是文件", shown(opts.Output))
	}
	for _, f := range files {
		if err := outfile.Check(opts.csvTarget(f.Name)); err != nil {
			return usagef("%s", err.Error())
		}
	}
	if err := os.MkdirAll(opts.Output, 0o755); err != nil {
		return fileWriteFailure(opts.ctx, &outfile.WriteError{Path: opts.Output, Err: err})
	}
	for _, f := range files {
		if _, err := opts.files.Write(opts.ctx, opts.csvTarget(f.Name), f.Write); err != nil {
			return fileWriteFailure(opts.ctx, err)
		}
	}
	fmt.Fprintf(opts.Err, "报告已写入 %s（%d 个 CSV 文件）\n", shown(opts.Output), len(files))
	return nil
}

// namesFile reports whether a path holds a file (not a folder).
func namesFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// groupByList lists the groupings for help ("town（乡镇）、unit（责任单位）…") or, without
// labels, for an error.
func groupByList(labels bool) string {
	names := make([]string, len(rules.GroupBys))
	for i, g := range rules.GroupBys {
		names[i] = string(g)
		if labels {
			names[i] += "（" + g.Label() + "）"
		}
	}
	return strings.Join(names, "、")
}
