package rules

import (
	"reflect"
	"strings"
	"testing"

	"gongjian/ledger"
)

// joinKaifugong is a 开复工台账 of five projects, two of them 重点项目 (年度计划 ≥ 5000)
// and one 终止 重点项目.
func joinKaifugong(file string) *Result {
	ps := []ledger.Project{
		/* 5 */ {Name: "陵川县太行山旅游公路（附城段）改造工程", Code: "2311-140524-48-01-100733", Nature: "续建", Plan: w(4800)},
		/* 6 */ {Name: "陵川县国道341线城区过境段改线工程", Code: "2210-140524-48-01-100013", Nature: "续建", Plan: w(15000)},
		/* 7 */ {Name: "陵川县西河底镇200MW风电项目", Nature: "新建", Plan: w(20000)},
		/* 8 */ {Name: "陵川县礼义镇应急水源工程", Nature: "新建", Plan: w(1600)},
		/* 9 */ {Name: "陵川县杨村镇滑雪场配套设施项目", Nature: "终止", Plan: w(6000)},
	}
	l := newLedger(day(2025, 5, 31), fullColumns, rows(ps...)...)
	l.File = file
	return Evaluate(l, nil, Options{})
}

func joinRongzi(file string, ps ...ledger.Project) *Result {
	l := newRongzi(rongziColumns, ps...)
	l.File = file
	return Evaluate(l, nil, Options{})
}

func TestJoin(t *testing.T) {
	bank := "中国建设银行陵川支行"
	fin := func(name, code string) ledger.Project {
		return ledger.Project{Name: name, Code: code, Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, DockStatus: "已对接", Need: w(100)}}
	}
	cases := []struct {
		name       string
		rows       []ledger.Project
		by         JoinSummary // the financing side, With left out
		unknown    []int       // rows with unknown-project
		financed   int
		unfinanced []string
	}{
		{"按名称", []ledger.Project{fin("陵川县西河底镇200MW风电项目", "")},
			JoinSummary{Matched: 1, ByName: 1}, nil, 1, []string{"陵川县国道341线城区过境段改线工程"}},
		{"按代码，名称不同", []ledger.Project{fin("国道341线改线", "2210-140524-48-01-100013")},
			JoinSummary{Matched: 1, ByCode: 1}, nil, 1, []string{"陵川县西河底镇200MW风电项目"}},
		{"全角代码", []ledger.Project{fin("国道341线改线", "２２１０－１４０５２４－４８－０１－１０００１３")},
			JoinSummary{Matched: 1, ByCode: 1}, nil, 1, []string{"陵川县西河底镇200MW风电项目"}},
		{"代码填错，名称对得上", []ledger.Project{fin("陵川县国道341线城区过境段改线工程", "2210-140524-48-01-999999")},
			JoinSummary{Matched: 1, ByName: 1}, nil, 1, []string{"陵川县西河底镇200MW风电项目"}},
		{"空格和半角括号", []ledger.Project{fin("陵川县太行山旅游公路 (附城段) 改造工程", "")},
			JoinSummary{Matched: 1, ByName: 1}, nil, 1, []string{"陵川县国道341线城区过境段改线工程", "陵川县西河底镇200MW风电项目"}},
		{"不在开复工台账", []ledger.Project{fin("陵川县古郊乡森林康养基地项目", ""), fin("陵川县礼义镇应急水源工程", "")},
			JoinSummary{Matched: 1, ByName: 1, Unknown: 1}, []int{5}, 1, []string{"陵川县国道341线城区过境段改线工程", "陵川县西河底镇200MW风电项目"}},
		{"同一项目两行", []ledger.Project{fin("陵川县西河底镇200MW风电项目", ""), fin("陵川县西河底镇200MW 风电项目", "")},
			JoinSummary{Matched: 2, ByName: 2}, nil, 1, []string{"陵川县国道341线城区过境段改线工程"}},
		{"没有名称也没有代码", []ledger.Project{{Fin: &ledger.Financing{Method: "银行贷款", Bank: bank, Need: w(100)}}},
			JoinSummary{}, nil, 0, []string{"陵川县国道341线城区过境段改线工程", "陵川县西河底镇200MW风电项目"}},
		{"只有代码，对不上", []ledger.Project{{Code: "2501-140524-04-01-000001", Fin: &ledger.Financing{Bank: bank, Need: w(100)}}},
			JoinSummary{Unknown: 1}, []int{5}, 0, []string{"陵川县国道341线城区过境段改线工程", "陵川县西河底镇200MW风电项目"}},
	}
	for _, c := range cases {
		kf := joinKaifugong("县/全县开复工台账.xlsx")
		rz := joinRongzi("县/融资需求台账.xlsx", c.rows...)
		before := len(rz.Findings)
		Join([]*Result{kf}, []*Result{rz})

		want := c.by
		want.With = []string{"县/全县开复工台账.xlsx"}
		if !reflect.DeepEqual(rz.Join, &want) {
			t.Errorf("%s: financing side %+v, want %+v", c.name, rz.Join, want)
		}
		var unknown []int
		for _, f := range rz.Findings {
			if f.Rule == RuleUnknownProject {
				unknown = append(unknown, f.Row)
				if f.Severity != SeverityWarning || !strings.Contains(f.Message, "在开复工台账（全县开复工台账.xlsx）中找不到") {
					t.Errorf("%s: %+v", c.name, f)
				}
			}
		}
		if !reflect.DeepEqual(unknown, c.unknown) {
			t.Errorf("%s: unknown-project on rows %v, want %v", c.name, unknown, c.unknown)
		}
		if len(rz.Findings) != before+len(c.unknown) {
			t.Errorf("%s: %d findings, want %d", c.name, len(rz.Findings), before+len(c.unknown))
		}
		wantKf := &JoinSummary{With: []string{"县/融资需求台账.xlsx"}, Financed: c.financed, KeyProjects: 2, KeyUnfinanced: c.unfinanced}
		if !reflect.DeepEqual(kf.Join, wantKf) {
			t.Errorf("%s: 开复工 side %+v, want %+v", c.name, kf.Join, wantKf)
		}
		for _, f := range kf.Findings {
			if f.Rule == RuleUnknownProject {
				t.Errorf("%s: unknown-project on the 开复工台账", c.name)
			}
		}
	}
}

// The finding sits on the name cell, or on the code cell of a row with no name.
func TestJoinFindingCell(t *testing.T) {
	kf := joinKaifugong("全县.xlsx")
	rz := joinRongzi("融资.xlsx",
		ledger.Project{Name: "陵川县古郊乡森林康养基地项目", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(100)}},
		ledger.Project{Code: "X-1", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(100)}})
	Join([]*Result{kf}, []*Result{rz})
	var got []string
	for _, f := range rz.Findings {
		if f.Rule == RuleUnknownProject {
			got = append(got, f.Cell+" "+string(f.Field)+" "+f.Value+" "+f.Sheet)
		}
	}
	want := []string{"C5 name 陵川县古郊乡森林康养基地项目 融资需求台账", "B6 code X-1 融资需求台账"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Several ledgers of each kind, in any order of kinds, joined twice: every financing row
// is matched against all 开复工台账 of the run, the first in run order wins, and a
// second Join replaces the first instead of adding to it.
func TestJoinSeveral(t *testing.T) {
	a, b := joinKaifugong("a.xlsx"), joinKaifugong("b.xlsx")
	b.Ledger.Projects = b.Ledger.Projects[:1]
	b.Ledger.Projects[0].Name, b.Ledger.Projects[0].Code = "陵川县六泉乡光伏扶贫电站扩容项目", ""
	r1 := joinRongzi("r1.xlsx", ledger.Project{Name: "陵川县六泉乡光伏扶贫电站扩容项目", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(1)}})
	r2 := joinRongzi("r2.xlsx",
		ledger.Project{Name: "陵川县西河底镇200MW风电项目", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(1)}},
		ledger.Project{Name: "陵川县古郊乡森林康养基地项目", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(1)}})
	other := joinKaifugong("c.xlsx") // a 开复工台账 passed among the financing ones is left alone

	for range 2 {
		Join([]*Result{a, b, r1}, []*Result{r2, r1, other})
	}
	if other.Join != nil {
		t.Errorf("a 开复工台账 in the financing list got %+v", other.Join)
	}
	if want := (&JoinSummary{With: []string{"a.xlsx", "b.xlsx"}, Matched: 1, ByName: 1, Unknown: 1}); !reflect.DeepEqual(r2.Join, want) {
		t.Errorf("r2 %+v, want %+v", r2.Join, want)
	}
	if want := (&JoinSummary{With: []string{"a.xlsx", "b.xlsx"}, Matched: 1, ByName: 1}); !reflect.DeepEqual(r1.Join, want) {
		t.Errorf("r1 %+v, want %+v", r1.Join, want)
	}
	n := 0
	for _, f := range r2.Findings {
		if f.Rule == RuleUnknownProject {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d unknown-project findings after two joins, want 1", n)
	}
	if a.Join.Financed != 1 || b.Join.Financed != 1 || !reflect.DeepEqual(a.Join.With, []string{"r2.xlsx", "r1.xlsx"}) {
		t.Errorf("a %+v, b %+v", a.Join, b.Join)
	}
}

// With no ledger of one kind there is nothing to join: no finding, no summary.
func TestJoinOneSide(t *testing.T) {
	rz := joinRongzi("r.xlsx", ledger.Project{Name: "陵川县古郊乡森林康养基地项目", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(1)}})
	n := len(rz.Findings)
	Join(nil, []*Result{rz})
	kf := joinKaifugong("k.xlsx")
	Join([]*Result{kf}, nil)
	Join([]*Result{nil}, []*Result{nil})
	if rz.Join != nil || kf.Join != nil || len(rz.Findings) != n {
		t.Errorf("joined alone: %+v %+v", rz.Join, kf.Join)
	}
}

// 重点项目 follow the rules Evaluate was given.
func TestJoinKeyProjectsFromRules(t *testing.T) {
	r := Default()
	r.KeyProjects.AnnualPlanMin = w(1000)
	l := joinKaifugong("k.xlsx").Ledger
	kf := Evaluate(l, r, Options{})
	rz := joinRongzi("r.xlsx", ledger.Project{Name: "陵川县礼义镇应急水源工程", Fin: &ledger.Financing{Bank: "甲行", DockStatus: "已对接", Need: w(1)}})
	Join([]*Result{kf}, []*Result{rz})
	if kf.Join.KeyProjects != 4 || len(kf.Join.KeyUnfinanced) != 3 {
		t.Errorf("%+v", kf.Join)
	}
}
