package xmltag

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

// FuzzScanner: whatever the bytes, the scanner never panics, holds no more than its
// limits, and a part it reads to the end passes through a rewriter unchanged.
//
//	go test ./internal/xmltag -run '^$' -fuzz FuzzScanner -fuzztime 60s
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><x:ws xmlns:x="m"><c r="A1" t="s"><v>1 &amp; 2</v></c></x:ws>`,
		`<!-- a > b --><t><![CDATA[<raw>]]></t><dv prompt='a>b'/>`,
		`<c r="A1`, `<![CDATA[ never closed`, `<!-- never closed`, `text only`,
	} {
		f.Add([]byte(s), uint8(16))
	}
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		sc := NewScanner(bytes.NewReader(in), int(size)+16)
		for {
			err := sc.Next(w, true)
			if len(sc.Tag()) > maxTag+2 || len(sc.Text()) > maxText {
				t.Fatalf("holds a tag of %d bytes, text of %d", len(sc.Tag()), len(sc.Text()))
			}
			if err == io.EOF {
				w.Flush()
				if !bytes.Equal(out.Bytes(), in) {
					t.Fatalf("passed through as %q", out.Bytes())
				}
				return
			}
			if err != nil {
				return // a tag cut off: the caller reports the part damaged
			}
			if !sc.Long() {
				w.Write(sc.Tag())
			}
			sc.Name()
			sc.Attr("r")
		}
	})
}
