package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gongjian/internal/outfile"
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
		inputs[outfile.PathKey(in.path)] = true
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
		key := outfile.PathKey(out)
		switch {
		case inputs[key]:
			plans[i].refused = fmt.Errorf("%s：检查结果应写到 %s，但那是本次要检查的台账之一，没有覆盖它；请用 --out-dir 把检查结果写到别的文件夹", shown(in.path), shown(out))
		case claimed[key] != "":
			plans[i].refused = fmt.Errorf("%s：检查结果应写到 %s，但这个文件名已用于 %s 的检查结果，没有写出；请把其中一个台账改名，或分开检查", shown(in.path), shown(out), shown(claimed[key]))
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

// ensureWritableDir makes the folder -o or --out-dir names and tries writing in it,
// so that a run that could write nothing fails at once with one clear line rather
// than once per file.
func ensureWritableDir(files *outfile.Files, dir string) error {
	if dir == "" {
		dir = "."
	}
	fail := func(err error) error {
		return &failure{code: exitUnreadable, msg: fmt.Sprintf("无法写入输出文件夹 %s：%s；没有检查任何台账，请换一个可以写入的文件夹", shown(dir), outfile.Reason(err))}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	if err := files.Probe(dir); err != nil {
		return fail(err)
	}
	return nil
}
