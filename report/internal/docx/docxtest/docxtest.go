// Package docxtest prints a written .docx (or a workbook) with LibreOffice, as CI
// does, and reads the PDF back page by page, for the tests of the documents the tool
// writes: the docx package's sample, the report's 通报 and its workbook. It needs soffice and poppler-utils;
// without them a test is skipped, except under CI, which must have them.
package docxtest

import (
	_ "embed"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fontsConf stands the free faces in for the ones an official document names: a
// Linux machine has none of them, and LibreOffice ignores the font table's
// alternative names, so left alone it would draw every style in one CJK sans.
//
//go:embed fonts.conf
var fontsConf []byte

// NeedTool finds a program the test runs; CI must have it, elsewhere the test is
// skipped without it.
func NeedTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must install %s", pkg)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// Run runs a program and returns what it printed; failing, it fails the test.
func Run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// Page is one printed page: its size in points, its text as pdftotext lays it out,
// and its words with where they start.
type Page struct {
	Width, Height float64
	Text          string
	Words         []Word
}

// Word is a word of a page and the top left of its box, in points from the page's
// top left.
type Word struct {
	X, Y float64
	Text string
}

// plainConf is the system's own fontconfig and nothing more: a machine with only
// its default CJK face, where every face the document names is missing.
const plainConf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>
`

// Faces says which faces LibreOffice draws the document in.
type Faces int

const (
	// Mapped stands the nearest free faces in for the ones the document names
	// (fonts.conf): serif for 仿宋 and 宋体, sans for 黑体.
	Mapped Faces = iota
	// Default leaves LibreOffice to its fallbacks, as on a machine with none of the
	// document's fonts: the default CJK sans for Chinese, DejaVu Sans, whose digits
	// are wider than 仿宋's, for digits and Latin letters.
	Default
)

// Print writes data as name.docx into dir, converts it to PDF with LibreOffice in
// the Mapped faces and reads the pages back. The test is skipped in -short mode: a
// conversion takes seconds.
func Print(t *testing.T, data []byte, dir, name string) (pdf string, pages []Page) {
	t.Helper()
	return PrintIn(t, Mapped, data, dir, name)
}

// PrintIn is Print in the given faces.
func PrintIn(t *testing.T, faces Faces, data []byte, dir, name string) (pdf string, pages []Page) {
	t.Helper()
	soffice := NeedTool(t, "soffice", "libreoffice-writer")
	NeedTool(t, "pdftotext", "poppler-utils")
	if testing.Short() {
		t.Skip("slow")
	}
	docx := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(docx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return convert(t, soffice, faces, docx, dir)
}

// PrintFile converts a document or workbook already written (an .xlsx the tool
// wrote) to PDF in dir with LibreOffice, in the given faces, and reads the pages back.
func PrintFile(t *testing.T, faces Faces, path, dir string) (pdf string, pages []Page) {
	t.Helper()
	soffice := NeedTool(t, "soffice", "libreoffice-calc")
	NeedTool(t, "pdftotext", "poppler-utils")
	if testing.Short() {
		t.Skip("slow")
	}
	return convert(t, soffice, faces, path, dir)
}

func convert(t *testing.T, soffice string, faces Faces, path, dir string) (pdf string, pages []Page) {
	t.Helper()
	conf := filepath.Join(dir, "fonts.conf")
	confData := fontsConf
	if faces == Default {
		confData = []byte(plainConf)
	}
	if err := os.WriteFile(conf, confData, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+dir+"/profile",
		"--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	pdf = filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	return pdf, readPages(t, pdf)
}

var (
	pageRe = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>`)
)

func readPages(t *testing.T, pdf string) []Page {
	t.Helper()
	var pages []Page
	for _, pm := range pageRe.FindAllStringSubmatch(Run(t, "pdftotext", "-bbox", pdf, "-"), -1) {
		p := Page{Width: number(pm[1]), Height: number(pm[2])}
		for _, wm := range wordRe.FindAllStringSubmatch(pm[3], -1) {
			p.Words = append(p.Words, Word{X: number(wm[1]), Y: number(wm[2]), Text: unescape(wm[3])})
		}
		pages = append(pages, p)
	}
	for i := range pages {
		n := strconv.Itoa(i + 1)
		pages[i].Text = Run(t, "pdftotext", "-f", n, "-l", n, pdf, "-")
	}
	return pages
}

func number(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace

// HasWord reports whether the page shows w as one word: a number broken over two
// lines of its cell shows as two.
func (p Page) HasWord(w string) bool {
	for _, x := range p.Words {
		if x.Text == w {
			return true
		}
	}
	return false
}

// FirstLine is the page's first line of text, spaces dropped (LibreOffice spaces
// digits from Chinese: "附件 1").
func (p Page) FirstLine() string {
	line, _, _ := strings.Cut(strings.TrimSpace(p.Text), "\n")
	return strings.ReplaceAll(line, " ", "")
}

// CheckPages fails the test unless every page is A4 portrait and numbered "— n —"
// below the 版心, on the right of odd pages and the left of even ones.
func CheckPages(t *testing.T, pages []Page) {
	t.Helper()
	for i, p := range pages {
		n := i + 1
		if math.Abs(p.Width-595.3) > 1 || math.Abs(p.Height-841.9) > 1 {
			t.Errorf("page %d is %.1f × %.1f pt, want A4 portrait", n, p.Width, p.Height)
		}
		var foot []string
		numberX := 0.0
		for _, w := range p.Words {
			if w.Y > p.Height*262/297 { // below the 版心
				foot = append(foot, w.Text)
				if w.Text == strconv.Itoa(n) {
					numberX = w.X
				}
			}
		}
		if got := strings.Join(foot, " "); got != "— "+strconv.Itoa(n)+" —" {
			t.Errorf("page %d footer %q", n, got)
			continue
		}
		if odd := n%2 == 1; odd != (numberX > p.Width/2) {
			t.Errorf("page %d: number at x=%.0f of %.0f, want the outer side", n, numberX, p.Width)
		}
	}
}

// Keep copies the files into dir and the PDF's pages as PNG, to look at.
func Keep(t *testing.T, dir, pdf string, files ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, src := range append(files, pdf) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if pdftoppm, err := exec.LookPath("pdftoppm"); err == nil {
		prefix := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		Run(t, pdftoppm, "-png", "-r", "60", pdf, filepath.Join(dir, prefix))
	}
}
