// Package xmltag splits an OOXML part into text and tags as bytes, for the few
// elements a reader or a rewriter of a workbook needs, without building a tree. The
// ledger reader and the annotated-copy writer both stream 100,000-row sheets through it.
//
// What it holds is bounded whatever the part holds: a tag longer than maxTag keeps its
// start and its end only (Long reports it, and a rewriter's copy gets the whole tag
// written through), and the text kept of one stretch between tags stops at maxText
// (TextCut reports it). A 900 MB attribute or cell costs the time to read past it.
package xmltag
