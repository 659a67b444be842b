package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"gongjian/internal/outfile"
	"gongjian/rules"
)

// newRulesCmd builds gongjian rules: with no subcommand it prints the default rules.
func newRulesCmd(files *outfile.Files) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "显示、另存或检查规则文件（攻坚目标和检查口径）",
		Long: `不带子命令时显示内置的默认规则（YAML，带中文说明）。

规则文件写明各里程碑的目标（如上半年新建开工率不低于 90%）、亮灯阈值和重点项目标准，
以及通报（report -o 通报.docx）的主送、署名和“下一步工作要求”；
另存一份按本县方案修改后，用 gongjian check --rules 规则.yaml 使用。`,
		Example: `  gongjian rules
  gongjian rules init 规则.yaml
  gongjian rules check 规则.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := cmd.OutOrStdout().Write(rules.DefaultYAML()); err != nil {
				return writeFailure(err)
			}
			return nil
		},
	}
	cmd.AddCommand(
		newRulesInitCmd(func(o *rulesInitOptions) error { o.files = files; return runRulesInit(o) }),
		newRulesCheckCmd(runRulesCheck),
	)
	return cmd
}

// rulesInitOptions holds the flags and I/O of gongjian rules init.
type rulesInitOptions struct {
	Out   io.Writer
	File  string
	Force bool

	ctx   context.Context // cancelled when the run is interrupted
	files *outfile.Files  // the run's files being written
}

func newRulesInitCmd(run func(*rulesInitOptions) error) *cobra.Command {
	opts := &rulesInitOptions{}
	cmd := &cobra.Command{
		Use:     "init 规则.yaml",
		Short:   "把默认规则另存为文件，供修改",
		Example: "  gongjian rules init 规则.yaml",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("请指定一个要写入的文件，例如 gongjian rules init 规则.yaml")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			opts.File = args[0]
			opts.ctx = cmd.Context()
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "文件已存在、且与默认规则不同（例如已按本县方案修改）时，也覆盖它")
	return cmd
}

// runRulesInit writes the default rules to a file. It replaces only a file holding
// exactly the default rules, unless told to, since another file is usually a county's
// edited rules.
func runRulesInit(opts *rulesInitOptions) error {
	target := outfile.Target{Path: opts.File, Mark: outfile.MarkSame, Force: opts.Force}
	_, err := opts.files.Write(opts.ctx, target, func(w io.Writer) error {
		_, err := w.Write(rules.DefaultYAML())
		return err
	})
	if err != nil {
		return fileWriteFailure(opts.ctx, err)
	}
	fmt.Fprintf(opts.Out, "已把默认规则写入 %s；修改后用 gongjian check --rules %s 使用。\n", shown(opts.File), shown(opts.File))
	return nil
}

// rulesCheckOptions holds the I/O of gongjian rules check.
type rulesCheckOptions struct {
	Out  io.Writer
	File string
}

func newRulesCheckCmd(run func(*rulesCheckOptions) error) *cobra.Command {
	opts := &rulesCheckOptions{}
	return &cobra.Command{
		Use:   "check 规则.yaml",
		Short: "检查规则文件有没有写错",
		Long: `检查规则文件：未知的项、写错的百分比、先后颠倒的日期、不认识的指标名称，
每个问题一行，写明文件、行号和列号。有问题时以状态 2 退出。`,
		Example: "  gongjian rules check 规则.yaml",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("请指定一个规则文件，例如 gongjian rules check 规则.yaml")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			opts.File = args[0]
			return run(opts)
		},
	}
}

func runRulesCheck(opts *rulesCheckOptions) error {
	r, err := rules.Load(opts.File)
	if err != nil {
		return err // a *rules.FileError: main prints its file:line:col lines
	}
	fmt.Fprintf(opts.Out, "%s 没有发现问题：%d 个里程碑。\n", opts.File, len(r.Milestones))
	return nil
}

// fileWriteFailure is the error for a file named on the command line that could not
// be written: someone's file in the way (a usage error, status 2), or why the folder,
// the disk or the name would not take it (status 3).
func fileWriteFailure(ctx context.Context, err error) error {
	var (
		we *outfile.WriteError
		ee *outfile.ExistsError
	)
	switch {
	case ctx.Err() != nil, errors.Is(err, outfile.ErrAborted):
		return context.Cause(ctx)
	case errors.As(err, &ee):
		return usagef("%s", ee.Error())
	case errors.As(err, &we):
		return &failure{code: exitUnreadable, msg: we.Error()}
	}
	return &failure{code: exitUnreadable, msg: "写出文件时发生内部错误，请把所用命令发给维护人员"}
}

// loadRules returns the rules of --rules, or the embedded default when none is given;
// a file with errors gives the *rules.FileError that main prints as file:line:col lines.
func loadRules(path string) (*rules.Rules, error) {
	if path == "" {
		return rules.Default(), nil
	}
	return rules.Load(path)
}
