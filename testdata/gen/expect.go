package main

import (
	"fmt"
	"sort"
	"strings"
)

// figures are the expected results for a sample, computed from its table.
type figures struct {
	projects, terminated int
	newN, newStarted     int
	cont, contResumed    int
	newQ1, contQ1        int
	total, plan, done    cents
	keyProjects, overYi  int
	asOf                 day
}

func computeFigures(ps []project, asOf day) figures {
	fg := figures{asOf: asOf}
	q1 := ymd(asOf.y, 3, 31)
	for i := range ps {
		p := &ps[i]
		if p.repeats {
			continue // a duplicate counts once
		}
		fg.projects++
		if !p.noTotal {
			fg.total += p.total
		}
		if !p.noPlan {
			fg.plan += p.plan
		}
		if !p.noDone {
			fg.done += p.done
		}
		if !p.noPlan && p.plan >= wan(5000) {
			fg.keyProjects++
		}
		if !p.noTotal && p.total >= wan(10000) {
			fg.overYi++
		}
		switch p.nature {
		case "新建":
			fg.newN++
			if p.startedBy(asOf) {
				fg.newStarted++
			}
			if p.startedBy(q1) {
				fg.newQ1++
			}
		case "续建":
			fg.cont++
			if p.startedBy(asOf) {
				fg.contResumed++
			}
			if p.startedBy(q1) {
				fg.contQ1++
			}
		case "终止":
			fg.terminated++
		}
	}
	return fg
}

func rate(num, den int) string {
	if den == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(num)/float64(den))
}

func amountRate(num, den cents) string {
	if den == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(num)/float64(den))
}

// groupMiss is a milestone a group (乡镇, 责任单位, 包联领导) misses, computed
// with the default rules (docs/统计口径.md).
type groupMiss struct {
	dim, group, milestone, detail string
}

// groupMisses judges every milestone due on or before asOf for the whole
// ledger ("全部") and for each group. Rows marked startDoubt count as not
// started, so a clean result holds whichever way a reader reads them.
func groupMisses(ps []project, asOf day) []groupMiss {
	type dimension struct {
		name string
		keys func(p *project) []string
	}
	dims := []dimension{
		{"全部", func(*project) []string { return []string{"全部"} }},
		{"乡镇", func(p *project) []string { return nonEmpty(p.town) }},
		{"责任单位", func(p *project) []string { return nonEmpty(p.unit) }},
		{"包联领导", func(p *project) []string { return splitLeaders(p.leader) }},
	}
	var out []groupMiss
	for _, dm := range dims {
		groups := map[string][]*project{}
		for i := range ps {
			if ps[i].repeats {
				continue
			}
			for _, k := range dm.keys(&ps[i]) {
				groups[k] = append(groups[k], &ps[i])
			}
		}
		names := make([]string, 0, len(groups))
		for k := range groups {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, g := range names {
			out = append(out, judgeGroup(dm.name, g, groups[g], asOf, dm.name != "全部")...)
		}
	}
	return out
}

// judgeGroup judges one scope. A group (dueOnly) is held only to the projects due to
// start by the milestone: started by then, planned by then, or with no planned start
// and not started at all.
func judgeGroup(dim, group string, ps []*project, asOf day, dueOnly bool) []groupMiss {
	var out []groupMiss
	startedAt := func(p *project, at day) bool { return !p.startDoubt && p.startedBy(at) }
	due := func(p *project, at day) bool {
		switch {
		case !dueOnly, startedAt(p, at):
			return true
		case p.planStart.none():
			return !p.startedBy(asOf)
		}
		return p.planStart.onOrBefore(at)
	}
	count := func(nature string, at day) (n, started int) {
		for _, p := range ps {
			if p.nature == nature && due(p, at) {
				n++
				if startedAt(p, at) {
					started++
				}
			}
		}
		return
	}
	y := asOf.y
	if q1 := ymd(y, 3, 31); q1.onOrBefore(asOf) {
		if n, s := count("续建", q1); n > 0 && s < n {
			out = append(out, groupMiss{dim, group, "一季度开门红", fmt.Sprintf("续建复工 %d/%d < 100%%", s, n)})
		}
		if n, s := count("新建", q1); n > 0 && 2*s < n {
			out = append(out, groupMiss{dim, group, "一季度开门红", fmt.Sprintf("新建开工 %d/%d < 50%%", s, n)})
		}
	}
	if h1 := ymd(y, 6, 30); h1.onOrBefore(asOf) {
		if n, s := count("新建", h1); n > 0 && 10*s < 9*n {
			out = append(out, groupMiss{dim, group, "上半年双过半", fmt.Sprintf("新建开工 %d/%d < 90%%", s, n)})
		}
		// Investment is judged only from the milestone's own month (docs/统计口径.md).
		if asOf.m == 6 {
			var plan, done cents
			for _, p := range ps {
				if !p.noPlan {
					plan += p.plan
				}
				if !p.noDone {
					done += p.done
				}
			}
			if plan > 0 && 2*done < plan {
				out = append(out, groupMiss{dim, group, "上半年双过半", fmt.Sprintf("投资完成 %s/%s < 50%%", done, plan)})
			}
		}
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func splitLeaders(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ' ' || r == '　'
	})
}

// warning is a warning-level finding the default rules should give on a
// sample, computed from its table (docs/统计口径.md).
type warning struct {
	rule string
	i    int // index in the table
	note string
}

// expectedWarnings lists the natural warnings of a clean sample. 序时进度 is
// month/12; yellow from 10 points behind, red from 30 (the default rules).
// behind-schedule is listed for every project with a plan, started or not,
// and the note says which.
func expectedWarnings(ps []project, asOf day) []warning {
	var out []warning
	m := int64(asOf.m)
	for i := range ps {
		p := &ps[i]
		if p.nature == "终止" {
			continue
		}
		started := p.startedBy(asOf)
		if !p.planStart.none() && !started && p.planStart.onOrBefore(asOf) && p.planStart != asOf {
			out = append(out, warning{"overdue-start", i, "计划 " + p.planStart.iso()})
		}
		if p.actualStart.none() && startedStatus[p.status] {
			out = append(out, warning{"missing-start-date", i, "状态 " + p.status})
		}
		if started && !p.noTotal && p.total >= wan(500) && (p.stats == "否" || p.stats == "未入库") {
			out = append(out, warning{"not-in-stats", i, "入库 " + p.stats})
		}
		if !p.noPlan && p.plan >= wan(5000) && p.leader == "" {
			out = append(out, warning{"missing-leader", i, ""})
		}
		if !p.noPlan && !p.noDone && p.done > p.plan {
			out = append(out, warning{"done-exceeds-plan", i, fmt.Sprintf("%s > %s", p.done, p.plan)})
		}
		if !p.noPlan && p.plan > 0 {
			done := int64(0)
			if !p.noDone {
				done = int64(p.done)
			}
			plan := int64(p.plan)
			// lag = m/12 − done/plan in points; compare in integers (×60·plan).
			lag60 := 5*m*plan - 60*done // = 60·plan·(m/12 − done/plan)
			light := ""
			switch {
			case lag60 >= 18*plan: // ≥ 30 points
				light = "红"
			case lag60 >= 6*plan: // ≥ 10 points
				light = "黄"
			}
			if light != "" {
				st := "已开工"
				if !started {
					st = "未开工"
				}
				out = append(out, warning{"behind-schedule", i, fmt.Sprintf("完成率 %.1f%%，%s，%s", 100*float64(done)/float64(plan), light, st)})
			}
		}
	}
	return out
}

// cleanErrors lists the error-level defects (docs/检查规则.md) found in a table that
// is meant to have none: the generator refuses to write such a sample.
func cleanErrors(ps []project, asOf day) []string {
	var out []string
	seen := map[string]int{}
	norm := func(s string) string {
		r := strings.NewReplacer(" ", "", "\n", "", "（", "(", "）", ")", "　", "")
		return r.Replace(s)
	}
	for i := range ps {
		p := &ps[i]
		bad := func(format string, a ...any) {
			out = append(out, fmt.Sprintf("%q: ", strings.ReplaceAll(p.name, "\n", ""))+fmt.Sprintf(format, a...))
		}
		if p.name == "" {
			bad("no name")
		}
		switch p.nature {
		case "新建", "续建", "终止":
		default:
			bad("nature %q", p.nature)
		}
		if p.noPlan {
			bad("no plan")
		}
		for _, a := range []cents{p.total, p.plan, p.done, p.cum} {
			if a < 0 {
				bad("negative amount")
			}
		}
		for _, k := range []string{"n:" + norm(p.name), "c:" + p.code} {
			if k == "c:" {
				continue
			}
			if j, ok := seen[k]; ok {
				bad("duplicate of row %d", j)
			}
			seen[k] = i
		}
		if p.cum > 0 && !p.noTotal && p.cum > p.total {
			bad("cum > total")
		}
		if (p.status == "未开工" || p.status == "未复工" || p.status == "否") && !p.actualStart.none() {
			bad("status-conflict")
		}
		if !p.actualStart.none() && !p.actualStart.onOrBefore(asOf) {
			bad("future start")
		}
		switch p.status {
		case "", "已开工", "未开工", "已复工", "未复工", "开工", "是", "否", "已竣工":
		default:
			bad("status %q", p.status)
		}
		switch p.stats {
		case "", "是", "否", "已入库", "未入库":
		default:
			bad("stats %q", p.stats)
		}
	}
	return out
}

// upcoming describes the next milestone after asOf for the whole ledger and
// what is still needed to meet it (docs/统计口径.md: "还需开工 N 个", "还需完成投资 X").
func upcoming(ps []project, asOf day) string {
	fg := computeFigures(ps, asOf)
	ceilDiv := func(a, b int64) int64 { return (a + b - 1) / b }
	needProjects := func(pct int64) int64 {
		n := ceilDiv(pct*int64(fg.newN), 100) - int64(fg.newStarted)
		return max(n, 0)
	}
	needAmount := func(pct int64) cents {
		n := cents(ceilDiv(pct*int64(fg.plan), 100)) - fg.done
		return max(n, 0)
	}
	switch {
	case asOf.onOrBefore(ymd(asOf.y, 6, 29)):
		return fmt.Sprintf("上半年双过半 (06-30): 新建开工 %d/%d, 还需开工 %d 个 (≥90%%); 投资完成 %s/%s, 还需完成 %s 万元 (≥50%%)",
			fg.newStarted, fg.newN, needProjects(90), fg.done, fg.plan, needAmount(50))
	case asOf.onOrBefore(ymd(asOf.y, 9, 29)):
		return fmt.Sprintf("三季度超序时 (09-30): 新建开工 %d/%d, 还需开工 %d 个 (100%%); 投资完成 %s/%s, 还需完成 %s 万元 (≥序时75%%)",
			fg.newStarted, fg.newN, needProjects(100), fg.done, fg.plan, needAmount(75))
	}
	return fmt.Sprintf("四季度收好官 (12-31): 投资完成 %s/%s, 还需完成 %s 万元 (≥100%%)", fg.done, fg.plan, needAmount(100))
}
