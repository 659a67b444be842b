package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gongjian/ledger"
)

// Join cross-checks the 融资需求台账 results of a run against its 开复工台账 results:
// each financing row is matched to a project on 项目代码, else on the normalised
// project name; a row with no match gets an unknown-project finding, and both sides
// record what was joined. Results of other kinds are left alone. It is called once
// all files of a run have been evaluated, before anything is written.
//
// A financing row is matched against every 开复工台账 of the run (a county ledger or
// several 乡镇 ledgers alike); when two projects share a code or name, the first in
// run order and row order wins. With no ledger of one kind, nothing is joined: a
// financing ledger checked alone cannot tell a new project from an unknown one.
// Calling Join again replaces what an earlier call recorded.
func Join(kaifugong, rongzi []*Result) {
	kfs, rzs := ofKind(kaifugong, ledger.KindKaifugong), ofKind(rongzi, ledger.KindRongzi)
	if len(kfs) == 0 || len(rzs) == 0 {
		return
	}
	idx := newProjectIndex(kfs)
	kfFiles, rzFiles := ledgerFiles(kfs), ledgerFiles(rzs)
	financed := make([][]bool, len(kfs))
	for i, r := range kfs {
		financed[i] = make([]bool, len(r.Ledger.Projects))
	}

	for _, r := range rzs {
		r.Findings = withoutRule(r.Findings, RuleUnknownProject)
		js := &JoinSummary{With: kfFiles}
		l := r.Ledger
		for i := range l.Projects {
			p := &l.Projects[i]
			ref, by := idx.find(p)
			switch by {
			case matchNone:
				continue // neither name nor code: already a missing-value
			case matchCode:
				js.ByCode++
			case matchName:
				js.ByName++
			case matchUnknown:
				js.Unknown++
				r.Findings = append(r.Findings, unknownProject(l, p, kfFiles))
				continue
			}
			js.Matched++
			financed[ref.result][ref.project] = true
		}
		sortFindings(r.Findings)
		r.Join = js
	}

	for i, r := range kfs {
		rs := r.rules
		if rs == nil {
			rs = Default() // a Result built by hand
		}
		js := &JoinSummary{With: rzFiles}
		for j := range r.Ledger.Projects {
			p := &r.Ledger.Projects[j]
			if financed[i][j] {
				js.Financed++
			}
			if p.Nature == NatureTerminated || !rs.IsKeyProject(p) {
				continue
			}
			js.KeyProjects++
			if !financed[i][j] {
				js.KeyUnfinanced = append(js.KeyUnfinanced, projectLabel(p))
			}
		}
		r.Join = js
	}
}

// ofKind keeps the results whose ledger is of kind k.
func ofKind(rs []*Result, k ledger.Kind) []*Result {
	var out []*Result
	for _, r := range rs {
		if r != nil && r.Ledger != nil && r.Ledger.Kind == k {
			out = append(out, r)
		}
	}
	return out
}

// ledgerFiles are the results' files, each once, in order.
func ledgerFiles(rs []*Result) []string {
	var out []string
	for _, r := range rs {
		if !contains(out, r.Ledger.File) {
			out = append(out, r.Ledger.File)
		}
	}
	return out
}

func withoutRule(fs []Finding, rule RuleID) []Finding {
	return slices.DeleteFunc(fs, func(f Finding) bool { return f.Rule == rule })
}

// projectRef is one project of the run's 开复工台账: result and project index.
type projectRef struct{ result, project int }

// projectIndex finds 开复工台账 projects by identity (package ledger's Find: the same
// 项目代码, else the same name).
type projectIndex struct {
	idx  *ledger.ProjectIndex
	refs []projectRef // by the index ledger.ProjectIndex holds
}

func newProjectIndex(kfs []*Result) *projectIndex {
	x := &projectIndex{idx: ledger.NewProjectIndex(0)}
	for i, r := range kfs {
		for j := range r.Ledger.Projects {
			x.idx.Add(ledger.IdentityOf(&r.Ledger.Projects[j]), len(x.refs))
			x.refs = append(x.refs, projectRef{i, j})
		}
	}
	return x
}

type matchKind int

const (
	matchNone    matchKind = iota // the row has neither code nor name
	matchCode                     // matched on 项目代码
	matchName                     // matched on the normalised name
	matchUnknown                  // matched on neither
)

// find matches a financing row: on its code first, then on its name, so a row whose
// code is mistyped still finds its project by name.
func (x *projectIndex) find(p *ledger.Project) (projectRef, matchKind) {
	id := ledger.IdentityOf(p)
	if id.Code == "" && id.Name == "" {
		return projectRef{}, matchNone
	}
	switch i, m := x.idx.Find(id); m {
	case ledger.MatchCode:
		return x.refs[i], matchCode
	case ledger.MatchName:
		return x.refs[i], matchName
	}
	return projectRef{}, matchUnknown
}

// unknownProject is the finding on a financing row that names no project of the
// 开复工台账, on its name cell (its code cell when it has no name).
func unknownProject(l *ledger.Ledger, p *ledger.Project, kfFiles []string) Finding {
	field, value := ledger.FieldName, p.Name
	if p.Name == "" {
		field, value = ledger.FieldCode, p.Code
	}
	f := Finding{Rule: RuleUnknownProject, Severity: SeverityWarning, Sheet: l.Sheet, Row: p.Row, Col: -1,
		Field: field, Value: value, Project: p.Name}
	if c := l.Column(field); c != nil {
		f.Col, f.Cell = c.Index, ledger.CellName(c.Index, p.Row)
	}
	names := make([]string, len(kfFiles))
	for i, file := range kfFiles {
		names[i] = filepath.Base(file)
	}
	what := fmt.Sprintf("项目“%s”", p.Name)
	if p.Name == "" {
		what = fmt.Sprintf("项目代码“%s”", p.Code)
	}
	f.Message = fmt.Sprintf("%s在开复工台账（%s）中找不到，项目代码和项目名称都对不上；请按开复工台账核对项目名称或填写项目代码，如是新增项目，请先列入开复工台账。",
		what, strings.Join(names, "、"))
	return f
}
