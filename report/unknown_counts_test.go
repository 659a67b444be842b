package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

// A count the ledger's columns cannot give — the 新建/续建 split without 建设性质, the
// started ones without 实际开工时间 or 开工状态 — is said to be unknown in every format:
// "-" in tables, null in JSON, and in the sentences the split left out with the reason.
func TestUnknownCounts(t *testing.T) {
	const head = "2025年1-5月重点项目调度表\n"
	for _, tt := range []struct {
		name, csv string
		summary   string   // check's 项目数 line
		sentence  string   // the report's opening figures
		cells     []string // the report's 新建项目, 其中已开工, 续建项目, 其中已复工
		json      string   // check's counts
	}{{
		name:     "no 建设性质, no start",
		csv:      head + "项目名称,年度计划投资,1-5月完成投资\n甲项目,100,40\n乙项目,200,90\n",
		summary:  "2 个（台账没有建设性质列，无法分新建、续建；没有实际开工时间和开工状态列，无法统计开工、复工）",
		sentence: "纳入调度的项目共2个（台账没有建设性质列，无法分新建、续建）。",
		cells:    []string{"-", "-", "-", "-"},
		json:     `{"projects":2,"new":null,"new_started":null,"continuing":null,"continuing_resumed":null,"reserve":null}`,
	}, {
		name:     "no 建设性质, a 开工状态",
		csv:      head + "项目名称,年度计划投资,1-5月完成投资,开工状态\n甲项目,100,40,已开工\n乙项目,200,90,未开工\n",
		summary:  "2 个，已开复工 1 个（台账没有建设性质列，无法分新建、续建）",
		sentence: "纳入调度的项目共2个，已开复工1个，开复工率50.0%（台账没有建设性质列，无法分新建、续建）。",
		cells:    []string{"-", "-", "-", "-"},
		json:     `{"projects":2,"new":null,"new_started":null,"continuing":null,"continuing_resumed":null,"reserve":null}`,
	}, {
		name:     "建设性质, no start",
		csv:      head + "项目名称,建设性质,年度计划投资,1-5月完成投资\n甲项目,新建,100,40\n乙项目,续建,200,90\n丙项目,预备,50,0\n",
		summary:  "3 个，其中新建 1 个，续建 1 个（台账没有实际开工时间和开工状态列，无法统计开工、复工），预备 1 个（不计入开工率、复工率）",
		sentence: "纳入调度的项目共3个，其中新建项目1个、续建项目1个（台账没有实际开工时间和开工状态列，无法统计开工、复工）。",
		cells:    []string{"1", "-", "1", "-"},
		json:     `{"projects":3,"new":1,"new_started":null,"continuing":1,"continuing_resumed":null,"reserve":1}`,
	}, {
		name:     "both",
		csv:      head + "项目名称,建设性质,年度计划投资,1-5月完成投资,开工状态\n甲项目,新建,100,40,已开工\n乙项目,续建,200,90,未复工\n",
		summary:  "2 个，其中新建 1 个（已开工 1 个），续建 1 个（已复工 0 个）",
		sentence: "纳入调度的项目共2个，其中新建项目1个、已开工1个，开工率100.0%；续建项目1个、已复工0个，复工率0.0%。",
		cells:    []string{"1", "1", "1", "0"},
		json:     `{"projects":2,"new":1,"new_started":1,"continuing":1,"continuing_resumed":0,"reserve":0}`,
	}} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "调度表.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := ledger.Read(path, ledger.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := rules.Default()
			res := rules.Evaluate(l, r, rules.Options{})
			o := Outcome{File: path, Result: res}

			for _, f := range []Format{FormatTable, FormatMarkdown} {
				if out := string(render(t, f, Options{}, o)); !strings.Contains(out, tt.summary) {
					t.Errorf("check --format %s has no %q:\n%s", f, tt.summary, out)
				}
			}
			var checked struct {
				Counts json.RawMessage `json:"counts"`
			}
			if err := json.Unmarshal(render(t, FormatJSON, Options{}, o), &checked); err != nil {
				t.Fatal(err)
			}
			if got := compactJSON(t, checked.Counts); got != tt.json {
				t.Errorf("check JSON counts %s, want %s", got, tt.json)
			}

			m := BuildMonthly(res, r, MonthlyOptions{})
			var table, md, csv, js bytes.Buffer
			for _, w := range []struct {
				buf   *bytes.Buffer
				write func(*bytes.Buffer, *Monthly) error
			}{
				{&table, func(b *bytes.Buffer, m *Monthly) error { return WriteMonthlyTable(b, m) }},
				{&md, func(b *bytes.Buffer, m *Monthly) error { return WriteMonthlyMarkdown(b, m) }},
				{&csv, func(b *bytes.Buffer, m *Monthly) error { return WriteMonthlyCSV(b, m) }},
				{&js, func(b *bytes.Buffer, m *Monthly) error { return WriteMonthlyJSON(b, m) }},
			} {
				if err := w.write(w.buf, m); err != nil {
					t.Fatal(err)
				}
			}
			for name, out := range map[string]string{"table": table.String(), "markdown": md.String()} {
				if !strings.Contains(strings.ReplaceAll(out, "\n", ""), tt.sentence) {
					t.Errorf("report --format %s has no %q:\n%s", name, tt.sentence, out)
				}
			}
			labels := []string{"新建项目", "其中已开工", "续建项目", "其中已复工"}
			for i, label := range labels {
				if got := overviewCell(m, label); got != tt.cells[i] {
					t.Errorf("主要指标 %s = %q, want %q", label, got, tt.cells[i])
				}
				// CSV holds numbers: an unknown count is an empty cell, as an unknown rate is.
				want := label + "," + strings.TrimPrefix(tt.cells[i], "-") + "\r\n"
				if !strings.Contains(csv.String(), want) {
					t.Errorf("report CSV has no %q", want)
				}
			}
			var reported struct {
				Overall struct {
					Counts json.RawMessage `json:"counts"`
				} `json:"overall"`
			}
			if err := json.Unmarshal(js.Bytes(), &reported); err != nil {
				t.Fatal(err)
			}
			if got := compactJSON(t, reported.Overall.Counts); got != tt.json {
				t.Errorf("report JSON counts %s, want %s", got, tt.json)
			}
		})
	}
}

// overviewCell is the value of one row of the report's 主要指标 table.
func overviewCell(m *Monthly, label string) string {
	for _, s := range m.sections() {
		for _, tb := range s.tables() {
			if tb.Name != "主要指标" {
				continue
			}
			for _, r := range tb.Rows {
				if r[0].Text == label {
					return r[1].Text
				}
			}
		}
	}
	return "(no row)"
}

func compactJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
