package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"gongjian/rules"
)

// newRulesCmd builds gongjian rules: with no subcommand it prints the default rules.
func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "显示、另存或检查规则文件（攻坚目标和检查口径）",
		Long: `不带子命令时显示内置的默认规则（YAML，带中文说明）。

规则文件写明各里程碑的目标（如上半年新建开工率不低于 90%）、亮灯阈值和重点项目标准；
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
				return writeFailure()
			}
			return nil
		},
	}
	cmd.AddCommand(newRulesInitCmd(runRulesInit), newRulesCheckCmd(runRulesCheck))
	return cmd
}

// rulesInitOptions holds the flags and I/O of gongjian rules init.
type rulesInitOptions struct {
	Out   io.Writer
	File  string
	Force bool
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
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "文件已存在时覆盖它")
	return cmd
}

// runRulesInit writes the default rules to a new file. It refuses to replace a file
// unless told to, since that file is usually a county's edited rules.
func runRulesInit(opts *rulesInitOptions) error {
	if _, err := os.Lstat(opts.File); err == nil && !opts.Force {
		return usagef("%s 已存在，没有覆盖；如要覆盖请加 --force", opts.File)
	}
	if err := writeFileAtomic(opts.File, rules.DefaultYAML()); err != nil {
		return &failure{code: exitUnreadable, msg: writeErrorMessage(opts.File, err)}
	}
	fmt.Fprintf(opts.Out, "已把默认规则写入 %s；修改后用 gongjian check --rules %s 使用。\n", opts.File, opts.File)
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

// writeFileAtomic writes data to a temporary file beside path and renames it into
// place, so a crash or a full disk never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gongjian-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeErrorMessage says in Chinese why a file could not be written.
func writeErrorMessage(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("无法写入 %s：所在文件夹不存在", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("无法写入 %s：没有写入权限", path)
	}
	return fmt.Sprintf("无法写入 %s：请检查路径是否正确、磁盘是否已满", path)
}

// loadRules returns the rules of --rules, or the embedded default when none is given;
// a file with errors gives the *rules.FileError that main prints as file:line:col lines.
func loadRules(path string) (*rules.Rules, error) {
	if path == "" {
		return rules.Default(), nil
	}
	return rules.Load(path)
}
