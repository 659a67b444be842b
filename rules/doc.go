// Package rules checks a ledger against the year's targets: it holds the rules (the
// milestones of the county's 项目建设攻坚年 plan, the 红黄绿 thresholds, the allowed
// cell values), reads and validates rules files, and evaluates a *ledger.Ledger into a
// *Result: the counts and rates as officials count them (开工率 by number of projects,
// 投资完成率 by amount, 序时进度 by month or day), each milestone's targets judged for
// the whole ledger and for every 乡镇, 责任单位 and 包联领导, and the findings that
// point a clerk at the cells to fix.
//
// The default rules are embedded (default.yaml, commented in Chinese so a clerk can
// save and edit it); a rules file replaces the keys it gives and keeps the rest.
//
// It does not read workbooks (package ledger does) and does not format anything for
// people (package report does): every figure here is a number, an exact Amount or a
// Date, and every message a single Chinese sentence without a location prefix.
package rules
