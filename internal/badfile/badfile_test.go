package badfile

import (
	"archive/zip"
	"bytes"
	"testing"
)

func TestPadded(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte("<Types/>"))
	zw.Close()
	out := Padded(buf.Bytes(), 1<<20)
	if len(out) > 16<<10 {
		t.Errorf("a 1 MB padding takes %d bytes packed", len(out))
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 || zr.File[1].Name != "xl/media/padding.bin" || zr.File[1].UncompressedSize64 != 1<<20 {
		t.Errorf("parts %v", zr.File)
	}
}

func TestCompoundFileSignature(t *testing.T) {
	b := CompoundFile("Workbook")
	if len(b) != 3*512 || !bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		t.Errorf("%d bytes, starting % x", len(b), b[:8])
	}
}
