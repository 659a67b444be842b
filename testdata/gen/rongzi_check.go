package main

// The financing sample's self-checks and expected figures.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// finFigures are the expected figures of the financing ledger, from its table, by
// docs/统计口径.md's rules: 授信 when 授信金额 > 0 or the status is at or after 已授信, 放款 when
// 放款金额 > 0; 对接 when the status is at or after 已对接; each stage also counts the
// projects of later stages.
type finFigures struct {
	projects, docked, credited, signed, disbursed int
	need, dockedNeed, credit, signedAmt, given    cents
	total                                         cents
	byMethod, byBank                              map[string]*finGroup
	unassigned                                    []string
}

type finGroup struct {
	projects                        int
	need, credit, signed, disbursed opt
}

var finLadder = map[string]int{"未对接": 0, "已对接": 1, "审批中": 2, "已授信": 3, "已签约": 4, "部分放款": 5, "已放款": 6}

func computeFinFigures(rs []finRow) finFigures {
	fg := finFigures{byMethod: map[string]*finGroup{}, byBank: map[string]*finGroup{}}
	add := func(o *opt, a opt) {
		if a.set {
			o.v += a.v
			o.set = true
		}
	}
	for i := range rs {
		r := &rs[i]
		rank, on := finLadder[r.status]
		disbursed := r.disbursed.v > 0
		signed := disbursed || r.signed.v > 0 || on && rank >= 4
		credited := signed || r.credit.v > 0 || on && rank >= 3
		docked := credited || on && rank >= 1
		fg.projects++
		fg.need += r.need.v
		fg.credit += r.credit.v
		fg.signedAmt += r.signed.v
		fg.given += r.disbursed.v
		fg.total += r.total
		if docked {
			fg.docked++
			fg.dockedNeed += r.need.v
		}
		if credited {
			fg.credited++
		}
		if signed {
			fg.signed++
		}
		if disbursed {
			fg.disbursed++
		}
		bank := r.bank
		if bank == "" {
			bank = "未对接"
			if r.need.v > 0 && r.status != "终止" && r.status != "不需融资" {
				fg.unassigned = append(fg.unassigned, r.name)
			}
		}
		for _, g := range []struct {
			m   map[string]*finGroup
			key string
		}{{fg.byMethod, r.method}, {fg.byBank, bank}} {
			x := g.m[g.key]
			if x == nil {
				x = &finGroup{}
				g.m[g.key] = x
			}
			x.projects++
			add(&x.need, r.need)
			add(&x.credit, r.credit)
			add(&x.signed, r.signed)
			add(&x.disbursed, r.disbursed)
		}
	}
	return fg
}

// foldName is the generator's own, tiny version of "the same name": spaces dropped,
// full-width brackets made half-width. It is deliberately not the reader's.
func foldName(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.NewReplacer("（", "(", "）", ")").Replace(s)
}

// checkRongzi confirms the table does what the quirks promise: the join cases against
// the county table and every other sample, and text cells meaning their typed values.
func checkRongzi(rs []finRow, county []project, others [][]project) error {
	byName, byCode := map[string]bool{}, map[string]string{}
	for _, p := range county {
		byName[foldName(p.name)] = true
		if p.code != "" {
			byCode[p.code] = p.name
		}
	}
	everywhere := map[string]bool{}
	for _, ps := range append(others, county) {
		for _, p := range ps {
			everywhere[foldName(strings.ReplaceAll(p.name, "\n", ""))] = true
		}
	}
	variants := 0
	for i := range rs {
		r := &rs[i]
		switch r.by {
		case "code":
			if byCode[r.code] != r.county || byName[foldName(r.name)] {
				return fmt.Errorf("%q must match %q by code only", r.name, r.county)
			}
		case "name":
			if r.code != "" || !byName[foldName(r.name)] || foldName(r.name) != foldName(r.county) {
				return fmt.Errorf("%q must match %q by name", r.name, r.county)
			}
			if r.name != r.county {
				variants++
			}
		case "unknown":
			if everywhere[foldName(r.name)] {
				return fmt.Errorf("%q is meant to be in no ledger", r.name)
			}
		}
		for field, s := range r.raw {
			if field == "dock_date" {
				got, err := parseDateText(s)
				if err != nil || got != r.dockDate {
					return fmt.Errorf("%q: 对接时间 %q reads as %v, table says %v", r.name, s, got, r.dockDate)
				}
				continue
			}
			want := r.amount(field)
			got, empty, err := parseAmountText(s)
			if err != nil || empty == want.set || got != want.v && want.set {
				return fmt.Errorf("%q: %s %q reads as %s (empty %v), table says %+v", r.name, field, s, got, empty, want)
			}
		}
	}
	if variants != 1 {
		return fmt.Errorf("%d spelling variants, want exactly 1", variants)
	}
	return nil
}

// checkRongziCells reads the written workbook back: every typed amount and date cell,
// and the 合计 row.
func checkRongziCells(path string, rs []finRow) (int, error) {
	const sheet = "融资需求台账"
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	get := func(col, row int) (string, string, error) {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		return cell, v, err
	}
	number := func(v string, k kind) (cents, error) {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 0, err
		}
		if k == kYi {
			return cents(math.Round(x * 1e6)), nil
		}
		return wan(x), nil
	}
	for i := range rs {
		r := &rs[i]
		row := rongziFirstRow + i
		for ci, c := range rongziCols {
			if _, ok := r.raw[c.field]; ok {
				continue
			}
			cell, v, err := get(ci+1, row)
			if err != nil {
				return n, err
			}
			switch c.kind {
			case kAmount, kYi:
				want := r.amount(c.field)
				if !want.set {
					if v != "" {
						return n, fmt.Errorf("%s: %q, want empty", cell, v)
					}
					continue
				}
				got, err := number(v, c.kind)
				if err != nil || got != want.v {
					return n, fmt.Errorf("%s: %q, want %s", cell, v, want.v)
				}
				n++
			case kDate:
				if r.dockDate.none() {
					if v != "" {
						return n, fmt.Errorf("%s: %q, want empty", cell, v)
					}
					continue
				}
				serial, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return n, fmt.Errorf("%s: %q is not a serial", cell, v)
				}
				t, err := excelize.ExcelDateToTime(serial, false)
				if err != nil || t.Year() != r.dockDate.y || int(t.Month()) != r.dockDate.m || t.Day() != r.dockDate.d {
					return n, fmt.Errorf("%s: %v, want %s", cell, t, r.dockDate.iso())
				}
				n++
			}
		}
	}
	totalRow := rongziFirstRow + len(rs)
	for ci, c := range rongziCols {
		if c.kind != kAmount && c.kind != kYi {
			continue
		}
		cell, v, err := get(ci+1, totalRow)
		if err != nil {
			return n, err
		}
		got, err := number(v, c.kind)
		if want := finSum(rs, c.field); err != nil || got != want {
			return n, fmt.Errorf("合计 %s: %q, want %s", cell, v, want)
		}
		n++
	}
	return n, nil
}

// printRongzi prints the figures of the financing ledger for testdata/README.md.
func printRongzi(rs []finRow, county []project) {
	fg := computeFinFigures(rs)
	fmt.Println("\n## 融资需求台账.xlsx (from the generator's table)")
	fmt.Println()
	fmt.Printf("- projects %d; docked %d; credited %d; signed %d; disbursed %d\n", fg.projects, fg.docked, fg.credited, fg.signed, fg.disbursed)
	fmt.Printf("- Σ融资需求 %s (of the docked %s); Σ授信 %s; Σ签约 %s; Σ已到位 %s; Σ总投资 %s\n", fg.need, fg.dockedNeed, fg.credit, fg.signedAmt, fg.given, fg.total)
	fmt.Printf("- 授信率 %s; 放款率 %s\n", amountRate(fg.credit, fg.need), amountRate(fg.given, fg.credit))
	show := func(o opt) string {
		if !o.set {
			return "—"
		}
		return o.v.String()
	}
	for _, g := range []struct {
		title string
		m     map[string]*finGroup
	}{{"by 融资方式", fg.byMethod}, {"by 金融机构", fg.byBank}} {
		fmt.Printf("- %s:\n", g.title)
		keys := make([]string, 0, len(g.m))
		for k := range g.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x := g.m[k]
			fmt.Printf("  - %s: %d projects, need %s, credit %s, signed %s, disbursed %s\n", k, x.projects, show(x.need), show(x.credit), show(x.signed), show(x.disbursed))
		}
	}
	fmt.Printf("- unassigned: %s\n", strings.Join(fg.unassigned, "、"))
	byCode, byName, unknown := 0, 0, 0
	matched := map[string]bool{}
	for i := range rs {
		r := &rs[i]
		switch r.by {
		case "code":
			byCode++
		case "name":
			byName++
		default:
			unknown++
		}
		if r.county != "" {
			matched[r.county] = true
		}
		for _, in := range r.inject {
			fmt.Printf("- injected %s at %s%d (%s)\n", in.rule, finColLetter(in.field), rongziFirstRow+i, r.name)
		}
	}
	var unfinanced []string
	key := 0
	for _, p := range county {
		if p.nature != "终止" && !p.noPlan && p.plan >= wan(5000) {
			key++
			if !matched[p.name] {
				unfinanced = append(unfinanced, p.name)
			}
		}
	}
	fmt.Printf("- joined with 全县开复工台账.xlsx: matched %d (by code %d, by name %d), unknown %d; 开复工 side: financed %d, 重点项目 %d, without financing %d: %s\n",
		byCode+byName, byCode, byName, unknown, len(matched), key, len(unfinanced), strings.Join(unfinanced, "、"))
}

func finColLetter(field string) string {
	for i, c := range rongziCols {
		if c.field == field {
			return colName(i + 1)
		}
	}
	panic("no column " + field)
}
