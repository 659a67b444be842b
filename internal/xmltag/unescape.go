package xmltag

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// AppendUnescaped appends XML text with its entities decoded.
func AppendUnescaped(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			dst = append(dst, '&')
			b = b[1:]
			continue
		}
		ent := b[1:j]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ent) > 2 && (ent[1] == 'x' || ent[1] == 'X') && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			case len(ent) > 1 && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			default:
				err = ErrMalformed
			}
			if err != nil {
				dst = append(dst, b[:j+1]...)
			} else {
				dst = utf8.AppendRune(dst, rune(n))
			}
		}
		b = b[j+1:]
	}
}
