package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	vcs := func(revision, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "-trimpath", Value: "true"},
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: revision},
			{Key: "vcs.time", Value: time},
			{Key: "vcs.modified", Value: modified},
		}
	}
	const commit = "429622835161276bbcf79e81fcba179b00a06aa3"
	tests := []struct {
		name   string
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{
			name:   "release build: version from the linker, commit and time from git",
			linked: "1.2.0",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20250601100000-429622835161"},
				Settings: vcs(commit, "2025-06-01T10:00:00Z", "false")},
			want: "gongjian 1.2.0\n提交：" + commit + "\n提交时间：2025-06-01 18:00:00（北京时间）\n平台：" + platform + "，go1.26.8 编译\n",
		},
		{
			name:   "a v given to the linker is dropped",
			linked: "v1.2.0",
			info:   &debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs(commit, "2025-06-01T10:00:00Z", "false")},
			want:   "gongjian 1.2.0\n",
		},
		{
			name: "go build of a tagged commit: the tag",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.3.0"},
				Settings: vcs(commit, "2025-12-31T16:30:00Z", "false")},
			want: "gongjian 1.3.0\n提交：" + commit + "\n提交时间：2026-01-01 00:30:00（北京时间）\n",
		},
		{
			name: "go build of an untagged commit with changes: no version, the changes said",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20250601100000-429622835161+dirty"},
				Settings: vcs(commit, "2025-06-01T10:00:00Z", "true")},
			want: "gongjian 开发版本（不是正式发布的版本）\n提交：" + commit + "（另有未提交的修改）\n",
		},
		{
			name: "pseudo-version after a tag is no release either",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.3.1-0.20250601100000-429622835161"},
				Settings: vcs(commit, "2025-06-01T10:00:00Z", "false")},
			want: "gongjian 开发版本（不是正式发布的版本）\n提交：" + commit + "\n",
		},
		{
			name: "go run and go test: nothing recorded",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "gongjian", Version: "(devel)"}},
			want: "gongjian 开发版本（不是正式发布的版本）\n提交：未记录\n提交时间：未记录\n平台：" + platform + "，go1.26.8 编译\n",
		},
		{
			name: "no build information at all",
			want: "gongjian 开发版本（不是正式发布的版本）\n提交：未记录\n提交时间：未记录\n平台：" + platform + "，" + runtime.Version() + " 编译\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeBuild(tt.linked, tt.info).String()
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got\n%s\nwant it to start with\n%s", got, tt.want)
			}
		})
	}
}

// The running test binary has build information, but no commit: go test records none.
func TestBuildTextOfTestBinary(t *testing.T) {
	got := buildText()
	for _, want := range []string{"gongjian 开发版本", "提交：未记录", "平台：" + runtime.GOOS + "/" + runtime.GOARCH} {
		if !strings.Contains(got, want) {
			t.Errorf("buildText() = %q, want it to contain %q", got, want)
		}
	}
}

// A release names the commit the release build gave the linker, also where the go
// command recorded none (a build in a git worktree).
func TestLinkedCommitWins(t *testing.T) {
	b := describeBuild("1.2.0", nil).withLinked("3d4dbc03c46063024500b4c9ac55ac1b80d1446a", "2026-11-29T14:21:01Z", "")
	text := b.String()
	for _, want := range []string{"gongjian 1.2.0", "提交：3d4dbc03c46063024500b4c9ac55ac1b80d1446a\n", "提交时间：2026-11-29 22:21:01（北京时间）"} {
		if !strings.Contains(text, want) {
			t.Errorf("--version says\n%s\nwant %q in it", text, want)
		}
	}
	if got := describeBuild("", nil).withLinked("", "", "").String(); !strings.Contains(got, "提交：未记录") {
		t.Errorf("a build without a commit says\n%s", got)
	}
}
