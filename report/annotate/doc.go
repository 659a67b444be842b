// Package annotate writes the annotated copy a clerk gets back: the ledger itself,
// every finding marked on its cell (a fill and a comment), and two sheets listing the
// findings and the targets. A CSV ledger's copy is a workbook of its rows.
//
// It edits the workbook's parts in place (package xlsxpatch) rather than rebuilding
// it, so everything the clerk made — formulas, merged cells, other sheets — is kept.
// It does not decide what is wrong (package rules does) or where the copy goes (the
// command does).
package annotate
