// Package badfile makes, for tests, the files that are not ledgers but reach the tool
// as if they were: an OLE2 compound file (an old .xls, an encrypted workbook) and a
// workbook padded into a small zip bomb. The reader's tests and the command's share
// them.
package badfile
