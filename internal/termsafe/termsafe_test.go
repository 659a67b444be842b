package termsafe

import "testing"

func TestName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"台账.xlsx", "台账.xlsx"},
		{"礼义镇/5月 台账（定稿）.xlsx", "礼义镇/5月 台账（定稿）.xlsx"},
		{`D:\台账\a.xlsx`, `D:\台账\a.xlsx`},
		{"a\x1b[2Jb.xlsx", `a\x1b[2Jb.xlsx`},
		{"行一\r行二\n.xlsx", `行一\x0d行二\x0a.xlsx`},
		{"tab\there", `tab\x09here`},
		{"del\x7f", `del\x7f`},
		{"c1\u0085x", `c1\x85x`},
		{"evil\u202Exslx.exe", `evil\u202exslx.exe`},
		{"sep\u2028x", `sep\u2028x`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"cut\xe5\x8f", `cut\xe5\x8f`},
		{"replacement\ufffd", "replacement\ufffd"},
	} {
		if got := Name(tc.in); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzName(f *testing.F) {
	f.Add("a\x1b[0m台账.xlsx")
	f.Fuzz(func(t *testing.T, s string) {
		out := Name(s)
		if !clean(out) {
			t.Errorf("Name(%q) = %q still holds an unsafe character", s, out)
		}
	})
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "检查": 4, "检查 a1": 7, "（）": 4, "“”": 2} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
