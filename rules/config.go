package rules

import (
	_ "embed"
	"fmt"
	"os"
	"strings"
	"sync"

	"gongjian/ledger"
)

// Rules are the year's targets and the checking thresholds, as read from a rules file.
type Rules struct {
	Version       int
	Unit          string // always "万元": amounts in the file are in 万元
	Schedule      string // ScheduleMonth or ScheduleDay: how 序时进度 is computed
	Milestones    []Milestone
	Alerts        Alerts
	KeyProjects   KeyProjects
	StatsTotalMin ledger.Amount // 入库纳统: started projects with 总投资 at least this must be in the statistics
	Values        Values
	Towns         []string // the county's 乡镇, for template dropdowns
	// Columns are the county's own header names for fields, besides the built-in ones
	// (columns: in a rules file, such as leader: [县级领导, 市级领导]); the reader is
	// given them through ReadOptions.
	Columns map[ledger.Field][]string
	// Notice is what the drafted 通报 says besides the figures (notice: in a rules file).
	Notice Notice
}

// ReadOptions are the reading options the rules imply: the county's own header names.
func (r *Rules) ReadOptions(opts ledger.Options) ledger.Options {
	if r != nil && len(r.Columns) > 0 {
		opts.Columns = r.Columns
	}
	return opts
}

// The two ways of computing 序时进度.
const (
	ScheduleMonth = "month" // as-of month / 12, as published 通报 do
	ScheduleDay   = "day"   // elapsed days / days in the year
)

// Milestone is a dated set of targets ("上半年双过半", due 06-30).
type Milestone struct {
	Name    string
	Due     MonthDay
	Targets []TargetRule
}

// MonthDay is a due date without its year; the ledger's year completes it.
type MonthDay struct {
	Month, Day int
}

// String is "06-30".
func (md MonthDay) String() string { return fmt.Sprintf("%02d-%02d", md.Month, md.Day) }

// In returns the date in the given year; 02-29 falls back to 02-28 in a common year.
func (md MonthDay) In(year int) ledger.Date {
	end := ledger.MonthDate(year, md.Month).MonthEnd()
	if md.Day < int(end.Day) {
		return ledger.DayDate(year, md.Month, md.Day)
	}
	return end
}

// TargetRule is one target of a milestone: a metric and its minimum.
type TargetRule struct {
	Metric string
	// Min is the minimum rate (0.5 for "50%"), exactly as written; unused when
	// Schedule is set.
	Min ledger.Rate
	// Schedule means the minimum is the 序时进度 at the due date ("min: schedule").
	Schedule bool
	// Where scopes the target to projects whose field has this value (项目类别 = 招商引资);
	// nil means every project.
	Where map[ledger.Field]string
}

// Alerts are the 红黄绿 thresholds.
type Alerts struct {
	ScheduleLagPoints LagPoints
}

// LagPoints are 个百分点 below 序时进度: yellow from Yellow, red from Red.
type LagPoints struct {
	Yellow, Red float64
}

// KeyProjects are the thresholds of 重点项目 and 亿元以上项目, in 万元.
type KeyProjects struct {
	AnnualPlanMin ledger.Amount // 年度计划投资 ≥ this: 重点项目, which must have a 包联领导
	TotalMin      ledger.Amount // 总投资 ≥ this: 亿元以上项目
}

// Values are the values a clerk may write in the enumerated columns.
type Values struct {
	Nature           []string // 建设性质
	StartedStatus    []string // 开工状态 meaning started or resumed
	NotStartedStatus []string // 开工状态 meaning not started
	StatsYes         []string // 是否入库: in the statistics
	StatsNo          []string // 是否入库: not in the statistics
	Method           []string // 融资方式
	DockStatus       []string // 对接状态
}

// The 建设性质 values the reader canonicalises to, which the counts rely on.
const (
	NatureNew        = ledger.NatureNew
	NatureContinuing = ledger.NatureContinuing
	NatureTerminated = ledger.NatureTerminated
	NatureReserve    = ledger.NatureReserve // 预备/储备/前期: in no start rate
)

//go:embed default.yaml
var defaultYAML []byte

var (
	defaultOnce  sync.Once
	defaultRules *Rules
)

// DefaultYAML is the commented default rules file, as `gongjian rules` prints it.
func DefaultYAML() []byte {
	return append([]byte(nil), defaultYAML...)
}

// Default returns the embedded default rules; each call returns a fresh copy the caller
// may change. It panics only if the embedded file is broken, which a test guards.
func Default() *Rules {
	defaultOnce.Do(func() {
		r, err := parse("default.yaml", defaultYAML, &Rules{Version: 1, Unit: "万元", Schedule: ScheduleMonth})
		if err != nil {
			panic("rules: embedded default.yaml: " + err.Error())
		}
		defaultRules = r
	})
	return defaultRules.clone()
}

// Parse reads a rules file's contents. Keys the file leaves out keep their default
// values, so a county can write only what differs from the plan. name is used in
// error positions. Errors are *FileError listing every problem found.
func Parse(name string, data []byte) (*Rules, error) {
	return parse(name, data, Default())
}

// Load reads, parses and validates the rules file at path. Errors are *FileError.
func Load(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := "无法读取规则文件，请检查路径和权限。"
		switch {
		case os.IsNotExist(err):
			msg = "规则文件不存在，请检查路径。"
		case os.IsPermission(err):
			msg = "没有权限读取规则文件，请检查文件权限。"
		}
		return nil, &FileError{Problems: []Problem{{File: path, Message: msg}}}
	}
	return Parse(path, data)
}

// FileError is a rules file that could not be used; it lists every problem found.
type FileError struct {
	Problems []Problem
}

// Problem is one error in a rules file, at a 1-based line and column (0 when unknown).
type Problem struct {
	File      string
	Line, Col int
	Message   string
}

// String is "file:line:col: 说明", leaving out the position parts that are unknown.
func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Message)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// Error is one "file:line:col: 说明" line per problem.
func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// clone copies r deeply, so a caller changing its copy cannot change the default.
func (r *Rules) clone() *Rules {
	c := *r
	c.Milestones = make([]Milestone, len(r.Milestones))
	for i, m := range r.Milestones {
		m.Targets = append([]TargetRule(nil), m.Targets...)
		for j, t := range m.Targets {
			if t.Where != nil {
				w := make(map[ledger.Field]string, len(t.Where))
				for k, v := range t.Where {
					w[k] = v
				}
				m.Targets[j].Where = w
			}
		}
		c.Milestones[i] = m
	}
	c.Values = Values{
		Nature:           cloneStrings(r.Values.Nature),
		StartedStatus:    cloneStrings(r.Values.StartedStatus),
		NotStartedStatus: cloneStrings(r.Values.NotStartedStatus),
		StatsYes:         cloneStrings(r.Values.StatsYes),
		StatsNo:          cloneStrings(r.Values.StatsNo),
		Method:           cloneStrings(r.Values.Method),
		DockStatus:       cloneStrings(r.Values.DockStatus),
	}
	c.Towns = cloneStrings(r.Towns)
	c.Notice.NextSteps = cloneStrings(r.Notice.NextSteps)
	if r.Columns != nil {
		c.Columns = make(map[ledger.Field][]string, len(r.Columns))
		for f, names := range r.Columns {
			c.Columns[f] = cloneStrings(names)
		}
	}
	return &c
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}
