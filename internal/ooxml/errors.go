package ooxml

import (
	"errors"
	"fmt"
)

var (
	// ErrCorrupt is a package that is damaged or was not written by an Office program:
	// a part cut off, a missing part the workbook names, an entry name that climbs out
	// of the package or appears twice, a cell past the sheet's last row or column.
	ErrCorrupt = errors.New("ooxml: damaged package")
	// ErrTooLarge is a package beyond one of the limits; errors.As gives its *LimitError.
	ErrTooLarge = errors.New("ooxml: package beyond the limits")
)

// LimitKind says which limit a package went past.
type LimitKind int

const (
	LimitUnzip   LimitKind = iota // the whole package unpacks to more than the caller allows
	LimitRatio                    // a part unpacks to more than MaxRatio times its compressed size
	LimitSheets                   // the workbook lists more than MaxSheets sheets
	LimitStrings                  // cells take far more text from the shared strings than the workbook holds
)

// LimitError is a package beyond a limit.
type LimitError struct {
	Kind  LimitKind
	Part  string // the part, for LimitRatio
	Limit int64  // the limit passed: bytes, a ratio or a count
}

func (e *LimitError) Error() string {
	switch e.Kind {
	case LimitRatio:
		return fmt.Sprintf("ooxml: %s unpacks to more than %d times its compressed size", e.Part, e.Limit)
	case LimitSheets:
		return fmt.Sprintf("ooxml: more than %d sheets", e.Limit)
	case LimitStrings:
		return "ooxml: cells take far more shared text than the workbook holds"
	}
	return fmt.Sprintf("ooxml: package unpacks to more than %d bytes", e.Limit)
}

func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// PartError is an error reading one part of a package (or its zip entry): it wraps
// ErrCorrupt, ErrMissing or a *LimitError with the part's name.
type PartError struct {
	Part string
	Err  error
}

func (e *PartError) Error() string { return e.Part + ": " + e.Err.Error() }
func (e *PartError) Unwrap() error { return e.Err }

// corrupt is a *PartError wrapping ErrCorrupt.
func corrupt(part string, format string, args ...any) error {
	return &PartError{Part: part, Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrCorrupt)}
}
