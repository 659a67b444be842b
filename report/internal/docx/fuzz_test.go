package docx

import (
	"bytes"
	"strings"
	"testing"
)

// Whatever text a paragraph or cell holds, the document is written and reads
// back as the cleaned text.
func FuzzWriteText(f *testing.F) {
	for _, s := range []string{"", "截至5月底，全县纳入调度项目177个", "A&B<c>\"'", "\x00\x1b\r\n\t", "\xff\xfe", "\uFFFE\U0010FFFF", "]]>", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &Document{}
		d.Add(Paragraph{Text: s}, Table{Header: []string{s}, Rows: [][]string{{s}}})
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			t.Fatal(err)
		}
		parts, err := ExtractText(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		want := clean(s, maxText)
		if strings.TrimSpace(want) != "" {
			if len(parts) != 2 || parts[0].Paragraph != want {
				t.Fatalf("paragraph %q read back as %q", s, parts)
			}
			parts = parts[1:]
		}
		if got := parts[0].Table[1][0]; got != clean(s, maxCell) {
			t.Fatalf("cell %q read back as %q", s, got)
		}
	})
}

// ExtractText never panics on a body Word would not write, and reads at most
// what it was given.
func FuzzExtractText(f *testing.F) {
	f.Add(`<w:p><w:r><w:t>甲</w:t></w:r></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`)
	f.Add(`</w:tc></w:tr></w:tbl></w:p><w:p><w:p>`)
	f.Add(`<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>x</w:t>`)
	f.Fuzz(func(t *testing.T, body string) {
		data := zipOf(t, map[string]string{"word/document.xml": strings.Replace(wordDoc, "%s", body, 1)})
		parts, err := ExtractText(bytes.NewReader(data), int64(len(data)))
		if err == nil && len(parts) > len(body) {
			t.Fatalf("%d parts from %d bytes", len(parts), len(body))
		}
	})
}
