// Package outfile writes the files gongjian produces so that nothing a person made is
// ever lost and nothing half-written is ever left.
//
// A file is written to a temporary file in its own folder, registered before it is
// created, and renamed into place only when complete. An existing file is replaced
// only when it is provably the tool's own unchanged output (see Mark): a copy whose
// name the tool chose takes the next free name instead, a path the user named is
// refused. A copy of a ledger is never readable by more people than the ledger.
//
// The registry of temporary files is a value (Files) that the command owns: on an
// interrupt the command calls Abort, which removes every temporary file and stops any
// more from being created or renamed into place. The package holds no global state.
//
// It does not know what it writes: the caller passes a function that writes the bytes.
package outfile
