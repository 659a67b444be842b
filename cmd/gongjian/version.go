package main

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// version is the release's version, set only by the release build
// (go run ./internal/release -version 1.2.0 passes -ldflags "-X main.version=1.2.0").
var version string

// The commit a release was built from, as the release build hands it to the linker: the
// go command records no commit in a git worktree, so a release does not rely on it.
// Empty in any other build, which then shows what the go command recorded.
var commit, commitTime, modified string

// build is what a bug report needs to name the program it came from.
type build struct {
	Version  string    // "1.2.0"; "" for a build that is not a release
	Commit   string    // the git commit's full hash; "" when the build did not record it
	Time     time.Time // the commit's time (what a reproducible build can carry; zero when unknown)
	Modified bool      // built from a work tree with changes not committed
	Go       string    // the Go toolchain, "go1.26.8"
	Platform string    // "windows/amd64"
}

// pseudoVersion matches the version the go command gives a build from an untagged
// commit (v0.0.0-20250601100000-4296228c1a2b): it names no release.
var pseudoVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+-(?:.*\.)?\d{14}-[0-9a-f]{12}$`)

// describeBuild gathers the build's facts from the linker-set version and the
// information the go command records in every binary (nil when there is none).
func describeBuild(linked string, info *debug.BuildInfo) build {
	b := build{Version: linked, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info == nil {
		return b
	}
	if info.GoVersion != "" {
		b.Go = info.GoVersion
	}
	if b.Version == "" {
		// go build of a tagged commit records the tag (v1.2.0, v1.2.0+dirty); go run
		// and go test record "(devel)", an untagged commit a pseudo-version.
		v := strings.TrimSuffix(info.Main.Version, "+dirty")
		if v != "(devel)" && !pseudoVersion.MatchString(v) {
			b.Version = v
		}
	}
	b.Version = strings.TrimPrefix(b.Version, "v")
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time, _ = time.Parse(time.RFC3339, s.Value)
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// withLinked puts the commit the release build gave the linker over what the go command
// recorded.
func (b build) withLinked(commit, commitTime, modified string) build {
	if commit == "" {
		return b
	}
	b.Commit, b.Modified = commit, modified == "true"
	b.Time, _ = time.Parse(time.RFC3339, commitTime)
	return b
}

// beijing is the time zone the clerks read dates in, fixed so the output does not
// depend on the machine's zone setting.
var beijing = time.FixedZone("北京时间", 8*60*60)

// String is what gongjian --version prints.
func (b build) String() string {
	var s strings.Builder
	if b.Version == "" {
		s.WriteString("gongjian 开发版本（不是正式发布的版本）\n")
	} else {
		fmt.Fprintf(&s, "gongjian %s\n", b.Version)
	}
	switch {
	case b.Commit == "":
		s.WriteString("提交：未记录\n")
	case b.Modified:
		fmt.Fprintf(&s, "提交：%s（另有未提交的修改）\n", b.Commit)
	default:
		fmt.Fprintf(&s, "提交：%s\n", b.Commit)
	}
	if b.Time.IsZero() {
		s.WriteString("提交时间：未记录\n")
	} else {
		fmt.Fprintf(&s, "提交时间：%s（北京时间）\n", b.Time.In(beijing).Format("2006-01-02 15:04:05"))
	}
	fmt.Fprintf(&s, "平台：%s，%s 编译\n", b.Platform, b.Go)
	return s.String()
}

// buildText describes the running program.
func buildText() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return describeBuild(version, info).withLinked(commit, commitTime, modified).String()
}
