package docx

import (
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var keep = flag.String("docx.keep", "", "also write the sample 通报 (.docx, .pdf, page PNGs) into this folder, to look at")

// needTool finds a program the test runs; CI must have it, elsewhere the test
// is skipped without it.
func needTool(t *testing.T, name, pkg string) string {
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

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// LibreOffice opens the sample 通报 and prints it as we laid it out: A4 portrait
// pages, each attachment on a new page with its table's header on each of its
// pages, every page numbered "— n —" on its outer side, 28 characters a line.
func TestSampleInLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-writer")
	pdfinfo := needTool(t, "pdfinfo", "poppler-utils")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	pdffonts := needTool(t, "pdffonts", "poppler-utils")
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	docxPath := filepath.Join(dir, "sample.docx")
	f, err := os.Create(docxPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := sampleNotice().Write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	conf, err := filepath.Abs("testdata/fonts.conf")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+dir+"/profile",
		"--convert-to", "pdf", "--outdir", dir, docxPath)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	pdf := filepath.Join(dir, "sample.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if *keep != "" {
		keepSample(t, docxPath, pdf)
	}

	// Three body pages (the 附件说明 and the closing run onto the third), one for
	// the ranking in 五号, four for the 30 lagging projects under their repeated
	// header.
	const wantPages = 8
	pages, _ := strconv.Atoi(regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(runTool(t, pdfinfo, pdf))[1])
	if pages != wantPages {
		t.Fatalf("%d pages, want %d", pages, wantPages)
	}
	texts := make([]string, pages+1)
	for p := 1; p <= pages; p++ {
		texts[p] = runTool(t, pdftotext, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-")
	}
	first := map[string]int{}
	for p := 1; p <= pages; p++ {
		line := strings.SplitN(strings.TrimSpace(texts[p]), "\n", 2)[0]
		first[strings.ReplaceAll(line, " ", "")] = p // "附件 1": LibreOffice spaces digits from Chinese

	}
	a1, a2 := first["附件1"], first["附件2"]
	if a1 == 0 || a2 == 0 || a2-a1 < 1 || pages-a2 < 1 {
		t.Fatalf("attachments start on pages %d and %d of %d: the lagging list must span pages to test its header", a1, a2, pages)
	}

	// A4 portrait, page by page.
	sizes := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)`).FindAllStringSubmatch(
		runTool(t, pdfinfo, "-f", "1", "-l", strconv.Itoa(pages), pdf), -1)
	if len(sizes) != pages {
		t.Fatalf("pdfinfo gave %d page sizes", len(sizes))
	}
	for _, m := range sizes {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		if math.Abs(w-595.3) > 1 || math.Abs(h-841.9) > 1 {
			t.Errorf("page %s is %.1f × %.1f pt, want A4 portrait", m[1], w, h)
		}
	}

	// The header row on every page of its table, and every row somewhere.
	for p := a1; p <= pages; p++ {
		want := []string{"排名", "亮灯", "完成率"}
		if p >= a2 {
			want = []string{"序号", "项目名称", "滞后情况", "存在问题"}
		}
		for _, w := range want {
			if !strings.Contains(texts[p], w) {
				t.Errorf("page %d lacks the header %q", p, w)
			}
		}
	}
	ranking := strings.Join(texts[a1:a2], "")
	for _, g := range sampleGroups {
		if !strings.Contains(ranking, g) {
			t.Errorf("ranking lost %s", g)
		}
	}
	if n := strings.Count(strings.Join(texts[a2:], ""), "投资完成率"); n != 30 {
		t.Errorf("lagging list shows %d projects, want 30", n)
	}

	// "— n —" below the text, on the right of odd pages and the left of even ones.
	bbox := runTool(t, pdftotext, "-bbox", pdf, "-")
	pageRe := regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>`)
	for i, pm := range pageRe.FindAllStringSubmatch(bbox, -1) {
		p := i + 1
		width, _ := strconv.ParseFloat(pm[1], 64)
		height, _ := strconv.ParseFloat(pm[2], 64)
		var foot []string
		var numberX, issuerX float64
		for _, wm := range wordRe.FindAllStringSubmatch(pm[3], -1) {
			x, _ := strconv.ParseFloat(wm[1], 64)
			y, _ := strconv.ParseFloat(wm[2], 64)
			// The date's first digit two characters (31.5 pt) right of the sender's first character.
			switch {
			case strings.HasPrefix(wm[3], "县重点项目建设"):
				issuerX = x
			case wm[3] == "2025" && issuerX > 0:
				if d := x - issuerX; d < 30 || d > 33 {
					t.Errorf("page %d: the date starts %.1f pt right of the sender, want 31.5", p, d)
				}
				issuerX = 0
			}
			if y > height*262/297 { // below the 版心
				foot = append(foot, wm[3])
				if wm[3] == strconv.Itoa(p) {
					numberX = x
				}
			}
		}
		if got := strings.Join(foot, " "); got != "— "+strconv.Itoa(p)+" —" {
			t.Errorf("page %d footer %q", p, got)
			continue
		}
		if odd := p%2 == 1; odd != (numberX > width/2) {
			t.Errorf("page %d: number at x=%.0f of %.0f, want the outer side", p, numberX, width)
		}
	}

	// 28 characters to the line: the opening paragraph's first two lines (no
	// digits, which LibreOffice spaces out) hold 26 after the indent, then 28.
	lines := strings.Split(texts[1], "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "为深入推进") {
			if n1, n2 := len([]rune(l)), len([]rune(lines[i+1])); n1 != 26 || n2 != 28 {
				t.Errorf("lines of %d and %d characters, want 26 and 28:\n%s\n%s", n1, n2, l, lines[i+1])
			}
			break
		}
	}

	// The styles' faces reach the page: 仿宋 body in the serif, 黑体 headings in the sans.
	fonts := runTool(t, pdffonts, pdf)
	for _, face := range []string{"NotoSerifCJK", "NotoSansCJK"} {
		if !strings.Contains(fonts, face) {
			t.Errorf("no %s in the PDF:\n%s", face, fonts)
		}
	}
}

// keepSample copies the sample and its pages as PNG into -docx.keep.
func keepSample(t *testing.T, docxPath, pdf string) {
	if err := os.MkdirAll(*keep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{docxPath, pdf} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*keep, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if pdftoppm, err := exec.LookPath("pdftoppm"); err == nil {
		runTool(t, pdftoppm, "-png", "-r", "60", pdf, filepath.Join(*keep, "page"))
	}
}
