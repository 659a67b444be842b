package outfile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the hidden file that lists, in a folder, the SHA-256 of each file
// the tool wrote there with MarkManifest, one "digest  name" line each as sha256sum
// writes them (so `sha256sum -c .gongjian.sha256` tells which were changed).
const ManifestName = ".gongjian.sha256"

// readManifest returns the digests a folder's manifest lists, by file name.
func readManifest(dir string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if digest, name, ok := strings.Cut(sc.Text(), "  "); ok && len(digest) == 64 {
			out[name] = digest
		}
	}
	return out
}

// ownByManifest reports whether path is listed in its folder's manifest with the
// digest of its bytes now.
func ownByManifest(path string) bool {
	want, ok := readManifest(filepath.Dir(path))[filepath.Base(path)]
	if !ok {
		return false
	}
	got, err := fileDigest(path)
	return err == nil && got == want
}

// recordManifest sets a file's line in its folder's manifest, through a temporary
// file like any other output. Lines of files no longer there are dropped. fl.mu is held.
func (fl *Files) recordManifest(path, digest string) error {
	dir := filepath.Dir(path)
	entries := readManifest(dir)
	entries[filepath.Base(path)] = digest
	names := make([]string, 0, len(entries))
	for name := range entries {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	f, err := fl.createTempLocked(dir)
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		os.Remove(tmp)
		delete(fl.temps, tmp)
	}()
	w := bufio.NewWriter(f)
	for _, name := range names {
		fmt.Fprintf(w, "%s  %s\n", entries[name], name)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, ManifestName))
}
