// Package book gives every workbook the tool writes — the report, the merged ledger,
// the blank template, and the annotated copy's new sheets — the same look on screen
// and on paper: the typeface, borders and header fill of its styles, A4 print setup
// with a table's header rows on every page and page numbers in the footer, rows as
// tall as their wrapped text (one estimate of a text's lines, shared also by the
// annotated copy's raw XML), fixed document properties, and the same bytes for the
// same content.
//
// It does not lay out any sheet; each writer decides what goes where.
package book
