package ledger

import (
	"context"
	"io"
	"io/fs"
)

// File is a ledger file opened once. Reading it and copying it (the annotated copy)
// go through the same open file, so the copy is made from the very bytes that were
// checked: a ledger replaced while the run goes on is neither read half old, half
// new, nor copied new with the old file's findings, and a file swapped in cannot
// escape the size limit checked when it was opened.
type File struct {
	path string
	s    *sniffed
	csv  *csvSource // a CSV, parsed when opened
}

// Open looks at the file and opens it for reading, or gives the *Error that says
// what is wrong with it. The caller must Close it.
func Open(path string, opts Options) (*File, error) {
	s, err := sniff(path)
	if err != nil {
		return nil, err
	}
	f := &File{path: path, s: s}
	if s.format == formatCSV {
		if f.csv, err = readCSV(io.NewSectionReader(s.f, 0, s.info.Size()), path); err != nil {
			s.f.Close()
			return nil, err
		}
	}
	return f, nil
}

// Perm is the file's permission bits when it was opened.
func (f *File) Perm() fs.FileMode { return f.s.info.Mode().Perm() }

// Workbook is the workbook's package as it was opened: the open file, at the size
// it had then; nil for a CSV.
func (f *File) Workbook() *io.SectionReader {
	if f.s.format != formatXLSX {
		return nil
	}
	return io.NewSectionReader(f.s.f, 0, f.s.info.Size())
}

// CSVRecords are a CSV's rows as read (encoding detected); nil for a workbook.
func (f *File) CSVRecords() [][]string {
	if f.csv == nil {
		return nil
	}
	return f.csv.records
}

// Read reads the ledger (see ReadContext). It stops, with the cause of ctx, soon
// after ctx is cancelled.
func (f *File) Read(ctx context.Context, opts Options) (*Ledger, error) {
	src, err := f.source(opts)
	if err != nil {
		return nil, err
	}
	return readSource(ctx, src, f.path, opts)
}

// source opens the Source that reads the file.
func (f *File) source(opts Options) (Source, error) {
	if f.csv != nil {
		return f.csv, nil
	}
	return openStream(f.Workbook(), f.path, opts.UnzipLimit)
}

// Unchanged gives an *Error when the open file's size or modification time is no
// longer what it was when opened: written over in place while the run went on, so the
// bytes a copy would be made from may not be those that were checked. A file renamed
// over the ledger does not count: the open file still holds the old bytes.
func (f *File) Unchanged() error {
	st, err := f.s.f.Stat()
	if err == nil && st.Size() == f.s.info.Size() && st.ModTime().Equal(f.s.info.ModTime()) {
		return nil
	}
	return fileError(ErrChanged, f.path, err, "文件在检查期间被改动了，没有用它生成检查结果；请等文件保存完毕后再检查一次。")
}

// Close closes the file.
func (f *File) Close() error { return f.s.f.Close() }

// ReadContext reads the ledger in the file at path: it picks the sheet whose header
// matches best (or opts.Sheet), finds the header, and reads every row below it. A
// file that cannot be read gives an *Error whose Message a clerk can act on. It
// stops, with the cause of ctx, soon after ctx is cancelled.
func ReadContext(ctx context.Context, path string, opts Options) (*Ledger, error) {
	f, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Read(ctx, opts)
}
