package main

import (
	"bytes"
	"debug/buildinfo"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// goBuild cross-compiles gongjian for t into out. Every setting that could differ
// between machines is fixed here, so the same commit and Go release give the same bytes:
// no cgo, no build paths (-trimpath), the baseline instruction sets, and the commit
// stamped in. The commit is passed to the linker (main.commit, main.commitTime) as well
// as recorded by the go command (-buildvcs=true overrides a GOFLAGS that turns it off),
// because the go command records nothing in a git worktree or a checkout git will not
// read. -s -w leave out the symbol and debug tables (a third of the size); stack traces
// and the build information that go version -m reads stay.
func goBuild(root string, t target, version string, src stamp, out string) error {
	ldflags := "-s -w -X main.commit=" + src.Commit + " -X main.commitTime=" + src.Time.UTC().Format(time.RFC3339)
	if src.Modified {
		ldflags += " -X main.modified=true"
	}
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

// gitStamp asks git which commit the work tree at root is, when it was committed, and
// whether the tree has changes not committed (as the go command judges it: untracked
// files count).
func gitStamp(root string) (stamp, error) {
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	commit, err := git("rev-parse", "HEAD")
	if err != nil || commit == "" {
		return stamp{}, errors.New("读不出当前的 git 提交：请在 git 仓库里运行，并装好 git")
	}
	when, err := git("show", "-s", "--format=%cI", "HEAD")
	if err != nil {
		return stamp{}, fmt.Errorf("读不出提交 %s 的时间", commit)
	}
	t, err := time.Parse(time.RFC3339, when)
	if err != nil {
		return stamp{}, fmt.Errorf("提交 %s 的时间 %q 无法识别", commit, when)
	}
	status, err := git("status", "--porcelain")
	if err != nil {
		return stamp{}, errors.New("读不出工作区的状态（git status 失败）")
	}
	return stamp{Commit: commit, Time: t.UTC(), Modified: status != ""}, nil
}

// checkStamp makes sure a built binary names the commit want: the string the linker
// was given is in it (go version -m does not show -ldflags under -trimpath), and what
// the go command recorded, where it recorded anything, is the same commit.
func checkStamp(path string, want stamp) error {
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		return fmt.Errorf("读不出 %s 的构建信息：%v", path, err)
	}
	for _, kv := range info.Settings {
		if kv.Key == "vcs.revision" && kv.Value != want.Commit {
			return fmt.Errorf("%s 记录的提交 %s 与 git 的 %s 不同：构建时仓库变了", path, kv.Value, want.Commit)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if want.Commit == "" || !bytes.Contains(data, []byte(want.Commit)) {
		return fmt.Errorf("%s 没有记录 git 提交：请用 go run ./internal/release 构建", path)
	}
	return nil
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
