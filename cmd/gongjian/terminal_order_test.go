package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/internal/outfile"
)

// runOnTerminal runs check as on a terminal that shows stdout and stderr together,
// and returns the screen's lines in the order written.
func runOnTerminal(t *testing.T, files ...string) []string {
	t.Helper()
	var screen bytes.Buffer
	opts := &checkOptions{Out: &screen, Err: &screen, IsTTY: true, ErrTTY: true, Files: files,
		Format: "table", FailOn: failOnNever, MaxUnzipMB: 1024, Jobs: 2,
		ctx: context.Background(), files: outfile.New()}
	if err := opts.parse(); err != nil {
		t.Fatal(err)
	}
	if err := runCheck(opts); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(screen.String(), "\n"), "\n")
}

// On a terminal the line saying where the annotated copy went is the last thing a
// clerk sees; several files end with one summary line, after each file's own line.
func TestTerminalEndsWithWhereTheCopyWent(t *testing.T) {
	dir := t.TempDir()
	liyi, flawed := filepath.Join(dir, "礼义镇开复工台账.xlsx"), filepath.Join(dir, "错误台账.xlsx")
	copyFile(t, sample(t, "礼义镇开复工台账.xlsx"), liyi)
	copyFile(t, sample(t, "错误台账.xlsx"), flawed)

	lines := runOnTerminal(t, liyi)
	if last := lines[len(lines)-1]; last != "带批注的检查结果已写入 "+filepath.Join(dir, "礼义镇开复工台账.检查结果.xlsx") {
		t.Errorf("last line %q", last)
	}

	lines = runOnTerminal(t, liyi, flawed)
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "检查完毕：共 2 个文件，已检查 2 个（1 个有错误），无法读取 0 个；错误 ") {
		t.Errorf("last line %q", last)
	}
	var summaries, written []int
	for i, l := range lines {
		if strings.Contains(l, "共检查") || strings.HasPrefix(l, "检查完毕") {
			summaries = append(summaries, i)
		}
		if strings.HasPrefix(l, "带批注的检查结果已写入 ") {
			written = append(written, i)
		}
	}
	if len(summaries) != 1 {
		t.Errorf("%d summary lines, want one: %q", len(summaries), lines)
	}
	// Each file's line follows its own tables: the second file's title comes after
	// the first file's line.
	second := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "文件") && strings.Contains(l, "错误台账.xlsx") {
			second = i
		}
	}
	if len(written) != 2 || !(written[0] < second && second < written[1]) {
		t.Errorf("copy lines at %v, the second file's title at %d", written, second)
	}
}
