package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"gongjian/internal/termsafe"
)

// The hint says how to run the tool, in Chinese, and that Enter closes the window.
func TestExplorerHintText(t *testing.T) {
	for _, want := range []string{
		"命令行程序",
		"地址栏里输入 cmd",
		"gongjian check 礼义镇开复工台账.xlsx", // the sample in every release archive
		"使用说明.txt",
		"gongjian --help",
		"按回车键关闭本窗口",
	} {
		if !strings.Contains(explorerHint, want) {
			t.Errorf("the hint does not say %q:\n%s", want, explorerHint)
		}
	}
	// A console opened by Explorer is 120 columns wide (80 on old systems): no line may wrap.
	for line := range strings.SplitSeq(explorerHint, "\n") {
		if w := termsafe.Width(line); w > 80 {
			t.Errorf("line is %d columns wide: %s", w, line)
		}
	}
}

// cobra's own double-click hint is off: it would add an English line, or close the
// window after five seconds (its default MousetrapDisplayDuration), before ours.
func TestCobraMousetrapOff(t *testing.T) {
	if cobra.MousetrapHelpText != "" {
		t.Errorf("cobra.MousetrapHelpText = %q, want empty", cobra.MousetrapHelpText)
	}
}

// The window stays until Enter: showExplorerHint returns only after a whole line.
func TestShowExplorerHintWaitsForEnter(t *testing.T) {
	in, typing := io.Pipe()
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		showExplorerHint(in, &out)
		close(done)
	}()
	if _, err := typing.Write([]byte("abc")); err != nil { // read by then: the pipe does not buffer
		t.Fatal(err)
	}
	select {
	case <-done:
		t.Fatal("returned before Enter was pressed")
	case <-time.After(50 * time.Millisecond):
	}
	if _, err := typing.Write([]byte("\r\n")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("did not return after Enter")
	}
	if out.String() != explorerHint {
		t.Errorf("printed %q, want the hint", out.String())
	}
}

// A console closed by its window button ends the input: the program ends too.
func TestShowExplorerHintEndsOnClosedInput(t *testing.T) {
	var out bytes.Buffer
	showExplorerHint(strings.NewReader(""), &out)
	if !strings.HasSuffix(out.String(), "按回车键关闭本窗口。\n") {
		t.Errorf("printed %q", out.String())
	}
}
