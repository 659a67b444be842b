package docxtest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Parts reads a written package back with archive/zip, as another program would:
// its parts' names in the archive's order, and their bytes.
func Parts(t *testing.T, data []byte) (names []string, parts map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return names, parts
}
