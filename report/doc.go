// Package report turns what package rules found in a ledger into what people read:
// the terminal summary, JSON and JSON Lines for scripts, Markdown for pasting into a
// 通报, and CSV of the findings for Excel.
//
// Every form is deterministic (the same result gives the same bytes) and every word
// a clerk sees is Chinese; the keys of the JSON and the rule ids are the stable
// English ones scripts rely on.
//
// It does not read workbooks and does not judge them: reading is package ledger's job
// and deciding what is wrong is package rules'. It does not decide exit codes or where
// output goes either; the command does that.
package report
