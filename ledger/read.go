package ledger

// Options steer reading; the zero value reads any ledger with no configuration.
type Options struct {
	Sheet      string // read this sheet instead of the best-matching one
	Kind       Kind   // treat the sheet as this kind instead of deciding from its fields
	AsOf       Date   // the as-of date given by the user; its year is the ledger's year when the ledger names none
	UnzipLimit int64  // bytes a workbook may unpack to; 0 is DefaultUnzipLimit
}

// Read reads the ledger in the file at path.
func Read(path string, opts Options) (*Ledger, error) {
	panic("not yet")
}
