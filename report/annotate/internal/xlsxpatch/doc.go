// Package xlsxpatch writes a copy of an .xlsx workbook with marks on one sheet's
// cells (a fill and a comment) and whole sheets appended, changing only the parts
// of the package that must change.
//
// The copy is the input zip entry for entry: parts that do not change are copied
// raw, still compressed, byte for byte; the marked sheet's XML is streamed through
// with only the marked cells' style indexes rewritten; styles.xml gains the cloned
// styles; the comments, their VML drawing, the new sheets, the relationships and the
// content types are written as needed. Nothing is loaded into a DOM, so a sheet of
// 100,000 rows costs about what reading it does.
//
// The package's structure (parts, relationships, content types, the sheet list) is
// read by internal/ooxml, as the ledger reader reads it, under the same limits: a
// workbook it finds damaged (an entry named "../x" or twice) is refused, never copied
// on. A comment or cell it writes holds at most a cell's 32,767 characters.
//
// It knows nothing about ledgers or findings: package annotate decides what to mark.
package xlsxpatch
