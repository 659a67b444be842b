package enumtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValues(t *testing.T) {
	dir := t.TempDir()
	src := `package p

type Color string

const (
	Red   Color = "red"
	Green Color = "green"
	other       = "untyped"
)

const Blue Color = "blue"

type Size int

const Small Size = 1
`
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// A test file's constants are not the package's values.
	if err := os.WriteFile(filepath.Join(dir, "p_test.go"), []byte("package p\n\nconst Pink Color = \"pink\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(Values(t, dir, "Color"), ","); got != "red,green,blue" {
		t.Errorf("values %s, want red,green,blue", got)
	}
	if got := strings.Join(Untyped(t, dir, "other"), ","); got != "other" {
		t.Errorf("untyped %s, want other", got)
	}
	if got := Untyped(t, dir, "Red"); len(got) != 0 {
		t.Errorf("untyped %v, want none (Red is a Color)", got)
	}
}
