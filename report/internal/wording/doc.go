// Package wording says figures the one way the check output, the monthly report and
// the annotated copy all say them: rates as percentages, gaps in 个百分点, due dates,
// and what a target still needs.
//
// It holds words, not layout: which table a figure goes in is the caller's business.
package wording
