package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gongjian/rules"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// versionSyntax keeps a version usable in file names and -ldflags.
var versionSyntax = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+-]*$`)

// release is one run: where it reads from and writes to, and what it stamps.
type release struct {
	root, dist string
	version    string // "" for a development build
	stamp      stamp
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	version := fs.String("version", "", "发布的版本号，如 1.2.0（默认取 HEAD 上的 tag；没有 tag 时为开发版本）")
	dist := fs.String("o", "dist", "放压缩包的文件夹（相对路径从仓库根目录算起）")
	allowDirty := fs.Bool("allow-dirty", false, "工作区有未提交的修改时也构建（只用于试验，不能发布）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repositoryRoot()
	if err != nil {
		return err
	}
	if !filepath.IsAbs(*dist) {
		*dist = filepath.Join(root, *dist)
	}
	r := &release{root: root, dist: *dist, version: strings.TrimPrefix(*version, "v")}
	if r.version == "" {
		r.version = tagVersion(root)
	}
	if r.version != "" && !versionSyntax.MatchString(r.version) {
		return fmt.Errorf("版本号 %q 只能含字母、数字和 . + -", r.version)
	}
	if err := r.clean(); err != nil {
		return err
	}
	staging, err := os.MkdirTemp("", "gongjian-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(staging)

	src, err := gitStamp(root)
	if err != nil {
		return err
	}
	if src.Modified && !*allowDirty {
		return errors.New("工作区有未提交的修改，构建出的程序对不上任何提交：先提交或还原（试验时可加 -allow-dirty）")
	}
	r.stamp = src
	var sums bytes.Buffer
	for _, t := range targets {
		bin := filepath.Join(staging, t.base(r.label()), t.exe())
		if err := goBuild(root, t, r.version, src, bin); err != nil {
			return err
		}
		if err := checkStamp(bin, src); err != nil {
			return err
		}
		name, data, err := r.archive(t, bin)
		if err != nil {
			return err
		}
		sums.WriteString(checksumLine(name, data))
		fmt.Fprintf(out, "%-40s %9d 字节\n", name, len(data))
	}
	if err := os.WriteFile(filepath.Join(r.dist, "SHA256SUMS"), sums.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "提交 %s（%s），校验和在 %s\n", r.stamp.Commit, r.stamp.Time.In(beijing).Format("2006-01-02 15:04 北京时间"),
		filepath.Join(r.dist, "SHA256SUMS"))
	return nil
}

// label is the version in archive names: "dev" for a development build.
func (r *release) label() string {
	if r.version == "" {
		return "dev"
	}
	return r.version
}

// archive writes t's archive of the program at bin into dist, and returns its name
// and contents.
func (r *release) archive(t target, bin string) (string, []byte, error) {
	program, err := os.ReadFile(bin)
	if err != nil {
		return "", nil, err
	}
	data, err := r.pack(t, program)
	if err != nil {
		return "", nil, err
	}
	name := t.archive(r.label())
	return name, data, os.WriteFile(filepath.Join(r.dist, name), data, 0o644)
}

// pack builds t's archive around the program: the program, the guide, the sample
// ledger and the default rules, in that order, in a folder named like the archive.
func (r *release) pack(t target, program []byte) ([]byte, error) {
	sample, err := os.ReadFile(filepath.Join(r.root, "testdata", sampleName))
	if err != nil {
		return nil, err
	}
	text, err := guide(t, r.version, r.stamp.Commit, r.stamp.Time)
	if err != nil {
		return nil, err
	}
	entries := []entry{
		{Name: t.exe(), Mode: 0o755, Data: program},
		{Name: guideName, Mode: 0o644, Data: text},
		{Name: sampleName, Mode: 0o644, Data: sample},
		{Name: rulesName, Mode: 0o644, Data: textFile(rules.DefaultYAML(), t)},
	}
	write := writeTarGz
	if t.windows() {
		write = writeZip
	}
	var b bytes.Buffer
	if err := write(&b, t.base(r.label()), entries, r.stamp.Time); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checksumLine is one line of SHA256SUMS, in the form sha256sum -c reads.
func checksumLine(name string, data []byte) string {
	return fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name)
}

// clean makes dist and removes what an earlier run left there (its archives and
// SHA256SUMS); anything else in it is left alone.
func (r *release) clean() error {
	if err := os.MkdirAll(r.dist, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(r.dist, "gongjian_*"))
	if err != nil {
		return err
	}
	for _, f := range append(old, filepath.Join(r.dist, "SHA256SUMS")) {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// repositoryRoot is the folder holding gongjian's go.mod, found from the working
// directory upwards, so the command works from any folder of the repository.
func repositoryRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(mod, []byte("module gongjian\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("找不到 gongjian 的仓库：请在仓库里运行 go run ./internal/release")
		}
		dir = parent
	}
}
