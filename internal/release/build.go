package main

import (
	"bytes"
	"debug/buildinfo"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// goBuild cross-compiles gongjian for t into out. Every setting that could differ
// between machines is fixed here, so the same commit and Go release give the same bytes:
// no cgo, no build paths (-trimpath), the baseline instruction sets, and the commit
// stamped in (-buildvcs=true overrides a GOFLAGS that turns it off). -s -w leave out the
// symbol and debug tables (a third of the size); stack traces and the build information
// that go version -m reads stay.
func goBuild(root string, t target, version, out string) error {
	ldflags := "-s -w"
	if version != "" {
		ldflags += " -X main.version=" + version
	}
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=true", "-ldflags="+ldflags, "-o", out, "./cmd/gongjian")
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch,
		"GOAMD64=v1", "GOARM64=v8.0", // every x86-64 and ARMv8 CPU, old office PCs included
		"GOEXPERIMENT=",
	)
	var stderr bytes.Buffer
	cmd.Stdout = os.Stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("编译 %s/%s 失败：%v\n%s", t.OS, t.Arch, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// stamp is what the go command recorded in a binary about the commit it was built from.
type stamp struct {
	Commit   string
	Time     time.Time
	Modified bool
}

// readStamp reads a built binary's commit, as gongjian --version and go version -m
// will report it.
func readStamp(path string) (stamp, error) {
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		return stamp{}, fmt.Errorf("读不出 %s 的构建信息：%v", path, err)
	}
	var s stamp
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			s.Commit = kv.Value
		case "vcs.time":
			s.Time, err = time.Parse(time.RFC3339, kv.Value)
			if err != nil {
				return stamp{}, fmt.Errorf("%s 记录的提交时间 %q 无法识别", path, kv.Value)
			}
		case "vcs.modified":
			s.Modified = kv.Value == "true"
		}
	}
	if s.Commit == "" || s.Time.IsZero() {
		return stamp{}, fmt.Errorf("%s 没有记录 git 提交：请在 git 克隆的仓库里运行，并装好 git（go 在 git worktree 里记录不到提交）", path)
	}
	return s, nil
}

// tagVersion is the version named by a tag on HEAD (v1.2.0 gives 1.2.0), or "" when
// HEAD has none: that build is a development build.
func tagVersion(root string) string {
	cmd := exec.Command("git", "describe", "--tags", "--exact-match", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
}
