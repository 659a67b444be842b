package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
	"gongjian/rules"
)

// The layout itself (fonts, sizes, line pitch, footers) is package docx's and its
// tests read it back in detail; these read the report's 通报 back to see that it is
// set in that layout: A4 with the standard's margins, page numbers in both footers,
// and each part of the 通报 in the style meant for it.

// styledParagraph is a paragraph of the body (not of a table): its style and text,
// and whether it opens with a bold run.
type styledParagraph struct {
	style, text string
	boldLead    bool
}

// bodyLayout reads document.xml's body paragraphs and its page setup (the sectPr's
// elements by name, their attributes by local name).
func bodyLayout(t *testing.T, doc []byte) (paras []styledParagraph, page map[string]map[string]string) {
	t.Helper()
	page = map[string]map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(doc))
	var cur *styledParagraph
	tables, runs := 0, 0
	inSect, inText, bold := false, false, false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return paras, page
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range v.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch v.Name.Local {
			case "tbl":
				tables++
			case "p":
				if tables == 0 {
					cur, runs = &styledParagraph{}, 0
				}
			case "pStyle":
				if cur != nil {
					cur.style = attrs["val"]
				}
			case "r":
				runs++
				bold = false
			case "b":
				bold = attrs["val"] != "0"
			case "t":
				inText = true
				if cur != nil && runs == 1 && bold {
					cur.boldLead = true
				}
			case "sectPr":
				inSect = true
			}
			if inSect {
				page[v.Name.Local] = attrs
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "tbl":
				tables--
			case "p":
				if cur != nil && tables == 0 {
					paras = append(paras, *cur)
					cur = nil
				}
			case "t":
				inText = false
			case "sectPr":
				inSect = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.text += string(v)
			}
		}
	}
}

func TestNoticeLayout(t *testing.T) {
	m := noticeCases(t)["history"]
	data, _ := noticeOf(t, m, rules.Default().Notice)
	_, parts := docxtest.Parts(t, data)
	paras, page := bodyLayout(t, parts["word/document.xml"])

	// A4 portrait; margins 37 / 35 / 28 / 26 mm in twips (1440 to 25.4 mm).
	if sz := page["pgSz"]; sz["w"] != "11906" || sz["h"] != "16838" || sz["orient"] == "landscape" {
		t.Errorf("page size %v", sz)
	}
	if mar := page["pgMar"]; mar["top"] != "2098" || mar["bottom"] != "1984" || mar["left"] != "1587" || mar["right"] != "1474" {
		t.Errorf("margins %v", mar)
	}
	// Page numbers "— n —" in the odd and the even footer.
	if page["footerReference"] == nil {
		t.Error("no footer")
	}
	for _, f := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if s := string(parts[f]); !strings.Contains(s, "> PAGE <") || strings.Count(s, "—") != 2 {
			t.Errorf("%s is not a page number between dashes", f)
		}
	}

	// Each part of the 通报 in its style.
	styleOf := map[string]string{}
	for _, p := range paras {
		if p.text != "" {
			styleOf[p.text] = p.style
		}
	}
	want := map[string]string{
		"关于2025年1-5月陵川县重点项目建设进展情况的通报": "Title", // its two lines meet in one paragraph
		"各乡镇人民政府，县直有关单位：":             "Addressee",
		"一、总体情况":        "Heading1",
		"（一）开复工和投资完成情况": "Heading2",
		"（二）攻坚目标完成情况":   "Heading2",
		"七、月度走势":        "Heading1",
		"八、下一步工作要求":     "Heading1",
		"县项目攻坚专班办公室":    "Closing",
		"附件1":           "AttachmentLabel",
		// The 月度走势's sentences in one body paragraph.
		strings.Join(m.Trend.sentences(), ""): "Normal",
	}
	if !strings.HasPrefix(strings.Join(m.Trend.sentences(), ""), "依据2月、3月、4月、5月共4期台账。5月全县投资完成率") {
		t.Errorf("the 月度走势 reads %q", strings.Join(m.Trend.sentences(), ""))
	}
	for text, style := range want {
		if got, ok := styleOf[text]; !ok || got != style {
			t.Errorf("%q: style %q, want %q", text, got, style)
		}
	}
	// Each 下一步工作要求 opens with its bold lead, numbered.
	leads := 0
	for _, p := range paras {
		if p.boldLead && strings.HasPrefix(p.text, "（") {
			leads++
		}
	}
	if leads != len(rules.Default().Notice.NextSteps) {
		t.Errorf("%d requirements with a bold lead, want %d", leads, len(rules.Default().Notice.NextSteps))
	}
}
