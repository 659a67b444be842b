package report

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Output files are written to a temporary file in the target folder and renamed
// into place: a crash or a full disk never leaves a half file under the real name.
// The temporary files of a run are remembered so that an interrupt (Ctrl-C, a kill
// from the scheduler) can remove them before the process exits.

const tempPrefix = ".gongjian-"

var temps struct {
	sync.Mutex
	files map[string]bool
}

// WriteAtomically writes path through a temporary file and a rename.
func WriteAtomically(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return &AnnotateError{Path: path, Err: err}
	}
	tmp := f.Name()
	track(tmp, true)
	defer track(tmp, false)
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return &AnnotateError{Path: path, Err: err}
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return &AnnotateError{Path: path, Err: err}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return &AnnotateError{Path: path, Err: err}
	}
	return nil
}

// CreateTemp creates a temporary file in dir that an interrupt removes too; remove
// deletes it and forgets it.
func CreateTemp(dir string) (f *os.File, remove func(), err error) {
	f, err = os.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return nil, nil, err
	}
	name := f.Name()
	track(name, true)
	return f, func() {
		os.Remove(name)
		track(name, false)
	}, nil
}

func track(name string, on bool) {
	temps.Lock()
	defer temps.Unlock()
	if temps.files == nil {
		temps.files = map[string]bool{}
	}
	if on {
		temps.files[name] = true
	} else {
		delete(temps.files, name)
	}
}

// RemoveTemporaryFiles deletes the temporary files of writes still in progress; the
// command calls it when it is interrupted.
func RemoveTemporaryFiles() {
	temps.Lock()
	defer temps.Unlock()
	for name := range temps.files {
		os.Remove(name)
	}
	temps.files = nil
}

// IsTemporary reports whether a file name is one of the tool's temporary files (left
// behind only by a kill that could not be caught).
func IsTemporary(path string) bool {
	base := filepath.Base(path)
	return strings.HasPrefix(base, tempPrefix) && strings.HasSuffix(base, ".tmp")
}
