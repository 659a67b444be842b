package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// explorerHint is what a double-clicked gongjian.exe shows instead of running: Windows
// opens a console of its own for it, which closes as soon as the program ends, so the
// hint says how the tool is run and waits for Enter before the window goes.
const explorerHint = `gongjian（攻坚）是命令行程序，要在命令窗口里输入命令使用，双击不能使用。

打开命令窗口：在本文件夹窗口上方的地址栏里输入 cmd，按回车。
然后输入命令，例如检查示例台账：

    gongjian check 礼义镇开复工台账.xlsx

详见本文件夹里的“使用说明.txt”；输入 gongjian --help 可看全部命令。

按回车键关闭本窗口。
`

// showExplorerHint prints the hint and returns when Enter is pressed or the console
// is closed.
func showExplorerHint(in io.Reader, out io.Writer) {
	fmt.Fprint(out, explorerHint)
	_, _ = bufio.NewReader(in).ReadString('\n')
}

func init() {
	// cobra has a hint of its own for a double click (mousetrap), but it adds an English
	// "Press return to continue..." or, by default, closes the window after five
	// seconds; main shows ours instead.
	cobra.MousetrapHelpText = ""
}
