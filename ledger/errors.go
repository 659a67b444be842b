package ledger

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Error is a file that could not be read as a ledger. Code is stable (it is the JSON
// error.code); Message is one Chinese sentence that names the file and says what to do.
type Error struct {
	Code    string
	File    string
	Message string
	Err     error // the underlying cause, for logs; never shown to a clerk
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is(err, ErrEncrypted) match any *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.File == "" && t.Code == e.Code
}

// Sentinels for errors.Is; the errors returned carry the file and a full message.
var (
	ErrNotFound     = &Error{Code: "not-found"}
	ErrPermission   = &Error{Code: "permission-denied"}
	ErrLegacyFormat = &Error{Code: "legacy-format"}
	ErrEncrypted    = &Error{Code: "encrypted"}
	ErrCorrupt      = &Error{Code: "corrupt"}
	ErrLockFile     = &Error{Code: "lock-file"}
	ErrNoHeader     = &Error{Code: "no-header"}
	ErrTooLarge     = &Error{Code: "too-large"}
	ErrUnsupported  = &Error{Code: "unsupported-format"}
	ErrNoSheet      = &Error{Code: "no-sheet"}
	ErrEmpty        = &Error{Code: "empty"}
)

// fileError builds the error for a file with a sentinel's code and a message that
// starts with the file's name.
func fileError(sentinel *Error, file string, cause error, format string, args ...any) *Error {
	return &Error{
		Code:    sentinel.Code,
		File:    file,
		Message: filepath.Base(file) + "：" + fmt.Sprintf(format, args...),
		Err:     cause,
	}
}

// AsError returns err as a *Error if it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
