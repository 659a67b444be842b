//go:build !windows

package main

import (
	"io/fs"
	"strings"
)

// isHidden reports whether a file or folder met in a walk is hidden: its name starts
// with a dot (".git", ".~lock.台账.xlsx#", the tool's own ".gongjian-*.tmp").
func isHidden(path string, d fs.DirEntry) bool {
	return strings.HasPrefix(d.Name(), ".")
}
