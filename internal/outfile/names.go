package outfile

import (
	"path/filepath"
	"strconv"
	"strings"
)

// nextName is the name a file takes when path is held by someone else's file: a
// number before the extension, one more than the one already there ("台账.检查结果.xlsx"
// → "台账.检查结果2.xlsx" → "台账.检查结果3.xlsx").
func nextName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	digits := len(stem) - len(strings.TrimRight(stem, "0123456789"))
	n := 2
	if digits > 0 && digits < 10 && len(stem)-digits > len(filepath.Dir(path)) {
		if v, err := strconv.Atoi(stem[len(stem)-digits:]); err == nil {
			n = v + 1
			stem = stem[:len(stem)-digits]
		}
	}
	return stem + strconv.Itoa(n) + ext
}
