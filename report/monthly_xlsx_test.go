package report

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/report/internal/book"
	"gongjian/report/internal/book/booktest"
)

// countyReport is the county's report with its financing ledger and last month's
// ledger, the report the 专班 prints.
func countyReport(t *testing.T) *Monthly {
	t.Helper()
	m, _ := countyMonthly(t, true)
	return m
}

// The workbook prints each table on sheets of its own, under its own header: the rows
// repeated on every page are the header of the one table the sheet holds.
func TestWorkbookATableASheet(t *testing.T) {
	m := countyReport(t)
	f, path := workbookOf(t, m)
	want := []string{"总体情况", "攻坚目标", "明细", "乡镇排名", "部门排名", "重点项目", "亿元以上项目", "滞后清单", "问题清单",
		"融资情况", "融资进展", "按融资方式", "按金融机构", "未对接项目", "本月新开工", "本月完成投资", "新增减少项目"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v\nwant %v", got, want)
	}
	titles := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	pages := workbookPages(m.document())
	rowRe := regexp.MustCompile(`^'(.+)'!\$(\d+):\$(\d+)$`)
	for _, pg := range pages {
		s := pg.name
		pl, err := f.GetPageLayout(s)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want A4 landscape one page wide", s, pl)
		}
		if hf, err := f.GetHeaderFooter(s); err != nil || hf == nil || hf.OddFooter != book.Footer || !strings.Contains(hf.OddHeader, m.Title) {
			t.Errorf("%s: header and footer %+v", s, hf)
		}
		mt := rowRe.FindStringSubmatch(titles[s])
		if mt == nil || mt[1] != s || mt[2] != mt[3] {
			t.Errorf("%s: print titles %q, want one row of this sheet", s, titles[s])
			continue
		}
		// That row is the table's header, cell for cell.
		header := withLineColumn(pg.table).Header
		for c, h := range header {
			ref, _ := excelize.CoordinatesToCellName(c+1, atoi(mt[2]))
			if v, _ := f.GetCellValue(s, ref); v != h {
				t.Errorf("%s: repeated row %s holds %q at %s, the table's header %q", s, mt[2], v, ref, h)
			}
		}
		panes, _ := f.GetPanes(s)
		if panes.Freeze != (pg.table.Chart == nil) {
			t.Errorf("%s: frozen %v with a chart %v", s, panes.Freeze, pg.table.Chart != nil)
		}
	}
	// Every wrapped cell's row is tall enough for its text.
	if n := booktest.CheckRowHeights(t, path); n < 200 {
		t.Errorf("only %d wrapped cells checked", n)
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// 主要指标's figures link to the 明细 part listing the projects they count.
func TestWorkbookFiguresLinkToTheirProjects(t *testing.T) {
	f, _ := workbookOf(t, countyReport(t))
	rows, _ := f.GetRows("总体情况")
	links := map[string]string{}
	for i, r := range rows {
		if len(r) < 2 {
			continue
		}
		if ok, loc, _ := f.GetCellHyperLink("总体情况", "B"+strconv.Itoa(i+1)); ok {
			links[r[0]] = loc
		}
	}
	for label, part := range map[string]string{"新建开工率": "新建项目：新建开工率81.3% = 已开工13个 ÷ 16个",
		"续建复工率": "续建项目：续建复工率100.0% = 已复工23个 ÷ 23个", "其中终止项目": "终止项目（不计入各项比率）",
		"投资完成率": "合计（计入投资完成率，不含终止项目）"} {
		loc := links[label]
		sheet, ref, ok := strings.Cut(strings.TrimPrefix(loc, "'"), "'!")
		if !ok || sheet != "明细" {
			t.Errorf("%s links to %q", label, loc)
			continue
		}
		if v, _ := f.GetCellValue(sheet, ref); v != part {
			t.Errorf("%s links to %s holding %q, want %q", label, loc, v, part)
		}
	}
	if len(links) != 13 {
		t.Errorf("%d figures link, want 13: %v", len(links), links)
	}
}

// Charts for paper: dark labels, rates in percent, the 序时进度 line labelled once,
// and many categories' names turned.
func TestWorkbookChartsForPaper(t *testing.T) {
	_, path := workbookOf(t, countyReport(t))
	charts := chartParts(t, path)
	if len(charts) != 3 {
		t.Fatalf("%d charts, want 3 (乡镇, 部门, 融资进展)", len(charts))
	}
	for name, x := range charts {
		for _, txPr := range regexp.MustCompile(`(?s)<txPr>.*?</txPr>`).FindAllString(x, -1) {
			if strings.Contains(txPr, `<a:lumMod val="15000">`) {
				t.Errorf("%s: light grey text: %s", name, txPr)
			}
		}
		for _, ax := range []string{"catAx", "valAx"} {
			axis := between(x, "<"+ax+">", "</"+ax+">")
			if !strings.Contains(axis, `<a:srgbClr val="000000">`) {
				t.Errorf("%s: %s labels not dark", name, ax)
			}
		}
	}
	ranking := charts["xl/charts/chart1.xml"]
	if v := between(ranking, "<valAx>", "</valAx>"); !strings.Contains(v, `formatCode="0%"`) {
		t.Errorf("the ranking's value axis is not in percent: %s", v)
	}
	line := between(ranking, "<lineChart>", "</lineChart>")
	if strings.Count(line, "<dLbl>") != 1 || !strings.Contains(line, `<showSerName val="1"/>`) || !strings.Contains(line, `<c:idx val="5"/>`) && !strings.Contains(line, `<idx val="5"/>`) {
		t.Errorf("the 序时进度 line is not labelled once, at 杨村镇 (the sixth and lowest): %s", line)
	}

	// The 部门's two bars at 35.9% end just under the line at 41.7%: the values go
	// white inside the bars' bases, where the line cannot strike them through; the
	// 乡镇's, none near the line, stay above their bars.
	bars := func(chart string) string { return between(charts[chart], "<barChart>", "</barChart>") }
	if b := bars("xl/charts/chart2.xml"); !strings.Contains(b, `<dLblPos val="inBase">`) || !strings.Contains(b, `<a:srgbClr val="FFFFFF">`) {
		t.Errorf("the 部门's values are not inside the bars' bases: %s", b)
	}
	if b := bars("xl/charts/chart1.xml"); strings.Contains(b, `inBase`) {
		t.Errorf("the 乡镇's values moved inside the bars: %s", b)
	}

	// Twenty 乡镇 with long names: turned, and none skipped.
	tb := table{Name: "乡镇排名", Header: []string{"乡镇", "完成率"}}
	for i := range 20 {
		v := ledger.NewRate(int64(30+i), 100)
		tb.Rows = append(tb.Rows, []cell{textCell("第" + strconv.Itoa(i+1) + "个很长名字的乡镇"), rateCell(&v)})
	}
	s := ledger.NewRate(5, 12)
	tb.Chart = &chartSpec{Title: "乡镇", CategoryColumn: 0, BarColumn: 1, LineName: "序时进度", Line: &s, Percent: true}
	m := &Monthly{Title: "测试"}
	d := document{Sections: []section{{Title: "一、排名", Sheet: "排名", Blocks: []block{tb}}}}
	f := excelize.NewFile()
	st, err := newWorkbookStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	wb := &workbookWriter{f: f, st: st, title: m.Title, anchors: map[string]string{}, lineEnds: map[int]int{}}
	f.SetSheetName("Sheet1", "排名")
	if err := wb.writePage(workbookPages(d)[0]); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(f, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.xlsx"), buf.Bytes(), 0o644)
	cat := between(chartParts(t, filepath.Join(dir, "t.xlsx"))["xl/charts/chart1.xml"], "<catAx>", "</catAx>")
	if !strings.Contains(cat, `rot="-2700000"`) || !strings.Contains(cat, `<tickLblSkip val="1"`) {
		t.Errorf("twenty long names are not turned with none skipped: %s", cat)
	}
}

func chartParts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			out[zf.Name] = string(b)
		}
	}
	return out
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

// 主要指标's 数值 column holds counts, amounts and rates: all right-aligned, so the
// digits line up, where a column of counts alone (项目数) is centred.
func TestWorkbookFiguresRightAligned(t *testing.T) {
	f, _ := workbookOf(t, countyReport(t))
	align := func(sheet, ref string) string {
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		if st == nil || st.Alignment == nil {
			return ""
		}
		return st.Alignment.Horizontal
	}
	rows, _ := f.GetRows("总体情况")
	figures := 0
	for i, r := range rows {
		if len(r) < 2 || r[1] == "" || r[0] == "指标" {
			continue
		}
		figures++
		if a := align("总体情况", "B"+strconv.Itoa(i+1)); a != "right" {
			t.Errorf("%s %s aligned %q", r[0], r[1], a)
		}
	}
	if figures < 17 {
		t.Errorf("%d figures", figures)
	}
	rows, _ = f.GetRows("乡镇排名")
	for i, r := range rows {
		if len(r) > 2 && r[1] == "崇文镇" {
			if a := align("乡镇排名", "C"+strconv.Itoa(i+1)); a != "center" {
				t.Errorf("项目数 aligned %q", a)
			}
		}
	}
	// Short marks centred, as the 通报 has them: the ranks' moves (↑1, 持平, 新增),
	// the names beside them left.
	f, _ = workbookOf(t, trendOf(t, "全年", "5月台账.xlsx"))
	rows, _ = f.GetRows("排名走势")
	moves := 0
	for i, r := range rows {
		if len(r) > 6 && r[1] == "西河底镇" || len(r) > 6 && r[1] == "崇文镇" {
			moves++
			if a := align("排名走势", "G"+strconv.Itoa(i+1)); a != "center" {
				t.Errorf("%s's move %q aligned %q", r[1], r[6], a)
			}
			if a := align("排名走势", "B"+strconv.Itoa(i+1)); a != "left" {
				t.Errorf("%s aligned %q", r[1], a)
			}
		}
	}
	if moves != 2 {
		t.Errorf("%d rows of 排名走势 looked at", moves)
	}
}
