package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gongjian/internal/outfile"
	"gongjian/ledger"
	"gongjian/report/annotate"
)

// input is one file of a run: named on the command line, or found in a folder that
// was.
type input struct {
	path string // as the user gave it, or the folder given joined with the path below it
	root string // the folder argument it was found in; "" when named directly
	err  error  // known before reading: a folder with no ledgers, or one that could not be listed
}

// expandInputs turns the paths of a command line into the files to check, in a
// stable order: the arguments in order, each folder's files in walk order (by name,
// depth first). A file named directly is always checked, whatever it is: a lock file
// gets the lock-file error, an annotated copy is checked like any ledger. A folder is
// walked for ledger files (ledger.IsLedgerName: the old formats included, so each
// gets its "save as .xlsx" line rather than being passed over), skipping Excel's "~$"
// lock files, the tool's own annotated copies and temporary files, and hidden files
// and folders. A folder with no ledger file is one error naming it. A file reached
// twice (named, and inside a folder named too) is checked once, where first reached.
// folders reports whether any argument was a folder.
func expandInputs(args []string) (ins []input, folders bool) {
	seen := map[string]bool{}
	add := func(in input) {
		key := in.path
		if abs, err := filepath.Abs(in.path); err == nil {
			key = abs
		}
		if in.err == nil && seen[key] {
			return
		}
		seen[key] = true
		ins = append(ins, in)
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			// Read says what is wrong with it: not found, no permission, not a ledger.
			add(input{path: arg})
			continue
		}
		folders = true
		for _, in := range walkFolder(arg) {
			add(in)
		}
	}
	return ins, folders
}

// skipped counts what a folder walk passed over, for the message of a folder with no
// ledgers.
type skipped struct {
	lock, annotated, temporary, hidden, other int
}

func (s skipped) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{
		{s.lock, "锁定文件（~$）"}, {s.annotated, "检查结果文件"}, {s.temporary, "临时文件"},
		{s.hidden, "隐藏文件"}, {s.other, "其他文件"},
	} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d 个%s", p.n, p.what))
		}
	}
	return strings.Join(parts, "、")
}

// walkFolder lists the ledger files under root. A subfolder that cannot be listed is
// an input carrying its error, and the walk goes on.
func walkFolder(root string) []input {
	var (
		found []input
		skip  skipped
		files int
	)
	// With a trailing separator a root that is a link to a folder is walked too
	// (WalkDir follows no links, the root's own included); links below it are not
	// followed, so a link cycle cannot trap the walk.
	start := root
	if !strings.HasSuffix(start, string(filepath.Separator)) && !strings.HasSuffix(start, "/") &&
		filepath.VolumeName(start) != start { // "D:" is D's current folder, "D:\" its root
		start += string(filepath.Separator)
	}
	filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if path == start {
			path = root
		}
		if err != nil {
			found = append(found, input{path: path, root: root, err: ledger.FolderError(path, err)})
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path == root {
			return nil
		}
		if d.IsDir() {
			if isHidden(path, d) {
				return fs.SkipDir
			}
			return nil
		}
		// Lock and temporary files are told by name before the hidden ones: Excel
		// hides its lock files on Windows.
		name := d.Name()
		switch {
		case ledger.IsLockFile(name):
			skip.lock++
		case outfile.IsTemporary(name):
			skip.temporary++
		case isHidden(path, d):
			skip.hidden++
		case !ledger.IsLedgerName(name):
			skip.other++
		case annotate.IsAnnotated(name):
			skip.annotated++
		case d.Type()&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0:
			skip.other++ // opening a pipe named 台账.csv would wait forever
		default:
			files++
			found = append(found, input{path: path, root: root})
		}
		return nil
	})
	if files == 0 && len(found) == 0 {
		found = append(found, input{path: root, err: ledger.NoLedgersError(root, skip.String())})
	}
	return found
}
