package ooxml

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gongjian/internal/xmltag"
)

const (
	// MaxRatio is how many times its compressed size a part may unpack to, once it
	// unpacks to more than RatioGrace. Real sheets compress 5 to 20 times (a cell
	// reference changes in every cell); a zip bomb reaches a thousand. Apache POI
	// refuses the same ratio by default.
	MaxRatio = 100
	// RatioGrace is the unpacked size below which a part's ratio is not looked at:
	// whatever it unpacks to, it costs little.
	RatioGrace = 4 << 20
	// maxSmallPart bounds a part read whole into memory (workbook, relationships,
	// styles, content types, comments); real ones are kilobytes.
	maxSmallPart = 256 << 20
)

// Package is an opened OOXML package.
type Package struct {
	zr     *zip.Reader
	closer io.Closer
	byName map[string]*zip.File // by lower-cased name: part names are case-insensitive
}

// OpenFile opens the package in the file at path; see Open.
func OpenFile(path string, limit int64) (*Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	p, err := Open(f, st.Size(), limit)
	if err != nil {
		f.Close()
		return nil, err
	}
	p.closer = f
	return p, nil
}

// Open reads the package's directory. The whole package may unpack to at most limit
// bytes (none when limit <= 0). An entry name that climbs out of the package ("..",
// a leading "/") or names an entry twice (in any case) makes it corrupt: Excel never
// writes one, and a copy must not carry one on.
func Open(r io.ReaderAt, size, limit int64) (*Package, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	p := &Package{zr: zr, byName: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		if !validName(f.Name) {
			return nil, corrupt(f.Name, "entry name outside the package")
		}
		key := strings.ToLower(f.Name)
		if _, dup := p.byName[key]; dup {
			return nil, corrupt(f.Name, "entry name appears twice")
		}
		p.byName[key] = f
		total += f.UncompressedSize64
	}
	if limit > 0 && total > uint64(limit) {
		return nil, &LimitError{Kind: LimitUnzip, Limit: limit}
	}
	return p, nil
}

// validName reports whether an entry name stays inside the package: no leading
// slash, no "." or ".." step, no empty step (a folder entry's trailing "/" aside).
func validName(name string) bool {
	if name == "" || name[0] == '/' || name[0] == '\\' {
		return false
	}
	name = strings.TrimSuffix(name, "/")
	for _, step := range strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' }) {
		if step == "." || step == ".." {
			return false
		}
	}
	return !strings.Contains(name, "//")
}

// Close closes the file OpenFile opened.
func (p *Package) Close() error {
	if p.closer == nil {
		return nil
	}
	return p.closer.Close()
}

// Entries are the package's zip entries in the order they are stored.
func (p *Package) Entries() []*zip.File { return p.zr.File }

// File returns the entry of a part, matched without regard to case, or nil.
func (p *Package) File(name string) *zip.File { return p.byName[strings.ToLower(name)] }

// Name is the part's entry name as stored (its case may differ from a relationship's
// target), or name itself when the package does not hold it.
func (p *Package) Name(name string) string {
	if f := p.File(name); f != nil {
		return f.Name
	}
	return name
}

// Has reports whether the package holds the part.
func (p *Package) Has(name string) bool { return p.File(name) != nil }

// ErrMissing is a part the package does not hold (in a *PartError naming it); it
// wraps ErrCorrupt, since every part looked for is one the package itself names (or
// one every workbook has).
var ErrMissing = fmt.Errorf("missing part: %w", ErrCorrupt)

// OpenPart opens a part for reading, refusing one that unpacks to more than MaxRatio
// times its compressed size (past RatioGrace).
func (p *Package) OpenPart(name string) (io.ReadCloser, error) {
	f := p.File(name)
	if f == nil {
		return nil, &PartError{Part: name, Err: ErrMissing}
	}
	if f.UncompressedSize64 > RatioGrace && f.UncompressedSize64 > MaxRatio*f.CompressedSize64 {
		return nil, &PartError{Part: f.Name, Err: &LimitError{Kind: LimitRatio, Part: f.Name, Limit: MaxRatio}}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &PartError{Part: f.Name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	return &partReader{rc: rc, name: f.Name}, nil
}

// partReader gives a read error of a part (a bad checksum, damaged deflate data) as
// ErrCorrupt.
type partReader struct {
	rc   io.ReadCloser
	name string
}

func (r *partReader) Read(b []byte) (int, error) {
	n, err := r.rc.Read(b)
	if err != nil && err != io.EOF {
		err = &PartError{Part: r.name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	return n, err
}

func (r *partReader) Close() error { return r.rc.Close() }

// ReadPart reads a small part whole.
func (p *Package) ReadPart(name string) ([]byte, error) {
	rc, err := p.OpenPart(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	if f := p.File(name); f.UncompressedSize64 > maxSmallPart {
		return nil, corrupt(name, "%d bytes, more than a part of its kind ever holds", f.UncompressedSize64)
	}
	return io.ReadAll(rc)
}

// Scan opens a part for scanning tag by tag, through a buffer no larger than the
// part needs (a workbook lists hundreds of small parts).
func (p *Package) Scan(name string) (*xmltag.Scanner, io.Closer, error) {
	rc, err := p.OpenPart(name)
	if err != nil {
		return nil, nil, err
	}
	size := int(min(p.File(name).UncompressedSize64+1, scanBuffer))
	return xmltag.NewScanner(rc, max(size, 4096)), rc, nil
}

// scanBuffer is the buffer a large part is scanned through: a 100,000-row sheet reads
// fastest through 1 MB, and a cell read in one step must fit in it.
const scanBuffer = 1 << 20

// element tracks the nesting of a part's elements while it is scanned, so that a part
// cut off between two tags (its root never closed) is told from a whole one.
type element struct {
	depth int
	root  bool // the root element was opened
}

// next reads the next tag: io.EOF at the end of a whole part, ErrCorrupt for a part
// cut off or malformed.
func (e *element) next(sc *xmltag.Scanner, w *bufio.Writer, keep bool, part string) error {
	err := sc.Next(w, keep)
	switch {
	case err == io.EOF:
		if !e.root || e.depth != 0 {
			return corrupt(part, "the part ends before its root element closes")
		}
		return io.EOF
	case errors.Is(err, xmltag.ErrMalformed):
		return corrupt(part, "a tag is not closed")
	case err != nil:
		return err
	}
	name, closing, empty := sc.Name()
	switch {
	case name == nil:
	case closing:
		e.depth--
	default:
		if e.depth == 0 {
			if e.root {
				return corrupt(part, "a second root element")
			}
			e.root = true
		}
		if !empty {
			e.depth++
		}
	}
	if e.depth < 0 {
		return corrupt(part, "an end tag without its start")
	}
	return nil
}
