package report

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/ledger"
	"gongjian/rules"
)

const countySample = "../testdata/全县开复工台账.xlsx"

func monthlyOf(t *testing.T, path string, opts MonthlyOptions) *Monthly {
	t.Helper()
	l, err := ledger.Read(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rules.Default()
	return BuildMonthly(rules.Evaluate(l, r, rules.Options{}), r, opts)
}

// workbookOf writes the report workbook into a temporary folder and opens it.
func workbookOf(t *testing.T, m *Monthly) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "报告.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteMonthlyWorkbook(out, m); err != nil {
		t.Fatal(err)
	}
	out.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func TestMonthlyGolden(t *testing.T) {
	m := monthlyOf(t, countySample, MonthlyOptions{})
	var table, md bytes.Buffer
	if err := WriteMonthlyTable(&table, m); err != nil {
		t.Fatal(err)
	}
	if err := WriteMonthlyMarkdown(&md, m); err != nil {
		t.Fatal(err)
	}
	golden(t, "monthly_table.txt", table.Bytes())
	golden(t, "monthly_markdown.txt", md.Bytes())
	if !strings.Contains(md.String(), "| 排名 | 乡镇") {
		t.Error("the Markdown has no ranking table")
	}
}

// oracleTown sums the tidy county sample straight from its cells, without the reader:
// per 乡镇 the project count, Σ年度计划 and Σ本年完成 in cents.
type townFigures struct {
	projects   int
	plan, done int64
}

func oracleTowns(t *testing.T) (map[string]*townFigures, map[string]int64) {
	t.Helper()
	f, err := excelize.OpenFile(countySample)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("开复工台账", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	header := -1
	for i, r := range rows {
		for j, v := range r {
			if v == "项目名称" {
				header = i
			}
			if header == i {
				col[v] = j
			}
		}
		if header >= 0 {
			break
		}
	}
	cents := func(s string) int64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0
		}
		return int64(math.Round(f * 100))
	}
	towns := map[string]*townFigures{}
	plans := map[string]int64{}
	for _, r := range rows[header+1:] {
		name := r[col["项目名称"]]
		if name == "" || strings.HasPrefix(r[0], "合计") {
			continue
		}
		town := r[col["所在乡镇"]]
		if towns[town] == nil {
			towns[town] = &townFigures{}
		}
		towns[town].projects++
		if strings.TrimSpace(r[col["建设性质"]]) != "终止" { // 终止 projects are in no rate
			towns[town].plan += cents(r[col["年度计划投资"]])
			towns[town].done += cents(r[col["1-5月完成投资"]])
		}
		plans[name] = cents(r[col["年度计划投资"]])
	}
	return towns, plans
}

func TestMonthlyJSONAgainstTheCells(t *testing.T) {
	m := monthlyOf(t, countySample, MonthlyOptions{})
	var buf bytes.Buffer
	if err := WriteMonthlyJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Groups []struct {
			By             string   `json:"by"`
			Name           string   `json:"name"`
			Projects       int      `json:"projects"`
			InvestmentRate *float64 `json:"investment_rate"`
			Rank           *int     `json:"rank"`
			Light          string   `json:"light"`
		} `json:"groups"`
		KeyProjects []struct {
			Name string `json:"name"`
		} `json:"key_projects"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	towns, plans := oracleTowns(t)
	seen := 0
	var rates []float64
	for _, g := range v.Groups {
		if g.By != "town" {
			continue
		}
		seen++
		want := towns[g.Name]
		if want == nil {
			t.Errorf("group %q is not a 乡镇 of the ledger", g.Name)
			continue
		}
		if g.Projects != want.projects {
			t.Errorf("%s: %d projects, want %d", g.Name, g.Projects, want.projects)
		}
		rate := float64(want.done) / float64(want.plan)
		if g.InvestmentRate == nil || math.Abs(*g.InvestmentRate-rate) > 0.0001 {
			t.Errorf("%s: 完成率 %v, want %.4f", g.Name, g.InvestmentRate, rate)
		}
		if g.Rank == nil || *g.Rank != len(rates)+1 && !(len(rates) > 0 && math.Abs(rates[len(rates)-1]-rate) < 1e-9) {
			t.Errorf("%s: rank %v after %d groups", g.Name, g.Rank, len(rates))
		}
		if len(rates) > 0 && rate > rates[len(rates)-1]+1e-9 {
			t.Errorf("%s ranked after a lower 完成率", g.Name)
		}
		rates = append(rates, rate)
	}
	if seen != len(towns) {
		t.Errorf("%d 乡镇 groups, want %d", seen, len(towns))
	}
	var wantKey []string
	for name, plan := range plans {
		if plan >= 500000 { // 5000万元 in cents
			wantKey = append(wantKey, name)
		}
	}
	var gotKey []string
	for _, k := range v.KeyProjects {
		gotKey = append(gotKey, k.Name)
	}
	sort.Strings(wantKey)
	sort.Strings(gotKey)
	if strings.Join(gotKey, "|") != strings.Join(wantKey, "|") {
		t.Errorf("key projects\n got %v\nwant %v", gotKey, wantKey)
	}
}

func TestMonthlyCSVDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	tb := table{Header: []string{"名称", "数值"}, Rows: [][]cell{{textCell("=1+1"), pointsCell(ptr("-1.6"))}, {textCell("@SUM(A1)"), countCell(3)}}}
	if err := writeCSVTable(&buf, tb, true); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"'=1+1,-1.6", "'@SUM(A1),3"} {
		if !strings.Contains(got, want) {
			t.Errorf("CSV %q lacks %q", got, want)
		}
	}
}

func ptr(s string) *ledger.Rate {
	r, _ := ledger.ParseRate(s)
	return &r
}

func TestMonthlyFinancing(t *testing.T) {
	m, _ := countyWithFinancing(t)
	f := m.Financing
	if f == nil {
		t.Fatal("no financing section")
	}
	// testdata/README.md, 融资需求台账: worked out from the generator's tables.
	if c := f.Counts; c.Projects != 15 || c.Docked != 13 || c.Credited != 8 || c.Signed != 7 || c.Disbursed != 4 {
		t.Errorf("funnel %d/%d/%d/%d/%d, want 15/13/8/7/4", c.Projects, c.Docked, c.Credited, c.Signed, c.Disbursed)
	}
	for _, c := range []struct{ name, got, want string }{
		{"need", f.Amounts.Need.String(), "129350.50"}, {"credit", f.Amounts.Credit.String(), "83500.00"},
		{"signed", f.Amounts.Signed.String(), "66500.00"}, {"disbursed", f.Amounts.Disbursed.String(), "36200.00"},
	} {
		if c.got != c.want {
			t.Errorf("%s %s, want %s", c.name, c.got, c.want)
		}
	}
	var md bytes.Buffer
	if err := WriteMonthlyMarkdown(&md, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "## 六、融资情况") || !strings.Contains(md.String(), "### 按金融机构") {
		t.Error("the Markdown lacks the financing section")
	}
}

// The same report gives the same bytes: styles, charts and content types are not
// numbered or ordered by map iteration.
func TestMonthlyWorkbookIsDeterministic(t *testing.T) {
	m := monthlyOf(t, countySample, MonthlyOptions{})
	var first []byte
	for i := range 3 {
		var buf bytes.Buffer
		if err := WriteMonthlyWorkbook(&buf, m); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("run %d wrote different bytes", i+1)
		}
	}
}

// 本月变化 pairs the two months by the one project identity: a project that gained or
// changed its code, or whose code is typed differently, is neither new nor gone.
func TestChangesByIdentity(t *testing.T) {
	r := rules.Default()
	ledgerOf := func(asOf ledger.Date, ps ...ledger.Project) *rules.Result {
		l := &ledger.Ledger{File: "台账.xlsx", Kind: ledger.KindKaifugong, Year: 2025, AsOf: asOf, AsOfSource: "header",
			Columns: []ledger.Column{{Field: ledger.FieldCode}, {Field: ledger.FieldName}, {Field: ledger.FieldNature}}}
		for i, p := range ps {
			p.Row, p.Nature = 4+i, "续建"
			l.Projects = append(l.Projects, p)
		}
		return rules.Evaluate(l, r, rules.Options{})
	}
	prev := ledgerOf(ledger.DayDate(2025, 4, 30),
		ledger.Project{Name: "甲项目"},
		ledger.Project{Code: "X-2", Name: "乙项目"},
		ledger.Project{Code: "X-3", Name: "丙项目"},
		ledger.Project{Code: "X-4", Name: "丁项目"})
	cur := ledgerOf(ledger.DayDate(2025, 5, 31),
		ledger.Project{Code: "X-1", Name: "甲项目"},  // gained a code
		ledger.Project{Code: "X-20", Name: "乙项目"}, // changed its code
		ledger.Project{Code: "Ｘ－３", Name: "丙项目"},  // the same code in full width
		ledger.Project{Code: "X-5", Name: "戊项目"})  // new; 丁项目 is gone
	c := BuildMonthly(cur, r, MonthlyOptions{Previous: prev}).Changes
	name := func(ps []ChangedProject) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name)
		}
		return strings.Join(s, ",")
	}
	if got := name(c.Appeared); got != "戊项目" {
		t.Errorf("appeared %s, want 戊项目", got)
	}
	if got := name(c.Disappeared); got != "丁项目" {
		t.Errorf("disappeared %s, want 丁项目", got)
	}
}
