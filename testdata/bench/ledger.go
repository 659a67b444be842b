package bench

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Sheet is the name of the ledger's sheet.
const Sheet = "开复工台账"

// HeaderRow is the sheet row of the column headers; project i (0-based) stands in
// row HeaderRow+1+i and the 合计 row right below the last project.
const HeaderRow = 3

// Title is the title in A1; with the "1-5月完成投资" header it dates the ledger
// 2025-05-31.
const Title = "陵川县2025年重点项目开复工台账"

// Header is the 16 column names, A to P.
var Header = []string{"序号", "项目代码", "项目名称", "建设单位", "所在乡镇", "建设性质", "项目类别", "责任单位", "包联领导",
	"总投资", "年度计划投资", "1-5月完成投资", "计划开工时间", "实际开工时间", "开工状态", "存在问题"}

// Flag is one flagged row: the cell holding the mistake and the finding gongjian
// gives for it.
type Flag struct {
	Row      int    // sheet row, 1-based
	Cell     string // e.g. "N1234"
	Rule     string // the finding's rule id
	Severity string // "error" or "warning"
	Mistake  string // what the clerk did, for people reading a failed test
}

// mistake is one kind of error a clerk makes, in the one cell it touches.
type mistake struct {
	col      string
	rule     string
	severity string
	what     string
}

// The mistakes, each giving exactly one finding on its row.
var mistakes = []mistake{
	{"N", "bad-date", "error", "实际开工时间写成“2025.13.1”这样不存在的日期（文本）"},
	{"J", "bad-number", "error", "总投资写成“约300”"},
	{"L", "bad-number", "error", "1-5月完成投资把 0 打成字母 O（“12O5”）"},
	{"M", "bad-date", "error", "计划开工时间写成“2025.2.30”（文本）"},
	{"O", "status-conflict", "error", "开工状态填“未开工”，却有实际开工时间"},
	{"B", "duplicate-project", "error", "项目代码照抄上一行"},
	{"I", "missing-leader", "warning", "年度计划 5000 万元以上的重点项目没填包联领导"},
	{"L", "done-exceeds-plan", "warning", "1-5月完成投资超过年度计划投资"},
}

const (
	mBadStart = iota
	mBadTotal
	mBadDone
	mBadPlanStart
	mStatusConflict
	mDuplicateCode
	mNoLeader
	mDoneOverPlan
)

// flagPlan picks which projects (0-based) carry a mistake and which: exactly
// round(rows × flaggedPercent / 100) of them, from their own seeded generator so
// Flagged can say which without writing the file.
func flagPlan(rows int, flaggedPercent float64) (map[int]int, error) {
	if rows < 1 {
		return nil, fmt.Errorf("bench: rows must be at least 1, got %d", rows)
	}
	if math.IsNaN(flaggedPercent) || flaggedPercent < 0 || flaggedPercent > 100 {
		return nil, fmt.Errorf("bench: flaggedPercent must be within 0–100, got %v", flaggedPercent)
	}
	n := int(math.Round(float64(rows) * flaggedPercent / 100))
	r := rand.New(rand.NewPCG(uint64(rows), 0x5eed_f1a6))
	plan := make(map[int]int, n)
	for i, p := range r.Perm(rows)[:n] {
		m := i % len(mistakes)
		if m == mDuplicateCode && p == 0 {
			m = mBadStart // the first project has no row above to copy from
		}
		plan[p] = m
	}
	return plan, nil
}

// Flagged lists the flagged rows of the ledger WriteLedger(path, rows, flaggedPercent)
// writes, in row order.
func Flagged(rows int, flaggedPercent float64) ([]Flag, error) {
	plan, err := flagPlan(rows, flaggedPercent)
	if err != nil {
		return nil, err
	}
	out := make([]Flag, 0, len(plan))
	for p, m := range plan {
		row := HeaderRow + 1 + p
		mk := mistakes[m]
		out = append(out, Flag{Row: row, Cell: fmt.Sprintf("%s%d", mk.col, row), Rule: mk.rule, Severity: mk.severity, Mistake: mk.what})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Row < out[j].Row })
	return out, nil
}

// The county's names: the 12 乡镇 of the default rules, a dozen 责任单位 and 包联领导.
var (
	towns = []string{"崇文镇", "礼义镇", "附城镇", "西河底镇", "平城镇", "杨村镇", "潞城镇", "夺火乡", "马圪当乡", "古郊乡", "六泉乡", "秦家庄乡"}
	units = []string{"县发改局", "县工信局", "县住建局", "县交通局", "县水务局", "县农业农村局", "县文旅局", "县教育局", "县卫健局",
		"县能源局", "县自然资源局", "县商务局"}
	leaders = []string{"王建军", "李志强", "张海峰", "赵文华", "刘晓明", "陈国栋", "郭振宇", "杨立新", "孙卫东", "周德胜", "吴红梅", "郑永刚"}
	kinds   = []struct{ name, category string }{
		{"农村供水工程", "基础设施"}, {"污水处理工程", "基础设施"}, {"道路提质改造工程", "基础设施"}, {"分布式光伏项目", "能源"},
		{"风电项目", "能源"}, {"小学教学楼建设项目", "社会民生"}, {"卫生院提升改造项目", "社会民生"}, {"文旅康养项目", "文旅"},
		{"中药材加工项目", "工业"}, {"高标准农田建设项目", "农业"}, {"冷链物流园项目", "招商引资"}, {"新材料产业园项目", "招商引资"},
	}
	villages = []string{"东关", "西关", "南岭", "北山", "河东", "后沟", "石门", "柳树", "杨寨", "郭家川", "丈河", "积善"}
	firms    = []string{"建设", "实业", "新能源", "农业开发", "文旅", "水务"}
	problems = []string{"用地手续正在办理", "环评待批复", "资金到位不足", "施工图设计审查中", "征地拆迁未完成", "电力接入待协调"}
)

// jan1 is the 1900-system serial of 2025-01-01.
const jan1 = 45658

// serial is the 1900-system serial of a 2025 date.
func serial(month, day int) int {
	return jan1 + int(time.Date(2025, time.Month(month), day, 0, 0, 0, 0, time.UTC).Sub(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24)
}

var fixedTime = time.Date(2025, 6, 3, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)

// WriteLedger writes a 16-column 开复工台账 of rows projects to path, as a county's
// 发改局 keeps it: a merged title, a 填报单位 row with "单位：万元", the header, the
// projects and a 合计 row. Amounts are numbers in 万元 with a number format, dates
// serials with a date style. Exactly flaggedPercent (0–100) of the rows carry one
// mistake (see Flagged); every other row is clean: started (续建 by March, 新建 mostly
// by March, else in April or May), 1-5月完成 between the 序时进度 (5/12) of its 年度计划
// and 10/12 of it, 包联领导 filled. The county meets its first-quarter targets in
// every 乡镇, 责任单位 and 包联领导, and the 合计 matches, so gongjian finds nothing else.
// Seeded: the same arguments write the same bytes.
func WriteLedger(path string, rows int, flaggedPercent float64) error {
	plan, err := flagPlan(rows, flaggedPercent)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeBook(&buf, rows, plan); err != nil {
		return err
	}
	return writeAtomically(path, func(w io.Writer) error {
		return fixDimension(w, buf.Bytes(), fmt.Sprintf("A1:P%d", HeaderRow+rows+1))
	})
}

func writeBook(w io.Writer, rows int, plan map[int]int) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Title: Title, Creator: "陵川县发展和改革局",
		Created: fixedTime, Modified: fixedTime, Language: "zh-CN"}); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return err
	}
	ymd := "yyyy-mm-dd"
	titleStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	right, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}})
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{Border: border})
	amount, _ := f.NewStyle(&excelize.Style{NumFmt: 4, Border: border})
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd, Border: border})

	sw, err := f.NewStreamWriter(Sheet)
	if err != nil {
		return err
	}
	for i, wd := range []float64{6, 24, 44, 30, 10, 8, 10, 14, 10, 12, 12, 12, 12, 12, 9, 20} {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: HeaderRow, TopLeftCell: fmt.Sprintf("A%d", HeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", "P1"); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: titleStyle, Value: Title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	row2 := make([]any, 16)
	row2[0] = "填报单位：陵川县发展和改革局（盖章）"
	row2[15] = excelize.Cell{StyleID: right, Value: "单位：万元"}
	if err := sw.SetRow("A2", row2); err != nil {
		return err
	}
	hrow := make([]any, len(Header))
	for i, h := range Header {
		hrow[i] = excelize.Cell{StyleID: head, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", HeaderRow), hrow, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}

	r := rand.New(rand.NewPCG(uint64(rows), 2025_0531))
	// An empty text cell keeps its border and holds no value, as Excel saves it.
	cell := func(style int, v any) excelize.Cell {
		if v == "" {
			v = nil
		}
		return excelize.Cell{StyleID: style, Value: v}
	}
	wan := func(c int64) float64 { return float64(c) / 100 } // amounts are kept in cents of 万元
	var sumTotal, sumPlan, sumDone int64                     // what gongjian will read, bad cells left out
	prevCode := ""
	early, lateN := map[string]int{}, map[string]int{} // 新建 started by March, and later, by group
	out := make([]any, 16)
	for i := 0; i < rows; i++ {
		m, flagged := plan[i]
		if !flagged {
			m = -1
		}
		town := towns[r.IntN(len(towns))]
		k := kinds[r.IntN(len(kinds))]
		unit := units[r.IntN(len(units))]
		leader := leaders[r.IntN(len(leaders))]
		if m == mNoLeader {
			leader = ""
		}
		name := fmt.Sprintf("陵川县%s%s村%s（%d号）", town, villages[r.IntN(len(villages))], k.name, i+1)
		owner := fmt.Sprintf("陵川县%s%s有限公司", villages[r.IntN(len(villages))], firms[r.IntN(len(firms))])
		// Seven projects in ten have a 项目代码; one copied from above needs one above.
		code := ""
		if next, ok := plan[i+1]; r.IntN(10) < 7 || ok && next == mDuplicateCode {
			code = fmt.Sprintf("%02d%02d-140524-%02d-01-%06d", 22+r.IntN(4), 1+r.IntN(12), 1+r.IntN(90), i+1)
		}
		if m == mDuplicateCode {
			code = prevCode
		}
		if code != "" {
			prevCode = code
		}
		nature := "续建"
		if r.IntN(10) < 4 {
			nature = "新建"
		}
		// 总投资 500–10,500 万元, one in ten 1–8 亿元; 年度计划 20–60% of it.
		total := 50_000 + r.Int64N(1_000_000)
		if r.IntN(10) == 0 {
			total = 1_000_000 + r.Int64N(7_000_000)
		}
		annual := total * int64(20+r.IntN(41)) / 100
		if m == mNoLeader && annual < 500_000 {
			annual = 500_000 + r.Int64N(300_000)
			total = max(total, annual*2)
		}
		// 1-5月完成: from the 序时进度 (5/12, rounded up) to 10/12 of the plan.
		done := (annual*int64(5000+r.IntN(5001)) + 11_999) / 12_000
		done = max(done, (annual*5+11)/12)
		if m == mDoneOverPlan {
			done = annual + annual*int64(5+r.IntN(30))/100
		}
		// 续建 resume in February or March; 新建 start by March four times in five,
		// else in April or May. 计划开工 is at most ten days before the start.
		// A late start is taken only while every group of the project keeps more
		// early starts than late ones, so small ledgers meet the target too.
		var sm, sd int
		late := nature == "新建" && r.IntN(5) == 4
		groups := [...]string{"town:" + town, "unit:" + unit, "leader:" + leader}
		for _, g := range groups {
			late = late && early[g] > lateN[g]
		}
		if nature == "新建" {
			for _, g := range groups {
				if late {
					lateN[g]++
				} else {
					early[g]++
				}
			}
		}
		if !late {
			sm, sd = 1+r.IntN(3), 1+r.IntN(28)
			if nature == "续建" {
				sm = 2 + r.IntN(2)
			}
		} else {
			sm, sd = 4+r.IntN(2), 1+r.IntN(28)
		}
		started := serial(sm, sd)
		planned := max(started-r.IntN(11), jan1)
		status := "已开工"
		if nature == "续建" {
			status = "已复工"
		}
		problem := ""
		if r.IntN(8) == 0 {
			problem = problems[r.IntN(len(problems))]
		}

		var totalCell, doneCell, plannedCell, startedCell any = cell(amount, wan(total)), cell(amount, wan(done)), cell(date, planned), cell(date, started)
		switch m {
		case mBadStart:
			startedCell = cell(text, fmt.Sprintf("2025.%d.%d", 13+r.IntN(3), 1+r.IntN(28)))
		case mBadTotal:
			totalCell = cell(text, fmt.Sprintf("约%d", total/100))
		case mBadDone:
			doneCell = cell(text, strings.ReplaceAll(fmt.Sprintf("%d%d", 1+r.IntN(9), 10*(1+r.IntN(99))), "0", "O"))
		case mBadPlanStart:
			plannedCell = cell(text, fmt.Sprintf("2025.2.%d", 30+r.IntN(2)))
		case mStatusConflict:
			status = "未开工"
			if nature == "续建" {
				status = "未复工"
			}
		}
		if m != mBadTotal {
			sumTotal += total
		}
		if m != mBadDone {
			sumDone += done
		}
		sumPlan += annual
		out = append(out[:0], cell(text, i+1), cell(text, code), cell(text, name), cell(text, owner), cell(text, town),
			cell(text, nature), cell(text, k.category), cell(text, unit), cell(text, leader),
			totalCell, cell(amount, wan(annual)), doneCell, plannedCell, startedCell, cell(text, status), cell(text, problem))
		if err := sw.SetRow(fmt.Sprintf("A%d", HeaderRow+1+i), out); err != nil {
			return err
		}
	}
	last := make([]any, 16)
	for i := range last {
		last[i] = cell(text, nil)
	}
	last[0] = cell(text, "合计")
	last[9], last[10], last[11] = cell(amount, wan(sumTotal)), cell(amount, wan(sumPlan)), cell(amount, wan(sumDone))
	if err := sw.SetRow(fmt.Sprintf("A%d", HeaderRow+1+rows), last); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// fixDimension copies the workbook, giving the sheet the <dimension> Excel and WPS
// write: excelize leaves it "A1", and openpyxl's read-only mode then sees one cell.
// Every other part is copied as it is.
func fixDimension(w io.Writer, book []byte, ref string) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" {
			raw, err := zf.OpenRaw()
			if err != nil {
				return err
			}
			dst, err := zw.CreateRaw(&zf.FileHeader)
			if err != nil {
				return err
			}
			if _, err := io.Copy(dst, raw); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		xml, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		const old = `<dimension ref="A1"`
		if !bytes.Contains(xml, []byte(old)) {
			return fmt.Errorf("bench: %s has no %s", zf.Name, old)
		}
		xml = bytes.Replace(xml, []byte(old), []byte(`<dimension ref="`+ref+`"`), 1)
		dst, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := dst.Write(xml); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeAtomically writes through a temporary file beside path, renamed into place,
// so an interrupted run leaves no half-written ledger.
func writeAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ledger-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
