package outfile

import (
	"os"
	"path/filepath"
	"time"
)

// StaleAge is how old a temporary file must be for a later run to remove it. A run
// writes its temporary file from start to rename without pausing (even a 100,000-row
// copy takes seconds), so one untouched for this long belongs to no live run: it was
// left by a run killed outright (SIGKILL, a power cut), which could not remove it.
const StaleAge = 10 * time.Minute

// RemoveStale removes the tool's temporary files and folders older than StaleAge
// from the folders a run writes into, and calls removed with each one's path.
func RemoveStale(dirs []string, now time.Time, removed func(path string)) {
	done := map[string]bool{}
	for _, dir := range dirs {
		if dir == "" {
			dir = "."
		}
		if done[PathKey(dir)] {
			continue
		}
		done[PathKey(dir)] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !IsTemporary(e.Name()) || !e.Type().IsRegular() && !e.IsDir() {
				continue
			}
			info, err := e.Info()
			if err != nil || now.Sub(info.ModTime()) < StaleAge {
				continue
			}
			path := filepath.Join(dir, e.Name())
			if os.RemoveAll(path) == nil {
				removed(path)
			}
		}
	}
}
