package main

import (
	"io/fs"
	"strings"
	"syscall"
)

// isHidden reports whether a file or folder met in a walk is hidden: its name starts
// with a dot, or it has the hidden or system attribute (desktop.ini, "$RECYCLE.BIN"
// and "System Volume Information" at the root of a shared drive).
func isHidden(path string, d fs.DirEntry) bool {
	if strings.HasPrefix(d.Name(), ".") {
		return true
	}
	info, err := d.Info()
	if err != nil {
		return false
	}
	if a, ok := info.Sys().(*syscall.Win32FileAttributeData); ok {
		return a.FileAttributes&(syscall.FILE_ATTRIBUTE_HIDDEN|syscall.FILE_ATTRIBUTE_SYSTEM) != 0
	}
	return false
}
