// Command gen writes gongjian's sample ledgers into testdata/. Run it from the
// repository root:
//
//	go run ./testdata/gen                        # (re)write the samples, check them, print the figures
//	go run ./testdata/gen -big 100000 -o /tmp/big.xlsx   # a large ledger for timing; never commit it
//
// The output is deterministic: fixed data, fixed document dates, no clock and
// no unseeded randomness, so re-running gives byte-identical files.
//
// The figures it prints (counts, sums, first-quarter results, the defects of
// 错误台账) are computed from the generator's own tables, not by gongjian, so
// they can be pasted into testdata/README.md and used as expected values.
//
// Why each sample exists — its quirks:
//
// 全县开复工台账.xlsx (county.go) — the tidy baseline.
//   - merged title row, a "填报单位：" row, a right-aligned "单位：万元" cell, then
//     ONE header row (row 3) with the canonical names; frozen panes.
//   - 40 projects in 6 乡镇 and 10 责任单位: 23 续建, 16 新建, 1 终止; 招商引资 (4)
//     and 10 重点项目 (年度计划 ≥ 5000, all with a 包联领导).
//   - dates are real Excel dates, two number formats (yyyy-mm-dd and
//     yyyy"年"m"月"d"日"); amounts are numbers with #,##0.00.
//   - as-of from the "1-5月完成投资" header; a correct 合计 row written as
//     numbers; a second sheet 填报说明 after the ledger.
//   - no error-level finding; only natural warnings (one overdue start, a few
//     behind schedule); the first quarter is met by the whole county and by
//     every 乡镇, 责任单位 and 包联领导 (main checks this).
//
// 礼义镇开复工台账.xlsx (liyi.go) — a 乡镇 ledger as clerks really keep it.
//   - three sheets: 填报说明 (text), 4月台账 (older, fewer rows and fields,
//     "1-3月完成投资"), 5月台账 (the ledger to pick, also the active sheet).
//   - title "…（截至2025年5月底）", "报送单位：" line, two-level merged header
//     (rows 3–4): 序号/项目名称/*建设单位 merged vertically, "投资情况（万元）" and
//     "开工情况" merged over their columns, a line break in a header cell.
//   - no 建设性质 column: section rows "一、续建项目（5个）" / "二、新建项目（7个）"
//     set it; a 小计 after each section; "合计：12个" right under the header.
//   - text dates in every form of SPEC §2 (incl. month-only and "3月20日");
//     text amounts ("4,500", "１２００", " 300 ", "-", "—"); a subtotal given as text;
//     a project name with a line break; 责任单位 and 包联领导 merged over 2–3 rows;
//     notes under the table ("注：…", "填报人：…").
//
// 亿元台账_1904.xlsx (pingcheng.go) — units and the 1904 date system.
//   - Date1904 workbook, date cells hold 1904 serials (checked by read-back).
//   - "单位：亿元" above the header applies to the sheet; "计划总投资（亿元）" by
//     suffix, "年度投资计划（万元）" overrides the sheet unit, "年度累计完成投资"
//     has no suffix so is 亿元; one amount needs six 亿元 decimals (0.123456).
//   - header synonyms only (项目全称, 项目法人, 建设地点, 项目性质, 牵头单位,
//     包抓领导, 平台编码, 拟开工日期, 实际开复工日期, 是否开工 是/否, 入库状态 已入库/未入库).
//   - no "1-N月" header: as-of from the title "（截至2025年6月30日）", so the
//     half-year milestone (双过半) is judged.
//
// 开复工台账_gbk.csv, 开复工台账_utf8bom.csv (yangcun.go) — the same CSV in GBK and
// in UTF-8 with a BOM: a title line padded with empty fields, the header on
// line 2, text dates in four forms, amounts with thousands separators (quoted),
// CRLF line ends, a 合计 line.
//
// 错误台账.xlsx (flawed.go) — every mistake a clerk makes, one per row where
// possible, between clean rows; the generator prints each with its cell.
//
// 融资需求台账.xlsx (rongzi.go) — the county's financing ledger, two-level header with a
// merged "融资情况（万元）" group, header variants (融资主体, 意向银行, 对接进展, 已到位资金),
// text amounts, a 合计 row; its rows name projects of 全县开复工台账.xlsx by code, by
// name and by a spacing/bracket variant of a name, and two projects in no ledger; one
// financing-unassigned, one funds-exceed-need, one status-conflict.
//
// 逐月台账.xlsx (monthly.go) — a month-by-month export: "3月/4月/5月实际完成投资",
// "5月形象进度", no year-to-date and no status column, one "开工/计划开工时间"
// column (actual start when on/before 05-31, planned after); as-of from the
// monthly columns.
//
// 包联领导台账.xlsx, 进展情况表.xlsx, 系统导出台账.xlsx, 分类子表台账.xlsx,
// 分组表头台账.xlsx, 预备项目台账.xlsx (breadth.go, breadth_samples.go) — the layouts
// of real county ledgers and dispatch systems' exports: several leaders in a cell,
// the month only in the title, twelve 1-N月 columns half filled, sub-tables with their
// own headers, two-row headers whose groups are no field, reserve projects and dates
// given as a year or a quarter. Their figures are in breadth_samples.go.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	big := flag.Int("big", 0, "write one large ledger with this many rows instead of the samples")
	out := flag.String("o", "", "output file for -big")
	dir := flag.String("dir", "testdata", "folder to write the samples into")
	flag.Parse()
	var err error
	if *big != 0 {
		err = runBig(*big, *out)
	} else {
		err = runSamples(*dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func runBig(n int, out string) error {
	if out == "" {
		return fmt.Errorf("-big needs -o FILE.xlsx")
	}
	fg, err := writeBig(n, out)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d projects (新建 %d, started %d; 续建 %d, resumed %d), Σ总投资 %s, Σ年度计划 %s, Σ1-5月完成 %s\n",
		out, fg.projects, fg.newN, fg.newStarted, fg.cont, fg.contResumed, fg.total, fg.plan, fg.done)
	return nil
}

// sample is one written sample and what is expected of it.
type sample struct {
	file     string
	sheet    string
	header   string
	asOf     day
	asOfFrom string
	ps       []project
	// mustMeet: no group may miss a due milestone (the clean samples).
	mustMeet bool
	// rowOf gives the sheet row (or CSV line) of the table's i-th project.
	rowOf func(i int) int
}

func from(first int) func(int) int { return func(i int) int { return first + i } }

func runSamples(dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("no folder %q: run from the repository root", dir)
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	var samples []sample

	county, err := writeCounty(p("全县开复工台账.xlsx"))
	if err != nil {
		return fmt.Errorf("county: %w", err)
	}
	samples = append(samples, sample{"全县开复工台账.xlsx", "开复工台账", "3", d(5, 31), "header（1-5月完成投资）", county, true, from(4)})

	liyi, lay, err := writeLiyi(p("礼义镇开复工台账.xlsx"))
	if err != nil {
		return fmt.Errorf("liyi: %w", err)
	}
	samples = append(samples, sample{"礼义镇开复工台账.xlsx", "5月台账", "3–4", d(5, 31), "header（1—5月累计完成）", liyi, false, func(i int) int {
		if i < lay.contSubtotal-lay.firstCont {
			return lay.firstCont + i
		}
		return lay.firstNew + i - (lay.contSubtotal - lay.firstCont)
	}})

	ping, err := writePingcheng(p("亿元台账_1904.xlsx"))
	if err != nil {
		return fmt.Errorf("pingcheng: %w", err)
	}
	samples = append(samples, sample{"亿元台账_1904.xlsx", "推进台账", "3", d(6, 30), "title（截至2025年6月30日）", ping, false, from(4)})

	yang, err := writeYangcun(p("开复工台账_gbk.csv"), p("开复工台账_utf8bom.csv"))
	if err != nil {
		return fmt.Errorf("yangcun: %w", err)
	}
	samples = append(samples, sample{"开复工台账_gbk.csv / _utf8bom.csv", "", "2 (line)", d(5, 31), "header（1-5月完成投资）", yang, false, from(3)})

	flawed, found, err := writeFlawed(p("错误台账.xlsx"))
	if err != nil {
		return fmt.Errorf("flawed: %w", err)
	}
	samples = append(samples, sample{"错误台账.xlsx", "开复工台账", "3", d(5, 31), "header（1-5月完成投资）", flawed, true, from(4)})

	monthly, err := writeMonthly(p("逐月台账.xlsx"))
	if err != nil {
		return fmt.Errorf("monthly: %w", err)
	}
	samples = append(samples, sample{"逐月台账.xlsx", "月度调度", "3", d(5, 31), "monthly（3–5月实际完成投资）", monthly, false, from(4)})

	rongzi, err := writeRongzi(p("融资需求台账.xlsx"))
	if err != nil {
		return fmt.Errorf("rongzi: %w", err)
	}
	if err := checkRongzi(rongzi, county, [][]project{liyi, ping, yang, flawed, monthly}); err != nil {
		return fmt.Errorf("rongzi: %w", err)
	}
	nCells, err := checkRongziCells(p("融资需求台账.xlsx"), rongzi)
	if err != nil {
		return fmt.Errorf("融资需求台账.xlsx: %w", err)
	}
	fmt.Printf("read-back 融资需求台账.xlsx: %d date and amount cells as intended\n", nCells)

	if err := writeBreadth(dir); err != nil {
		return fmt.Errorf("breadth: %w", err)
	}

	// Self-checks: the text cells mean what the tables say, dates and amounts
	// read back as written, and the clean samples meet their milestones.
	for _, s := range []struct {
		name string
		ps   []project
	}{{"礼义镇", liyi}, {"逐月", monthly}} {
		if err := checkRawText(s.name, s.ps); err != nil {
			return err
		}
	}
	if err := verifyAll(dir, lay); err != nil {
		return err
	}

	for _, s := range samples {
		if s.file == "错误台账.xlsx" {
			continue
		}
		if errs := cleanErrors(s.ps, s.asOf); len(errs) > 0 {
			return fmt.Errorf("%s is meant to be clean:\n  %s", s.file, strings.Join(errs, "\n  "))
		}
	}

	fmt.Println("\n## Figures (from the generator's tables)")
	fmt.Println()
	fmt.Println("| sample | sheet | header rows | as-of (source) | projects | 新建 | 新建已开工 | 续建 | 续建已复工 | 终止 | Σ总投资 | Σ年度计划投资 | Σ本年完成投资 | 完成率 | Q1 新建开工 | Q1 续建复工 | 重点项目 | 亿元以上 |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, s := range samples {
		fg := computeFigures(s.ps, s.asOf)
		fmt.Printf("| %s | %s | %s | %s %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s | %d/%d = %s | %d/%d = %s | %d | %d |\n",
			s.file, s.sheet, s.header, s.asOf.iso(), s.asOfFrom, fg.projects, fg.newN, fg.newStarted, fg.cont, fg.contResumed, fg.terminated,
			fg.total, fg.plan, fg.done, amountRate(fg.done, fg.plan),
			fg.newQ1, fg.newN, rate(fg.newQ1, fg.newN), fg.contQ1, fg.cont, rate(fg.contQ1, fg.cont), fg.keyProjects, fg.overYi)
	}

	fmt.Println("\n## Next milestone (whole ledger, upcoming)")
	fmt.Println()
	for _, s := range samples {
		fmt.Printf("- %s: %s\n", s.file, upcoming(s.ps, s.asOf))
	}

	fmt.Println("\n## Milestones missed (default rules; counts at the due date from start dates)")
	fmt.Println()
	var problems []string
	for _, s := range samples {
		misses := groupMisses(s.ps, s.asOf)
		if len(misses) == 0 {
			fmt.Printf("- %s: none\n", s.file)
		}
		for _, m := range misses {
			fmt.Printf("- %s: %s %s — %s, %s\n", s.file, m.dim, m.group, m.milestone, m.detail)
			if s.mustMeet {
				problems = append(problems, fmt.Sprintf("%s: %s %s misses %s (%s)", s.file, m.dim, m.group, m.milestone, m.detail))
			}
		}
	}

	fmt.Println("\n## Natural warnings of the clean samples (row = sheet row, CSV line)")
	fmt.Println()
	for _, s := range samples {
		if s.file == "错误台账.xlsx" {
			continue
		}
		ws := expectedWarnings(s.ps, s.asOf)
		fmt.Printf("- %s: %d\n", s.file, len(ws))
		for _, w := range ws {
			fmt.Printf("  - %s row %d %s（%s）\n", w.rule, s.rowOf(w.i), strings.ReplaceAll(s.ps[w.i].name, "\n", ""), w.note)
		}
	}

	fmt.Println("\n## 错误台账.xlsx findings (sheet 开复工台账)")
	fmt.Println()
	fmt.Println("| rule | cell | row | column | kind | note |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, f := range found {
		kind := "injected"
		if f.maybe {
			kind = "may also appear"
		}
		fmt.Printf("| %s | %s | %d | %s | %s | %s |\n", f.rule, f.cell, f.row, f.col, kind, f.note)
	}
	printRongzi(rongzi, county)
	if len(problems) > 0 {
		return fmt.Errorf("a clean sample misses a milestone:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}
