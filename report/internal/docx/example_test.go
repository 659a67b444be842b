package docx_test

import (
	"bytes"
	"fmt"

	"gongjian/report/internal/docx"
)

// A short 通报 with one attachment, written and read back.
func ExampleDocument_Write() {
	d := &docx.Document{}
	d.Add(
		docx.Title{Text: "关于2025年1-5月全县重点项目\n建设进展情况的通报"},
		docx.Addressee{Text: "各乡镇人民政府，县直各有关单位："},
		docx.Heading1{Text: "一、总体情况"},
		docx.Paragraph{Text: "截至5月底，全县纳入调度项目177个。"},
		docx.Paragraph{Lead: "（一）压实项目推进责任。", Text: "各单位要对照年度目标逐项推进。"},
		docx.AttachmentNote{Titles: []string{"乡镇排名"}},
		docx.Closing{Issuer: "县重点项目建设攻坚专班办公室", Date: "2025年6月5日"},
		docx.Attachment{Label: "附件", Title: "乡镇排名"},
		docx.Table{
			Note:   "金额单位：万元",
			Header: []string{"排名", "乡镇", "完成投资"},
			Rows:   [][]string{{"1", "崇文镇", "20041.90"}, {"2", "附城镇", "10460.00"}},
			Align:  []docx.Align{docx.AlignCenter, docx.AlignLeft, docx.AlignRight},
		},
	)
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		fmt.Println(err)
		return
	}
	parts, err := docx.ExtractText(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range parts {
		if p.Table != nil {
			fmt.Println(p.Table)
			continue
		}
		fmt.Printf("%q\n", p.Paragraph)
	}
	// Output:
	// "关于2025年1-5月全县重点项目\n建设进展情况的通报"
	// "各乡镇人民政府，县直各有关单位："
	// "一、总体情况"
	// "截至5月底，全县纳入调度项目177个。"
	// "（一）压实项目推进责任。各单位要对照年度目标逐项推进。"
	// "附件：乡镇排名"
	// "县重点项目建设攻坚专班办公室"
	// "2025年6月5日"
	// "附件"
	// "乡镇排名"
	// "金额单位：万元"
	// [[排名 乡镇 完成投资] [1 崇文镇 20041.90] [2 附城镇 10460.00]]
}
