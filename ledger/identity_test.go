package ledger

import (
	"fmt"
	"testing"
)

func TestNormalizeCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2501-140524-04-01-123456", "2501-140524-04-01-123456"},
		{"Ｘ-1", "x-1"},       // full-width letter
		{"Ｘ－１", "x-1"},       // full-width dash and digit
		{"x—1", "x-1"},       // em dash
		{"X–1", "x-1"},       // en dash
		{"X‐1", "x-1"},       // hyphen
		{"X−1", "x-1"},       // minus sign
		{"X——1", "x-1"},      // a run of dashes typed as one
		{" X - 1 ", "x-1"},   // spaces
		{"X\u200b-1", "x-1"}, // a zero-width space pasted from a web page
		{"X\u3000-1", "x-1"}, // an ideographic space
		{"", ""},
	} {
		got := NormalizeCode(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := NormalizeCode(got); again != got {
			t.Errorf("NormalizeCode(%q) = %q, not a fixed point", got, again)
		}
	}
}

// The cases of the one project identity: a first row, a second row, and whether the
// second is the same project — as a duplicate in one set of ledgers (the duplicate
// check, merge), and as found in another ledger (the financing join).
func TestProjectIdentity(t *testing.T) {
	type row struct{ code, name string }
	for _, tt := range []struct {
		name          string
		first, second row
		duplicate     Match // within one ledger or one merge
		find          Match // the financing row found in the 开复工台账
	}{
		{"the same code", row{"X-1", "甲项目"}, row{"X-1", "甲项目（一期）"}, MatchCode, MatchCode},
		{"full-width code", row{"X-1", "甲项目"}, row{"Ｘ-1", "甲"}, MatchCode, MatchCode},
		{"em dash, lower case", row{"X-1", "甲项目"}, row{"x—1", "甲"}, MatchCode, MatchCode},
		{"spaces in the code", row{"X-1", "甲项目"}, row{" X - 1 ", "甲"}, MatchCode, MatchCode},
		{"spaces in the name", row{"", "乙 项目"}, row{"", "乙项目"}, MatchName, MatchName},
		{"a code on one row only", row{"", "乙项目"}, row{"X-9", "乙项目"}, MatchName, MatchName},
		{"the code gained", row{"X-9", "乙项目"}, row{"", "乙项目"}, MatchName, MatchName},
		{"one name, two codes", row{"X-3", "丙项目"}, row{"X-4", "丙项目"}, MatchNone, MatchName},
		{"different projects", row{"X-3", "丙项目"}, row{"X-5", "丁项目"}, MatchNone, MatchNone},
		{"neither code nor name", row{"", ""}, row{"", ""}, MatchNone, MatchNone},
	} {
		idx := NewProjectIndex(1)
		idx.Add(IdentityOf(&Project{Code: tt.first.code, Name: tt.first.name}), 0)
		second := IdentityOf(&Project{Code: tt.second.code, Name: tt.second.name})
		if _, got := idx.Duplicate(second); got != tt.duplicate {
			t.Errorf("%s: Duplicate = %v, want %v", tt.name, got, tt.duplicate)
		}
		if _, got := idx.Find(second); got != tt.find {
			t.Errorf("%s: Find = %v, want %v", tt.name, got, tt.find)
		}
	}
}

// Month on month: a project that gains or changes its code keeps its name match; two
// projects of one name keep their own codes; a new one sharing a name is new.
func TestPairProjects(t *testing.T) {
	p := func(code, name string) Project { return Project{Code: code, Name: name} }
	for _, tt := range []struct {
		name        string
		before, now []Project
		want        []int
	}{
		{"unchanged", []Project{p("X-1", "甲"), p("", "乙")}, []Project{p("X-1", "甲"), p("", "乙")}, []int{0, 1}},
		{"the code typed differently", []Project{p("X-1", "甲")}, []Project{p("Ｘ－１", "甲")}, []int{0}},
		{"a code gained", []Project{p("", "乙项目")}, []Project{p("X-9", "乙项目")}, []int{0}},
		{"a code changed", []Project{p("X-8", "乙项目")}, []Project{p("X-9", "乙项目")}, []int{0}},
		{"a name changed, the code kept", []Project{p("X-1", "甲项目")}, []Project{p("X-1", "甲项目（一期）")}, []int{0}},
		{"one name, two codes, reordered", []Project{p("X-3", "丙"), p("X-4", "丙")}, []Project{p("X-4", "丙"), p("X-3", "丙")}, []int{1, 0}},
		{"a new project of the same name", []Project{p("X-3", "丙")}, []Project{p("X-3", "丙"), p("X-4", "丙")}, []int{0, -1}},
		{"listed twice", []Project{p("", "丁")}, []Project{p("", "丁"), p("", "丁 ")}, []int{0, 0}},
		{"gone and new", []Project{p("X-1", "甲")}, []Project{p("X-2", "戊")}, []int{-1}},
	} {
		got := PairProjects(tt.before, tt.now)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: pairs %v, want %v", tt.name, got, tt.want)
		}
	}
}

// The index keeps the first project of each code and name.
func TestProjectIndexFirstWins(t *testing.T) {
	idx := NewProjectIndex(0)
	idx.Add(Identity{Code: "x-1", Name: "甲"}, 0)
	idx.Add(Identity{Code: "x-1", Name: "甲"}, 1)
	idx.Add(Identity{Name: "乙"}, 2)
	idx.Add(Identity{Code: "x-2", Name: "乙"}, 3)
	if i, m := idx.Find(Identity{Code: "x-1"}); i != 0 || m != MatchCode {
		t.Errorf("code x-1: %d %v", i, m)
	}
	if i, m := idx.Duplicate(Identity{Code: "x-7", Name: "乙"}); i != 2 || m != MatchName {
		t.Errorf("name 乙 with a new code: %d %v, want the uncoded row 2", i, m)
	}
	if i, m := idx.Find(Identity{Code: "x-2"}); i != 3 || m != MatchCode {
		t.Errorf("code x-2: %d %v", i, m)
	}
}
