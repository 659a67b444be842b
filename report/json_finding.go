package report

import (
	"strconv"
	"unicode/utf8"

	"gongjian/rules"
)

// appendFindingJSON appends one finding as encoding/json writes its findingJSON
// (HTML left unescaped; indented with two spaces after prefix, or compact), without
// reflection or allocation: a ledger may have hundreds of thousands of findings, and
// encoding/json spent most of the JSON output's time on them. TestFindingJSON holds
// the two to the same bytes.
func appendFindingJSON(b []byte, f *rules.Finding, prefix string, indent bool) []byte {
	field := func(b []byte, first bool, key string) []byte {
		if !first {
			b = append(b, ',')
		}
		if indent {
			b = append(b, '\n')
			b = append(b, prefix...)
			b = append(b, "  "...)
		}
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, '"', ':')
		if indent {
			b = append(b, ' ')
		}
		return b
	}
	b = append(b, '{')
	b = appendJSONString(field(b, true, "rule"), string(f.Rule))
	b = appendJSONString(field(b, false, "rule_label"), f.Rule.Label())
	b = appendJSONString(field(b, false, "severity"), string(f.Severity))
	b = appendJSONString(field(b, false, "sheet"), f.Sheet)
	b = strconv.AppendInt(field(b, false, "row"), int64(f.Row), 10)
	b = appendJSONString(field(b, false, "column"), columnText(*f))
	b = appendJSONString(field(b, false, "cell"), f.Cell)
	b = appendJSONString(field(b, false, "field"), string(f.Field))
	b = appendJSONString(field(b, false, "value"), f.Value)
	b = appendJSONString(field(b, false, "message"), f.Message)
	b = appendJSONString(field(b, false, "project"), f.Project)
	b = appendJSONString(field(b, false, "group"), f.Group)
	if indent {
		b = append(b, '\n')
		b = append(b, prefix...)
	}
	return append(b, '}')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json escapes it
// with SetEscapeHTML(false): quotes, backslashes and control characters; invalid
// UTF-8 as \ufffd; U+2028 and U+2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
