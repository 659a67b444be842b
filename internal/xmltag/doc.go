// Package xmltag splits an OOXML part into text and tags as bytes, for the few
// elements a reader or a rewriter of a workbook needs, without building a tree. The
// ledger reader and the annotated-copy writer both stream 100,000-row sheets through it.
package xmltag
