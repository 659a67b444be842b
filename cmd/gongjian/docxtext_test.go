package main

import (
	"archive/zip"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// The text of a .docx body, a paragraph a line and a table row a line (its cells
// parted by tabs), for the scripts' stdout patterns; a line break within a
// paragraph (a title's, a header cell's) joins its two lines.
var (
	docxBreakRe = regexp.MustCompile(`</w:p>|</w:tr>`)
	docxCellRe  = regexp.MustCompile(`</w:tc>`)
	docxTagRe   = regexp.MustCompile(`<[^>]*>`)
)

// docxtext FILE prints the text of a Word document's body.
func docxtext(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: docxtext FILE")
	}
	zr, err := zip.OpenReader(ts.MkAbs(args[0]))
	ts.Check(err)
	defer zr.Close()
	f, err := zr.Open("word/document.xml")
	ts.Check(err)
	defer f.Close()
	b, err := io.ReadAll(f)
	ts.Check(err)
	s := strings.ReplaceAll(string(b), "</w:p></w:tc>", "</w:tc>") // a cell's one paragraph
	s = docxBreakRe.ReplaceAllString(s, "\n")
	s = docxCellRe.ReplaceAllString(s, "\t")
	s = html.UnescapeString(docxTagRe.ReplaceAllString(s, ""))
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintln(ts.Stdout(), line)
		}
	}
}
