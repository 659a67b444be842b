package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"gongjian/internal/termsafe"
)

func renderGuide(t *testing.T, tg target, version string) string {
	t.Helper()
	b, err := guide(tg, version, "429622835161276bbcf79e81fcba179b00a06aa3", time.Date(2025, 6, 1, 18, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, bom)
	return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")))
}

// The guide says what the archive holds, the three commands with what each writes,
// how to open a command window on that platform, and which build it came with.
func TestGuide(t *testing.T) {
	common := []string{
		"版本：1.2.0（提交 429622835161，2025-06-02）", // the commit's date in Beijing
		"gongjian（攻坚）使用说明",
		"检查台账", " check 台账.xlsx", "台账.检查结果.xlsx", "标红", "批注",
		"月度调度报告", " report 全县台账.xlsx -o 5月调度报告.xlsx",
		"空白台账", " template kaifugong -o 开复工台账模板.xlsx", "rongzi",
		"结果在哪里", "--out-dir",
		" check 礼义镇开复工台账.xlsx",
		" rules check 规则.yaml", " --rules 规则.yaml",
		"--version",
	}
	platform := map[string][]string{
		"windows": {"gongjian.exe：程序本身", "双击 gongjian.exe 不能使用", "命令提示符", "地址栏里输入 cmd", "PowerShell", ".\\gongjian check", "全部解压缩", "  gongjian check 台账.xlsx", "记事本"},
		"linux":   {"gongjian：程序本身", "在终端中打开", "chmod +x gongjian", "  ./gongjian check 台账.xlsx", "文本编辑器"},
		"darwin":  {"gongjian：程序本身", "终端", "xattr -d com.apple.quarantine gongjian", "  ./gongjian check 台账.xlsx"},
	}
	for _, tg := range targets {
		t.Run(tg.OS+"_"+tg.Arch, func(t *testing.T) {
			text := renderGuide(t, tg, "1.2.0")
			for _, want := range append(append([]string{}, common...), platform[tg.OS]...) {
				if !strings.Contains(text, want) {
					t.Errorf("the guide does not say %q", want)
				}
			}
			// Every file in the archive is named in the guide.
			for _, name := range []string{tg.exe(), guideName, sampleName, rulesName} {
				if !strings.Contains(text, name+"：") {
					t.Errorf("the guide does not list %s", name)
				}
			}
			for _, line := range tg.For {
				if !strings.Contains(text, line) {
					t.Errorf("the guide does not say which machines: %q", line)
				}
			}
			if tg.OS != "windows" && strings.Contains(text, "PowerShell") {
				t.Errorf("a %s guide speaks of PowerShell", tg.OS)
			}
			// Notepad does not wrap lines by default: none may be wider than a screen.
			for i, line := range strings.Split(text, "\n") {
				if c := termsafe.Width(line); c > 80 {
					t.Errorf("line %d is %d columns wide: %s", i+1, c, line)
				}
			}
			if strings.Contains(text, "\n\n\n\n") || strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
				t.Errorf("the template left gaps or marks:\n%s", text)
			}
		})
	}
}

func TestGuideDevelopmentBuild(t *testing.T) {
	text := renderGuide(t, targets[0], "")
	if !strings.Contains(text, "版本：开发版本（提交 429622835161，2025-06-02）") {
		t.Errorf("a development build's guide does not say so:\n%s", text[:200])
	}
}

func TestTextFile(t *testing.T) {
	windows, linux := target{OS: "windows"}, target{OS: "linux"}
	tests := []struct {
		name string
		t    target
		in   string
		want string
	}{
		{"Windows: BOM and CRLF", windows, "一\n二\n", "\ufeff一\r\n二\r\n"},
		{"Windows: CRLF already there is not doubled", windows, "一\r\n二\n", "\ufeff一\r\n二\r\n"},
		{"Windows: a BOM already there is not doubled", windows, "\ufeff一\n", "\ufeff一\r\n"},
		{"Windows: no line end at the end", windows, "一\n二", "\ufeff一\r\n二"},
		{"Linux: as it is", linux, "一\n二\n", "一\n二\n"},
		{"macOS: as it is", target{OS: "darwin"}, "一\n", "一\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(textFile([]byte(tt.in), tt.t)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
