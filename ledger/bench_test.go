package ledger

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchRows is the size of the ledger the reading benchmarks use: a large county's
// 开复工台账 gathered over several years, and the size the performance bar is set at.
const benchRows = 100_000

// The workbook is generated once per test binary, and only when a benchmark asks for
// it: `go test ./...` never pays for it.
var (
	benchOnce sync.Once
	benchXLSX []byte
	benchErr  error
)

// benchFile writes the generated workbook into the benchmark's temp dir (removed by
// the testing package afterwards) and returns its path. Copying 10 MB takes
// milliseconds; generating it takes seconds, which is why that happens once.
func benchFile(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("100,000-row ledger benchmark skipped under -short")
	}
	benchOnce.Do(func() {
		start := time.Now()
		benchXLSX, benchErr = genBenchLedger(benchRows)
		if benchErr == nil {
			b.Logf("generated a %d-row ledger (%.1f MB) in %s", benchRows, float64(len(benchXLSX))/(1<<20), time.Since(start).Round(time.Millisecond))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	path := filepath.Join(b.TempDir(), "开复工台账-100k.xlsx")
	if err := os.WriteFile(path, benchXLSX, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// genBenchLedger writes an n-row, 16-column 开复工台账 with excelize's StreamWriter:
// a merged title row, a 填报单位/单位 row, the header, n project rows and a 合计 row.
// Dates are serials with a date style, and one in ten is typed as text; amounts are
// numbers with a number format, and about one in fifty is typed as text ("1,234.50",
// "300万元", "-"); 建设性质 is 新建 or 续建 and 开工状态 follows the dates. Seeded, so
// every run reads the same cells.
func genBenchLedger(n int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "开复工台账"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	ymd := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	if err != nil {
		return nil, err
	}
	amountStyle, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := sw.MergeCell("A1", "P1"); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", []any{"陵川县2025年重点项目开复工台账"}); err != nil {
		return nil, err
	}
	row2 := make([]any, 16)
	row2[0], row2[15] = "填报单位：县发改局", "单位：万元"
	if err := sw.SetRow("A2", row2); err != nil {
		return nil, err
	}
	header := []any{"序号", "项目代码", "项目名称", "建设单位", "所在乡镇", "建设性质", "项目类别", "责任单位", "包联领导",
		"总投资", "年度计划投资", "1-5月完成投资", "计划开工时间", "实际开工时间", "开工状态", "是否入库"}
	if err := sw.SetRow("A3", header); err != nil {
		return nil, err
	}

	r := rand.New(rand.NewPCG(2025, 100_000))
	towns := []string{"崇文镇", "礼义镇", "附城镇", "西河底镇", "平城镇", "杨村镇", "潞城镇", "秦家庄乡", "夺火乡", "马圪当乡", "古郊乡", "六泉乡"}
	villages := []string{"东关", "西关", "南岭", "北山", "河东", "后沟", "石门", "柳树", "杨寨", "郭家川", "丈河", "积善"}
	kinds := []struct{ name, category, unit string }{
		{"农村供水工程", "基础设施", "县水务局"}, {"污水处理工程", "基础设施", "县住建局"}, {"分布式光伏项目", "能源", "县能源局"},
		{"道路改造工程", "基础设施", "县交通局"}, {"小学建设项目", "社会民生", "县教育局"}, {"卫生院提升项目", "社会民生", "县卫健局"},
		{"文旅康养项目", "文旅", "县文旅局"}, {"中药材加工项目", "工业", "县工信局"}, {"高标准农田项目", "农业", "县农业农村局"},
	}
	leaders := []string{"王建军", "李志强", "张海峰", "赵文华", "刘晓明", "陈国栋", "郭振宇"}
	firms := []string{"建设", "实业", "新能源", "农业开发", "文旅"}
	// Serial of 2025-01-01 in the 1900 date system.
	const jan1 = 45658
	dateCell := func(serial int) any {
		switch r.IntN(20) {
		case 0:
			t := time.Date(2025, 1, 1+serial-jan1, 0, 0, 0, 0, time.UTC)
			return fmt.Sprintf("%d.%d.%d", t.Year(), int(t.Month()), t.Day())
		case 1:
			t := time.Date(2025, 1, 1+serial-jan1, 0, 0, 0, 0, time.UTC)
			return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
		}
		return excelize.Cell{StyleID: dateStyle, Value: serial}
	}
	amountCell := func(cents int64) any {
		switch r.IntN(100) {
		case 0:
			return fmt.Sprintf("%d,%03d.%02d", cents/100/1000, cents/100%1000, cents%100)
		case 1:
			return fmt.Sprintf("%d万元", cents/100)
		}
		return excelize.Cell{StyleID: amountStyle, Value: float64(cents) / 100}
	}
	var total, plan, done int64
	row := make([]any, 16)
	for i := 0; i < n; i++ {
		town := towns[r.IntN(len(towns))]
		k := kinds[r.IntN(len(kinds))]
		code := ""
		if r.IntN(10) < 7 {
			code = fmt.Sprintf("2025-140524-%02d-01-%06d", 1+r.IntN(90), i+1)
		}
		nature := "续建"
		if r.IntN(10) < 4 {
			nature = "新建"
		}
		t := 50_000 + r.Int64N(1_000_000)
		p := t * int64(10+r.IntN(50)) / 100
		planStart := jan1 + 31 + r.IntN(200)
		var actual any
		status := "未开工"
		var d int64
		if nature == "续建" || r.IntN(100) < 40 {
			actual = dateCell(planStart + r.IntN(10))
			status = "已开工"
			if nature == "续建" {
				status = "已复工"
			}
			d = p * int64(25+r.IntN(35)) / 100
		}
		leader := ""
		if r.IntN(10) < 8 {
			leader = leaders[r.IntN(len(leaders))]
		}
		total, plan, done = total+t, plan+p, done+d
		var dc any = excelize.Cell{StyleID: amountStyle, Value: float64(d) / 100}
		if actual == nil {
			dc = nil
		} else if r.IntN(100) == 0 {
			dc = "-"
		}
		row = append(row[:0], i+1, code,
			fmt.Sprintf("陵川县%s%s村%s（%d号）", town, villages[r.IntN(len(villages))], k.name, i+1),
			fmt.Sprintf("陵川县%s%s有限公司", villages[r.IntN(len(villages))], firms[r.IntN(len(firms))]),
			town, nature, k.category, k.unit, leader,
			amountCell(t), amountCell(p), dc, dateCell(planStart), actual, status, []string{"是", "否"}[r.IntN(2)])
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	last, _ := excelize.CoordinatesToCellName(1, 4+n)
	if err := sw.SetRow(last, []any{"合计", nil, nil, nil, nil, nil, nil, nil, nil,
		excelize.Cell{StyleID: amountStyle, Value: float64(total) / 100},
		excelize.Cell{StyleID: amountStyle, Value: float64(plan) / 100},
		excelize.Cell{StyleID: amountStyle, Value: float64(done) / 100},
	}); err != nil {
		return nil, err
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// BenchmarkExcelizeRawRows is the baseline ledger.Read is measured against: open the
// workbook with raw cell values and walk the sheet with Rows()/Columns(), nothing else.
func BenchmarkExcelizeRawRows(b *testing.B) {
	path := benchFile(b)
	b.ReportAllocs()
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		it, err := f.Rows(f.GetSheetList()[0])
		if err != nil {
			b.Fatal(err)
		}
		for it.Next() {
			if _, err := it.Columns(); err != nil {
				b.Fatal(err)
			}
			rows++
		}
		if err := it.Close(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkRead reads the same workbook into a Ledger.
func BenchmarkRead(b *testing.B) {
	path := benchFile(b)
	b.ReportAllocs()
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		l, err := Read(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Projects) != benchRows || len(l.Totals) != 1 {
			b.Fatalf("read %d projects and %d totals, want %d and 1", len(l.Projects), len(l.Totals), benchRows)
		}
		rows += benchRows + 4
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
