package xlsxpatch

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"gongjian/internal/ooxml"
)

// Level is how a marked cell is filled.
type Level uint8

const (
	LevelError   Level = iota // red
	LevelWarning              // yellow
)

// Mark is one cell to fill and comment on. It is small (16 bytes) and holds no text,
// for a ledger may have hundreds of thousands of them: the comment's text is asked of
// Patch.Note only as it is written.
type Mark struct {
	Row   int32 // 1-based
	Col   int32 // 0-based
	Level Level
	// Note is the comment text to add to the cell, as 1 + the index Patch.Note is
	// called with; 0 adds none.
	Note int32
}

// Patch says what to change in a workbook.
type Patch struct {
	Sheet string // the sheet whose cells are marked
	// Marks are the cells to mark. Apply sorts them by cell, keeping the order of the
	// marks of one cell, whose notes its comment gives in that order.
	Marks []Mark
	// Note appends to b the text of a mark's comment (lines added to the cell's
	// comment), for its Note - 1; called as the comments are written, so that no
	// text is held.
	Note   func(b []byte, i int) []byte
	Author string // the comments' author, and how the tool recognises its own comments
	// Marker starts every line the tool writes into a comment, so that checking the
	// annotated copy again can take the tool's lines out and keep the clerk's.
	Marker string
	// Sheets are appended at the end. They replace the sheets an earlier run appended,
	// recognised by SheetMark, not by their name: a sheet of the same name that is not
	// marked is the clerk's, it is kept, and the new sheet takes a free name
	// ("检查结果2").
	Sheets []Sheet
	// SheetMark is a hidden defined name scoped to each appended sheet. Excel and WPS
	// keep defined names, with their scope, through a save, a move or a rename of the
	// sheet, so the mark stays with the sheet it was put on.
	SheetMark string
	// ErrorFill and WarningFill are ARGB colours ("FFFFB3B3"). Cells that carry either
	// fill from an earlier run and are not marked now lose it.
	ErrorFill, WarningFill string
}

// Apply writes the patched copy of the workbook in src (of size bytes) to w. A part
// of src that is missing or cannot be read gives a *PartError.
//
// The package is read by internal/ooxml under its limits (no limit on its unpacked
// total: the reader has applied the user's): a workbook it finds damaged (an entry
// named "../x" or twice) is refused with a *PartError wrapping ooxml.ErrCorrupt or
// ooxml.ErrTooLarge, rather than copied on.
func Apply(src io.ReaderAt, size int64, w io.Writer, p *Patch) error {
	op, err := ooxml.Open(src, size, 0)
	var pe *PartError
	if err != nil && !errors.As(err, &pe) {
		return &PartError{Part: "zip", Err: err}
	}
	if err != nil {
		return err
	}
	pkg, err := openPackage(op)
	if err != nil {
		return err
	}
	plan, err := pkg.plan(p)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	// Rewritten parts are compressed for speed: the ledger sheet of 100,000 rows is
	// 90 MB of XML, and the default level spends seconds saving a few percent.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, f := range op.Entries() {
		name := f.Name
		if plan.drop[name] || plan.last[name] {
			continue
		}
		if write, ok := plan.replace[name]; ok {
			if err := writePart(zw, name, f.Modified, write); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			delete(plan.replace, name)
			continue
		}
		if err := copyRaw(zw, f); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	// New parts, in a stable order.
	names := make([]string, 0, len(plan.replace))
	for name := range plan.replace {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := writePart(zw, name, pkg.modified, plan.replace[name]); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return zw.Close()
}

// copyRaw copies an entry without decompressing it.
func copyRaw(zw *zip.Writer, f *zip.File) error {
	raw, err := f.OpenRaw()
	if err != nil {
		return &PartError{Part: f.Name, Err: err}
	}
	r := partReader{raw, f.Name}
	fh := f.FileHeader
	out, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, r)
	return err
}

// writePart writes a new or rewritten part; its time is the workbook's own, so the
// same input gives the same bytes.
func writePart(zw *zip.Writer, name string, mod time.Time, write func(io.Writer) error) error {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod}
	out, err := zw.CreateHeader(fh)
	if err != nil {
		return err
	}
	return write(out)
}

// relative returns target as a path relative to the folder of from.
func relative(from, target string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(fromDir) && i < len(to)-1 && fromDir[i] == to[i] {
		i++
	}
	var b strings.Builder
	for j := i; j < len(fromDir); j++ {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(to[i:], "/"))
	return b.String()
}

// PartError is a part of the input workbook that is missing or cannot be read: the
// copy cannot be made from it, whatever the folder it goes to. It is internal/ooxml's,
// which reads the package.
type PartError = ooxml.PartError

// partReader reads a part of the input, telling its read errors apart from the
// errors of writing the copy.
type partReader struct {
	r    io.Reader
	name string
}

func (p partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err != nil && err != io.EOF {
		err = &PartError{Part: p.name, Err: err}
	}
	return n, err
}
