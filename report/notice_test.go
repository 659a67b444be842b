package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/report/internal/docx"
	"gongjian/rules"
)

// The 通报 cases: the county sample with its financing ledger, alone and with April's
// ledger (本月变化), and May of the 逐月 ledgers with the year's history (本月变化 and
// 月度走势), all of them and with March missing.
func noticeCases(t *testing.T) map[string]*Monthly {
	t.Helper()
	county, fin := evaluated(t, countySample), evaluated(t, "../testdata/融资需求台账.xlsx")
	rules.Join([]*rules.Result{county}, []*rules.Result{fin})
	april := evaluated(t, "../testdata/全县开复工台账_4月.xlsx")
	return map[string]*Monthly{
		"county":   BuildMonthly(county, rules.Default(), MonthlyOptions{Financing: []*rules.Result{fin}}),
		"previous": BuildMonthly(county, rules.Default(), MonthlyOptions{Financing: []*rules.Result{fin}, Previous: april}),
		"history":  trendOf(t, "全年", "5月台账.xlsx"),
		"missing":  trendOf(t, "缺月", "5月台账.xlsx"),
	}
}

// noticeOf writes the 通报 and reads its text back as another program would.
func noticeOf(t *testing.T, m *Monthly, n rules.Notice) (data []byte, parts []docx.TextPart) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMonthlyNotice(&buf, m, n); err != nil {
		t.Fatal(err)
	}
	parts, err := docx.ExtractText(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), parts
}

// mdBlock is a block of the Markdown report: a heading ("## " 2, "**…**" 3, a
// table's caption "### " 0), a paragraph (level 0), or a table.
type mdBlock struct {
	heading int
	caption bool
	text    string
	table   [][]string // header first; nil for a paragraph
}

var mdUnescaper = regexp.MustCompile(`\\(.)`)

// parseMarkdown reads back what renderMarkdown writes: blocks parted by blank lines.
func parseMarkdown(t *testing.T, md string) []mdBlock {
	t.Helper()
	var out []mdBlock
	for _, raw := range strings.Split(strings.TrimSpace(md), "\n\n") {
		lines := strings.Split(raw, "\n")
		first := lines[0]
		unesc := func(s string) string { return mdUnescaper.ReplaceAllString(strings.TrimSpace(s), "$1") }
		switch {
		case strings.HasPrefix(first, "# "):
			out = append(out, mdBlock{heading: 1, text: unesc(first[2:])})
		case strings.HasPrefix(first, "## "):
			out = append(out, mdBlock{heading: 2, text: unesc(first[3:])})
		case strings.HasPrefix(first, "### "):
			out = append(out, mdBlock{caption: true, text: unesc(first[4:])})
		case strings.HasPrefix(first, "**") && strings.HasSuffix(first, "**"):
			out = append(out, mdBlock{heading: 3, text: unesc(strings.Trim(first, "*"))})
		case first == "（无）":
			out = append(out, mdBlock{table: [][]string{}})
		case strings.HasPrefix(first, "|"):
			var rows [][]string
			for i, l := range lines {
				if i == 1 {
					continue // the alignment row
				}
				cells := regexp.MustCompile(`[^\\]\|`).Split(" "+strings.TrimSpace(l), -1)
				cells = cells[1 : len(cells)-1]
				for j := range cells {
					cells[j] = unesc(cells[j])
				}
				rows = append(rows, cells)
			}
			out = append(out, mdBlock{table: rows})
		default:
			if len(lines) != 1 {
				t.Fatalf("a Markdown paragraph of %d lines: %q", len(lines), raw)
			}
			out = append(out, mdBlock{text: unesc(first)})
		}
	}
	return out
}

// Every sentence and heading of the 通报's body is the Markdown report's, in the same
// order, and every table of its 附件 is one of the Markdown's, cell for cell: the
// two are laid out from one document and never say different things.
func TestNoticeSaysWhatTheMarkdownSays(t *testing.T) {
	for name, m := range noticeCases(t) {
		t.Run(name, func(t *testing.T) {
			var md bytes.Buffer
			if err := WriteMonthlyMarkdown(&md, m); err != nil {
				t.Fatal(err)
			}
			blocks := parseMarkdown(t, md.String())
			_, parts := noticeOf(t, m, rules.Default().Notice)

			// The body runs from the first section's heading to 下一步工作要求.
			sections := m.sections()
			start, end := -1, -1
			for i, p := range parts {
				switch {
				case p.Paragraph == sections[0].Title && start < 0:
					start = i
				case strings.HasSuffix(p.Paragraph, "、下一步工作要求"):
					end = i
				}
			}
			if start < 0 || end < start {
				t.Fatalf("no body between the first heading and 下一步工作要求 (%d, %d)", start, end)
			}
			var body []string
			for _, p := range parts[start:end] {
				if p.Table != nil {
					t.Fatalf("a table in the body: %v", p.Table)
				}
				body = append(body, p.Paragraph)
			}
			var said []string
			var tables [][][]string
			for _, b := range blocks {
				switch {
				case b.table != nil:
					tables = append(tables, b.table)
				case b.heading == 1, b.caption:
				default:
					said = append(said, b.text)
				}
			}
			// The same text, but for the advice the 通报 gives its reader instead of the
			// command to run, and the sections it says as one paragraph: so the joined
			// text is compared, with the 通报's wording of that advice put back, and the
			// paragraphs are counted.
			notice := strings.Join(body, "")
			wantParas := len(said)
			for _, s := range sections {
				if s.Joined {
					wantParas -= len(s.paragraphs()) - 1
				}
				for _, b := range s.Blocks {
					if p, ok := b.(paragraph); ok {
						for _, sp := range p.Spans {
							if sp.Notice != "" {
								notice = strings.Replace(notice, sp.Notice, sp.Text, 1)
							}
						}
					}
				}
			}
			if notice != strings.Join(said, "") {
				t.Errorf("the 通报's body and the Markdown differ:\n--- 通报 ---\n%s\n--- Markdown ---\n%s",
					strings.Join(body, "\n"), strings.Join(said, "\n"))
			}
			if len(body) != wantParas || len(body) < len(sections)*2 {
				t.Errorf("%d paragraphs for %d sections, want %d", len(body), len(sections), wantParas)
			}
			if strings.Contains(strings.Join(body, ""), "gongjian") {
				t.Errorf("the 通报 tells its reader to run a command:\n%s", strings.Join(body, "\n"))
			}

			// Each 附件's table is a Markdown table, in the Markdown's order; the header
			// may be set on two lines.
			next, annexes := 0, 0
			for _, p := range parts[end:] {
				if p.Table == nil {
					continue
				}
				annexes++
				got := p.Table
				for i := range got[0] {
					got[0][i] = strings.ReplaceAll(got[0][i], "\n", "")
				}
				found := false
				for next < len(tables) && !found {
					found = fmt.Sprint(tables[next]) == fmt.Sprint(got)
					next++
				}
				if !found {
					t.Errorf("附件 table %d is no table of the Markdown after the one before:\n%v", annexes, got)
				}
			}
			want := 0
			for _, s := range sections {
				for _, tb := range s.tables() {
					if tb.Annex != "" && len(tb.Rows) > 0 {
						want++
					}
				}
			}
			if annexes != want || annexes < 3 {
				t.Errorf("%d tables as 附件, want %d (at least the two rankings and the lagging list)", annexes, want)
			}
		})
	}
}

// The frame around the report's sentences: the title from the as-of date and the
// ledger's county, the rules' addressee, requirements and sender, the draft's date
// with the day left to the signer, and the 附件 numbered, titled and noted.
func TestNoticeFrame(t *testing.T) {
	m := noticeCases(t)["county"]
	n := rules.Notice{
		Addressee: "各乡镇人民政府，示范区管委会，县直有关单位",
		Issuer:    "陵川县项目攻坚专班办公室",
		NextSteps: []string{"抓开工。各乡镇要加快。", "一条没有小标题的要求"},
	}
	_, parts := noticeOf(t, m, n)
	var text []string
	for _, p := range parts {
		if p.Table != nil {
			text = append(text, fmt.Sprintf("[表 %d行]", len(p.Table)))
			continue
		}
		text = append(text, p.Paragraph)
	}
	head := []string{
		"关于2025年1-5月陵川县\n重点项目建设进展情况的通报",
		"各乡镇人民政府，示范区管委会，县直有关单位：",
		"为加快推进重点项目建设，按照“按月晒进度、比成效”的要求，现将2025年1-5月陵川县重点项目建设进展情况通报如下。",
		"一、总体情况",
	}
	if got := strings.Join(text[:len(head)], "|"); got != strings.Join(head, "|") {
		t.Errorf("opening\n got %q\nwant %q", text[:len(head)], head)
	}
	at := -1
	for i, s := range text {
		if s == "七、下一步工作要求" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no 七、下一步工作要求 after six sections:\n%s", strings.Join(text, "\n"))
	}
	tail := []string{
		"七、下一步工作要求",
		"（一）抓开工。各乡镇要加快。",
		"（二）一条没有小标题的要求",
		"附件：1．2025年1-5月各乡镇投资完成情况排名",
		"2．2025年1-5月各县直部门（责任单位）\n投资完成情况排名", // too long for a line: broken at a pause
		"3．2025年1-5月滞后项目清单",
		"4．2025年1-5月重点项目存在问题清单",
		"陵川县项目攻坚专班办公室",
		"2025年6月　　日",
		"附件1", "2025年1-5月各乡镇投资完成情况排名", "金额单位：万元；与序时差单位：个百分点", "[表 7行]",
		"附件2", "2025年1-5月各县直部门（责任单位）\n投资完成情况排名", "金额单位：万元；与序时差单位：个百分点", "[表 11行]",
		"附件3", "2025年1-5月滞后项目清单", "[表 4行]",
		"附件4", "2025年1-5月重点项目存在问题清单", "[表 4行]",
	}
	if got := strings.Join(text[at:], "|"); got != strings.Join(tail, "|") {
		t.Errorf("closing\n got %q\nwant %q", text[at:], tail)
	}

	// No requirements, no such part; no addressee, no 主送 line.
	_, parts = noticeOf(t, m, rules.Notice{Issuer: "县发改局"})
	for _, p := range parts {
		if strings.Contains(p.Paragraph, "下一步工作要求") || strings.HasSuffix(p.Paragraph, "：") && !strings.Contains(p.Paragraph, "附件") {
			t.Errorf("left in: %q", p.Paragraph)
		}
	}
}

func TestNoticeDatesAndPeriod(t *testing.T) {
	for _, tt := range []struct {
		asOf           ledger.Date
		period, signed string
	}{
		{ledger.DayDate(2025, 5, 31), "2025年1-5月", "2025年6月　　日"},
		{ledger.DayDate(2025, 5, 20), "2025年1-5月", "2025年5月　　日"},
		{ledger.DayDate(2025, 12, 31), "2025年1-12月", "2026年1月　　日"},
		{ledger.DayDate(2025, 1, 31), "2025年1月", "2025年2月　　日"},
		{ledger.MonthDate(2025, 3), "2025年1-3月", "2025年4月　　日"},
		{ledger.Date{}, "", "　　　　年　　月　　日"},
	} {
		if got := noticePeriod(tt.asOf); got != tt.period {
			t.Errorf("period of %v = %q, want %q", tt.asOf, got, tt.period)
		}
		if got := draftDate(tt.asOf); got != tt.signed {
			t.Errorf("date of %v = %q, want %q", tt.asOf, got, tt.signed)
		}
	}
}

func TestBreakTitle(t *testing.T) {
	for in, want := range map[string]string{
		"关于2025年1-5月陵川县重点项目建设进展情况的通报": "关于2025年1-5月陵川县\n重点项目建设进展情况的通报",
		"关于2025年1-5月全县重点项目建设进展情况的通报":  "关于2025年1-5月全县\n重点项目建设进展情况的通报",
		"2025年1-5月各乡镇和部门投资完成率逐月排名":    "2025年1-5月各乡镇和部门\n投资完成率逐月排名",
		"2025年1-5月滞后项目清单":             "2025年1-5月滞后项目清单", // fits a line
		"关于全县重点项目建设进展情况的通报":           "关于全县重点项目建设进展情况的通报",
		"这是一个没有可以断开的地方而且特别特别长的标题文字啊啊": "这是一个没有可以断开的地方而且特别特别长的标题文字啊啊",
	} {
		if got := breakTitle(in); got != want {
			t.Errorf("breakTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoticePlace(t *testing.T) {
	for _, tt := range []struct{ title, filler, want string }{
		{"陵川县2025年重点项目开复工台账", "填报单位：县发改局", "陵川县"},
		{"2025年陵川县重点项目推进台账（截至5月底）", "", "陵川县"},
		{"晋城市陵川县重点项目台账", "", "陵川县"},
		{"礼义镇2025年重点项目开复工台账", "", "礼义镇"},
		{"全县2025年重点项目开复工台账", "", "全县"},
		{"重点项目开复工台账", "报送单位：礼义镇人民政府", "礼义镇"},
		{"重点项目开复工台账", "填报单位：县发改局（攻坚专班办公室）", "全县"},
		{"2025年城镇老旧小区改造项目台账", "", "全县"},
		{"", "", "全县"},
	} {
		l := &ledger.Ledger{Title: tt.title, Filler: tt.filler}
		if got := noticePlace(l); got != tt.want {
			t.Errorf("%q / %q: %q, want %q", tt.title, tt.filler, got, tt.want)
		}
	}
}

func TestStepLead(t *testing.T) {
	for _, tt := range []struct{ step, lead, rest string }{
		{"抓开工。各乡镇要加快。", "抓开工。", "各乡镇要加快。"},
		{"只有一句。", "", "只有一句。"},
		{"没有句号的要求", "", "没有句号的要求"},
		{"第一句话太长了超过了二十个字所以不能作为小标题来加粗。其余。", "", "第一句话太长了超过了二十个字所以不能作为小标题来加粗。其余。"},
	} {
		if lead, rest := stepLead(tt.step); lead != tt.lead || rest != tt.rest {
			t.Errorf("stepLead(%q) = %q, %q", tt.step, lead, rest)
		}
	}
}

// A 附件's note is the unit its caption gives, and its columns are aligned by what
// they hold.
func TestNoticeTable(t *testing.T) {
	m := noticeCases(t)["history"]
	var ranks, ranking table
	for _, s := range m.sections() {
		for _, tb := range s.tables() {
			switch {
			case strings.HasPrefix(tb.Name, "排名走势"):
				ranks = tb
			case strings.HasPrefix(tb.Name, "乡镇排名"):
				ranking = tb
			}
		}
	}
	got := noticeTable(ranking)
	if got.Note != "金额单位：万元；与序时差单位：个百分点" {
		t.Errorf("note %q", got.Note)
	}
	// 排名 乡镇 项目数 新建开工率 续建复工率 年度计划 本年完成 完成率 与序时差 亮灯
	c, l, r := docx.AlignCenter, docx.AlignLeft, docx.AlignRight
	if want := []docx.Align{c, l, r, r, r, r, r, r, r, c}; fmt.Sprint(got.Align) != fmt.Sprint(want) {
		t.Errorf("ranking aligned %v, want %v", got.Align, want)
	}
	// 分组 名称 2月排名 … 5月排名 较4月 本月完成率 与序时差 预警
	got = noticeTable(ranks)
	if want := []docx.Align{l, l, c, c, c, c, c, r, r, c}; fmt.Sprint(got.Align) != fmt.Sprint(want) {
		t.Errorf("ranks aligned %v, want %v", got.Align, want)
	}
	// The note says units only: the title of the 附件 says what the ranks are by.
	if got.Note != "与序时差单位：个百分点" || captionNote("滞后项目") != "" || captionNote("重点项目（年度计划投资5000万元以上）") != "" {
		t.Errorf("notes %q", got.Note)
	}
}
