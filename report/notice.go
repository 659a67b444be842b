package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gongjian/ledger"
	"gongjian/report/internal/docx"
	"gongjian/rules"
)

// The 通报 (report -o 通报.docx) is the report as the 专班办公室 sends it: a Word
// document in the layout of official documents, its body the report's sentences under
// the sections' headings, its 附件 the tables a reader looks names up in. Everything
// in it with a figure comes from the report's one layout (document), so the 通报, the
// Markdown and the workbook say the same; only its frame — title, addressee, opening
// line, 下一步工作要求, sender, date — is its own, the words of the frame that no
// ledger gives coming from the rules file (rules.Notice).

// WriteMonthlyNotice writes the report as a 通报 draft (.docx) to w.
func WriteMonthlyNotice(w io.Writer, m *Monthly, n rules.Notice) error {
	return m.notice(n).Write(w)
}

// notice lays the 通报 out.
func (m *Monthly) notice(n rules.Notice) *docx.Document {
	period := noticePeriod(m.AsOf)
	whose := "全县重点项目"
	if m.Result != nil && m.Result.Ledger != nil {
		whose = noticeSubject(m.Result.Ledger)
	}
	subject := period + whose + "建设进展情况"
	d := &docx.Document{}
	d.Add(docx.Title{Text: breakTitle("关于" + subject + "的通报")})
	if n.Addressee != "" {
		d.Add(docx.Addressee{Text: n.Addressee + "："})
	}
	d.Add(docx.Paragraph{Text: "为加快推进重点项目建设，按照“按月晒进度、比成效”的要求，现将" + subject + "通报如下。"})

	sections := m.sections()
	var annexes []table
	for _, s := range sections {
		d.Add(docx.Heading1{Text: s.Title})
		joined := ""
		flush := func() {
			if joined != "" {
				d.Add(docx.Paragraph{Text: joined})
				joined = ""
			}
		}
		for _, b := range s.Blocks {
			if p, ok := b.(paragraph); !ok || p.Heading || !s.Joined {
				flush()
			}
			switch b := b.(type) {
			case paragraph:
				switch {
				case b.Heading:
					d.Add(docx.Heading2{Text: b.text()})
				case s.Joined:
					joined += b.noticeText()
				default:
					d.Add(docx.Paragraph{Text: b.noticeText()})
				}
			case list:
				for _, item := range b.Items {
					d.Add(docx.Paragraph{Text: item})
				}
			case table:
				if b.Annex != "" && len(b.Rows) > 0 {
					annexes = append(annexes, b)
				}
			}
		}
		flush()
	}
	if len(n.NextSteps) > 0 {
		d.Add(docx.Heading1{Text: chineseNumber(len(sections)+1) + "、下一步工作要求"})
		for i, step := range n.NextSteps {
			lead, rest := stepLead(step)
			number := "（" + chineseNumber(i+1) + "）"
			if lead == "" {
				d.Add(docx.Paragraph{Text: number + rest})
			} else {
				d.Add(docx.Paragraph{Lead: number + lead, Text: rest})
			}
		}
	}

	titles, noted := make([]string, len(annexes)), make([]string, len(annexes))
	for i, t := range annexes {
		titles[i] = period + t.Annex
		noted[i] = breakNoted(titles[i], i, len(annexes))
	}
	if len(annexes) > 0 {
		d.Add(docx.AttachmentNote{Titles: noted})
	}
	d.Add(docx.Closing{Issuer: n.Issuer, Date: draftDate(m.AsOf)})
	for i, t := range annexes {
		label := "附件"
		if len(annexes) > 1 {
			label = fmt.Sprintf("附件%d", i+1)
		}
		d.Add(docx.Attachment{Label: label, Title: breakTitle(titles[i])}, noticeTable(t))
	}
	return d
}

// noticePeriod is the months the figures cover, "2025年1-5月" (a year-to-date ledger
// at 5月31日 or at 5月20日 alike), "2025年1月" in January; "" without an as-of date.
func noticePeriod(asOf ledger.Date) string {
	if !asOf.IsSet() {
		return ""
	}
	if asOf.Month <= 1 {
		return fmt.Sprintf("%d年1月", asOf.Year)
	}
	return fmt.Sprintf("%d年1-%d月", asOf.Year, asOf.Month)
}

// titleBreaks are the pauses in the sense a title of the 通报 or of a 附件 may break
// at: before these words.
var titleBreaks = []string{"重点项目", "建设进展情况", "投资完成", "滞后项目", "存在问题"}

// breakTitle breaks a title longer than a line of 二号 (20 characters, a digit half
// of one) in two at a pause in the sense, the lines as even as the pauses allow:
// "关于2025年1-5月陵川县" / "重点项目建设进展情况的通报". A title with no such
// pause is left for Word to wrap.
func breakTitle(s string) string {
	const line = 40 // half-characters
	if halfWidth(s) <= line {
		return s
	}
	best, longest := -1, 0
	for _, w := range titleBreaks {
		i := strings.LastIndex(s, w)
		if i <= 0 {
			continue
		}
		l := max(halfWidth(s[:i]), halfWidth(s[i:]))
		if l <= line && (best < 0 || l < longest) {
			best, longest = i, l
		}
	}
	if best < 0 {
		return s
	}
	return s[:best] + "\n" + s[best:]
}

// breakNoted is the i-th of n titles as the 附件说明 lists it: whole when it stands
// on one line in any face, else broken at the last pause in the sense whose first
// part does ("2025年1-5月各乡镇和部门" / "投资完成率逐月排名"), rather than wrapped with
// a character or two on a line of their own.
func breakNoted(title string, i, n int) string {
	if docx.AttachmentTitleFits(title, i, n) {
		return title
	}
	best := -1
	for _, w := range titleBreaks {
		at := strings.LastIndex(title, w)
		if at > best && docx.AttachmentTitleFits(title[:at], i, n) {
			best = at
		}
	}
	if best <= 0 {
		return title
	}
	return title[:best] + "\n" + title[best:]
}

// halfWidth counts a Chinese character as two, a digit or letter as one.
func halfWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// draftDate is the 成文日期 left for the signer: the month the 通报 goes out in (the
// one after a month-end as-of date), the day blank — the date is the day it is
// signed, which the draft cannot know, and a draft dated today would not be the
// same file twice.
func draftDate(asOf ledger.Date) string {
	if !asOf.IsSet() {
		return "　　　　年　　月　　日"
	}
	y, mo := int(asOf.Year), int(asOf.Month)
	if !asOf.HasDay() || asOf == asOf.MonthEnd() {
		if mo++; mo > 12 {
			y, mo = y+1, 1
		}
	}
	return fmt.Sprintf("%d年%d月　　日", y, mo)
}

// stepLead splits a requirement of the rules into its bold run-in lead, the first
// sentence with its "。", and the rest; one sentence, or a first sentence too long for
// a heading, has no lead.
func stepLead(step string) (lead, rest string) {
	i := strings.Index(step, "。")
	if i < 0 || i+len("。") == len(step) || utf8.RuneCountInString(step[:i]) > 20 {
		return "", step
	}
	return step[:i+len("。")], step[i+len("。"):]
}

// noticeTable is a table as a 附件: its cells as every form shows them, the units of
// its caption as the note above it, numbers right-aligned and short marks centred.
func noticeTable(t table) docx.Table {
	out := docx.Table{Note: captionNote(t.Name), Header: t.Header, Align: make([]docx.Align, len(t.Header))}
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = c.Text
		}
		out.Rows = append(out.Rows, row)
	}
	for c := range t.Header {
		out.Align[c] = columnAlign(t, c)
	}
	return out
}

// captionNote is what a caption's last bracket says of units, "金额单位：万元；与序时差
// 单位：个百分点"; "" when it says none. Its other parts ("按投资完成率") are left to
// the 附件's title, which says them in words.
func captionNote(name string) string {
	i := strings.LastIndex(name, "（")
	if i < 0 || !strings.HasSuffix(name, "）") {
		return ""
	}
	var units []string
	for part := range strings.SplitSeq(strings.TrimSuffix(name[i+len("（"):], "）"), "；") {
		if strings.Contains(part, "单位") {
			units = append(units, part)
		}
	}
	return strings.Join(units, "；")
}

// columnAlign: a running number (排名, 序号) and marks of two characters (绿灯, 预警,
// ↑2) centred, figures right-aligned, names and text left.
func columnAlign(t table, c int) docx.Align {
	numbers, short, any := true, true, false
	for _, r := range t.Rows {
		if c >= len(r) || r[c].Text == "" || r[c].Text == "-" {
			continue
		}
		any = true
		if r[c].Num == "" {
			numbers = false
		}
		if utf8.RuneCountInString(r[c].Text) > 2 {
			short = false
		}
	}
	switch h := t.Header[c]; {
	case h == "排名" || h == "序号" || strings.HasSuffix(h, "月排名"):
		return docx.AlignCenter
	case any && numbers:
		return docx.AlignRight
	case any && short:
		return docx.AlignCenter
	}
	return docx.AlignLeft
}
