package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"gongjian/internal/outfile"
	"gongjian/internal/termsafe"
)

// newRootCmd builds the gongjian command and its subcommands; files is the run's
// registry of the files being written.
func newRootCmd(in io.Reader, out, errOut io.Writer, files *outfile.Files) *cobra.Command {
	root := &cobra.Command{
		Use:   "gongjian",
		Short: "检查项目台账，对照攻坚目标汇总开复工和投资完成情况",
		Long: `gongjian（攻坚）检查县里的项目台账（开复工台账、融资需求台账）：
找出填写错误并指明单元格，对照年度攻坚目标计算新建开工率、续建复工率和投资完成率。`,
		Version: buildText(),
		// Errors are printed in Chinese by exitCode; cobra's own are English.
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		// Runnable so that an unknown command reaches us instead of cobra's English
		// "unknown command"; with no arguments it shows the help.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return unknownCommand(cmd, args[0])
		},
		CompletionOptions:          cobra.CompletionOptions{DisableDefaultCmd: true}, // ours is in Chinese
		SuggestionsMinimumDistance: 2,
	}
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetFlagErrorFunc(flagError)
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(helpTemplate)
	root.SetVersionTemplate("{{.Version}}")
	root.SetHelpCommand(newHelpCmd())

	root.AddCommand(
		newCheckCmd(func(o *checkOptions) error { o.files = files; return runCheck(o) }),
		newReportCmd(func(o *reportOptions) error { o.files = files; return runReport(o) }),
		newRulesCmd(files),
		newTemplateCmd(func(o *templateOptions) error { o.files = files; return runTemplate(o) }),
		newMergeCmd(func(o *mergeOptions) error { o.files = files; return runMerge(o) }),
		newCompletionCmd(),
	)
	return root
}

func unknownCommand(cmd *cobra.Command, name string) error {
	msg := fmt.Sprintf("未知命令 %s", name)
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		msg += fmt.Sprintf("，是否想用 %s %s？", cmd.CommandPath(), s[0])
	} else {
		msg += "，"
	}
	return usagef("%s运行 %s --help 查看可用的命令", msg, cmd.CommandPath())
}

// flagError turns pflag's English parse errors into one Chinese line.
func flagError(cmd *cobra.Command, err error) error {
	help := fmt.Sprintf("运行 %s --help 查看用法", cmd.CommandPath())
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		return usagef("未知参数 %s，%s", name, help)
	case errors.As(err, &noValue):
		return usagef("参数 %s 需要一个值，%s", flagName(noValue.GetFlag()), help)
	case errors.As(err, &badValue):
		what := ""
		if t := badValue.GetFlag().Value.Type(); strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") {
			what = "，应为整数"
		}
		return usagef("参数 %s 的值“%s”无效%s，%s", flagName(badValue.GetFlag()), badValue.GetValue(), what, help)
	case errors.As(err, &syntax):
		return usagef("参数写法有误：%s，%s", syntax.GetSpecifiedFlag(), help)
	}
	return usagef("参数有误，%s", help)
}

func flagName(f *pflag.Flag) string {
	if f == nil {
		return "（未知）"
	}
	return "--" + f.Name
}

// newHelpCmd replaces cobra's help command, whose texts are English.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [命令]",
		Short: "显示某个命令的用法",
		Long:  "显示某个命令的用法，例如 gongjian help check。",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if cmd == nil || err != nil || len(rest) > 0 {
				return usagef("没有命令 %s，运行 gongjian --help 查看可用的命令", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// newCompletionCmd replaces cobra's completion command, whose texts are English.
func newCompletionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "生成命令行自动补全脚本",
		Long: `生成命令行自动补全脚本，装好后按 Tab 键可补全命令和参数。

  bash:        source <(gongjian completion bash)
  zsh:         gongjian completion zsh > "${fpath[1]}/_gongjian"
  fish:        gongjian completion fish > ~/.config/fish/completions/gongjian.fish
  PowerShell:  gongjian completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("请指定一种 shell：bash、zsh、fish 或 powershell，例如 gongjian completion bash")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), cmd.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return usagef("不支持的 shell：%s，可选 bash、zsh、fish 或 powershell", args[0])
		},
	}
	return cmd
}

// valueName annotates a flag with the word shown for its value in help ("日期").
const valueName = "gongjian-value-name"

func setValueName(fs *pflag.FlagSet, flag, name string) {
	_ = fs.SetAnnotation(flag, valueName, []string{name})
}

func init() {
	cobra.AddTemplateFunc("zhUsageLines", usageLines)
	cobra.AddTemplateFunc("zhFlags", flagUsages)
}

// cobra's templates say "Usage:", "Flags:", "Available Commands:"; these say it in Chinese.
const usageTemplate = `用法：
{{zhUsageLines .}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

参数：
{{zhFlags .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

通用参数：
{{zhFlags .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

运行 {{.CommandPath}} 命令 --help 查看某个命令的用法。{{end}}
`

const helpTemplate = `{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

// usageLines are the "用法" lines: the command itself when it runs on its own, and
// "… 命令 [参数]" when it has subcommands. cobra's UseLine would add "[flags]".
func usageLines(cmd *cobra.Command) string {
	var lines []string
	if cmd.Runnable() && (cmd.HasParent() || !cmd.HasAvailableSubCommands()) {
		line := cmd.Use
		if cmd.HasParent() {
			line = cmd.Parent().CommandPath() + " " + cmd.Use
		}
		if cmd.HasAvailableFlags() && !strings.Contains(line, "[参数]") {
			line += " [参数]"
		}
		lines = append(lines, "  "+line)
	}
	if cmd.HasAvailableSubCommands() {
		lines = append(lines, "  "+cmd.CommandPath()+" 命令 [参数]")
	}
	return strings.Join(lines, "\n")
}

// flagUsages lists flags as pflag does, but with Chinese value names and no English
// type names or "(default …)": defaults are said in each flag's own text.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	widest := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if names := f.Annotations[valueName]; len(names) > 0 {
			left += " " + names[0]
		}
		usage := f.Usage
		switch f.Name { // the flags cobra adds itself
		case "help":
			usage = "显示帮助"
		case "version":
			usage = "显示版本号"
		}
		rows = append(rows, row{left, usage})
		widest = max(widest, termsafe.Width(left))
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.left)
		b.WriteString(strings.Repeat(" ", widest-termsafe.Width(r.left)+3))
		b.WriteString(r.usage)
	}
	return b.String()
}
