package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"gongjian/internal/outfile"
	"gongjian/internal/termsafe"
	"gongjian/ledger"
	"gongjian/report"
	"gongjian/report/annotate"
	"gongjian/rules"
)

// checkOptions holds the flags and I/O of gongjian check.
type checkOptions struct {
	In       io.Reader
	Out, Err io.Writer
	IsTTY    bool // stdout is a terminal
	Color    bool // colour the table: a terminal and NO_COLOR unset
	ErrTTY   bool // stderr is a terminal: a progress line may be drawn there

	Files      []string
	AsOf       string
	Rules      string
	Format     string
	FailOn     string
	Sheet      string
	Kind       string
	NoAnnotate bool
	Columns    bool
	Output     string
	OutDir     string
	Jobs       int
	MaxUnzipMB int64
	Force      bool

	// Parsed from the flags above by newCheckCmd, so runCheck gets only valid values.
	asOf    ledger.Date // zero when --as-of is not given
	format  report.Format
	kind    ledger.Kind
	columns map[ledger.Field][]string // the rules file's own header names

	ctx   context.Context // cancelled when the run is interrupted
	files *outfile.Files  // the run's files being written
}

// The --fail-on levels.
const (
	failOnError   = "error"
	failOnWarning = "warning"
	failOnNever   = "never"
)

// newCheckCmd builds gongjian check; run does the work (tests pass their own to test
// flag parsing alone).
func newCheckCmd(run func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check 台账.xlsx|文件夹 ...",
		Short: "检查台账，列出需要改正的单元格和目标完成情况",
		Long: `检查一个或多个台账（.xlsx、.xlsm、.csv）：找出无法识别的数字和日期、合计不符、
开工状态矛盾等问题并指明单元格，对照攻坚目标计算开工率、复工率和投资完成率。

给出文件夹时检查其中（含子文件夹）所有台账，跳过 Excel 的 ~$ 锁定文件、隐藏文件和
本工具生成的检查结果文件；旧版 .xls、.et 文件会逐个列出，提示另存为 .xlsx。
一个文件无法读取不影响其他文件，原台账从不改动。

退出状态：0 没有达到 --fail-on 级别的问题；1 有（台账里没有项目也是 1）；2 命令或规则文件有误；
3 有台账无法读取。`,
		Example: `  # 检查一个台账
  gongjian check 台账.xlsx

  # 按 6 月底的目标检查，并用自己的规则文件
  gongjian check 台账.xlsx --as-of 2025-06-30 --rules 规则.yaml

  # 每晚检查共享盘上整个文件夹的台账，结果给脚本读
  gongjian check --format jsonl --no-annotate //share/台账/2025-05/

  # 检查多个乡镇的台账，检查结果集中写到一个文件夹，同时检查 4 个文件
  gongjian check -j 4 --out-dir 退回 礼义镇.xlsx 古郊乡.xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("请指定要检查的台账文件或文件夹，例如 gongjian check 台账.xlsx")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.In = cmd.InOrStdin()
			opts.Out = cmd.OutOrStdout()
			opts.Err = cmd.ErrOrStderr()
			opts.IsTTY, opts.Color = terminal(opts.Out)
			opts.ErrTTY, _ = terminal(opts.Err)
			opts.Files = args
			opts.ctx = cmd.Context()
			return parseAndRun(opts, run)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false // help lists them in this order: the common ones first
	fs.StringVar(&opts.AsOf, "as-of", "", "截至日期，如 2025-06-30；不填时从台账的表头或标题推断")
	setValueName(fs, "as-of", "日期")
	fs.StringVar(&opts.Rules, "rules", "", "规则文件（YAML）；不填时用内置的攻坚目标（gongjian rules 可导出）")
	setValueName(fs, "rules", "文件")
	fs.StringVar(&opts.Format, "format", string(report.FormatTable), "输出格式："+formatList(report.CheckFormats)+"（默认 table）")
	setValueName(fs, "format", "格式")
	fs.StringVar(&opts.FailOn, "fail-on", failOnError, "有这一级的问题时以状态 1 退出：error、warning 或 never（默认 error）")
	setValueName(fs, "fail-on", "级别")
	fs.StringVar(&opts.Sheet, "sheet", "", "读取这个工作表（默认选表头最像台账的工作表）")
	setValueName(fs, "sheet", "工作表")
	fs.StringVar(&opts.Kind, "kind", "", "台账类型：kaifugong（开复工台账）或 rongzi（融资需求台账）（默认按表头判断）")
	setValueName(fs, "kind", "类型")
	fs.BoolVar(&opts.NoAnnotate, "no-annotate", false, "不生成带批注的检查结果文件")
	fs.BoolVar(&opts.Columns, "columns", false, "列出表头每一列被识别成了什么（列、表头、识别为、单位），用来查看某列为什么没有用上")
	fs.StringVarP(&opts.Output, "output", "o", "", "带批注的检查结果写到这个文件（默认与台账同一文件夹的“台账名.检查结果.xlsx”）")
	setValueName(fs, "output", "文件")
	fs.StringVar(&opts.OutDir, "out-dir", "", "带批注的检查结果写到这个文件夹（检查文件夹时保留其中的子文件夹）")
	setValueName(fs, "out-dir", "文件夹")
	fs.IntVarP(&opts.Jobs, "jobs", "j", 0, "同时检查的文件数（默认按处理器核数）")
	setValueName(fs, "jobs", "数量")
	fs.BoolVar(&opts.Force, "force", false, "检查结果文件已存在、且不是本工具生成后未经改动的文件时，也覆盖它（默认另取一个文件名；-o 指定的则不写）")
	fs.Int64Var(&opts.MaxUnzipMB, "max-unzip-mb", ledger.DefaultUnzipLimit>>20, "工作簿解压后的大小上限（MB），超过的文件被拒绝，以防损坏或恶意文件占满内存（默认 1024）")
	setValueName(fs, "max-unzip-mb", "MB")
	return cmd
}

// parse checks the flag values and fills the parsed fields; every mistake is a usage
// error naming the flag.
func (opts *checkOptions) parse() error {
	help := "运行 gongjian check --help 查看用法"
	f, err := parseFormat(opts.Format, report.CheckFormats)
	if err != nil {
		return err
	}
	opts.format = f

	switch opts.FailOn {
	case failOnError, failOnWarning, failOnNever:
	default:
		return usagef("参数 --fail-on 的值“%s”无效，可选 error、warning 或 never", opts.FailOn)
	}

	k, d, err := parseLedgerFlags(opts.Kind, opts.AsOf)
	if err != nil {
		return err
	}
	opts.kind, opts.asOf = k, d

	if opts.Jobs < 0 {
		return usagef("参数 --jobs 的值应为正整数，%s", help)
	}
	if opts.MaxUnzipMB < 1 || opts.MaxUnzipMB > 1<<20 {
		return usagef("参数 --max-unzip-mb 的值应在 1 到 1048576 之间（单位 MB），%s", help)
	}
	if opts.Output != "" && opts.OutDir != "" {
		return usagef("-o 和 --out-dir 只能用一个，%s", help)
	}
	if opts.Output != "" && len(opts.Files) > 1 {
		return usagef("-o 只能用于一个台账；检查多个台账时请用 --out-dir 指定文件夹")
	}
	if opts.Output != "" && len(opts.Files) == 1 && sameFile(opts.Output, opts.Files[0]) {
		return usagef("-o 不能是台账本身（%s）：检查从不改动原台账，请另取一个文件名", shown(opts.Files[0]))
	}
	if opts.Output != "" && namesFolder(opts.Output) {
		return usagef("-o 应是一个文件名，%s 是文件夹；要把检查结果写进文件夹请用 --out-dir %s", shown(opts.Output), shown(opts.Output))
	}
	if opts.NoAnnotate && (opts.Output != "" || opts.OutDir != "") {
		return usagef("--no-annotate 不生成结果文件，不能同时用 -o 或 --out-dir")
	}
	return nil
}

// parseAsOf reads --as-of, which must name a day: a month would leave open which day
// the milestones are judged at.
func parseAsOf(s string) (ledger.Date, error) {
	bad := usagef("参数 --as-of 的值“%s”不是日期，请写成 2025-06-30 这样的年月日", s)
	// ParseDate takes a bare number for an Excel serial, which nobody types on a command line.
	if strings.Trim(s, "0123456789") == "" && len(s) != 8 {
		return ledger.Date{}, bad
	}
	d, err := ledger.ParseDate(s, false, 0)
	if err != nil || !d.IsSet() {
		return ledger.Date{}, bad
	}
	if !d.HasDay() {
		return ledger.Date{}, usagef("参数 --as-of 的值“%s”只到月，请写到日，如 %s", s, d.MonthEnd())
	}
	return d, nil
}

// runCheck checks every file and folder of the command line (see batch.go) and
// writes the results. A file that cannot be read gets its one line on stderr and the
// others go on.
func runCheck(opts *checkOptions) error {
	r, err := loadRules(opts.Rules)
	if err != nil {
		return err
	}
	opts.columns = r.Columns

	ins, folders := expandInputs(opts.Files)
	limitMemory(min(opts.jobs(), len(ins)))
	if opts.Output != "" {
		if len(ins) != 1 {
			return usagef("-o 只能用于一个台账，%s 中有 %d 个；检查多个台账时请用 --out-dir 指定文件夹", strings.Join(opts.Files, "、"), len(ins))
		}
		if sameFile(opts.Output, ins[0].path) {
			return usagef("-o 不能是台账本身（%s）：检查从不改动原台账，请另取一个文件名", shown(ins[0].path))
		}
		// A file of someone's at -o is refused before anything is read.
		if err := outfile.Check(opts.outputTarget(opts.Output, 0)); err != nil {
			return usagef("%s", err.Error())
		}
	}
	prog := newProgress(opts.ctx, opts.Err, opts.ErrTTY)
	defer prog.finish()
	outs := planOutputs(ins, opts)
	if !opts.NoAnnotate {
		switch {
		case opts.OutDir != "":
			if err := ensureWritableDir(opts.files, opts.OutDir); err != nil {
				return err
			}
		case opts.Output != "":
			if err := ensureWritableDir(opts.files, filepath.Dir(opts.Output)); err != nil {
				return err
			}
		}
		dirs := make([]string, 0, len(outs))
		for _, o := range outs {
			if o.path != "" {
				dirs = append(dirs, filepath.Dir(o.path))
			}
		}
		outfile.RemoveStale(dirs, time.Now(), func(path string) {
			prog.println("已删除以前中断的检查留下的临时文件 " + shown(path))
		})
	}

	// A folder always gives a JSON array, however many ledgers it holds, so a script
	// reading a folder's results needs no special case; the closing tallies are for
	// runs over more than one file.
	// On a terminal that shows both stdout and stderr, the run ends with one line: the
	// summary on stderr, not the table's closing line above it as well.
	several := len(ins) > 1
	w := report.NewWriter(opts.Out, opts.format, report.Options{Color: opts.Color, Several: several || folders && opts.format == report.FormatJSON,
		Columns: opts.Columns, NoTally: opts.IsTTY && opts.ErrTTY})
	b := newBatch(opts, r, ins, outs, prog, w)
	b.run()
	if err := b.stopped(); err != nil {
		return err
	}
	if b.writeErr == nil {
		b.toStdout(func() { b.writeErr = b.w.Close() })
	}
	prog.finish()
	if several {
		fmt.Fprintln(opts.Err, b.stats.summary())
	}
	switch {
	case b.writeErr != nil:
		return writeFailure(b.writeErr)
	case b.stats.unwritten > 0, b.stats.unreadable > 0:
		return errUnreadable
	case b.stats.failing:
		return errFindings
	}
	return nil
}

// checkFile reads and evaluates one file. A panic in either is turned into an
// unreadable file, so one bad file never stops a batch or shows a stack trace. The
// file read is returned open, for its annotated copy to be made from the same bytes;
// the caller closes it.
func checkFile(ctx context.Context, path string, r *rules.Rules, opts *checkOptions) (o report.Outcome, src *ledger.File) {
	o.File = path
	defer func() {
		if p := recover(); p != nil {
			o.Result, o.Err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	src, err := ledger.Open(path, opts.readOptions())
	if err != nil {
		o.Err = err
		return o, nil
	}
	l, err := src.Read(ctx, opts.readOptions())
	if err != nil {
		o.Err = err
		return o, src
	}
	eo := rules.Options{}
	if opts.asOf.IsSet() {
		eo = rules.Options{AsOf: opts.asOf, AsOfSource: ledger.AsOfFlag}
	}
	o.Result = rules.Evaluate(l, r, eo)
	return o, src
}

// outputTarget is how the annotated copy at path is written: replacing only the
// tool's own unchanged copy; a name the tool chose moves on to the next free one, one
// named by -o is refused; never readable by more people than the ledger (perm).
func (opts *checkOptions) outputTarget(path string, perm fs.FileMode) outfile.Target {
	return outfile.Target{Path: path, Mark: outfile.MarkZip, Numbered: opts.Output == "", Force: opts.Force, Perm: perm}
}

// annotateFailure is the one line for a copy that could not be written, saying why.
func annotateFailure(file string, err error) error {
	var (
		we *outfile.WriteError
		ee *outfile.ExistsError
		ae *annotate.AnnotateError
	)
	switch {
	case errors.As(err, &we):
		return fmt.Errorf("%s：无法写出检查结果 %s：%s", shown(file), shown(we.Path), outfile.Reason(we.Err))
	case errors.As(err, &ee):
		return fmt.Errorf("%s：%s", shown(file), ee.Error())
	case errors.As(err, &ae):
		return ae
	}
	if e, ok := ledger.AsError(err); ok {
		return e
	}
	return fmt.Errorf("%s：写出检查结果时发生内部错误，请把此文件和所用命令发给维护人员", shown(file))
}

// sameFile reports whether two paths name the same file, by path or, when both
// exist, by identity (a link, a different spelling of the same folder).
func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// fails reports whether a result has findings at or above the --fail-on level. A
// ledger with no project fails at any level but never: its warning says nothing was
// checked, which a script must not take for a pass.
func fails(res *rules.Result, failOn string) bool {
	switch {
	case failOn == failOnNever:
		return false
	case failOn == failOnWarning:
		return res.Worst() != ""
	case res.Has(rules.RuleNoProjects):
		return true
	}
	return res.Worst() == rules.SeverityError
}

// writeFailure is the error for output to stdout that could not be written: the
// reader gone (`| head`) is an interrupt by SIGPIPE, anything else a failure.
func writeFailure(err error) error {
	if errors.Is(err, syscall.EPIPE) {
		return brokenPipe()
	}
	return &failure{code: exitUnreadable, msg: "无法把结果写到输出：" + outfile.Reason(err)}
}

// namesFolder reports whether a path given for a file names a folder: one that
// exists, or one written with a trailing separator.
func namesFolder(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// shown is a path as it may be printed on a terminal: control characters escaped.
func shown(path string) string { return termsafe.Name(path) }

// defaultJobs is -j when not given: one file per CPU.
func defaultJobs() int { return runtime.NumCPU() }
