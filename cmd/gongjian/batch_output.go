package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"gongjian/report"
	"gongjian/report/annotate"
)

// Where the annotated copies of a run go, decided before any is written, so that no
// copy lands on an input of the run or on another file's copy.

// outputPlan is where one input's annotated copy goes, or why it may not be written.
type outputPlan struct {
	path    string
	refused error
}

// planOutputs decides every input's annotated copy: -o for the only input; else
// beside the ledger, or under --out-dir (a file found in a folder keeps the subfolder
// it was in, so two 台账.xlsx of two 乡镇 folders do not overwrite each other). A copy
// that would overwrite an input of the run, or the copy of an input before it (台账.xlsx
// and 台账.csv in one folder), is refused for that file.
func planOutputs(ins []input, opts *checkOptions) []outputPlan {
	plans := make([]outputPlan, len(ins))
	if opts.NoAnnotate {
		return plans
	}
	inputs := map[string]bool{}
	for _, in := range ins {
		inputs[pathKey(in.path)] = true
	}
	claimed := map[string]string{} // copy → the input it is the copy of
	for i, in := range ins {
		if in.err != nil {
			continue
		}
		out := opts.Output
		if out == "" {
			out = annotate.AnnotatedPath(in.path, outDirFor(in, opts.OutDir))
		}
		plans[i].path = out
		key := pathKey(out)
		switch {
		case inputs[key]:
			plans[i].refused = fmt.Errorf("%s：检查结果应写到 %s，但那是本次要检查的台账之一，没有覆盖它；请用 --out-dir 把检查结果写到别的文件夹", in.path, out)
		case claimed[key] != "":
			plans[i].refused = fmt.Errorf("%s：检查结果应写到 %s，但这个文件名已用于 %s 的检查结果，没有写出；请把其中一个台账改名，或分开检查", in.path, out, claimed[key])
		default:
			claimed[key] = in.path
		}
	}
	return plans
}

// outDirFor is the folder an input's copy goes to under --out-dir ("" for beside it).
func outDirFor(in input, outDir string) string {
	if outDir == "" || in.root == "" {
		return outDir
	}
	rel, err := filepath.Rel(in.root, filepath.Dir(in.path))
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return outDir
	}
	return filepath.Join(outDir, rel)
}

// pathKey identifies a path for comparing: absolute, and folded where the file
// system ignores case (Windows, macOS).
func pathKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		p = strings.ToLower(p)
	}
	return p
}

// ensureWritableDir makes the folder -o or --out-dir names and tries writing in it,
// so that a run that could write nothing fails at once with one clear line rather
// than once per file.
func ensureWritableDir(dir string) error {
	if dir == "" {
		dir = "."
	}
	fail := func(err error) error {
		return &failure{code: exitUnreadable, msg: fmt.Sprintf("无法写入输出文件夹 %s：%s；没有检查任何台账，请换一个可以写入的文件夹", dir, writeReason(err))}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp(dir, ".gongjian-*.tmp")
	if err != nil {
		return fail(err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// writeReason says in Chinese why a file or folder could not be written.
func writeReason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrExist):
		return "路径中有同名的文件，不是文件夹"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case errors.Is(err, syscall.EROFS):
		return "磁盘或共享盘是只读的"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘已满"
	case errors.Is(err, fs.ErrNotExist):
		return "路径不存在"
	}
	return "写入出错（可能是网络盘断开或磁盘出错）"
}

// staleTempAge is how old a temporary file must be for a later run to remove it. A
// run writes its temporary file from start to rename without pausing (even a
// 100,000-row copy takes seconds), so one untouched for this long belongs to no live
// run: it was left by a run killed outright (SIGKILL, a power cut), which could not
// remove it.
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes the tool's temporary files older than staleTempAge from
// the folders the run writes into, and says so on stderr.
func removeStaleTemps(dirs []string, now time.Time, say func(string)) {
	done := map[string]bool{}
	for _, dir := range dirs {
		if dir == "" {
			dir = "."
		}
		if done[pathKey(dir)] {
			continue
		}
		done[pathKey(dir)] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !report.IsTemporary(e.Name()) || !e.Type().IsRegular() {
				continue
			}
			info, err := e.Info()
			if err != nil || now.Sub(info.ModTime()) < staleTempAge {
				continue
			}
			path := filepath.Join(dir, e.Name())
			if os.Remove(path) == nil {
				say("已删除以前中断的检查留下的临时文件 " + path)
			}
		}
	}
}
