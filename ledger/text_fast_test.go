package ledger

import (
	"strings"
	"testing"
)

// slowNormalize is NormalizeName without its fast path.
func slowNormalize(s string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range s {
		r, keep := normalRune(r)
		if !keep || r == '-' && last == '-' {
			continue
		}
		last = r
		b.WriteRune(r)
	}
	return b.String()
}

// The fast path gives back exactly what the full fold gives.
func FuzzNormalizeFastPath(f *testing.F) {
	for _, s := range []string{"陵川县供水工程", "陵川县 供水（一期）", "abc", "ABC", "a--b", "a-b", "\xff", "【x】", "", "Ｗ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeName(s), slowNormalize(s); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", s, got, want)
		}
	})
}
