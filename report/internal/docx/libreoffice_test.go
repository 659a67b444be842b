package docx

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
)

var keep = flag.String("docx.keep", "", "also write the sample 通报 (.docx, .pdf, page PNGs) into this folder, to look at")

// LibreOffice opens the sample 通报 and prints it as we laid it out: A4 portrait
// pages, each attachment on a new page with its table's header on each of its
// pages, every page numbered "— n —" on its outer side, 28 characters a line.
func TestSampleInLibreOffice(t *testing.T) {
	pdffonts := docxtest.NeedTool(t, "pdffonts", "poppler-utils")
	var buf bytes.Buffer
	if err := sampleNotice().Write(&buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf, pages := docxtest.Print(t, buf.Bytes(), dir, "sample")
	if *keep != "" {
		docxtest.Keep(t, *keep, pdf, filepath.Join(dir, "sample.docx"))
	}

	// Three body pages (the 附件说明 and the closing run onto the third), one for
	// the ranking in 小五, five for the 30 lagging projects under their repeated
	// header.
	const wantPages = 9
	if len(pages) != wantPages {
		t.Fatalf("%d pages, want %d", len(pages), wantPages)
	}
	first := map[string]int{}
	for i, p := range pages {
		first[p.FirstLine()] = i + 1
	}
	a1, a2 := first["附件1"], first["附件2"]
	if a1 == 0 || a2 == 0 || a2-a1 < 1 || len(pages)-a2 < 1 {
		t.Fatalf("attachments start on pages %d and %d of %d: the lagging list must span pages to test its header", a1, a2, len(pages))
	}
	docxtest.CheckPages(t, pages)

	// The header row on every page of its table, and every row somewhere.
	text := func(from, to int) string {
		var b strings.Builder
		for _, p := range pages[from-1 : to] {
			b.WriteString(p.Text)
		}
		return b.String()
	}
	for p := a1; p <= len(pages); p++ {
		want := []string{"排名", "亮灯", "完成率"}
		if p >= a2 {
			want = []string{"序号", "项目名称", "滞后情况", "存在问题"}
		}
		for _, w := range want {
			if !strings.Contains(pages[p-1].Text, w) {
				t.Errorf("page %d lacks the header %q", p, w)
			}
		}
	}
	ranking := text(a1, a2-1)
	for _, g := range sampleGroups {
		if !strings.Contains(ranking, g) {
			t.Errorf("ranking lost %s", g)
		}
	}
	if n := strings.Count(text(a2, len(pages)), "投资完成率"); n != 30 {
		t.Errorf("lagging list shows %d projects, want 30", n)
	}

	// The date's first digit two characters (31.5 pt) right of the sender's first
	// character.
	for i, p := range pages {
		issuerX := 0.0
		for _, w := range p.Words {
			switch {
			case strings.HasPrefix(w.Text, "县重点项目建设"):
				issuerX = w.X
			case w.Text == "2025" && issuerX > 0:
				if d := w.X - issuerX; d < 30 || d > 33 {
					t.Errorf("page %d: the date starts %.1f pt right of the sender, want 31.5", i+1, d)
				}
				issuerX = 0
			}
		}
	}

	// 28 characters to the line: the opening paragraph's first two lines (no
	// digits, which LibreOffice spaces out) hold 26 after the indent, then 28.
	lines := strings.Split(pages[0].Text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "为深入推进") {
			if n1, n2 := len([]rune(l)), len([]rune(lines[i+1])); n1 != 26 || n2 != 28 {
				t.Errorf("lines of %d and %d characters, want 26 and 28:\n%s\n%s", n1, n2, l, lines[i+1])
			}
			break
		}
	}

	// The styles' faces reach the page: 仿宋 body in the serif, 黑体 headings in the sans.
	fonts := docxtest.Run(t, pdffonts, pdf)
	for _, face := range []string{"NotoSerifCJK", "NotoSansCJK"} {
		if !strings.Contains(fonts, face) {
			t.Errorf("no %s in the PDF:\n%s", face, fonts)
		}
	}
}

// On a machine with none of the document's fonts, LibreOffice draws digits in
// DejaVu Sans, a third wider than 仿宋's; Word and WPS on Windows put other faces in
// for a missing 仿宋_GB2312. Every number of the sample's tables still stands whole
// on one line of its cell, in the mapped faces and in the fallbacks alike.
func TestSampleNumbersWholeInAnyFace(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleNotice().Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, faces := range []docxtest.Faces{docxtest.Mapped, docxtest.Default} {
		_, pages := docxtest.PrintIn(t, faces, buf.Bytes(), t.TempDir(), "sample")
		for _, tb := range []Table{sampleRanking(), sampleLagging()} {
			for _, r := range tb.Rows {
				for _, v := range r {
					if !isNumber(v) {
						continue
					}
					found := false
					for _, p := range pages {
						found = found || p.HasWord(v)
					}
					if !found {
						t.Errorf("faces %d: %q is not one word on any page: broken over two lines", faces, v)
					}
				}
			}
		}
	}
}

// isNumber: digits with a sign, a point or a percent sign ("41080.00", "+7.1", "100.0%").
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-.%", r):
		default:
			return false
		}
	}
	return digits > 0
}
