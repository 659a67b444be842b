package docx

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func extract(t *testing.T, w *written) []TextPart {
	t.Helper()
	parts, err := ExtractText(bytes.NewReader(w.data), int64(len(w.data)))
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// The sample reads back as it was given: every paragraph in order, the
// generated ones (附件说明, attachment labels) as printed, tables whole.
func TestExtractSample(t *testing.T) {
	d := sampleNotice()
	parts := extract(t, write(t, d))
	var want []TextPart
	for _, b := range d.Blocks {
		switch v := b.(type) {
		case Title:
			want = append(want, TextPart{Paragraph: v.Text})
		case Addressee:
			want = append(want, TextPart{Paragraph: v.Text})
		case Heading1:
			want = append(want, TextPart{Paragraph: v.Text})
		case Heading2:
			want = append(want, TextPart{Paragraph: v.Text})
		case Paragraph:
			want = append(want, TextPart{Paragraph: v.Lead + v.Text})
		case AttachmentNote:
			want = append(want, TextPart{Paragraph: "附件：1．" + v.Titles[0]}, TextPart{Paragraph: "2．" + v.Titles[1]})
		case Closing:
			want = append(want, TextPart{Paragraph: v.Issuer}, TextPart{Paragraph: v.Date})
		case Attachment:
			want = append(want, TextPart{Paragraph: v.Label}, TextPart{Paragraph: v.Title})
		case Table:
			if v.Note != "" {
				want = append(want, TextPart{Paragraph: v.Note})
			}
			rows := [][]string{v.Header}
			rows = append(rows, v.Rows...)
			want = append(want, TextPart{Table: rows})
		default:
			t.Fatalf("sample has a %T the test does not know", b)
		}
	}
	if len(parts) != len(want) {
		t.Fatalf("%d parts, want %d", len(parts), len(want))
	}
	for i := range want {
		got := parts[i]
		if got.Table != nil {
			// Headers too long for their column are broken onto two lines.
			for c, h := range got.Table[0] {
				got.Table[0][c] = strings.ReplaceAll(h, "\n", "")
			}
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("part %d:\n got %q\nwant %q", i, got, want[i])
		}
	}
}

// zipOf packs a hand-written document.xml (and relationships) as a .docx.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordDoc = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>%s</w:body></w:document>`

// What Word and WPS write besides plain runs: tabs and breaks, fields, deleted
// text, alternate content, text boxes, nested tables, empty paragraphs.
func TestExtractWordConstructs(t *testing.T) {
	body := `<w:p><w:r><w:t>甲</w:t><w:tab/><w:t xml:space="preserve">乙 </w:t><w:br/><w:t>丙</w:t></w:r></w:p>` +
		`<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>` +
		`<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins><w:r><w:t>新加的</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice>` +
		`<mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:t>框外</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表头</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>&amp;&lt;末段&gt;</w:t></w:r></w:p>`
	data := zipOf(t, map[string]string{"word/document.xml": strings.Replace(wordDoc, "%s", body, 1)})
	parts, err := ExtractText(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := []TextPart{
		{Paragraph: "甲\t乙 \n丙"},
		{Paragraph: "第3页"},
		{Paragraph: "新加的"},
		{Paragraph: "框内\n框外"},
		{Table: [][]string{{"表头", ""}, {"一\n二", "内\n表"}}},
		{Paragraph: "&<末段>"},
	}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("got  %q\nwant %q", parts, want)
	}
}

// The body is found through the package relationships, wherever it is.
func TestExtractFollowsRelationship(t *testing.T) {
	data := zipOf(t, map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/custom/main.xml"/></Relationships>`,
		"custom/main.xml": strings.Replace(wordDoc, "%s", `<w:p><w:r><w:t>在别处</w:t></w:r></w:p>`, 1),
	})
	parts, err := ExtractText(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(parts) != 1 || parts[0].Paragraph != "在别处" {
		t.Errorf("got %q, %v", parts, err)
	}
}

// Bad input is one Chinese sentence, never a panic.
func TestExtractBadInput(t *testing.T) {
	big := strings.Repeat(`<w:p><w:r><w:t>很长的正文</w:t></w:r></w:p>`, 1000)
	old := maxDocumentXML
	maxDocumentXML = 10_000
	defer func() { maxDocumentXML = old }()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("这不是 docx"), "不是 Word 文档"},
		{"no body", zipOf(t, map[string]string{"word/other.xml": "<x/>"}), "缺少正文部件 word/document.xml"},
		{"broken XML", zipOf(t, map[string]string{"word/document.xml": strings.Replace(wordDoc, "%s", "<w:p><w:r>", 1)}), "不是有效的 XML"},
		{"broken rels", zipOf(t, map[string]string{"_rels/.rels": "<Relationships", "word/document.xml": wordDoc}), "关系部件无法读取"},
		{"too big", zipOf(t, map[string]string{"word/document.xml": strings.Replace(wordDoc, "%s", big, 1)}), "超过"},
	} {
		_, err := ExtractText(bytes.NewReader(c.data), int64(len(c.data)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
