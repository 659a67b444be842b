// Package ooxml reads the structure of an Office Open XML package, the zip an .xlsx
// is: its parts by name, their relationships and content types, the workbook's list
// of sheets (with each one's visibility and date system) and its shared strings, and
// the limits of a sheet (rows, columns, characters in a cell).
//
// It is the one place that knows how a workbook is put together, for the ledger
// reader and the annotated-copy writer alike; what a sheet's cells mean is theirs.
// Parts are scanned as bytes with internal/xmltag, never built into a tree.
//
// Every read is bounded by what a real workbook of the package's size needs: the
// whole package may unpack to no more than the caller's limit, and a part read to
// more than RatioGrace bytes to no more than MaxRatio times its compressed size (a
// zip bomb is refused before it is unpacked); entry names that climb out of the
// package or appear twice make it corrupt; counts that grow with a part's bytes
// (sheets, relationships) are capped. Errors wrap ErrCorrupt or ErrTooLarge, most in
// a *PartError naming the part.
package ooxml
