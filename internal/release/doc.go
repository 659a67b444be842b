// Command release builds the archives clerks download: one per platform they use
// (Windows on x86 and ARM, Linux on x86, ARM and LoongArch for the 信创 machines, macOS
// on Apple chips), each holding the program, a Chinese 使用说明.txt, the sample ledger
// and the default rules as 规则.yaml, and a SHA256SUMS beside them. Run it from a git
// clone of the repository:
//
//	go run ./internal/release                  # version from the tag on HEAD, else a development build
//	go run ./internal/release -version 1.2.0   # the version the program will print
//
// The archives land in dist/. The builds are reproducible: the same commit and Go
// release give byte-identical archives (-trimpath, CGO_ENABLED=0, the commit's time on
// every archive entry, no build paths or host names anywhere), so anyone can check a
// download against a build of their own.
//
// It is a small Go program rather than a GoReleaser configuration so that making a
// release needs nothing but Go (on Windows too) and no tool outside go.mod, and because
// what the archives hold is particular: a guide written per platform, CRLF and a BOM
// for Notepad in the Windows ones, the rules taken from the program's own embedded
// default. It refuses to build from a work tree with changes not committed (unless
// told to) and checks that every binary records the commit it was built from.
package main
