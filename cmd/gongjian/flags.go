package main

import (
	"strings"

	"gongjian/ledger"
	"gongjian/report"
)

// The flag values every command reads the same way, each parsed here once.

// parseAndRun ends a command's RunE: its options parsed (a usage error stops there),
// then the work.
func parseAndRun[T interface{ parse() error }](opts T, run func(T) error) error {
	if err := opts.parse(); err != nil {
		return err
	}
	return run(opts)
}

// parseFormat reads --format among the formats the command writes.
func parseFormat(s string, allowed []report.Format) (report.Format, error) {
	f, ok := report.ParseFormat(s, allowed)
	if !ok {
		return "", usagef("参数 --format 的值“%s”无效，可选 %s", s, formatList(allowed))
	}
	return f, nil
}

// formatList is "table、json、…" for help and errors.
func formatList(formats []report.Format) string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return strings.Join(names, "、")
}

// parseKind reads --kind: empty (decide from the header) or one of the two kinds.
func parseKind(s string) (ledger.Kind, error) {
	if s == "" {
		return "", nil
	}
	if k, ok := ledger.ParseKind(s); ok {
		return k, nil
	}
	return "", usagef("参数 --kind 的值“%s”无效，可选 kaifugong（开复工台账）或 rongzi（融资需求台账）", s)
}

// parseLedgerFlags reads --kind and --as-of, which check and merge share.
func parseLedgerFlags(kind, asOf string) (ledger.Kind, ledger.Date, error) {
	k, err := parseKind(kind)
	if err != nil {
		return "", ledger.Date{}, err
	}
	if asOf == "" {
		return k, ledger.Date{}, nil
	}
	d, err := parseAsOf(asOf)
	return k, d, err
}
