package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"
)

// checkRawText confirms that each text cell a sample types (raw) means what
// its table says. It is deliberately a separate, tiny parser: the samples must
// not depend on the code they test.
func checkRawText(name string, ps []project) error {
	for i := range ps {
		p := &ps[i]
		for field, v := range p.raw {
			s, ok := v.(string)
			if !ok {
				continue
			}
			switch field {
			case "total", "plan", "done", "m3", "m4", "m5":
				want, empty := p.amount(field)
				got, gotEmpty, err := parseAmountText(s)
				if err != nil || gotEmpty != empty || (!empty && got != want) {
					return fmt.Errorf("%s %q: %s %q reads as %s (empty %v, %v), table says %s (empty %v)", name, p.name, field, s, got, gotEmpty, err, want, empty)
				}
			case "plan_start", "actual_start":
				want := p.planStart
				if field == "actual_start" {
					want = p.actualStart
				}
				got, err := parseDateText(s)
				if err != nil || got != want {
					return fmt.Errorf("%s %q: %s %q reads as %v (%v), table says %v", name, p.name, field, s, got, err, want)
				}
			}
		}
	}
	return nil
}

func (p *project) amount(field string) (cents, bool) {
	switch field {
	case "total":
		return p.total, p.noTotal
	case "plan":
		return p.plan, p.noPlan
	case "done":
		return p.done, p.noDone
	case "cum":
		return p.cum, false
	}
	i := int(field[1] - '3')
	if i < len(p.months) {
		return p.months[i], false
	}
	return 0, true
}

func parseAmountText(s string) (cents, bool, error) {
	s = strings.TrimSpace(width.Narrow.String(s))
	switch s {
	case "", "-", "—", "/", "无":
		return 0, true, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return 0, false, err
	}
	return wan(f), false, nil
}

var dateForms = []*regexp.Regexp{
	regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`),
	regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`),
	regexp.MustCompile(`^(\d{4})[.](\d{1,2})$`),
	regexp.MustCompile(`^(\d{4})年(\d{1,2})月$`),
	regexp.MustCompile(`^()(\d{1,2})月(\d{1,2})日$`),
}

func parseDateText(s string) (day, error) {
	for _, re := range dateForms {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		y := 2025 // "3月20日": the ledger's year
		if m[1] != "" {
			y, _ = strconv.Atoi(m[1])
		}
		mo, _ := strconv.Atoi(m[2])
		dd := 0
		if len(m) > 3 {
			dd, _ = strconv.Atoi(m[3])
		}
		return ymd(y, mo, dd), nil
	}
	return day{}, fmt.Errorf("not a date")
}

// verifyAll reads every sample back: prints the first rows of each sheet,
// checks that every date cell and amount cell holds what the table says
// (in the workbook's own date system), and that the two CSVs agree.
func verifyAll(dir string, lay liyiLayout) error {
	files := []string{"全县开复工台账.xlsx", "礼义镇开复工台账.xlsx", "亿元台账_1904.xlsx", "错误台账.xlsx", "逐月台账.xlsx"}
	for _, name := range files {
		if err := printHead(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	checks := []struct {
		file, sheet string
		first       int
		cols        []column
		ps          []project
		date1904    bool
	}{
		{"全县开复工台账.xlsx", "开复工台账", 4, canonicalCols("1-5月完成投资"), countyProjects(), false},
		{"全县开复工台账_4月.xlsx", "开复工台账", 4, canonicalCols("1-4月完成投资"), countyAprilProjects(), false},
		{"亿元台账_1904.xlsx", "推进台账", 4, pingchengCols, pingchengProjects(), true},
		{"错误台账.xlsx", "开复工台账", 4, canonicalCols("1-5月完成投资"), flawedTable(), false},
		{"逐月台账.xlsx", "月度调度", 4, monthlyCols, monthlyProjects(), false},
	}
	for _, c := range checks {
		n, err := checkCells(filepath.Join(dir, c.file), c.sheet, c.first, c.cols, c.ps, c.date1904)
		if err != nil {
			return fmt.Errorf("%s: %w", c.file, err)
		}
		fmt.Printf("read-back %s: %d date and amount cells as intended (date1904=%v)\n", c.file, n, c.date1904)
	}
	fmt.Printf("礼义镇 5月台账 rows: 合计 %d; 续建 section %d, projects %d–%d, 小计 %d; 新建 section %d, projects %d–%d, 小计 %d\n",
		lay.totalRow, lay.contSection, lay.firstCont, lay.contSubtotal-1, lay.contSubtotal, lay.newSection, lay.firstNew, lay.newSubtotal-1, lay.newSubtotal)

	gbk, err := os.ReadFile(filepath.Join(dir, "开复工台账_gbk.csv"))
	if err != nil {
		return err
	}
	utf, err := simplifiedchinese.GBK.NewDecoder().Bytes(gbk)
	if err != nil {
		return fmt.Errorf("GBK CSV does not decode: %w", err)
	}
	bom, err := os.ReadFile(filepath.Join(dir, "开复工台账_utf8bom.csv"))
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(bom, []byte("\xEF\xBB\xBF")) || !bytes.Equal(bom[3:], utf) {
		return fmt.Errorf("the GBK and UTF-8 CSVs differ")
	}
	fmt.Println("== 开复工台账_gbk.csv (decoded; identical to 开复工台账_utf8bom.csv after its BOM)")
	for i, l := range strings.SplitN(string(utf), "\r\n", 7)[:6] {
		fmt.Printf("  %d: %s\n", i+1, l)
	}
	return nil
}

func flawedTable() []project {
	rows := flawedRows()
	ps := make([]project, len(rows))
	for i := range rows {
		ps[i] = rows[i].p
	}
	return ps
}

func printHead(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	props, err := f.GetWorkbookProps()
	if err != nil {
		return err
	}
	fmt.Printf("== %s (date1904=%v)\n", filepath.Base(path), is1904(props))
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			return err
		}
		fmt.Printf("  [%s] %d rows\n", sh, len(rows))
		for i, r := range rows {
			if i == 6 {
				break
			}
			line := strings.ReplaceAll(strings.Join(r, " | "), "\n", "⏎")
			if rs := []rune(line); len(rs) > 170 {
				line = string(rs[:170]) + "…"
			}
			fmt.Printf("  %d: %s\n", i+1, line)
		}
	}
	return nil
}

// checkCells compares every typed date and amount cell with the table.
func checkCells(path, sheet string, first int, cols []column, ps []project, date1904 bool) (int, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	props, err := f.GetWorkbookProps()
	if err != nil {
		return 0, err
	}
	if is1904(props) != date1904 {
		return 0, fmt.Errorf("Date1904 is %v, want %v", is1904(props), date1904)
	}
	n := 0
	for i := range ps {
		p := &ps[i]
		if p.months != nil {
			p.done = 0
			for _, m := range p.months {
				p.done += m
			}
		}
		row := first + i
		for ci, c := range cols {
			if _, ok := p.raw[c.field]; ok {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(ci+1, row)
			v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				return n, err
			}
			switch c.kind {
			case kDate, kDateCN:
				want := p.actualStart
				if c.field == "plan_start" || (c.field == "start_or_plan" && want.none()) {
					want = p.planStart
				}
				if want.none() {
					if v != "" {
						return n, fmt.Errorf("%s: %q, want empty", cell, v)
					}
					continue
				}
				serial, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return n, fmt.Errorf("%s: %q is not a serial", cell, v)
				}
				t, err := excelize.ExcelDateToTime(serial, date1904)
				if err != nil || t.Year() != want.y || int(t.Month()) != want.m || t.Day() != want.d {
					return n, fmt.Errorf("%s: serial %v reads as %v, want %s", cell, serial, t, want.iso())
				}
				n++
			case kAmount, kYi:
				want, empty := p.amount(c.field)
				if empty {
					if v != "" {
						return n, fmt.Errorf("%s: %q, want empty", cell, v)
					}
					continue
				}
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return n, fmt.Errorf("%s: %q is not a number", cell, v)
				}
				got := wan(x)
				if c.kind == kYi {
					got = cents(math.Round(x * 1e6))
				}
				if got != want {
					return n, fmt.Errorf("%s: %q is %s, want %s", cell, v, got, want)
				}
				n++
			}
		}
	}
	return n, nil
}

func is1904(p excelize.WorkbookPropsOptions) bool { return p.Date1904 != nil && *p.Date1904 }
