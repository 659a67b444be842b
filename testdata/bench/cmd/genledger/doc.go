// Command genledger writes the benchmark ledger of testdata/bench:
//
//	go run ./testdata/bench/cmd/genledger -rows 100000 -flagged 5 -o big.xlsx [-cells flagged.tsv]
//
// -cells also lists the flagged cells, one "cell<TAB>severity<TAB>rule" a line, for
// compare.sh's openpyxl annotation.
package main
