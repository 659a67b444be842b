// Package bench holds the performance harness of issue 8: a generator for a large,
// realistic 开复工台账, go test benchmarks for reading, checking and annotating it, and
// compare.sh, which times the gongjian binary against openpyxl on the same file.
//
// The ledger is clean except for a chosen share of rows, each carrying exactly one
// mistake a clerk makes, so the number of findings is known in advance: one per
// flagged row, none elsewhere, none for the whole ledger.
package bench
