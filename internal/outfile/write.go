package outfile

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Target is one file to write and the rules for putting it in place.
type Target struct {
	Path string
	Mark Mark
	// Numbered lets a file whose name the tool chose (台账.检查结果.xlsx) take the next
	// free name (台账.检查结果2.xlsx, 3, …) when Path holds a file that is not the tool's
	// own unchanged output. Without it, such a file is an *ExistsError: a path the user
	// named is never silently written elsewhere.
	Numbered bool
	// Force replaces whatever file is at Path.
	Force bool
	// Perm caps the file's permissions: a copy of a ledger gets at most the ledger's,
	// so it is never readable by more people. Zero leaves the umask's default. The
	// owner's write bit is always kept, so a later run can replace the file.
	Perm fs.FileMode
}

// Placed says where a file went.
type Placed struct {
	Path string // where it was written
	// Kept is the existing file at Target.Path that was left alone, when the file
	// took a next free name instead; "" otherwise.
	Kept string
}

// Write writes a file through a temporary file in its folder and puts it in place by
// the rules of t. write gets a buffered writer; when ctx is cancelled the writing
// stops at its next write, and the temporary file is removed. Errors: the cause of
// ctx, ErrAborted, an *ExistsError, a *WriteError for the folder, the disk or the
// name, or whatever write itself returned.
func (fl *Files) Write(ctx context.Context, t Target, write func(io.Writer) error) (Placed, error) {
	if ctx.Err() != nil {
		return Placed{}, context.Cause(ctx)
	}
	f, err := fl.createTemp(filepath.Dir(t.Path))
	if err != nil {
		return Placed{}, writeError(t.Path, err)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			fl.discard(tmp)
		}
	}()
	fw := &fileWriter{ctx: ctx, f: f}
	if t.Mark == MarkManifest {
		fw.h = sha256.New()
	}
	// One flush per megabyte: ctx is looked at that often.
	bw := bufio.NewWriterSize(fw, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	switch {
	case ctx.Err() != nil:
		return Placed{}, context.Cause(ctx)
	case fw.err != nil:
		return Placed{}, writeError(t.Path, fw.err)
	case err != nil:
		return Placed{}, err
	}
	if t.Mark == MarkZip {
		if err := sealZip(f); err != nil {
			return Placed{}, writeError(t.Path, err)
		}
	}
	if err := restrict(f, t.Perm); err != nil {
		return Placed{}, writeError(t.Path, err)
	}
	if err := f.Sync(); err != nil {
		return Placed{}, writeError(t.Path, err)
	}
	if err := f.Close(); err != nil {
		return Placed{}, writeError(t.Path, err)
	}
	digest := ""
	if fw.h != nil {
		digest = hex.EncodeToString(fw.h.Sum(nil))
	}
	p, err := fl.place(tmp, t, digest)
	if err != nil {
		return Placed{}, err
	}
	done = true
	return p, nil
}

// fileWriter writes to the temporary file until ctx is cancelled, keeping the first
// error of the file itself (a full disk) apart from the writer's own.
type fileWriter struct {
	ctx context.Context
	f   io.Writer
	h   hash.Hash // the bytes' digest, for MarkManifest
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.ctx.Err() != nil {
		return 0, context.Cause(w.ctx)
	}
	n, err := w.f.Write(p)
	if w.h != nil {
		w.h.Write(p[:n])
	}
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// restrict takes away the permission bits the limit does not have.
func restrict(f *os.File, limit fs.FileMode) error {
	if limit == 0 {
		return nil
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	cur := st.Mode().Perm()
	want := cur & (limit.Perm() | 0o200)
	if want == cur {
		return nil
	}
	return f.Chmod(want)
}

// errTaken is a name that turned out to exist when the file was about to take it.
var errTaken = errors.New("outfile: name taken")

// place puts the complete temporary file at t.Path, or at the next free name, or
// refuses; see Target. It holds the lock, so two files of one run never take the
// same name and an interrupt never finds a file half placed.
func (fl *Files) place(tmp string, t Target, digest string) (Placed, error) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	if fl.aborted {
		return Placed{}, ErrAborted
	}
	path := t.Path
	for tries := 0; tries < 1000; tries++ {
		key := PathKey(path)
		if !fl.claimed[key] {
			st, err := os.Lstat(path)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				err := placeNew(tmp, path)
				if err == errTaken {
					continue // created meanwhile: look at it again
				}
				if err != nil {
					return Placed{}, writeError(path, err)
				}
				return fl.placed(tmp, t, path, digest), nil
			case err != nil:
				return Placed{}, writeError(path, err)
			case st.IsDir():
				if !t.Numbered {
					return Placed{}, &WriteError{Path: path, Err: errIsFolder}
				}
			case t.Force || st.Mode().IsRegular() && own(path, t.Mark, tmp):
				if err := os.Rename(tmp, path); err != nil {
					return Placed{}, writeError(path, err)
				}
				return fl.placed(tmp, t, path, digest), nil
			}
		}
		if !t.Numbered {
			return Placed{}, &ExistsError{Path: path}
		}
		path = nextName(path)
	}
	return Placed{}, &ExistsError{Path: t.Path}
}

// placed records a file put in place.
func (fl *Files) placed(tmp string, t Target, path, digest string) Placed {
	delete(fl.temps, tmp)
	fl.claimed[PathKey(path)] = true
	if t.Mark == MarkManifest {
		// Failing to record only costs the file its ownership: it is then kept, not lost.
		_ = fl.recordManifest(path, digest)
	}
	p := Placed{Path: path}
	if path != t.Path {
		p.Kept = t.Path
	}
	return p
}

// placeNew gives the temporary file a name nobody holds. A hard link fails when the
// name was taken meanwhile, so nothing made in between is replaced; where links are
// not supported (some network shares), the name is looked at and the file renamed.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return errTaken
	}
	if _, err := os.Lstat(path); err == nil {
		return errTaken
	}
	return os.Rename(tmp, path)
}

// own reports whether the existing file at path is the tool's own unchanged output
// by the mark it was written with; tmp holds the new bytes (for MarkSame).
func own(path string, m Mark, tmp string) bool {
	switch m {
	case MarkZip:
		return ownZip(path)
	case MarkManifest:
		return ownByManifest(path)
	case MarkSame:
		return sameBytes(path, tmp)
	}
	return false
}

// Check tells before any work is done whether a file could be written at t.Path: nil
// when nothing is there, when it is the tool's own unchanged output, or with Force;
// an *ExistsError for any other file (MarkSame files included: their new bytes are not
// known yet); a *WriteError when the path is a folder. A Numbered target always can.
func Check(t Target) error {
	st, err := os.Lstat(t.Path)
	switch {
	case err != nil:
		return nil // Write says what is wrong with the folder, if anything
	case st.IsDir():
		return &WriteError{Path: t.Path, Err: errIsFolder}
	case t.Numbered || t.Force:
		return nil
	case st.Mode().IsRegular() && (t.Mark == MarkZip && ownZip(t.Path) || t.Mark == MarkManifest && ownByManifest(t.Path)):
		return nil
	}
	return &ExistsError{Path: t.Path}
}
