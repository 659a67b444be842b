// Package book gives every workbook the tool writes with excelize — the report, the
// merged ledger, the blank template — the same look on screen and on paper: the
// typeface, borders and header fill of its styles, A4 print setup with the header
// rows on every page and page numbers in the footer, fixed document properties, and
// the same bytes for the same content.
//
// It does not lay out any sheet; each writer decides what goes where.
package book
