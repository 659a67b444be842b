package rules

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongjian/ledger"
)

// pct is a target written "N%" in a rules file, made the way the file's is.
func pct(n string) ledger.Rate {
	r, _ := ledger.ParseRate(n)
	return r.Mul(ledger.NewRate(1, 100))
}

// frac is a target written as a fraction ("0.8").
func frac(s string) ledger.Rate {
	r, _ := ledger.ParseRate(s)
	return r
}

// TestDefault guards the embedded file: it must parse and say what docs/统计口径.md says.
func TestDefault(t *testing.T) {
	r := Default()
	want := []Milestone{
		{"一季度开门红", MonthDay{3, 31}, []TargetRule{
			{Metric: MetricContinuingResumeRate, Min: pct("100")},
			{Metric: MetricNewStartRate, Min: pct("50")},
		}},
		{"上半年双过半", MonthDay{6, 30}, []TargetRule{
			{Metric: MetricNewStartRate, Min: pct("90")},
			{Metric: MetricInvestmentRate, Min: pct("50")},
		}},
		{"三季度超序时", MonthDay{9, 30}, []TargetRule{
			{Metric: MetricNewStartRate, Min: pct("100")},
			{Metric: MetricInvestmentRate, Schedule: true},
		}},
		{"四季度收好官", MonthDay{12, 31}, []TargetRule{
			{Metric: MetricInvestmentRate, Min: pct("100")},
		}},
		{"招商引资项目当年开工", MonthDay{12, 31}, []TargetRule{
			{Metric: MetricNewStartRate, Min: pct("40"), Where: map[ledger.Field]string{ledger.FieldCategory: "招商引资"}},
		}},
	}
	if !reflect.DeepEqual(r.Milestones, want) {
		t.Errorf("milestones:\n got %+v\nwant %+v", r.Milestones, want)
	}
	if r.Version != 1 || r.Unit != "万元" || r.Schedule != ScheduleMonth {
		t.Errorf("version/unit/schedule = %d %q %q", r.Version, r.Unit, r.Schedule)
	}
	if r.Alerts.ScheduleLagPoints != (LagPoints{Yellow: 10, Red: 30}) {
		t.Errorf("alerts = %+v", r.Alerts)
	}
	if r.KeyProjects.AnnualPlanMin != ledger.Wan(5000, 0) || r.KeyProjects.TotalMin != ledger.Wan(10000, 0) {
		t.Errorf("key projects = %v %v", r.KeyProjects.AnnualPlanMin, r.KeyProjects.TotalMin)
	}
	if r.StatsTotalMin != ledger.Wan(500, 0) {
		t.Errorf("stats_total_min = %v", r.StatsTotalMin)
	}
	wantValues := Values{
		Nature:           []string{"新建", "续建", "终止", "预备"},
		StartedStatus:    []string{"已开工", "已复工", "开工", "复工", "是", "已竣工", "竣工", "在建"},
		NotStartedStatus: []string{"未开工", "未复工", "否"},
		StatsYes:         []string{"是", "已入库", "已纳统"},
		StatsNo:          []string{"否", "未入库"},
		Method: []string{"银行贷款", "专项债券", "中央预算内投资", "超长期特别国债", "政策性开发性金融工具",
			"制造业中长期贷款", "PPP/特许经营", "融资租赁", "信托", "基金", "自筹"},
		DockStatus: []string{"未对接", "已对接", "审批中", "已授信", "已签约", "部分放款", "已放款", "终止", "不需融资"},
	}
	if !reflect.DeepEqual(r.Values, wantValues) {
		t.Errorf("values:\n got %+v\nwant %+v", r.Values, wantValues)
	}
	wantTowns := []string{"崇文镇", "礼义镇", "附城镇", "西河底镇", "平城镇", "杨村镇", "潞城镇", "夺火乡", "马圪当乡", "古郊乡", "六泉乡", "秦家庄乡"}
	if !reflect.DeepEqual(r.Towns, wantTowns) {
		t.Errorf("towns = %v", r.Towns)
	}
}

func TestDefaultIsACopy(t *testing.T) {
	a := Default()
	a.Milestones[0].Targets[0].Min = frac("0.1")
	a.Milestones[4].Targets[0].Where[ledger.FieldCategory] = "x"
	a.Towns[0] = "x"
	b := Default()
	if b.Milestones[0].Targets[0].Min.Cmp(ledger.NewRate(1, 1)) != 0 || b.Milestones[4].Targets[0].Where[ledger.FieldCategory] != "招商引资" || b.Towns[0] != "崇文镇" {
		t.Error("changing one Default() changed the next")
	}
}

// The printed default, parsed as a user's file, gives the default back.
func TestParseDefaultYAML(t *testing.T) {
	r, err := Parse("rules.yaml", DefaultYAML())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, Default()) {
		t.Error("Parse(DefaultYAML()) differs from Default()")
	}
}

// Keys a file leaves out keep their defaults; lists it gives replace the default lists.
func TestParseKeepsDefaults(t *testing.T) {
	r, err := Parse("r.yaml", []byte("schedule: day\nalerts:\n  schedule_lag_points: {yellow: 5}\ntowns: [甲镇]\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	if r.Schedule != ScheduleDay || r.Alerts.ScheduleLagPoints != (LagPoints{5, 30}) {
		t.Errorf("schedule %q, alerts %+v", r.Schedule, r.Alerts)
	}
	if !reflect.DeepEqual(r.Milestones, d.Milestones) || !reflect.DeepEqual(r.Values, d.Values) {
		t.Error("milestones or values not kept from the default")
	}
	if !reflect.DeepEqual(r.Towns, []string{"甲镇"}) {
		t.Errorf("towns = %v", r.Towns)
	}

	r, err = Parse("r.yaml", []byte("milestones:\n  - name: 年中\n    due: \"7-1\"\n    targets:\n      - {metric: start_rate, min: 0.8}\n      - {metric: investment_rate, min: 序时进度, where: {项目类别: 工业, town: 礼义镇}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Milestone{{"年中", MonthDay{7, 1}, []TargetRule{
		{Metric: MetricStartRate, Min: frac("0.8")},
		{Metric: MetricInvestmentRate, Schedule: true, Where: map[ledger.Field]string{ledger.FieldCategory: "工业", ledger.FieldTown: "礼义镇"}},
	}}}
	if !reflect.DeepEqual(r.Milestones, want) {
		t.Errorf("milestones = %+v", r.Milestones)
	}
}

func TestParseErrors(t *testing.T) {
	ms := "milestones:\n  - name: 一季度\n    due: \"03-31\"\n    targets:\n"
	tests := []struct {
		name, yaml string
		want       []string // full "file:line:col: message" lines
	}{
		{"unknown metric", ms + "      - {metric: new_start_rate, min: 50%}\n      - {metric: new_start_rat, min: 50%}\n",
			[]string{"rules.yaml:6:18: 未知指标“new_start_rat”，可用的指标有 new_start_rate、continuing_resume_rate、start_rate、investment_rate"}},
		{"unknown top key", "version: 1\nmilestone: []\n",
			[]string{"rules.yaml:2:1: 未知的键“milestone”，规则文件里可用的键有 version、unit、schedule、milestones、alerts、key_projects、stats_total_min、values、towns、columns、notice"}},
		{"unknown target key", ms + "      - {metric: start_rate, mini: 50%}\n",
			[]string{"rules.yaml:5:30: 未知的键“mini”，目标里可用的键有 metric、min、where", "rules.yaml:5:9: 目标缺少 min，请写最低要求，如 min: 50%"}},
		{"percent over 100", ms + "      - {metric: start_rate, min: 120%}\n",
			[]string{"rules.yaml:5:35: 百分比“120%”超出范围，应在 0% 到 100% 之间"}},
		{"bare number over 1", ms + "      - {metric: start_rate, min: 50}\n",
			[]string{"rules.yaml:5:35: 最低要求“50”请写成“50%”：不带百分号的数只能是 0 到 1 之间的小数"}},
		{"negative", ms + "      - {metric: start_rate, min: -0.5}\n",
			[]string{"rules.yaml:5:35: 最低要求“-0.5”不能为负数，应在 0% 到 100% 之间"}},
		{"min words", ms + "      - {metric: start_rate, min: 一半}\n",
			[]string{"rules.yaml:5:35: 最低要求“一半”无法识别，请写成百分比如“50%”，或写 schedule 表示序时进度"}},
		{"due not month-day", "milestones:\n  - name: 甲\n    due: \"2025-03-31\"\n    targets: [{metric: start_rate, min: 50%}]\n",
			[]string{"rules.yaml:3:10: 到期日“2025-03-31”不是“月-日”，请写成如 \"06-30\" 的日期"}},
		{"due impossible", "milestones:\n  - name: 甲\n    due: 06-31\n    targets: [{metric: start_rate, min: 50%}]\n",
			[]string{"rules.yaml:3:10: 到期日“06-31”不是“月-日”，请写成如 \"06-30\" 的日期"}},
		{"due out of order", "milestones:\n  - name: 上半年\n    due: \"06-30\"\n    targets: [{metric: start_rate, min: 50%}]\n  - name: 一季度\n    due: \"03-31\"\n    targets: [{metric: start_rate, min: 50%}]\n",
			[]string{"rules.yaml:6:10: 到期日“03-31”早于上一个里程碑“上半年”的“06-30”，里程碑请按到期日先后排列"}},
		{"unknown where field", ms + "      - {metric: start_rate, min: 50%, where: {catgory: 招商引资}}\n",
			[]string{"rules.yaml:5:48: 未知字段“catgory”，可用的字段有 town、nature、category、level、unit、leader、owner"}},
		{"schedule", "schedule: week\n",
			[]string{"rules.yaml:1:11: 序时进度算法“week”无效，请写 month（按月，n/12）或 day（按天）"}},
		{"yellow above red", "alerts:\n  schedule_lag_points: {yellow: 40, red: 30}\n",
			[]string{"rules.yaml:2:33: 黄灯线 40 个百分点大于红灯线 30 个百分点，yellow 应不大于 red"}},
		{"yellow above default red", "alerts:\n  schedule_lag_points:\n    yellow: 35\n",
			[]string{"rules.yaml:3:13: 黄灯线 35 个百分点大于红灯线 30 个百分点，yellow 应不大于 red"}},
		{"points with percent", "alerts:\n  schedule_lag_points: {yellow: 10%}\n",
			[]string{"rules.yaml:2:33: yellow 是个百分点，请直接写数字，如 10，不带百分号"}},
		{"wrong type", "milestones: 一季度\n",
			[]string{"rules.yaml:1:13: milestones 应是列表，每项以“- ”开头或写成 [甲, 乙]"}},
		{"mapping expected", "alerts: 10\n",
			[]string{"rules.yaml:1:9: alerts 应写成“键: 值”的形式"}},
		{"bad amount", "key_projects:\n  annual_plan_min: 五千\n",
			[]string{"rules.yaml:2:20: annual_plan_min 应是万元数，如 5000，现在是“五千”"}},
		{"negative amount", "stats_total_min: -1\n",
			[]string{"rules.yaml:1:18: stats_total_min 不能为负数"}},
		{"duplicate key", "schedule: month\nschedule: day\n",
			[]string{"rules.yaml:2:1: 键“schedule”重复（第 1 行已有），请删去其中一个"}},
		{"version", "version: 2\n", []string{"rules.yaml:1:10: 不支持的版本“2”，请写 version: 1"}},
		{"unit", "unit: 亿元\n", []string{"rules.yaml:1:7: 金额单位“亿元”不支持，请写 unit: 万元，金额都按万元填写"}},
		{"status in both lists", "values:\n  not_started_status: [未开工, 是]\n",
			[]string{"rules.yaml:2:23: “是”同时出现在 started_status 和 not_started_status 里，请只放在一处"}},
		{"missing name and targets", "milestones:\n  - due: \"03-31\"\n",
			[]string{"rules.yaml:2:5: 里程碑缺少 name，请写上名称，如 name: 上半年双过半", "rules.yaml:2:5: 里程碑缺少 targets，请至少写一个目标，如 - {metric: new_start_rate, min: 50%}"}},
		{"tab", "alerts:\n\tschedule_lag_points: {yellow: 10}\n",
			[]string{"rules.yaml:2:1: 这一行用 Tab 缩进了，YAML 只能用空格缩进，请把 Tab 换成空格"}},
		{"syntax", "alerts: {yellow: 10\n", []string{"rules.yaml:1: YAML 格式有误，请检查这一行附近的缩进（只用空格）、冒号和引号"}},
		{"empty", "# 只有注释\n", []string{"rules.yaml: 规则文件是空的，请写入规则，或用 gongjian rules init 生成一份默认规则再修改"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("rules.yaml", []byte(tt.yaml))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want *FileError", err)
			}
			if got := strings.Split(fe.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestParseAcceptsForms(t *testing.T) {
	tests := []struct {
		min          string
		want         float64
		wantSchedule bool
	}{
		{"50%", 0.5, false}, {"\"100%\"", 1, false}, {"0.9", 0.9, false}, {"1", 1, false},
		{"0", 0, false}, {"33.5%", 0.335, false}, {"５０％", 0.5, false}, {"schedule", 0, true},
	}
	for _, tt := range tests {
		data := "milestones:\n  - name: 甲\n    due: \"3-31\"\n    targets: [{metric: start_rate, min: " + tt.min + "}]\n"
		r, err := Parse("r.yaml", []byte(data))
		if err != nil {
			t.Errorf("min %s: %v", tt.min, err)
			continue
		}
		got := r.Milestones[0].Targets[0]
		if !near(got.Min.Float(), tt.want) || got.Schedule != tt.wantSchedule {
			t.Errorf("min %s = %v schedule %v", tt.min, got.Min, got.Schedule)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "规则.yaml")
	if err := os.WriteFile(path, []byte("schedule: day\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(path)
	if err != nil || r.Schedule != ScheduleDay {
		t.Fatalf("Load = %v, %v", r, err)
	}
	_, err = Load(filepath.Join(dir, "没有.yaml"))
	var fe *FileError
	if !errors.As(err, &fe) || !strings.HasSuffix(fe.Error(), "没有.yaml: 规则文件不存在，请检查路径。") {
		t.Errorf("missing file: %v", err)
	}
}

// columns: gives the county's own header names per field, by id or by Chinese header;
// the reader receives them through ReadOptions.
func TestParseColumns(t *testing.T) {
	r, err := Parse("r.yaml", []byte("columns:\n  leader: [县级领导, 市级领导]\n  本年完成投资: [截至本月完成额]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[ledger.Field][]string{ledger.FieldLeader: {"县级领导", "市级领导"}, ledger.FieldDone: {"截至本月完成额"}}
	if !reflect.DeepEqual(r.Columns, want) {
		t.Errorf("columns = %v", r.Columns)
	}
	if got := r.ReadOptions(ledger.Options{Sheet: "5月"}); got.Sheet != "5月" || !reflect.DeepEqual(got.Columns, want) {
		t.Errorf("read options %+v", got)
	}
	c := r.clone()
	c.Columns[ledger.FieldLeader][0] = "x"
	if r.Columns[ledger.FieldLeader][0] != "县级领导" {
		t.Error("a clone shares its columns")
	}
	if Default().Columns != nil {
		t.Error("the default rules name no columns")
	}
	for _, tt := range []struct{ yaml, want string }{
		{"columns: [县级领导]\n", "r.yaml:1:10: columns 应写成“字段: [列名, 列名]”的形式，如 leader: [县级领导, 市级领导]"},
		{"columns:\n  plan_to_date: [甲]\n", "r.yaml:2:3: 未知字段“plan_to_date”"},
		{"columns:\n  leader: 县级领导\n", "r.yaml:2:11: columns 的 leader 应是列表"},
		{"columns:\n  leader: [甲]\n  包联领导: [乙]\n", "r.yaml:3:3: 字段“包联领导”在 columns 里写了两次"},
	} {
		_, err := Parse("r.yaml", []byte(tt.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
