package xlsxpatch

import (
	"bytes"
	"strconv"
	"strings"

	"gongjian/internal/xmltag"
)

// attr returns the raw value of an attribute in an element's text ("" if absent).
// Attribute names match exactly, so "s" does not match "spans".
func attr(elem, name string) string {
	v, _, _ := findAttr([]byte(elem), name)
	return string(v)
}

// findAttr locates name="value" in a tag; start and end bound the whole attribute
// (with its leading space) so it can be replaced or removed.
func findAttr(tag []byte, name string) (value []byte, start, end int) {
	i := 0
	for {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return nil, -1, -1
		}
		j += i
		k := j + len(name)
		i = k
		if j == 0 || !xmltag.IsSpace(tag[j-1]) {
			continue
		}
		for k < len(tag) && xmltag.IsSpace(tag[k]) {
			k++
		}
		if k >= len(tag) || tag[k] != '=' {
			continue
		}
		k++
		for k < len(tag) && xmltag.IsSpace(tag[k]) {
			k++
		}
		if k >= len(tag) || tag[k] != '"' && tag[k] != '\'' {
			continue
		}
		q := tag[k]
		e := bytes.IndexByte(tag[k+1:], q)
		if e < 0 {
			return nil, -1, -1
		}
		return tag[k+1 : k+1+e], j - 1, k + 1 + e + 1
	}
}

// setAttr sets an attribute in a start tag or empty-element tag, replacing its value
// or adding it before the tag's end.
func setAttr(tag []byte, name, value string) []byte {
	_, s, e := findAttr(tag, name)
	repl := " " + name + `="` + value + `"`
	if s >= 0 {
		out := make([]byte, 0, len(tag)+len(repl))
		out = append(out, tag[:s]...)
		out = append(out, repl...)
		return append(out, tag[e:]...)
	}
	end := len(tag) - 1 // the '>'
	if end > 0 && tag[end-1] == '/' {
		end--
	}
	out := make([]byte, 0, len(tag)+len(repl))
	out = append(out, tag[:end]...)
	out = append(out, repl...)
	return append(out, tag[end:]...)
}

// removeAttr drops an attribute from a tag.
func removeAttr(tag []byte, name string) []byte {
	_, s, e := findAttr(tag, name)
	if s < 0 {
		return tag
	}
	out := make([]byte, 0, len(tag))
	out = append(out, tag[:s]...)
	return append(out, tag[e:]...)
}

func atoiAttr(tag []byte, name string) (int, bool) {
	v, _, _ := findAttr(tag, name)
	if v == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	return n, err == nil
}
