package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRunRejectsBadVersion(t *testing.T) {
	for _, v := range []string{"1.2 beta", "1.2/0", "-1", "版本1"} {
		err := run([]string{"-version", v, "-o", t.TempDir()}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "版本号") {
			t.Errorf("-version %q: got %v, want a refusal naming the version", v, err)
		}
	}
}

func TestVersionSyntax(t *testing.T) {
	for _, v := range []string{"1.2.0", "1.2.0-rc.1", "2025.6", "1.2.0+county"} {
		if !versionSyntax.MatchString(v) {
			t.Errorf("%q refused", v)
		}
	}
}

// clean takes away an earlier run's archives and checksums, and nothing else.
func TestClean(t *testing.T) {
	dist := t.TempDir()
	for _, name := range []string{"gongjian_1.1.0_linux_amd64.tar.gz", "gongjian_dev_windows_amd64.zip", "SHA256SUMS", "发布说明.txt"} {
		if err := os.WriteFile(filepath.Join(dist, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := (&release{dist: dist}).clean(); err != nil {
		t.Fatal(err)
	}
	left, err := filepath.Glob(filepath.Join(dist, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dist, "发布说明.txt")}; !reflect.DeepEqual(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
	// A dist that is not there yet is made.
	fresh := filepath.Join(t.TempDir(), "dist")
	if err := (&release{dist: fresh}).clean(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || !fi.IsDir() {
		t.Errorf("dist not made: %v", err)
	}
}

// A binary without a recorded commit (go test records none, nor does go build in a git
// worktree) is refused: the release would not name its commit.
func TestCheckStampRefusesBinaryWithoutCommit(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkStamp(self, stamp{Commit: strings.Repeat("c0de", 10)}); err == nil || !strings.Contains(err.Error(), "没有记录 git 提交") {
		t.Errorf("got %v, want the missing commit named", err)
	}
	if err := checkStamp(filepath.Join(t.TempDir(), "nothing"), stamp{Commit: "x"}); err == nil {
		t.Error("a missing binary gave no error")
	}
}

func TestRepositoryRoot(t *testing.T) {
	root, err := repositoryRoot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if root != want {
		t.Errorf("root %s, want %s", root, want)
	}
}

// The release stamps the commit git names, also where the go command records none.
func TestGitStampNamesHEAD(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	s, err := gitStamp(root)
	if err != nil {
		t.Skipf("no git here: %v", err)
	}
	if len(s.Commit) < 40 || s.Time.IsZero() {
		t.Errorf("gitStamp = %+v, want a full commit hash and its time", s)
	}
}
