package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"time"
)

// entry is one file in an archive, under the archive's folder.
type entry struct {
	Name string // "使用说明.txt"
	Mode fs.FileMode
	Data []byte
}

// writeZip writes the entries into dir/ in a zip. Every entry carries mtime and a Unix
// mode; names are UTF-8 and flagged so (archive/zip sets the flag for non-ASCII names),
// which Windows Explorer honours, so 使用说明.txt is not garbled.
func writeZip(w io.Writer, dir string, entries []entry, mtime time.Time) error {
	// The zip's old DOS time field has no zone and is read as local time: write it in
	// Beijing time (the extended timestamp beside it is absolute).
	mtime = mtime.In(beijing)
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	h := &zip.FileHeader{Name: dir + "/", Modified: mtime}
	h.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(h); err != nil {
		return err
	}
	for _, e := range entries {
		h := &zip.FileHeader{Name: dir + "/" + e.Name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(e.Mode)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTarGz writes the entries into dir/ in a gzip-compressed tar. Owner and group are
// 0 with no names, and the gzip header holds no name or time, so only the entries and
// mtime decide the bytes.
func writeTarGz(w io.Writer, dir string, entries []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: dir + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatPAX}); err != nil {
		return err
	}
	for _, e := range entries {
		h := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     dir + "/" + e.Name,
			Mode:     int64(e.Mode.Perm()),
			Size:     int64(len(e.Data)),
			ModTime:  mtime,
			Format:   tar.FormatPAX, // the Chinese names need PAX records
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}
