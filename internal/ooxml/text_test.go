package ooxml

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"a_x000D_b": "a\rb", "_x005F_": "_", "plain": "plain", "_x00": "_x00", "_xZZZZ_": "_xZZZZ_",
	} {
		if got := DecodeEscapes(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// A cell's text is cut at Excel's 32,767 characters, however it was written: plain,
// with entities, with _xHHHH_ escapes, in Chinese; shorter text is left alone.
func TestCellTextCut(t *testing.T) {
	for _, tt := range []struct {
		name string
		raw  string
		want string // its first characters
		n    int    // characters kept
	}{
		{"short", "陵川县&amp;供水", "陵川县&供水", 6},
		{"exactly the limit", strings.Repeat("a", MaxCellChars), "aaa", MaxCellChars},
		{"ASCII past it", strings.Repeat("a", 1<<20), "aaa", MaxCellChars},
		{"Chinese past it", strings.Repeat("九", 40000), "九九九", MaxCellChars},
		{"entities", strings.Repeat("&#x4E5D;", 40000), "九九九", MaxCellChars},
		{"escapes", strings.Repeat("_x0041_", 40000), "AAA", MaxCellChars},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf []byte
			for raw := tt.raw; raw != ""; { // as the scanner hands it over, in pieces
				n := min(len(raw), 4096)
				for n < len(raw) && !utf8.RuneStart(raw[n]) || n < len(raw) && strings.LastIndexByte(raw[:n], '&') > strings.LastIndexByte(raw[:n], ';') {
					n++
				}
				buf = AppendText(buf, []byte(raw[:n]))
				raw = raw[n:]
			}
			got := CellText(buf)
			if n := utf8.RuneCountInString(got); n != tt.n || !strings.HasPrefix(got, tt.want) || !utf8.ValidString(got) {
				t.Errorf("%d characters (valid %v), starting %q; want %d starting %q", n, utf8.ValidString(got), got[:min(len(got), 12)], tt.n, tt.want)
			}
			if len(buf) > maxCellBytes {
				t.Errorf("gathered %d bytes, more than %d", len(buf), maxCellBytes)
			}
		})
	}
}

func TestEllipsis(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"陵川县供水", 5, "陵川县供水"},
		{"陵川县供水工程", 5, "陵川县供…"},
		{"abc", 2, "a…"},
	} {
		if got := Ellipsis(tt.in, tt.n); got != tt.want {
			t.Errorf("Ellipsis(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
