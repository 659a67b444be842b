package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
)

// The layout tests read the written package back with archive/zip and
// encoding/xml, as another program would, rather than looking at the strings
// the writer built.

// node is an element of a part, namespaces dropped (WordprocessingML has one).
type node struct {
	name     string
	attr     map[string]string
	children []*node
	text     string
}

func (n *node) all(name string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.children {
			if c.name == name {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) first(name string) *node {
	if all := n.all(name); len(all) > 0 {
		return all[0]
	}
	return nil
}

// child is the direct child named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// path follows direct children: n.path("pPr", "spacing").
func (n *node) path(names ...string) *node {
	m := n
	for _, name := range names {
		if m == nil {
			return nil
		}
		m = m.child(name)
	}
	return m
}

// val is the attribute of the element at path, "" when either is missing.
func (n *node) val(attr string, names ...string) string {
	m := n.path(names...)
	if m == nil {
		return ""
	}
	return m.attr[attr]
}

func parseXML(t *testing.T, data []byte) *node {
	t.Helper()
	root := &node{}
	stack := []*node{root}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			n := &node{name: v.Name.Local, attr: map[string]string{}}
			for _, a := range v.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(v)
		}
	}
	if len(root.children) != 1 {
		t.Fatalf("%d root elements", len(root.children))
	}
	return root.children[0]
}

// written is a document as bytes, with its parts at hand.
type written struct {
	data  []byte
	parts map[string][]byte
	names []string // in zip order
}

func write(t *testing.T, d *Document) *written {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	w := &written{data: buf.Bytes()}
	w.names, w.parts = docxtest.Parts(t, buf.Bytes())
	return w
}

func (w *written) xml(t *testing.T, part string) *node {
	t.Helper()
	b, ok := w.parts[part]
	if !ok {
		t.Fatalf("no part %s (have %v)", part, w.names)
	}
	return parseXML(t, b)
}

// style is the paragraph style with the given id in styles.xml.
func (w *written) style(t *testing.T, id string) *node {
	t.Helper()
	for _, s := range w.xml(t, "word/styles.xml").all("style") {
		if s.attr["styleId"] == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

// paraText is the text of a paragraph's w:t elements.
func paraText(p *node) string {
	var b strings.Builder
	for _, t := range p.all("t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// bodyParagraphs are the paragraphs directly in the body, in order.
func bodyParagraphs(t *testing.T, w *written) []*node {
	var out []*node
	for _, c := range w.xml(t, "word/document.xml").child("body").children {
		if c.name == "p" {
			out = append(out, c)
		}
	}
	return out
}
