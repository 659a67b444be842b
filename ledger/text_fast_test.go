package ledger

import "testing"

// The fast path gives back exactly what the full fold gives.
func FuzzNormalizeFastPath(f *testing.F) {
	for _, s := range []string{"陵川县供水工程", "陵川县 供水（一期）", "abc", "ABC", "a--b", "a-b", "\xff", "【x】", "", "Ｗ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeName(s), foldAll(s, normalRune); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", s, got, want)
		}
	})
}

// The same for codes.
func FuzzNormalizeCodeFastPath(f *testing.F) {
	for _, s := range []string{"2501-140524-04-01-123456", "Ｘ－１", "x—1", " X-1 ", "X--1", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeCode(s), foldAll(s, codeRune); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", s, got, want)
		}
	})
}
