package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"time"

	"gongjian/testdata/bench"
)

func main() {
	rows := flag.Int("rows", 100_000, "项目行数")
	flagged := flag.Float64("flagged", 5, "带错误的行所占百分比（0–100）")
	out := flag.String("o", "", "输出的 .xlsx 文件（必填）")
	cells := flag.String("cells", "", "另把带错误的单元格列到这个文件（可选）")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := bench.WriteLedger(*out, *rows, *flagged); err != nil {
		fmt.Fprintln(os.Stderr, "genledger:", err)
		os.Exit(1)
	}
	flags, err := bench.Flagged(*rows, *flagged)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genledger:", err)
		os.Exit(1)
	}
	if *cells != "" {
		if err := writeCells(*cells, flags); err != nil {
			fmt.Fprintln(os.Stderr, "genledger:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "genledger: %s: %d rows, %d flagged, written in %s\n", *out, *rows, len(flags), time.Since(start).Round(time.Millisecond))
}

func writeCells(path string, flags []bench.Flag) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, fl := range flags {
		fmt.Fprintf(w, "%s\t%s\t%s\n", fl.Cell, fl.Severity, fl.Rule)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
