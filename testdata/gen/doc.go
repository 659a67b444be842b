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
// 全县开复工台账_4月.xlsx (county_april.go) — the county ledger as of 04-30, for the
// report's 本月变化: one project started in May by its date, one reported 未开工 in
// April though it had started, one added in May (started in March), one removed.
//
// 礼义镇开复工台账.xlsx (liyi.go) — a 乡镇 ledger as clerks really keep it.
//   - three sheets: 填报说明 (text), 4月台账 (older, fewer rows and fields,
//     "1-3月完成投资"), 5月台账 (the ledger to pick, also the active sheet).
//   - title "…（截至2025年5月底）", "报送单位：" line, two-level merged header
//     (rows 3–4): 序号/项目名称/*建设单位 merged vertically, "投资情况（万元）" and
//     "开工情况" merged over their columns, a line break in a header cell.
//   - no 建设性质 column: section rows "一、续建项目（5个）" / "二、新建项目（7个）"
//     set it; a 小计 after each section; "合计：12个" right under the header.
//   - text dates in every form docs/台账字段.md lists (incl. month-only and "3月20日");
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
//
// 县重点项目进展情况表.xlsx, 省市重点项目6月进度表.xlsx, 二季度推进情况表.xlsx
// (roadmap.go, progress_tables.go) — the layouts of tables published with county and
// city 通报: a county's 108 projects with the month only in a past year's title, the
// 合计 and the 类别 rows carrying sums, 27 leaders written every way and 续建 projects
// dated by their first start; a city's monthly sheet with 1-5月, 6月 and 1-6月 side by
// side and 省重点/市重点 sections; a 办事处's quarterly table with the year in its
// headers only. Their figures were worked out from the files by a second reader
// (testdata/README.md, section 11).
//
// 打包项目台账.xlsx (packages.go) — 打包项目 as county ledgers list them: a package's
// parent row with the sums of its parts, the parts under it numbered 1.1, 1.2 … (typed
// as numbers, so a tenth "5.10" is stored as 5.1) or "3-1", "3-2" (text); one parent
// whose plan its parts do not reach; a package with no parts, an ordinary project.
//
// 逐月/ (yearly.go) — one county's ledgers of 2–5月 2025 for `report --history`,
// each month as a clerk sends it (a month-by-month export, a title date, an em-dash
// "1—4月累计完成" in a file named 台账-最新.xlsx, "1-5月完成投资"), and last year's
// December ledger; folders 全年, 缺月 (3月 missing) and 重复 (two 4月 ledgers).
// The figures make every case of the 月度走势 appear: moves up, down, level and
// new, a tie on the shown rate, two 预警, below 序时进度 in one month only, and a
// gap of exactly −5.25 个百分点.
package main
