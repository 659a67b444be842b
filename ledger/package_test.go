package ledger

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

const packageHeader = "陵川县2025年重点项目开复工台账\n序号,项目名称,建设性质,所在乡镇,责任单位,包联领导,总投资,年度计划投资,1-5月完成投资\n"

// projectLines lists each project as "序号 名称 [包名] 乡镇 单位 领导 性质".
func projectLines(l *Ledger) []string {
	var out []string
	for _, p := range l.Projects {
		out = append(out, strings.Join([]string{p.Seq, p.Name, "[" + p.Package() + "]", p.Town, p.Unit, p.Leader, p.Nature}, " "))
	}
	return out
}

// totalLines lists each total row as "行 标签 包名 字段=金额… 覆盖的项目序号".
func totalLines(l *Ledger) []string {
	var out []string
	for _, t := range l.Totals {
		var amounts []string
		for _, f := range []Field{FieldTotal, FieldPlan, FieldDone} {
			if a, ok := t.Amounts[f]; ok {
				amounts = append(amounts, string(f)+"="+a.Fixed(2))
			}
		}
		var covers []string
		for _, i := range t.Covers {
			covers = append(covers, l.Projects[i].Seq)
		}
		out = append(out, fmt.Sprintf("%d %s %s %s {%s}", t.Row, t.Label, t.Package, strings.Join(amounts, " "), strings.Join(covers, ",")))
	}
	return out
}

func TestPackages(t *testing.T) {
	tests := []struct {
		name           string
		rows           string
		projects       []string
		totals         []string
		sumPlan, fewer string
	}{{
		name: "parents numbered 1 and 3, children 1.1… and 3-1…, an ordinary project between",
		rows: "合计,,,,,,23000,11000,4100\n" +
			"1,陵川县2025年农村道路提升打包项目,新建,,县交通局,李志强,9000,4500,1500\n" +
			"1.1,崇文镇农村道路提升工程,,崇文镇,,,3000,1500,600\n" +
			"1.2,礼义镇农村道路提升工程,,礼义镇,,王建军,2500,1000,400\n" +
			"1.3,西河底镇农村道路提升工程,续建,西河底镇,县住建局,,3500,2000,500\n" +
			"2,陵川县人民医院医技综合楼项目,续建,崇文镇,县卫健局,张国华,8000,3000,1500\n" +
			"3,陵川县2025年高标准农田建设项目,新建,附城镇,县农业农村局,赵敏,6000,3500,1100\n" +
			"3-1,附城镇高标准农田,,,,,3000,1500,600\n" +
			"3-2,杨村镇高标准农田,,杨村镇,,,3000,2000,400\n",
		projects: []string{
			"1.1 崇文镇农村道路提升工程 [陵川县2025年农村道路提升打包项目] 崇文镇 县交通局 李志强 新建",
			"1.2 礼义镇农村道路提升工程 [陵川县2025年农村道路提升打包项目] 礼义镇 县交通局 王建军 新建",
			"1.3 西河底镇农村道路提升工程 [陵川县2025年农村道路提升打包项目] 西河底镇 县住建局 李志强 续建",
			"2 陵川县人民医院医技综合楼项目 [] 崇文镇 县卫健局 张国华 续建",
			"3-1 附城镇高标准农田 [陵川县2025年高标准农田建设项目] 附城镇 县农业农村局 赵敏 新建",
			"3-2 杨村镇高标准农田 [陵川县2025年高标准农田建设项目] 杨村镇 县农业农村局 赵敏 新建",
		},
		totals: []string{
			"3 合计  total=23000.00 plan=11000.00 done=4100.00 {1.1,1.2,1.3,2,3-1,3-2}",
			"4 打包项目 陵川县2025年农村道路提升打包项目 total=9000.00 plan=4500.00 done=1500.00 {1.1,1.2,1.3}",
			"9 打包项目 陵川县2025年高标准农田建设项目 total=6000.00 plan=3500.00 done=1100.00 {3-1,3-2}",
		},
		sumPlan: "11000.00",
	}, {
		name: "ordinary 序号, one typed as a decimal",
		rows: "1,甲项目,新建,崇文镇,县交通局,李志强,100,50,10\n" +
			"2,乙项目,新建,崇文镇,县交通局,李志强,100,50,10\n" +
			"2.5,丙项目,新建,崇文镇,县交通局,李志强,100,50,10\n" +
			"3,丁项目,新建,崇文镇,县交通局,李志强,100,50,10\n",
		projects: []string{
			"1 甲项目 [] 崇文镇 县交通局 李志强 新建", "2 乙项目 [] 崇文镇 县交通局 李志强 新建",
			"2.5 丙项目 [] 崇文镇 县交通局 李志强 新建", "3 丁项目 [] 崇文镇 县交通局 李志强 新建",
		},
		sumPlan: "200.00",
	}, {
		name: "a lone 1.1 under 1 is a project added later, not a package",
		rows: "1,甲项目,新建,崇文镇,县交通局,李志强,100,50,10\n" +
			"1.1,甲项目二期,新建,崇文镇,县交通局,李志强,80,40,10\n" +
			"2,乙项目,续建,礼义镇,县水务局,王建军,100,50,10\n",
		projects: []string{
			"1 甲项目 [] 崇文镇 县交通局 李志强 新建", "1.1 甲项目二期 [] 崇文镇 县交通局 李志强 新建",
			"2 乙项目 [] 礼义镇 县水务局 王建军 续建",
		},
		sumPlan: "140.00",
	}, {
		name: "a package named 打包 with one part; a package with no parts is a project",
		rows: "1,陵川县2025年污水管网打包项目,新建,,县住建局,李志强,100,50,10\n" +
			"1.1,城区污水管网改造,,崇文镇,,,100,50,10\n" +
			"2,陵川县2025年老旧小区改造打包项目,新建,崇文镇,县住建局,李志强,300,100,20\n" +
			"3,乙项目,续建,礼义镇,县水务局,王建军,100,50,10\n",
		projects: []string{
			"1.1 城区污水管网改造 [陵川县2025年污水管网打包项目] 崇文镇 县住建局 李志强 新建",
			"2 陵川县2025年老旧小区改造打包项目 [] 崇文镇 县住建局 李志强 新建",
			"3 乙项目 [] 礼义镇 县水务局 王建军 续建",
		},
		totals:  []string{"3 打包项目 陵川县2025年污水管网打包项目 total=100.00 plan=50.00 done=10.00 {1.1}"},
		sumPlan: "200.00",
	}, {
		name: "the tenth part typed as a number reads 1.1",
		rows: "1,陵川县2025年农村供水打包项目,新建,,县水务局,王建军,1000,550,100\n" +
			"1.1,一村供水,,崇文镇,,,100,10,10\n1.2,二村供水,,崇文镇,,,100,20,10\n1.3,三村供水,,崇文镇,,,100,30,10\n" +
			"1.4,四村供水,,崇文镇,,,100,40,10\n1.5,五村供水,,崇文镇,,,100,50,10\n1.6,六村供水,,崇文镇,,,100,60,10\n" +
			"1.7,七村供水,,崇文镇,,,100,70,10\n1.8,八村供水,,崇文镇,,,100,80,10\n1.9,九村供水,,崇文镇,,,100,90,10\n" +
			"1.1,十村供水,,崇文镇,,,100,100,10\n" +
			"2,乙项目,续建,礼义镇,县水务局,王建军,100,50,10\n",
		totals:  []string{"3 打包项目 陵川县2025年农村供水打包项目 total=1000.00 plan=550.00 done=100.00 {1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9,1.1}"},
		sumPlan: "600.00",
		fewer:   "11 projects",
	}, {
		name: "a section row naming a package, its parts numbered 1, 2 under it; a nature section numbered 1.1 is none",
		rows: "一、新建项目\n" +
			"（一）,陵川县2025年农村供水保障打包项目,,,县水务局,王建军,700,300,90\n" +
			"1,崇文镇农村供水工程,,崇文镇,,,300,100,40\n" +
			"2,礼义镇农村供水工程,,礼义镇,,陈卫东,400,200,50\n" +
			"（二）,城区道路改造提升工程,,崇文镇,县交通局,李志强,500,300,60\n" +
			"2.1,东环路改造,,,,,200,100,20\n" +
			"2.2,西环路改造,,,,,300,200,40\n" +
			"二、续建项目\n" +
			"1.1,陵川县人民医院医技综合楼项目,,崇文镇,县卫健局,张国华,800,300,150\n" +
			"1.2,陵川县第二中学扩建项目,,附城镇,县教育局,赵敏,600,200,100\n",
		projects: []string{
			"1 崇文镇农村供水工程 [陵川县2025年农村供水保障打包项目] 崇文镇 县水务局 王建军 新建",
			"2 礼义镇农村供水工程 [陵川县2025年农村供水保障打包项目] 礼义镇 县水务局 陈卫东 新建",
			"2.1 东环路改造 [城区道路改造提升工程] 崇文镇 县交通局 李志强 新建",
			"2.2 西环路改造 [城区道路改造提升工程] 崇文镇 县交通局 李志强 新建",
			"1.1 陵川县人民医院医技综合楼项目 [] 崇文镇 县卫健局 张国华 续建",
			"1.2 陵川县第二中学扩建项目 [] 附城镇 县教育局 赵敏 续建",
		},
		totals: []string{
			"4 打包项目 陵川县2025年农村供水保障打包项目 total=700.00 plan=300.00 done=90.00 {1,2}",
			"7 打包项目 城区道路改造提升工程 total=500.00 plan=300.00 done=60.00 {2.1,2.2}",
		},
		sumPlan: "1100.00",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := readCSVText(t, packageHeader+tt.rows)
			if tt.projects != nil {
				if got := projectLines(l); !slices.Equal(got, tt.projects) {
					t.Errorf("projects\n got %q\nwant %q", got, tt.projects)
				}
			} else if tt.fewer != fmt.Sprintf("%d projects", len(l.Projects)) {
				t.Errorf("%d projects, want %s", len(l.Projects), tt.fewer)
			}
			if got := totalLines(l); !slices.Equal(got, tt.totals) {
				t.Errorf("totals\n got %q\nwant %q", got, tt.totals)
			}
			if got := sumOf(l, FieldPlan); got != tt.sumPlan {
				t.Errorf("Σ年度计划 %s, want %s: a package counts once, by its parts", got, tt.sumPlan)
			}
			for _, p := range l.Projects {
				if p.Category != "" {
					t.Errorf("%s: category %q; a package's name is no 类别", p.Name, p.Category)
				}
			}
		})
	}
}

func TestPackageNumbers(t *testing.T) {
	for _, tt := range []struct {
		seq  string
		n, k int
		ok   bool
	}{
		{"1.1", 1, 1, true}, {"1-2", 1, 2, true}, {"12.10", 12, 10, true}, {"１．４", 1, 4, true}, {"3—2", 3, 2, true},
		{"1", 0, 0, false}, {"1.0", 0, 0, false}, {"2.0000000000000004", 0, 0, false}, {"1.1.1", 0, 0, false},
		{"2025-3", 0, 0, false}, {"一.1", 0, 0, false}, {"", 0, 0, false},
	} {
		n, k, ok := childNumber(tt.seq)
		if n != tt.n || k != tt.k || ok != tt.ok {
			t.Errorf("childNumber(%q) = %d, %d, %v; want %d, %d, %v", tt.seq, n, k, ok, tt.n, tt.k, tt.ok)
		}
	}
	for seq, want := range map[string]int{"1": 1, "3.": 3, "3、": 3, "一": 1, "（一）": 1, "(十二)": 12, "二十": 20, "九十九": 99, "1.1": 0, "甲": 0, "十一万": 0} {
		if got := parentNumber(seq); got != want {
			t.Errorf("parentNumber(%q) = %d, want %d", seq, got, want)
		}
	}
}

// The generated county ledger with three packages (testdata/gen/packages.go): exact
// counts, sums and parts, the tenth part typed as 5.10 and stored as 5.1 among them.
func TestPackagesSample(t *testing.T) {
	l := readBreadth(t, "打包项目台账.xlsx", Options{})
	wantLayout(t, l, "A:seq B:name C:nature D:town E:unit F:leader G:total H:plan I:done J:plan_start K:actual_start L:status", 18)
	for f, want := range map[Field]string{FieldTotal: "42000.00", FieldPlan: "18000.00", FieldDone: "6600.00"} {
		if got := sumOf(l, f); got != want {
			t.Errorf("Σ%s = %s, want %s", f, got, want)
		}
	}
	want := []string{
		"4 合计  total=42000.00 plan=18000.00 done=6600.00 {1.1,1.2,1.3,2,3-1,3-2,4,5.1,5.2,5.3,5.4,5.5,5.6,5.7,5.8,5.9,5.1,6}",
		"5 打包项目 陵川县2025年农村道路提升打包项目 total=9000.00 plan=4500.00 done=1000.00 {1.1,1.2,1.3}",
		"10 打包项目 陵川县2025年高标准农田建设打包项目 total=6000.00 plan=3600.00 done=1100.00 {3-1,3-2}",
		"14 打包项目 陵川县2025年农村供水保障打包项目 total=2000.00 plan=1000.00 done=300.00 {5.1,5.2,5.3,5.4,5.5,5.6,5.7,5.8,5.9,5.1}",
	}
	if got := totalLines(l); !slices.Equal(got, want) {
		t.Errorf("totals\n got %q\nwant %q", got, want)
	}
	if packages, parts := l.PackageCount(); packages != 3 || parts != 15 {
		t.Errorf("%d packages of %d parts, want 3 of 15", packages, parts)
	}
	natures, leaders, units := map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range l.Projects {
		natures[p.Nature]++
		leaders[p.Leader]++
		units[p.Unit]++
	}
	if natures["新建"] != 15 || natures["续建"] != 3 {
		t.Errorf("natures %v: the parts take their package's 新建", natures)
	}
	if fmt.Sprint(leaders) != "map[张国华:1 李志强:3 王建军:2 赵敏:2 陈卫东:10]" {
		t.Errorf("leaders %v", leaders)
	}
	if fmt.Sprint(units) != "map[县交通局:4 县住建局:1 县农业农村局:2 县卫健局:1 县水务局:10]" {
		t.Errorf("units %v", units)
	}
	if p := l.Projects[1]; p.Name != "礼义镇农村道路提升工程" || p.Leader != "王建军" || p.Town != "礼义镇" {
		t.Errorf("part 1.2 %+v: its own leader and town stay", p)
	}
	if p := l.Projects[6]; p.Name != "陵川县城区老旧小区改造打包项目" || p.Package() != "" {
		t.Errorf("row 13 %q (package %q): a package with no parts is a project", p.Name, p.Package())
	}
	if len(l.Problems) != 0 {
		t.Errorf("problems %v", l.Problems)
	}
}

// Ledgers of random 序号 — parents, parts, ordinary numbers, section rows, 小计 and
// blank rows in any order — read without a panic, and every row naming a project is a
// project or a package's parent, never both and never lost; a package's total covers
// its own parts only.
func TestPackagesShuffled(t *testing.T) {
	seqs := []string{"1", "2", "3", "1.1", "1.2", "1.3", "1.10", "2-1", "2-2", "3.1", "3.2", "（一）", "（二）", "一", "", "2.5", "1.1.1"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		var b strings.Builder
		b.WriteString(packageHeader)
		named, chinese := 0, 0 // rows naming a project; of them, numbered 一 or （一）, which may be section rows
		for r := 0; r < 3+rnd.IntN(14); r++ {
			switch k := rnd.IntN(20); {
			case k == 0:
				b.WriteString("\n")
			case k == 1:
				b.WriteString("小计,,,,,,100,50,10\n")
			case k == 2:
				b.WriteString("二、续建项目\n")
			default:
				name := fmt.Sprintf("项目%d", r)
				if rnd.IntN(4) == 0 {
					name = fmt.Sprintf("陵川县2025年第%d批道路打包项目", r)
				}
				seq := seqs[rnd.IntN(len(seqs))]
				if strings.Contains(seq, "一") || strings.Contains(seq, "二") {
					chinese++
				}
				named++
				fmt.Fprintf(&b, "%s,%s,新建,崇文镇,,,100,50,10\n", seq, name)
			}
		}
		l := readCSVText(t, b.String())
		parents := 0
		for _, tr := range l.Totals {
			if tr.Label != PackageLabel {
				continue
			}
			if strings.HasPrefix(tr.Package, "项目") || strings.Contains(tr.Package, "打包") {
				parents++
			}
			for _, i := range tr.Covers {
				if i < 0 || i >= len(l.Projects) || l.Projects[i].Package() != tr.Package {
					t.Fatalf("ledger\n%s\npackage %q covers %d (%d projects)", b.String(), tr.Package, i, len(l.Projects))
				}
			}
		}
		if got := len(l.Projects) + parents; got > named || got < named-chinese {
			t.Fatalf("ledger\n%s\n%d projects and %d parents of %d named rows", b.String(), len(l.Projects), parents, named)
		}
	}
}
