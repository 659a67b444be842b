package ledger

import (
	"slices"
	"testing"
)

// A 项目类别 column holding 在建项目 / 未开工项目 / 已竣工 (a province's 上报 template) is
// 开工状态; one holding kinds of projects, or only 在建, stays 项目类别.
func TestStatusCategory(t *testing.T) {
	const head = "2025年重点项目上报表\n"
	for _, tt := range []struct {
		name, csv    string
		field, note  string // what column B is read as, and why
		status, cats []string
	}{{
		name:   "在建项目, 未开工项目, 已竣工",
		csv:    head + "项目名称,项目类别,年度计划投资,1-5月完成投资\n甲,在建项目,100,40\n乙,未开工项目,200,0\n丙,已竣工,50,50\n丁, 在建项目 ,80,20\n",
		field:  "status",
		note:   "填的是在建项目、已竣工、未开工项目，不是项目类别",
		status: []string{"在建", "未开工", "已竣工", "在建"},
		cats:   []string{"", "", "", ""},
	}, {
		name:   "beside a 开工状态 column of its own",
		csv:    head + "项目名称,项目类别,年度计划投资,1-5月完成投资,是否开工\n甲,在建项目,100,40,是\n乙,未开工项目,200,0,否\n",
		field:  "-",
		note:   "填的是在建项目、未开工项目，是开工状态；已有E列“是否开工”",
		status: []string{"是", "否"},
		cats:   []string{"", ""},
	}, {
		name:   "sections give the 类别",
		csv:    head + "序号,项目名称,项目类别,年度计划投资,1-5月完成投资\n一、工业项目\n1,甲,在建项目,100,40\n二、基础设施项目\n2,乙,未开工项目,200,0\n3,丙,,50,0\n",
		field:  "status",
		note:   "填的是在建项目、未开工项目，不是项目类别",
		status: []string{"在建", "未开工", ""},
		cats:   []string{"工业", "基础设施", "基础设施"},
	}, {
		name:   "kinds of projects",
		csv:    head + "项目名称,项目类别,年度计划投资,1-5月完成投资\n甲,工业项目,100,40\n乙,在建项目,200,0\n",
		field:  "category",
		status: []string{"", ""},
		cats:   []string{"工业项目", "在建项目"},
	}, {
		name:   "only 在建",
		csv:    head + "项目名称,项目类别,年度计划投资,1-5月完成投资\n甲,在建项目,100,40\n乙,在建项目,200,0\n",
		field:  "category",
		status: []string{"", ""},
		cats:   []string{"在建项目", "在建项目"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			l := readCSVText(t, tt.csv)
			var col *Column
			for i := range l.Columns {
				if l.Columns[i].Known == FieldCategory || l.Columns[i].Known == FieldStatus && l.Columns[i].Header == "项目类别" {
					col = &l.Columns[i]
				}
			}
			if col == nil {
				t.Fatalf("no 项目类别 column in %+v", l.Columns)
			}
			field := string(col.Field)
			if field == "" {
				field = "-"
			}
			if field != tt.field || col.Note != tt.note {
				t.Errorf("项目类别 read as %s (%q), want %s (%q)", field, col.Note, tt.field, tt.note)
			}
			var status, cats []string
			for _, p := range l.Projects {
				status, cats = append(status, p.Status), append(cats, p.Category)
			}
			if !slices.Equal(status, tt.status) || !slices.Equal(cats, tt.cats) {
				t.Errorf("开工状态 %q, 类别 %q; want %q, %q", status, cats, tt.status, tt.cats)
			}
		})
	}
}
