package ledger

import (
	"unicode"
)

// A project's identity is how the tool tells that two rows — in one ledger, in the
// ledgers of one merge, in the financing ledger, or in last month's ledger — are the
// same project: the same 项目代码, else the same name. Both are compared folded
// (NormalizeCode, NormalizeName), so "Ｘ－１" and "x-1" are one code and "乙 项目" and
// "乙项目" one name. The duplicate check, merge, the financing join and the month's
// changes all ask this file.

// Identity is a project's folded code and folded name ("" when not given).
type Identity struct {
	Code, Name string
}

// IdentityOf is a project's identity.
func IdentityOf(p *Project) Identity {
	return Identity{Code: NormalizeCode(p.Code), Name: NormalizeName(p.Name)}
}

// NormalizeCode folds a 项目代码 for matching: full-width forms to half-width, spaces and
// invisible characters dropped, letters lower-cased, every kind of dash (—, －, –, ‐ …)
// made "-", a run of them one. Applying it twice changes nothing.
func NormalizeCode(s string) string {
	if isPlainCode(s) {
		return s
	}
	return fold(s, codeRune)
}

// isPlainCode reports whether s is already folded as codes are mostly typed: ASCII
// digits, lower-case letters and single dashes ("2501-140524-04-01-123456"). It spares
// the duplicate check of a 100,000-row ledger a call per character.
func isPlainCode(s string) bool {
	last := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || c == '-' && last != '-') {
			return false
		}
		last = c
	}
	return true
}

// codeRune is what one character of a code becomes, and whether it is kept.
func codeRune(r rune) (rune, bool) {
	r = foldWidth(r)
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		return 0, false
	case isDash(r):
		return '-', true
	}
	return unicode.ToLower(r), true
}

// Match says how a project was found again.
type Match int

const (
	MatchNone Match = iota // not found
	MatchCode              // the same 项目代码
	MatchName              // the same name
)

// ProjectIndex remembers projects by identity, each under the index it was added with;
// the first project added with a code or a name keeps it.
type ProjectIndex struct {
	byCode, byName map[string]int
	// byNameNoCode holds only projects without a code: within one set of ledgers a
	// coded project matches a name only there (see Duplicate).
	byNameNoCode map[string]int
}

// NewProjectIndex is an empty index sized for about n projects.
func NewProjectIndex(n int) *ProjectIndex {
	return &ProjectIndex{byCode: make(map[string]int, n), byName: make(map[string]int, n), byNameNoCode: map[string]int{}}
}

// Add remembers a project under index i.
func (x *ProjectIndex) Add(id Identity, i int) {
	if id.Code != "" {
		if _, ok := x.byCode[id.Code]; !ok {
			x.byCode[id.Code] = i
		}
	}
	if id.Name == "" {
		return
	}
	if _, ok := x.byName[id.Name]; !ok {
		x.byName[id.Name] = i
	}
	if _, ok := x.byNameNoCode[id.Name]; !ok && id.Code == "" {
		x.byNameNoCode[id.Name] = i
	}
}

// Duplicate finds the project again within one set of ledgers kept at the same time
// (one ledger, or the 乡镇 ledgers of one merge): the same code; else the same name
// when at most one of the two has a code. Two projects of one name with different
// codes are two projects, since both codes stand side by side.
func (x *ProjectIndex) Duplicate(id Identity) (int, Match) {
	if id.Code != "" {
		if j, ok := x.byCode[id.Code]; ok {
			return j, MatchCode
		}
		if j, ok := x.byNameNoCode[id.Name]; ok && id.Name != "" {
			return j, MatchName
		}
		return 0, MatchNone
	}
	if j, ok := x.byName[id.Name]; ok && id.Name != "" {
		return j, MatchName
	}
	return 0, MatchNone
}

// Find finds the project in another ledger (the financing ledger's row in the
// 开复工台账): the same code, else the same name whatever codes the two have, so a
// row whose code was mistyped, or a project that gained a code, is still found.
func (x *ProjectIndex) Find(id Identity) (int, Match) {
	if j, ok := x.byCode[id.Code]; ok && id.Code != "" {
		return j, MatchCode
	}
	if j, ok := x.byName[id.Name]; ok && id.Name != "" {
		return j, MatchName
	}
	return 0, MatchNone
}

// PairProjects pairs this month's projects with last month's: first by code, then,
// among last month's projects no code paired, by name. So a project that gained or
// changed its code keeps its name match, while a new project that shares a name with
// one whose code is still there is new. A project listed twice pairs twice.
// It returns, for each of now, the index in before, or -1.
func PairProjects(before, now []Project) []int {
	idx := NewProjectIndex(len(before))
	names := map[string][]int{}
	for i := range before {
		id := IdentityOf(&before[i])
		idx.Add(id, i)
		if id.Name != "" {
			names[id.Name] = append(names[id.Name], i)
		}
	}
	pair := make([]int, len(now))
	ids := make([]Identity, len(now))
	byCode := make([]bool, len(before))
	for i := range now {
		ids[i] = IdentityOf(&now[i])
		pair[i] = -1
		if j, ok := idx.byCode[ids[i].Code]; ok && ids[i].Code != "" {
			pair[i], byCode[j] = j, true
		}
	}
	for i := range now {
		if pair[i] >= 0 {
			continue
		}
		for _, j := range names[ids[i].Name] {
			if !byCode[j] {
				pair[i] = j
				break
			}
		}
	}
	return pair
}
