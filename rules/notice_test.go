package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The default notice is the plan's quarterly goals, one requirement a paragraph, its
// lines joined without the spaces YAML folds them into.
func TestDefaultNotice(t *testing.T) {
	n := Default().Notice
	if n.Addressee != "各乡镇人民政府，县直有关单位" || n.Issuer != "县项目攻坚专班办公室" {
		t.Errorf("addressee %q, issuer %q", n.Addressee, n.Issuer)
	}
	if len(n.NextSteps) != 5 {
		t.Fatalf("%d next steps, want 5", len(n.NextSteps))
	}
	for _, goal := range []string{"开门红", "双过半", "超序时", "收好官"} {
		if !strings.Contains(n.NextSteps[0], goal) {
			t.Errorf("the first requirement does not name %s: %s", goal, n.NextSteps[0])
		}
	}
	for _, s := range n.NextSteps {
		if strings.ContainsAny(s, " \n") {
			t.Errorf("a space or line break left in %q", s)
		}
		if !strings.HasSuffix(s, "。") {
			t.Errorf("requirement does not end a sentence: %q", s)
		}
	}
}

func TestParseNotice(t *testing.T) {
	r, err := Parse("r.yaml", []byte("notice:\n  issuer: 陵川县项目攻坚专班办公室\n  addressee: 各乡镇人民政府，示范区管委会，县直有关单位：\n"+
		"  next_steps:\n    - 抓开工。各乡镇要\n      加快 PPP\n      项目和 5G\n      基站建设。\n    - 抓投资。\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Notice{
		Addressee: "各乡镇人民政府，示范区管委会，县直有关单位", // the colon is the 通报's
		Issuer:    "陵川县项目攻坚专班办公室",
		NextSteps: []string{"抓开工。各乡镇要加快PPP项目和5G基站建设。", "抓投资。"},
	}
	if !reflect.DeepEqual(r.Notice, want) {
		t.Errorf("notice\n got %+v\nwant %+v", r.Notice, want)
	}

	// A key left out keeps the default; an empty list leaves the part out.
	r, err = Parse("r.yaml", []byte("notice:\n  next_steps: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if def := Default().Notice; r.Notice.Issuer != def.Issuer || r.Notice.Addressee != def.Addressee || len(r.Notice.NextSteps) != 0 {
		t.Errorf("notice %+v", r.Notice)
	}

	// Changing a parsed copy leaves the default alone.
	r.Notice.NextSteps = append(r.Notice.NextSteps, "改")
	d := Default()
	d.Notice.NextSteps[0] = "改"
	if Default().Notice.NextSteps[0] == "改" {
		t.Error("the default's requirements were changed through a copy")
	}
}

func TestParseNoticeErrors(t *testing.T) {
	long := strings.Repeat("长", 401)
	for _, tt := range []struct{ yaml, want string }{
		{"notice:\n  sender: 甲\n", "r.yaml:2:3: 未知的键“sender”，notice 里可用的键有 addressee、issuer、next_steps"},
		{"notice: 县发改局\n", "r.yaml:1:9: notice 应写成“键: 值”的形式"},
		{"notice:\n  issuer:\n", "r.yaml:2:10: issuer 没有填写，请填写或删去这一项"},
		{"notice:\n  next_steps: 抓开工。\n", "r.yaml:2:15: next_steps 应是列表，每项以“- ”开头或写成 [甲, 乙]"},
		{"notice:\n  next_steps:\n    - 抓开工。\n    - 抓开工。\n", "r.yaml:4:7: next_steps 里有两条相同的要求，请删去一条"},
		{"notice:\n  next_steps:\n    - [甲, 乙]\n", "r.yaml:3:7: next_steps 的一项 应是一个值，不是列表或映射"},
		{"notice:\n  next_steps:\n    - " + long + "\n", "r.yaml:3:7: next_steps 的一项 有 401 个字，太长了，请精简到 400 个字以内"},
		{"notice:\n  addressee: " + strings.Repeat("各乡镇，", 16) + "\n", "r.yaml:2:14: addressee 有 64 个字，太长了，请精简到 60 个字以内"},
	} {
		_, err := Parse("r.yaml", []byte(tt.yaml))
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%q: err = %v, want *FileError", tt.yaml, err)
			continue
		}
		if got := fe.Error(); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.yaml, got, tt.want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	for in, want := range map[string]string{
		"抓开工。 各乡镇":  "抓开工。各乡镇",
		"加快 PPP 项目": "加快PPP项目",
		"5G 基站":     "5G基站",
		"A B  c":    "A B c",
		" 前后有空格 ":   "前后有空格",
		"第 3 个 季度":  "第3个季度",
		"“开门红” 目标":  "“开门红”目标",
	} {
		if got := joinLines(in); got != want {
			t.Errorf("joinLines(%q) = %q, want %q", in, got, want)
		}
	}
}
