package ooxml

import (
	"testing"
)

// FuzzParts: whatever the bytes of a relationships or content types part, parsing
// never panics and every element's bounds lie inside the part (the annotated-copy
// writer cuts elements out by them).
//
//	go test ./internal/ooxml -run '^$' -fuzz FuzzParts -fuzztime 60s
func FuzzParts(f *testing.F) {
	f.Add([]byte(`<Relationships><Relationship Id="rId1" Type="t" Target="a.xml"/><Relationship Id="rId2" Target="../b.xml"></Relationship></Relationships>`))
	f.Add([]byte(`<Types><Default Extension="xml" ContentType="x"/><Override PartName="/a.xml" ContentType="y"></Override><Override PartName="/b"/></Types>`))
	f.Add([]byte(`<Types><Override PartName="/a"/></Override></Types>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		inside := func(start, end int64) bool { return 0 <= start && start <= end && end <= int64(len(in)) }
		if rels, err := ParseRels(in, "xl/workbook.xml"); err == nil {
			for _, r := range rels {
				if !inside(r.Start, r.End) || in[r.Start] != '<' || in[r.End-1] != '>' {
					t.Fatalf("relationship %+v outside the part", r)
				}
			}
		}
		if ct, err := ParseContentTypes(in); err == nil {
			for _, o := range ct.Overrides {
				if !inside(o.Start, o.End) || in[o.Start] != '<' || in[o.End-1] != '>' {
					t.Fatalf("override %+v outside the part", o)
				}
				ct.TypeOf(o.Part)
			}
		}
	})
}
