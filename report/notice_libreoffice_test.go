package report

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/report/internal/docx/docxtest"
	"gongjian/rules"
)

var keepNotice = flag.String("notice.keep", "", "also write the samples' 通报 (.docx, .pdf, page PNGs) into this folder, to look at")

// LibreOffice prints the 通报 of the county sample (with its financing ledger, alone
// and with April's ledger) and of May with the year's history as we laid them out: the body's pages, then each
// 附件 on pages of its own under its header, A4 portrait, numbered "— n —" on the
// outer side. The page counts are the ones looked at page by page; a change that
// moves them wants looking at again.
func TestNoticeInLibreOffice(t *testing.T) {
	cases := noticeCases(t)
	for _, tt := range []struct {
		name    string
		pages   int
		annexes []string // each 附件's title and a header cell
	}{
		{"county", 8, []string{"各乡镇投资完成情况排名|亮灯", "投资完成情况排名|县直部门", "滞后项目清单|滞后情况", "重点项目存在问题清单|存在问题"}},
		{"previous", 8, []string{"各乡镇投资完成情况排名|亮灯", "投资完成情况排名|县直部门", "滞后项目清单|滞后情况", "重点项目存在问题清单|存在问题"}},
		{"history", 9, []string{"各乡镇投资完成情况排名|亮灯", "投资完成情况排名|县直部门", "滞后项目清单|滞后情况", "投资完成率逐月排名|5月"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := cases[tt.name]
			data, _ := noticeOf(t, m, rules.Default().Notice)
			dir := t.TempDir()
			pdf, pages := docxtest.Print(t, data, dir, "通报_"+tt.name)
			if *keepNotice != "" {
				docxtest.Keep(t, *keepNotice, pdf, filepath.Join(dir, "通报_"+tt.name+".docx"))
			}
			if len(pages) != tt.pages {
				t.Errorf("%d pages, want %d", len(pages), tt.pages)
			}
			docxtest.CheckPages(t, pages)
			checkAnnexPages(t, pages, tt.annexes)

			// The body: every section's heading, the sender and the date on the page of
			// the 附件说明 and of the body's last lines.
			var body strings.Builder
			closing := -1
			for i, p := range pages {
				if strings.HasPrefix(p.FirstLine(), "附件1") {
					break
				}
				body.WriteString(p.Text)
				if strings.Contains(p.Text, "县项目攻坚专班办公室") {
					closing = i
				}
			}
			for _, s := range m.sections() {
				if !strings.Contains(body.String(), s.Title) {
					t.Errorf("the body lacks %s", s.Title)
				}
			}
			if closing < 0 || !strings.Contains(pages[closing].Text, "附件：") || !strings.Contains(pages[closing].Text, "提高台账质量") {
				t.Errorf("the sender stands on page %d without the 附件说明 or the body's last lines", closing+1)
			}
		})
	}
}

// A 附件 longer than a page repeats its header on every page it takes.
func TestNoticeLongAnnexInLibreOffice(t *testing.T) {
	m := noticeCases(t)["county"]
	var many []Lagging
	for i := range 15 {
		for _, lg := range m.Lagging {
			lg.Name = fmt.Sprintf("%s（第%d标段）", lg.Name, i+1)
			many = append(many, lg)
		}
	}
	m.Lagging = many
	data, _ := noticeOf(t, m, rules.Default().Notice)
	pdf, pages := docxtest.Print(t, data, t.TempDir(), "通报_长清单")
	if *keepNotice != "" {
		docxtest.Keep(t, *keepNotice, pdf)
	}
	docxtest.CheckPages(t, pages)
	from, to := -1, -1
	for i, p := range pages {
		switch {
		case p.FirstLine() == "附件3":
			from = i
		case p.FirstLine() == "附件4":
			to = i
		}
	}
	if from < 0 || to-from < 3 {
		t.Fatalf("the 45 lagging projects take pages %d to %d: want three pages at least", from+1, to)
	}
	rows := 0
	for i := from; i < to; i++ {
		for _, h := range []string{"序号", "项目名称", "滞后情况"} {
			if !strings.Contains(pages[i].Text, h) {
				t.Errorf("page %d of the lagging list lacks the header %s", i+1, h)
			}
		}
		rows += strings.Count(pages[i].Text, "黄灯") + strings.Count(pages[i].Text, "红灯") // each row's light
	}
	if rows != len(many) {
		t.Errorf("the lagging list shows %d rows, want %d", rows, len(many))
	}
}

// checkAnnexPages: the 附件 start pages in order, each headed "附件n" with its title
// and its table's header.
func checkAnnexPages(t *testing.T, pages []docxtest.Page, annexes []string) {
	t.Helper()
	n := 0
	for i, p := range pages {
		if !strings.HasPrefix(p.FirstLine(), "附件") {
			continue
		}
		if n >= len(annexes) {
			t.Errorf("page %d: a 附件 more than the %d expected", i+1, len(annexes))
			break
		}
		if want := fmt.Sprintf("附件%d", n+1); p.FirstLine() != want {
			t.Errorf("page %d starts %q, want %q", i+1, p.FirstLine(), want)
		}
		text := strings.ReplaceAll(p.Text, " ", "")
		for _, w := range strings.Split(annexes[n], "|") {
			if !strings.Contains(strings.ReplaceAll(text, "\n", ""), w) {
				t.Errorf("page %d (附件%d) lacks %q", i+1, n+1, w)
			}
		}
		n++
	}
	if n != len(annexes) {
		t.Errorf("%d 附件 pages, want %d", n, len(annexes))
	}
}

// The 附件 print every figure whole, on one line of its cell, in the faces a reader's
// machine may put in for the document's: the test's mapped free faces, and
// LibreOffice's own fallbacks (the default CJK sans, DejaVu Sans for digits, a third
// wider than 仿宋's), where amounts once wrapped inside their cells ("41080.0" / "0").
func TestNoticeFiguresWholeInAnyFace(t *testing.T) {
	cases := noticeCases(t)
	for _, name := range []string{"previous", "history"} {
		m := cases[name]
		data, _ := noticeOf(t, m, rules.Default().Notice)
		for _, faces := range []docxtest.Faces{docxtest.Mapped, docxtest.Default} {
			_, pages := docxtest.PrintIn(t, faces, data, t.TempDir(), "通报_"+name)
			checked := 0
			for _, s := range m.sections() {
				for _, tb := range s.tables() {
					if tb.Annex == "" {
						continue
					}
					for _, r := range tb.Rows {
						for _, c := range r {
							if c.Num == "" {
								continue
							}
							checked++
							found := false
							for _, p := range pages {
								found = found || p.HasWord(c.Text)
							}
							if !found {
								t.Errorf("%s, faces %d: %s's %q is not one word on any page: broken over two lines", name, faces, tb.Annex, c.Text)
							}
						}
					}
				}
			}
			if checked < 100 {
				t.Errorf("%s: %d figures checked", name, checked)
			}
		}
	}
}
