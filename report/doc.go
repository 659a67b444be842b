// Package report writes what people read from checked ledgers: the summary of a
// check and the monthly 调度会议 report, each laid out once as a document of sections,
// paragraphs and tables and rendered by one renderer per format — the terminal table,
// Markdown for pasting into a 通报, CSV for Excel, JSON and JSON Lines for scripts —
// plus the report workbook and the merged county ledger's workbook and summary.
//
// Every form is deterministic (the same result gives the same bytes) and every word
// a clerk sees is Chinese; the keys of the JSON and the rule ids are the stable
// English ones scripts rely on.
//
// It writes and decides nothing about ledgers: reading and merging them is package
// ledger's job, judging them package rules'. The annotated copy and the blank
// template have packages of their own (report/annotate, report/template); where
// output goes and the exit codes are the command's business.
package report
