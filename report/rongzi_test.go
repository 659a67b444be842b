package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/rules"
)

// rongziResult is a checked 融资需求台账 joined with a 开复工台账: a funnel, totals by
// 融资方式 and by bank with amounts not given, one project without a bank, findings.
func rongziResult() *rules.Result {
	return &rules.Result{
		Ledger:     &ledger.Ledger{File: "testdata/融资需求台账.xlsx", Sheet: "融资需求台账", Kind: ledger.KindRongzi, HeaderRows: []int{3, 4}},
		AsOf:       ledger.DayDate(2025, 5, 31),
		AsOfSource: "title",
		Counts:     rules.Counts{Projects: 4},
		Financing: &rules.Financing{
			Counts: rules.FinancingCounts{Projects: 4, Docked: 3, Credited: 2, Signed: 1, Disbursed: 1},
			Amounts: rules.FinancingAmounts{Need: ledger.Wan(9500, 50), DockedNeed: ledger.Wan(8000, 50), Credit: ledger.Wan(6000, 0),
				Signed: ledger.Wan(3000, 0), Disbursed: ledger.Wan(1234, 56)},
			CreditRate:   rp(60000, 95005),
			DisburseRate: rp(123456, 600000),
			ByMethod: []rules.FinancingGroup{
				{Name: "银行贷款", Projects: 3, Need: ledger.Wan(8000, 50), Credit: ledger.Wan(6000, 0), Signed: ledger.Wan(3000, 0), Disbursed: ledger.Wan(1234, 56)},
				{Name: "PPP/特许经营", Projects: 1, Need: ledger.Wan(1500, 0)},
			},
			ByBank: []rules.FinancingGroup{
				{Name: "国家开发银行山西省分行", Projects: 2, Need: ledger.Wan(6000, 0), Credit: ledger.Wan(6000, 0), Signed: ledger.Wan(3000, 0), Disbursed: ledger.Wan(1234, 56)},
				{Name: "中国建设银行陵川支行", Projects: 1, Need: ledger.Wan(2000, 50)},
				{Name: "未对接", Projects: 1, Need: ledger.Wan(1500, 0)},
			},
			Unassigned: []string{"陵川县礼义镇应急水源工程"},
		},
		Join: &rules.JoinSummary{With: []string{"testdata/全县开复工台账.xlsx"}, Matched: 3, ByCode: 1, ByName: 2, Unknown: 1},
		Findings: []rules.Finding{
			{Rule: "financing-unassigned", Severity: rules.SeverityWarning, Sheet: "融资需求台账", Row: 7, Col: 7, Cell: "H7",
				Field: ledger.FieldBank, Project: "陵川县礼义镇应急水源工程",
				Message: "项目有融资需求1500.00万元，但没有对接金融机构，请组织银企对接、明确对接的金融机构后填写；如已不需要融资，请把对接状态改为“不需融资”。"},
			{Rule: "unknown-project", Severity: rules.SeverityWarning, Sheet: "融资需求台账", Row: 8, Col: 2, Cell: "C8",
				Field: ledger.FieldName, Value: "陵川县古郊乡森林康养基地项目", Project: "陵川县古郊乡森林康养基地项目",
				Message: "项目“陵川县古郊乡森林康养基地项目”在开复工台账（全县开复工台账.xlsx）中找不到，项目代码和项目名称都对不上；请按开复工台账核对项目名称或填写项目代码，如是新增项目，请先列入开复工台账。"},
		},
	}
}

var rongziOutcome = func() Outcome { return Outcome{File: "testdata/融资需求台账.xlsx", Result: rongziResult()} }

func TestRongziGolden(t *testing.T) {
	golden(t, "rongzi_table.txt", render(t, FormatTable, Options{}, rongziOutcome()))
	golden(t, "rongzi_markdown.txt", render(t, FormatMarkdown, Options{}, rongziOutcome()))
	golden(t, "rongzi_json.txt", render(t, FormatJSON, Options{}, rongziOutcome()))
}

// The JSON of a 融资需求台账 has the counts, amounts and metrics README.md documents, amounts as
// two-decimal strings (null when not given) and rates to 4 places.
func TestRongziJSON(t *testing.T) {
	var v map[string]json.RawMessage
	if err := json.Unmarshal(render(t, FormatJSON, Options{}, rongziOutcome()), &v); err != nil {
		t.Fatal(err)
	}
	keys := func(raw json.RawMessage) []string {
		dec := json.NewDecoder(bytes.NewReader(raw))
		var out []string
		depth := 0
		for {
			tok, err := dec.Token()
			if err != nil {
				return out
			}
			switch tok {
			case json.Delim('{'), json.Delim('['):
				depth++
				continue
			case json.Delim('}'), json.Delim(']'):
				depth--
				continue
			}
			if s, ok := tok.(string); ok && depth == 1 && dec.More() {
				out = append(out, s)
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return out
				}
			}
		}
	}
	for _, c := range []struct {
		key  string
		want []string
	}{
		{"counts", []string{"projects", "docked", "credited", "signed", "disbursed"}},
		{"amounts", []string{"need", "docked_need", "credit", "signed", "disbursed"}},
		{"metrics", []string{"credit_rate", "disburse_rate"}},
		{"financing", []string{"by_method", "by_bank", "unassigned"}},
		{"join", []string{"with", "matched", "by_code", "by_name", "unknown"}},
	} {
		if got := keys(v[c.key]); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s keys %v, want %v", c.key, got, c.want)
		}
	}
	var got struct {
		Kind    string                     `json:"kind"`
		Counts  map[string]int             `json:"counts"`
		Amounts map[string]*string         `json:"amounts"`
		Metrics map[string]float64         `json:"metrics"`
		Fin     map[string]json.RawMessage `json:"financing"`
		Targets []any                      `json:"targets"`
	}
	all, _ := json.Marshal(v)
	if err := json.Unmarshal(all, &got); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "rongzi" || got.Counts["docked"] != 3 || *got.Amounts["need"] != "9500.50" || *got.Amounts["disbursed"] != "1234.56" {
		t.Errorf("%+v", got)
	}
	if got.Metrics["credit_rate"] != 0.6315 || got.Metrics["disburse_rate"] != 0.2058 {
		t.Errorf("metrics %v", got.Metrics)
	}
	if got.Targets == nil || len(got.Targets) != 0 {
		t.Errorf("targets %v, want []", got.Targets)
	}
	var methods []map[string]any
	if err := json.Unmarshal(got.Fin["by_method"], &methods); err != nil {
		t.Fatal(err)
	}
	if methods[1]["name"] != "PPP/特许经营" || methods[1]["need"] != "1500.00" || methods[1]["credit"] != nil {
		t.Errorf("by_method[1] %v", methods[1])
	}
	if string(got.Fin["unassigned"]) != `["陵川县礼义镇应急水源工程"]` {
		t.Errorf("unassigned %s", got.Fin["unassigned"])
	}

	// With nothing unassigned and not joined: an empty list, no join key.
	res := rongziResult()
	res.Financing.Unassigned, res.Join = nil, nil
	out := render(t, FormatJSON, Options{}, Outcome{File: "x.xlsx", Result: res})
	if !bytes.Contains(out, []byte(`"unassigned": []`)) || bytes.Contains(out, []byte(`"join"`)) {
		t.Errorf("unjoined output:\n%s", out)
	}
}

// A 开复工台账 joined with a 融资需求台账 says how many of its projects have financing rows
// and which 重点项目 have none; unjoined it stays as it was (the golden files).
func TestKaifugongJoined(t *testing.T) {
	res := mayResult()
	res.Join = &rules.JoinSummary{With: []string{"testdata/融资需求台账.xlsx"}, Financed: 13, KeyProjects: 10,
		KeyUnfinanced: []string{"陵川县平城镇50MW分散式风电项目", "陵川县附城镇分布式光伏发电项目"}}
	o := Outcome{File: "testdata/全县开复工台账.xlsx", Result: res}

	var v struct {
		Join map[string]any `json:"join"`
	}
	if err := json.Unmarshal(render(t, FormatJSON, Options{}, o), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"with": []any{"testdata/融资需求台账.xlsx"}, "financed": 13.0, "key_projects": 10.0,
		"key_unfinanced": []any{"陵川县平城镇50MW分散式风电项目", "陵川县附城镇分布式光伏发电项目"}}
	if !reflect.DeepEqual(v.Join, want) {
		t.Errorf("join %v, want %v", v.Join, want)
	}
	for _, f := range []Format{FormatTable, FormatMarkdown} {
		out := string(render(t, f, Options{}, o))
		for _, s := range []string{"融资对接情况", "融资需求台账：融资需求台账.xlsx", "有融资需求记录的项目 13 个；重点项目 10 个，其中没有融资需求记录的 2 个。",
			"没有融资需求记录的重点项目：陵川县平城镇50MW分散式风电项目、陵川县附城镇分布式光伏发电项目。"} {
			if !strings.Contains(out, s) {
				t.Errorf("%s lacks %q", f, s)
			}
		}
		plain := string(render(t, f, Options{}, mayOutcome()))
		if strings.Contains(plain, "融资") {
			t.Errorf("%s of an unjoined 开复工台账 mentions 融资", f)
		}
	}
}

// The financing tables stay aligned and narrow like the others.
func TestRongziTableAligned(t *testing.T) {
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("TERM", "")
	assertAligned(t, string(render(t, FormatTable, Options{}, rongziOutcome())))
}

// A 融资需求台账 built by hand without Financing still renders (counts from Result.Counts).
func TestRongziWithoutFinancing(t *testing.T) {
	res := &rules.Result{Ledger: &ledger.Ledger{File: "r.xlsx", Kind: ledger.KindRongzi}, Counts: rules.Counts{Projects: 2}}
	for _, f := range []Format{FormatTable, FormatMarkdown, FormatJSON} {
		out := string(render(t, f, Options{}, Outcome{File: "r.xlsx", Result: res}))
		if !strings.Contains(out, "2") {
			t.Errorf("%s: %s", f, out)
		}
	}
}
