package ledger

import (
	"slices"
	"strings"
	"testing"
)

// sameNameCases are pairs of ways to write one project's name; fuzz_test.go seeds from them.
var sameNameCases = []struct {
	name string
	a, b string
}{
	{"空格与全角括号", "陵川县 供水（一期）工程", "陵川县供水(一期)工程"},
	{"换行", "陵川县\n供水工程", "陵川县供水工程"},
	{"回车换行", "陵川县\r\n供水工程", "陵川县供水工程"},
	{"全角空格", "陵川县\u3000供水工程", "陵川县供水工程"},
	{"不换行空格", "陵川县\u00a0供水工程", "陵川县供水工程"},
	{"零宽空格", "陵川县\u200b供水工程\ufeff", "陵川县供水工程"},
	{"方括号", "【陵川县】供水工程", "(陵川县)供水工程"},
	{"六角括号", "陵川县〔2025〕供水工程", "陵川县(2025)供水工程"},
	{"全角方括号", "陵川县［一期］", "陵川县(一期)"},
	{"全角字母数字", "ＰＰＰ项目１期", "PPP项目1期"},
	{"大小写", "G207国道改线", "g207国道改线"},
	{"中文引号", "“美丽乡村”建设", "美丽乡村建设"},
	{"英文引号", "\"美丽乡村\"建设", "美丽乡村建设"},
	{"单引号", "‘美丽乡村’建设", "美丽乡村建设"},
	{"直角引号", "「美丽乡村」建设", "美丽乡村建设"},
	{"顿号与逗号", "供水、供暖工程", "供水，供暖工程"},
	{"分号", "供水；供暖工程", "供水;供暖工程"},
	{"破折号", "陵川—晋城公路", "陵川-晋城公路"},
	{"全角连字符", "陵川－晋城公路", "陵川-晋城公路"},
	{"首尾空白", "  陵川县供水工程 \t", "陵川县供水工程"},
}

var differentNameCases = []struct {
	name string
	a, b string
}{
	{"期数不同", "陵川县供水(一期)工程", "陵川县供水(二期)工程"},
	{"多一个字", "陵川县供水工程", "陵川县供水管网工程"},
	{"乡镇不同", "礼义镇污水处理厂", "崇文镇污水处理厂"},
	{"数字不同", "G207国道改线", "G208国道改线"},
	{"汉字数字与阿拉伯数字", "供水一期工程", "供水1期工程"},
}

func TestNormalizeName(t *testing.T) {
	for _, c := range sameNameCases {
		if NormalizeName(c.a) != NormalizeName(c.b) {
			t.Errorf("%s: NormalizeName(%q) = %q, NormalizeName(%q) = %q, want equal",
				c.name, c.a, NormalizeName(c.a), c.b, NormalizeName(c.b))
		}
	}
	for _, c := range differentNameCases {
		if NormalizeName(c.a) == NormalizeName(c.b) {
			t.Errorf("%s: %q and %q both normalise to %q", c.name, c.a, c.b, NormalizeName(c.a))
		}
	}
	if got, want := NormalizeName("陵川县 供水（一期）工程"), "陵川县供水(一期)工程"; got != want {
		t.Errorf("NormalizeName = %q, want %q", got, want)
	}
	if got := NormalizeName(""); got != "" {
		t.Errorf("NormalizeName(\"\") = %q", got)
	}
}

func TestFoldWidth(t *testing.T) {
	cases := map[rune]rune{'Ａ': 'A', 'ｚ': 'z', '１': '1', '（': '(', '）': ')', '～': '~', '！': '!', '\u3000': ' ', '陵': '陵', 'a': 'a'}
	for in, want := range cases {
		if got := foldWidth(in); got != want {
			t.Errorf("foldWidth(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"陵川县\n供水工程", "陵川县供水工程"},
		{"陵川县\r\n供水工程", "陵川县供水工程"},
		{"陵川县 \n 供水工程\n", "陵川县供水工程"},
		{"陵川县\n\n供水工程", "陵川县供水工程"},
		{"  张三  ", "张三"},
		{"PPP project", "PPP project"}, // spaces inside a line stay
		{"Phase\nII", "Phase II"},      // a line break between Latin words is a space
		{"G207\n国道", "G207国道"},
		{"", ""},
		{"\n", ""},
	}
	for _, c := range cases {
		if got := cleanText(c.in); got != c.want {
			t.Errorf("cleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSplitPersons(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"张三、李四 王五,赵六", []string{"张三", "李四", "王五", "赵六"}},
		{"张三，李四；王五;赵六/钱七", []string{"张三", "李四", "王五", "赵六", "钱七"}},
		{"张三\n李四", []string{"张三", "李四"}},
		{"李志强\r\n王建军", []string{"李志强", "王建军"}},
		{"张国华    刘晓明", []string{"张国华", "刘晓明"}},
		{"张三\u3000\u3000李四", []string{"张三", "李四"}},
		{"陈卫东、赵敏", []string{"陈卫东", "赵敏"}},
		// two-character names padded to the width of three
		{"周  红", []string{"周红"}},
		{"吴   刚", []string{"吴刚"}},
		{"吴\u00a0\u00a0刚", []string{"吴刚"}},
		{"周\u3000红", []string{"周红"}},
		{"周  红\n吴   刚", []string{"周红", "吴刚"}},
		{"周  红、李志强", []string{"周红", "李志强"}},
		{"李志强 周  红", []string{"李志强", "周红"}},
		{"王 小明", []string{"王小明"}},
		{"欧阳 锋", []string{"欧阳锋"}},
		{"李志强（常务副县长）、王建军(副县长)", []string{"李志强", "王建军"}},
		{"张三、张三", []string{"张三"}},
		{"副县长 李志强", []string{"李志强"}},
		{"县委常委、常务副县长张国华", []string{"张国华"}},
		{"常务副县长张国华\n副县长 周  红", []string{"张国华", "周红"}},
		// a post after the name; the level before it, as 调度系统 fill the cell
		{"李志强副县长、王建军县长", []string{"李志强", "王建军"}},
		{"市级：王刚；县级：李强", []string{"王刚", "李强"}},
		{"张国华,刘晓明,陈卫东", []string{"张国华", "刘晓明", "陈卫东"}},
		{"、张三、、李四、", []string{"张三", "李四"}},
		{"张三", []string{"张三"}},
		{"", nil},
		{" 、 ", nil},
	}
	for _, c := range cases {
		got := SplitPersons(c.in)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("SplitPersons(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := normalizePersons(c.in); n != strings.Join(c.want, "、") {
			t.Errorf("normalizePersons(%q) = %q", c.in, n)
		}
	}
}
