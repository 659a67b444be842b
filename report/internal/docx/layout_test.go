package docx

import (
	"strconv"
	"strings"
	"testing"
)

// twips of a length in millimetres, as a reader would convert it.
func twipsOf(mm float64) int { return int(mm*1440/25.4 + 0.5) }

func abs(n int) int { return max(n, -n) }

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// The page is A4 with the margins of GB/T 9704, and points at both footers.
func TestPageSizeAndMargins(t *testing.T) {
	w := write(t, sampleNotice())
	doc := w.xml(t, "word/document.xml")
	secs := doc.all("sectPr")
	if len(secs) != 1 || doc.child("body").children[len(doc.child("body").children)-1] != secs[0] {
		t.Fatalf("%d sections, want one page setup closing the body", len(secs))
	}
	rels := w.xml(t, "word/_rels/document.xml.rels")
	target := map[string]string{}
	for _, r := range rels.all("Relationship") {
		target[r.attr["Id"]] = r.attr["Target"]
	}
	s := secs[0]
	pgW, pgH := atoi(t, s.val("w", "pgSz")), atoi(t, s.val("h", "pgSz"))
	top, bottom := atoi(t, s.val("top", "pgMar")), atoi(t, s.val("bottom", "pgMar"))
	left, right := atoi(t, s.val("left", "pgMar")), atoi(t, s.val("right", "pgMar"))
	if pgW != 11906 || pgH != 16838 || s.val("orient", "pgSz") != "" {
		t.Errorf("page %d×%d, want A4 portrait 11906×16838", pgW, pgH)
	}
	if top != twipsOf(37) || bottom != twipsOf(35) || left != twipsOf(28) || right != twipsOf(26) {
		t.Errorf("margins %d/%d/%d/%d, want 37/35/28/26 mm", top, bottom, left, right)
	}
	// The 版心 is 156 × 225 mm, to the rounding of four margins.
	if got := pgW - left - right; abs(got-twipsOf(156)) > 1 {
		t.Errorf("text width %d twips, want %d", got, twipsOf(156))
	}
	if got := pgH - top - bottom; abs(got-twipsOf(225)) > 1 {
		t.Errorf("text height %d twips, want %d", got, twipsOf(225))
	}
	// The page number's dashes 7 mm under the 版心: footer 9.5 mm inside the bottom margin.
	if f := atoi(t, s.val("footer", "pgMar")); abs(f-(bottom-twipsOf(9.5))) > 1 {
		t.Errorf("footer distance %d, bottom margin %d", f, bottom)
	}
	kinds := map[string]string{}
	for _, ref := range s.all("footerReference") {
		kinds[ref.attr["type"]] = target[ref.attr["id"]]
	}
	if kinds["default"] != "footer1.xml" || kinds["even"] != "footer2.xml" || len(kinds) != 2 {
		t.Errorf("footers: %v", kinds)
	}
}

// Odd and even pages have their own footers, turned on in the settings.
func TestEvenAndOddFooters(t *testing.T) {
	w := write(t, sampleNotice())
	if w.xml(t, "word/settings.xml").child("evenAndOddHeaders") == nil {
		t.Fatal("settings lack w:evenAndOddHeaders: Word would put every page number on the right")
	}
	for _, c := range []struct {
		part, jc, side string
	}{
		{"word/footer1.xml", "right", "right"}, // odd pages: 单页码居右空一字
		{"word/footer2.xml", "left", "left"},   // even pages: 双页码居左空一字
	} {
		ftr := w.xml(t, c.part)
		p := ftr.child("p")
		if p.val("val", "pPr", "pStyle") != "Footer" || p.val("val", "pPr", "jc") != c.jc {
			t.Errorf("%s: style %q, jc %q", c.part, p.val("val", "pPr", "pStyle"), p.val("val", "pPr", "jc"))
		}
		if got := p.val(c.side, "pPr", "ind"); got != "280" { // one 四号 character
			t.Errorf("%s: %s indent %q, want 280", c.part, c.side, got)
		}
		// — PAGE —: the dashes around a complex field whose code is PAGE.
		var seq []string
		for _, r := range p.all("r") {
			switch {
			case r.child("fldChar") != nil:
				seq = append(seq, r.child("fldChar").attr["fldCharType"])
			case r.child("instrText") != nil:
				seq = append(seq, "code:"+strings.TrimSpace(r.child("instrText").text))
			case r.child("t") != nil:
				seq = append(seq, "text:"+r.child("t").text)
			}
		}
		want := "text:— |begin|code:PAGE|separate|text:" + map[string]string{"left": "2", "right": "1"}[c.side] + "|end|text: —"
		if got := strings.Join(seq, "|"); got != want {
			t.Errorf("%s:\n got %s\nwant %s", c.part, got, want)
		}
	}
	// 宋体 四号 for the number and its dashes.
	f := w.style(t, "Footer")
	if f.val("eastAsia", "rPr", "rFonts") != "宋体" || f.val("ascii", "rPr", "rFonts") != "宋体" || f.val("val", "rPr", "sz") != "28" {
		t.Errorf("footer style: %q/%q size %q", f.val("eastAsia", "rPr", "rFonts"), f.val("ascii", "rPr", "rFonts"), f.val("val", "rPr", "sz"))
	}
}

// Each style names its face for every script, its size, and for the body the
// exact 28-point line and the two-character indent.
func TestStyleFonts(t *testing.T) {
	w := write(t, sampleNotice())
	for _, c := range []struct {
		id, font, size, jc string
		firstLine          int
		line               int
	}{
		{"Normal", "仿宋_GB2312", "32", "both", 2 * 315, 560},
		{"Title", "方正小标宋简体", "44", "center", 0, 560},
		{"Subtitle", "楷体", "32", "center", 0, 560},
		{"Heading1", "黑体", "32", "both", 2 * 315, 560},
		{"Heading2", "楷体", "32", "both", 2 * 315, 560},
		{"AttachmentLabel", "黑体", "32", "left", 0, 560},
		{"AttachmentTitle", "方正小标宋简体", "44", "center", 0, 560},
		{"TableText", "仿宋_GB2312", "24", "left", 0, 360},
		{"TableHeader", "黑体", "24", "center", 0, 360},
		{"Footer", "宋体", "28", "center", 0, 280},
	} {
		s := w.style(t, c.id)
		for _, slot := range []string{"ascii", "eastAsia", "hAnsi", "cs"} {
			if got := s.val(slot, "rPr", "rFonts"); got != c.font {
				t.Errorf("%s: rFonts %s = %q, want %q", c.id, slot, got, c.font)
			}
		}
		if got := s.val("val", "rPr", "sz"); got != c.size {
			t.Errorf("%s: size %s half-points, want %s", c.id, got, c.size)
		}
		if got := s.val("val", "rPr", "b"); got != "0" {
			t.Errorf("%s: bold %q, want explicitly off", c.id, got)
		}
		if got := s.val("lineRule", "pPr", "spacing"); got != "exact" {
			t.Errorf("%s: line rule %q", c.id, got)
		}
		if got := atoi(t, s.val("line", "pPr", "spacing")); got != c.line {
			t.Errorf("%s: line %d twips, want %d", c.id, got, c.line)
		}
		if got := atoi(t, s.val("firstLine", "pPr", "ind")); got != c.firstLine {
			t.Errorf("%s: first-line indent %d, want %d", c.id, got, c.firstLine)
		}
		if got := s.val("val", "pPr", "jc"); got != c.jc {
			t.Errorf("%s: jc %q, want %q", c.id, got, c.jc)
		}
	}
	// 28 characters of 三号 fill the 156 mm line: 28 × (16 pt − ¼ pt) ≤ 156 mm < 29 × that.
	n := w.style(t, "Normal")
	pitch := 320 + atoi(t, n.val("val", "rPr", "spacing"))
	if width := twipsOf(156); 28*pitch > width || 29*pitch <= width {
		t.Errorf("character pitch %d twips gives %d characters a line", pitch, width/pitch)
	}
	for _, id := range []string{"Heading1", "Heading2"} {
		if w.style(t, id).path("pPr", "keepNext") == nil {
			t.Errorf("%s may be left alone at the foot of a page", id)
		}
	}
}

// The font table gives Word a substitute for each face a clerk's machine may lack.
func TestFontTable(t *testing.T) {
	w := write(t, sampleNotice())
	alt := map[string]string{}
	for _, f := range w.xml(t, "word/fontTable.xml").all("font") {
		alt[f.attr["name"]] = f.val("val", "altName")
		if f.val("val", "charset") != "86" {
			t.Errorf("%s: charset %q, want 86 (GB2312)", f.attr["name"], f.val("val", "charset"))
		}
	}
	want := map[string]string{"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "黑体": "SimHei", "楷体": "KaiTi", "宋体": "SimSun"}
	for name, a := range want {
		if alt[name] != a {
			t.Errorf("font %s: altName %q, want %q", name, alt[name], a)
		}
	}
	// Every face a style names is in the table.
	for _, rf := range w.xml(t, "word/styles.xml").all("rFonts") {
		if _, ok := alt[rf.attr["eastAsia"]]; rf.attr["eastAsia"] != "" && !ok {
			t.Errorf("style font %s missing from the font table", rf.attr["eastAsia"])
		}
	}
}

// Each attachment starts a new page with its label and title, each table
// repeats its first row, and only that, on every page, and a table too wide for
// 小四 is set smaller.
func TestAttachmentsAndTables(t *testing.T) {
	w := write(t, sampleNotice())
	paras := bodyParagraphs(t, w)
	labels := 0
	for i, p := range paras {
		if p.val("val", "pPr", "pStyle") != "AttachmentLabel" {
			continue
		}
		labels++
		if p.path("pPr", "pageBreakBefore") == nil {
			t.Errorf("%q does not start a page", paraText(p))
		}
		if next := paras[i+1]; next.val("val", "pPr", "pStyle") != "AttachmentTitle" {
			t.Errorf("%q is not followed by its title", paraText(p))
		}
	}
	if labels != 2 {
		t.Fatalf("%d attachment labels, want 2", labels)
	}
	tables := w.xml(t, "word/document.xml").all("tbl")
	if len(tables) != 2 {
		t.Fatalf("%d tables", len(tables))
	}
	for i, tbl := range tables {
		rows := tbl.all("tr")
		if len(rows) != []int{21, 31}[i] {
			t.Errorf("table %d: %d rows", i, len(rows))
		}
		for r, row := range rows {
			if (row.path("trPr", "tblHeader") != nil) != (r == 0) {
				t.Errorf("table %d row %d: tblHeader %v", i, r, r != 0)
			}
			if row.path("trPr", "cantSplit") == nil {
				t.Errorf("table %d row %d may split across pages", i, r)
			}
		}
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b := tbl.path("tblPr", "tblBorders", side)
			if b == nil || b.attr["val"] != "single" || b.attr["sz"] != "4" {
				t.Errorf("table %d: border %s %v, want a single half-point line", i, side, b)
			}
		}
		// The grid fills the text area exactly.
		sum := 0
		for _, g := range tbl.all("gridCol") {
			sum += atoi(t, g.attr["w"])
		}
		if sum != textAreaWidth() {
			t.Errorf("table %d: columns add up to %d, text area %d", i, sum, textAreaWidth())
		}
		// The ten-column ranking in 小五 on 13.5-point lines (its numbers at the widest
		// a substitute face draws them), the lagging list in the styles' 小四.
		wantSize, wantLine := []string{"18", ""}[i], []string{"270", ""}[i]
		for _, p := range tbl.all("p") {
			if got := p.val("line", "pPr", "spacing"); got != wantLine {
				t.Fatalf("table %d: line %q, want %q", i, got, wantLine)
			}
			for _, r := range p.all("r") {
				if got := r.val("val", "rPr", "sz"); got != wantSize {
					t.Fatalf("table %d: size %q, want %q", i, got, wantSize)
				}
			}
		}
	}
}

// A page break puts the next paragraph on a new page, a table too.
func TestPageBreak(t *testing.T) {
	d := &Document{}
	d.Add(Paragraph{Text: "甲"}, PageBreak{}, Paragraph{Text: "乙"}, PageBreak{}, Table{Header: []string{"项目"}, Rows: [][]string{{"丙"}}})
	w := write(t, d)
	paras := bodyParagraphs(t, w)
	if paras[0].path("pPr", "pageBreakBefore") != nil || paras[1].path("pPr", "pageBreakBefore") == nil || paraText(paras[1]) != "乙" {
		t.Errorf("the paragraph after the break does not start a page")
	}
	if p := paras[2]; p.path("pPr", "pageBreakBefore") == nil || paraText(p) != "" {
		t.Errorf("no page break before the table")
	}
	if atoi(t, paras[2].val("line", "pPr", "spacing")) > 20 {
		t.Errorf("the break before the table takes a line")
	}
}

// A title followed by a subtitle gives its blank line to the subtitle.
func TestTitleAndSubtitle(t *testing.T) {
	d := &Document{}
	d.Add(Title{Text: "关于开展重点项目“大比武”活动的通知"}, Subtitle{Text: "（2025年6月5日）"}, Paragraph{Text: "正文"})
	paras := bodyParagraphs(t, write(t, d))
	if paras[0].val("after", "pPr", "spacing") != "0" {
		t.Errorf("title keeps its space after above the subtitle")
	}
	if paras[1].val("val", "pPr", "pStyle") != "Subtitle" || paras[1].path("pPr", "spacing") != nil {
		t.Errorf("the subtitle does not keep its style's space after")
	}
	// A title alone keeps its blank line (the style's).
	d = &Document{}
	d.Add(Title{Text: "通报"}, Paragraph{Text: "正文"})
	if p := bodyParagraphs(t, write(t, d))[0]; p.path("pPr", "spacing") != nil {
		t.Errorf("a title alone overrides its style's spacing")
	}
}

// The sender stands two characters from the margin, the date starts two
// characters right of the sender; a long date stays two from the margin.
func TestClosingIndents(t *testing.T) {
	width := textAreaWidth()
	// start is where a paragraph's first character stands, from the left margin.
	start := func(p *node, text string) int {
		if p.val("val", "pPr", "jc") == "left" {
			return atoi(t, p.val("left", "pPr", "ind"))
		}
		return width - atoi(t, p.val("right", "pPr", "ind")) - textWidth(text)
	}
	for _, c := range []struct {
		issuer, date string
	}{
		{"县重点项目建设攻坚专班办公室", "2025年6月5日"},
		{"县政府办", "2025年12月31日"},
		{"", "2025年6月5日"},
	} {
		d := &Document{}
		d.Add(Closing{Issuer: c.issuer, Date: c.date})
		paras := bodyParagraphs(t, write(t, d))
		if c.issuer == "" {
			if len(paras) != 1 || width-start(paras[0], c.date)-textWidth(c.date) != 4*charPitch {
				t.Errorf("a date alone does not stand four characters from the margin")
			}
			continue
		}
		if len(paras) != 2 {
			t.Fatalf("%d paragraphs", len(paras))
		}
		is, ds := start(paras[0], c.issuer), start(paras[1], c.date)
		if ds-is != 2*charPitch {
			t.Errorf("%s / %s: the date starts %d twips right of the sender, want two characters", c.issuer, c.date, ds-is)
		}
		if width-is-textWidth(c.issuer) < 2*charPitch || width-ds-textWidth(c.date) < 2*charPitch {
			t.Errorf("%s / %s: closer than two characters to the margin", c.issuer, c.date)
		}
		if paras[0].val("before", "pPr", "spacing") != strconv.Itoa(lineExact) {
			t.Errorf("no blank line above the sender")
		}
	}
}

// The 附件说明: "附件：1．" two characters in, the later numbers under the first, a
// title's second line under its own first character (after the number).
func TestAttachmentNote(t *testing.T) {
	d := &Document{}
	d.Add(AttachmentNote{Titles: []string{"乡镇排名", "滞后项目清单"}})
	paras := bodyParagraphs(t, write(t, d))
	if len(paras) != 2 || paraText(paras[0]) != "附件：1．乡镇排名" || paraText(paras[1]) != "2．滞后项目清单" {
		t.Fatalf("got %d paragraphs", len(paras))
	}
	ind := func(p *node, name string) int { return atoi(t, p.val(name, "pPr", "ind")) }
	number := charPitch + halfPitch // "1．"
	firstStart := ind(paras[0], "left") - ind(paras[0], "hanging")
	secondNumber := ind(paras[1], "left") - ind(paras[1], "hanging")
	if firstStart != 2*charPitch || secondNumber != 5*charPitch || ind(paras[0], "left") != 5*charPitch+number || ind(paras[1], "left") != 5*charPitch+number {
		t.Errorf("indents: first line at %d, second number at %d, titles' lines at %d and %d",
			firstStart, secondNumber, ind(paras[0], "left"), ind(paras[1], "left"))
	}
	for _, p := range paras {
		if jc := p.val("val", "pPr", "jc"); jc != "left" {
			t.Errorf("附件说明 aligned %q: a broken title's first line would be stretched", jc)
		}
	}
	// Fits: a short title; not: one a character or two over in DejaVu's digits.
	if !AttachmentTitleFits("2025年1-5月滞后项目清单", 2, 4) || AttachmentTitleFits("2025年1-5月各乡镇和部门投资完成率逐月排名", 3, 4) {
		t.Error("AttachmentTitleFits")
	}
	d = &Document{}
	d.Add(AttachmentNote{Titles: []string{"乡镇排名"}})
	if p := bodyParagraphs(t, write(t, d)); paraText(p[0]) != "附件：乡镇排名" {
		t.Errorf("one attachment: %q", paraText(p[0]))
	}
}

// The end of the body, the 附件说明 and the sender stay on one page with the date:
// a page of a sender and a date alone, or a 附件说明 torn from its last line, is
// what the laid-out 通报 of a month with four attachments showed before.
func TestClosingKeptWithTheBody(t *testing.T) {
	d := &Document{}
	d.Add(
		Paragraph{Text: "第一段。"},
		Paragraph{Text: "最后一段。"},
		AttachmentNote{Titles: []string{"乡镇排名", "滞后项目清单"}},
		Closing{Issuer: "县项目攻坚专班办公室", Date: "2025年6月　　日"},
		Attachment{Label: "附件1", Title: "乡镇排名"},
	)
	paras := bodyParagraphs(t, write(t, d))
	var kept []string
	for _, p := range paras {
		if p.path("pPr", "keepNext") != nil {
			kept = append(kept, paraText(p))
		}
	}
	// The attachment's label and title keep with what follows by their styles.
	want := []string{"最后一段。", "附件：1．乡镇排名", "2．滞后项目清单", "县项目攻坚专班办公室"}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("kept with the next paragraph: %q, want %q", kept, want)
	}
}
