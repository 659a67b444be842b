package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// ErrAborted is returned by a write that was stopped by Abort: its temporary file is
// gone and nothing was put in place.
var ErrAborted = errors.New("outfile: aborted")

// tempPrefix and tempSuffix frame the names of temporary files and folders, so a later
// run, a folder walk and a person can tell them apart from real files.
const (
	tempPrefix = ".gongjian-"
	tempSuffix = ".tmp"
)

// Files is the set of files one run of the command is writing. The zero value is not
// usable; call New. It is safe for use by several goroutines.
type Files struct {
	mu      sync.Mutex
	temps   map[string]bool // temporary files and folders that exist or are being created
	claimed map[string]bool // final paths written by this run (by PathKey)
	aborted bool
}

// New returns an empty registry.
func New() *Files {
	return &Files{temps: map[string]bool{}, claimed: map[string]bool{}}
}

// Abort removes every temporary file and folder still registered and makes every
// later attempt to create or place one fail with ErrAborted. It reports whether this
// call was the first, so that an interrupt is announced once.
func (fl *Files) Abort() bool {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	first := !fl.aborted
	fl.aborted = true
	for name := range fl.temps {
		os.RemoveAll(name)
		delete(fl.temps, name)
	}
	return first
}

// createTemp creates a new temporary file in dir. The name is registered before the
// file is created, under the same lock Abort takes, so an interrupt either finds the
// file and removes it or comes first and the file is never created.
func (fl *Files) createTemp(dir string) (*os.File, error) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.createTempLocked(dir)
}

// createTempLocked is createTemp with fl.mu held.
func (fl *Files) createTempLocked(dir string) (*os.File, error) {
	if fl.aborted {
		return nil, ErrAborted
	}
	for range 100 {
		name := filepath.Join(dir, tempName())
		fl.temps[name] = true
		// 0666 less the umask: the permissions a file made here gets by default.
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			return f, nil
		}
		delete(fl.temps, name)
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("outfile: no free temporary name in %s", dir)
}

// TempDir creates a registered temporary folder in dir, for a library that makes
// temporary files of its own (excelize's stream writer): they go inside it, in the
// output's folder, and an interrupt removes them with it. remove deletes it.
func (fl *Files) TempDir(dir string) (path string, remove func(), err error) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	if fl.aborted {
		return "", nil, ErrAborted
	}
	for range 100 {
		name := filepath.Join(dir, tempName())
		fl.temps[name] = true
		err := os.Mkdir(name, 0o700)
		if err == nil {
			return name, func() { fl.discard(name) }, nil
		}
		delete(fl.temps, name)
		if !errors.Is(err, fs.ErrExist) {
			return "", nil, err
		}
	}
	return "", nil, fmt.Errorf("outfile: no free temporary name in %s", dir)
}

// discard removes a temporary file or folder and forgets it.
func (fl *Files) discard(name string) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	os.RemoveAll(name)
	delete(fl.temps, name)
}

func tempName() string {
	return fmt.Sprintf("%s%016x%s", tempPrefix, rand.Uint64(), tempSuffix)
}

// IsTemporary reports whether a file name is one of the tool's temporary files or
// folders (left behind only by a kill that could not be caught).
func IsTemporary(path string) bool {
	base := filepath.Base(path)
	return strings.HasPrefix(base, tempPrefix) && strings.HasSuffix(base, tempSuffix)
}

// PathKey identifies a path for comparing: absolute, and folded where the file
// system ignores case (Windows, macOS).
func PathKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		p = strings.ToLower(p)
	}
	return p
}

// Probe tells whether files can be made in dir, by making a temporary one there and
// removing it.
func (fl *Files) Probe(dir string) error {
	f, err := fl.createTemp(dir)
	if err != nil {
		return err
	}
	f.Close()
	fl.discard(f.Name())
	return nil
}
