package outfile

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"
)

// Mark says how a file the tool wrote is later recognised as its own and unchanged,
// which is the only kind of existing file it replaces without --force.
type Mark int

const (
	// MarkNone: never recognised; an existing file is replaced only with Force.
	MarkNone Mark = iota
	// MarkZip: an OOXML package (.xlsx, .xlsm, .docx). The zip comment holds a digest
	// of the package's entries (name, CRC-32 and size of each). Excel, WPS and
	// LibreOffice write a new archive without the comment when they save, and any
	// tool that changes an entry changes its CRC, so an edited copy is never "own".
	MarkZip
	// MarkManifest: any file (the report's CSV files). Its SHA-256 is listed in a
	// hidden manifest, ManifestName, in its folder; a file whose bytes no longer
	// match its line is not own.
	MarkManifest
	// MarkSame: a file the tool writes the same way every time (the default rules):
	// own when its bytes are exactly the new bytes, which replacing would not change.
	MarkSame
)

// zipMarkPrefix starts the zip comment of a package the tool wrote.
const zipMarkPrefix = "gongjian sha256:"

// eocdLen is the length of a zip's end-of-central-directory record without comment.
const eocdLen = 22

// sealZip writes the ownership mark into the zip comment of the complete package f:
// the end-of-central-directory record ends the file, so its comment length is set and
// the comment appended.
func sealZip(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	size := st.Size()
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return err
	}
	end := make([]byte, eocdLen)
	if _, err := f.ReadAt(end, size-eocdLen); err != nil {
		return err
	}
	if binary.LittleEndian.Uint32(end) != 0x06054b50 || binary.LittleEndian.Uint16(end[20:]) != 0 {
		return errors.New("outfile: the package does not end with a bare end-of-directory record")
	}
	comment := zipMarkPrefix + zipDigest(zr)
	tail := binary.LittleEndian.AppendUint16(nil, uint16(len(comment)))
	_, err = f.WriteAt(append(tail, comment...), size-2)
	return err
}

// zipDigest is the SHA-256 of every entry's name, CRC-32 and uncompressed size, in
// the order of the central directory.
func zipDigest(zr *zip.Reader) string {
	h := sha256.New()
	var buf [12]byte
	for _, f := range zr.File {
		io.WriteString(h, f.Name)
		h.Write([]byte{0})
		binary.LittleEndian.PutUint32(buf[:4], f.CRC32)
		binary.LittleEndian.PutUint64(buf[4:], f.UncompressedSize64)
		h.Write(buf[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ownZip reports whether path is a package the tool wrote and nobody changed since.
// Only the central directory is read.
func ownZip(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	digest, ok := strings.CutPrefix(zr.Comment, zipMarkPrefix)
	return ok && digest == zipDigest(&zr.Reader)
}

// sameBytes reports whether the files at a and b hold the same bytes.
func sameBytes(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA != nil || errB != nil || sa.Size() != sb.Size() || sa.Size() > 64<<20 {
		return false
	}
	da, errA := os.ReadFile(a)
	db, errB := os.ReadFile(b)
	return errA == nil && errB == nil && bytes.Equal(da, db)
}

// fileDigest is the SHA-256 of a file's bytes.
func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
