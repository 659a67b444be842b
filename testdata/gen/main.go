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

	april, err := writeCountyApril(p("全县开复工台账_4月.xlsx"))
	if err != nil {
		return fmt.Errorf("county april: %w", err)
	}
	samples = append(samples, sample{"全县开复工台账_4月.xlsx", "开复工台账", "3", d(4, 30), "header（1-4月完成投资）", april, true, from(4)})

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

	year, err := writeYear(p("逐月"))
	if err != nil {
		return fmt.Errorf("逐月: %w", err)
	}

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
	printYear(year)
	if len(problems) > 0 {
		return fmt.Errorf("a clean sample misses a milestone:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}
