package ledger

import (
	"errors"
	"fmt"
	"io/fs"

	"gongjian/internal/termsafe"
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
// The codes are part of the JSON output: never rename one.
var (
	ErrNotFound     = &Error{Code: "not-found"}          // no such file or folder
	ErrPermission   = &Error{Code: "permission-denied"}  // not allowed to read it
	ErrLegacyFormat = &Error{Code: "legacy-format"}      // .xls/.et: Excel 97-2003 or WPS
	ErrEncrypted    = &Error{Code: "encrypted"}          // a workbook with an opening password
	ErrCorrupt      = &Error{Code: "corrupt"}            // a damaged or truncated workbook or CSV
	ErrNotWorkbook  = &Error{Code: "not-workbook"}       // named .xlsx but something else inside
	ErrEmptyFile    = &Error{Code: "empty-file"}         // 0 bytes: a copy that never happened
	ErrLockFile     = &Error{Code: "lock-file"}          // Excel's "~$" owner file
	ErrNoHeader     = &Error{Code: "no-header"}          // no sheet with a ledger header
	ErrTooLarge     = &Error{Code: "too-large"}          // unpacks beyond the limit (zip bomb)
	ErrUnsupported  = &Error{Code: "unsupported-format"} // not .xlsx/.xlsm/.csv
	ErrNoSheet      = &Error{Code: "no-sheet"}           // --sheet names no sheet of the workbook
	ErrEmpty        = &Error{Code: "empty"}              // a workbook without a single value
	ErrNoLedgers    = &Error{Code: "no-ledgers"}         // a folder holding no ledger at all
	ErrChanged      = &Error{Code: "changed"}            // written over while the run read it
)

// fileError builds the error for a file with a sentinel's code and a message that
// starts with the file's path as the user gave it (or as a folder walk found it):
// in a batch over many folders a bare name like "台账.xlsx" would not say which. The
// path's control characters are escaped: the message goes to a terminal.
func fileError(sentinel *Error, file string, cause error, format string, args ...any) *Error {
	return &Error{
		Code:    sentinel.Code,
		File:    file,
		Message: termsafe.Name(file) + "：" + fmt.Sprintf(format, args...),
		Err:     cause,
	}
}

// AsError returns err as a *Error if it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// FolderError is the error for a folder that could not be looked into, from the
// error os.ReadDir or os.Stat gave.
func FolderError(dir string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(ErrNotFound, dir, err, "找不到这个文件夹，请检查路径是否正确。")
	case errors.Is(err, fs.ErrPermission):
		return fileError(ErrPermission, dir, err, "没有读取这个文件夹的权限，请检查文件夹权限或联系共享盘管理员。")
	}
	return fileError(ErrCorrupt, dir, err, "无法读取这个文件夹的内容（可能是网络盘断开或磁盘出错），请确认能在资源管理器中打开后再检查。")
}

// NoLedgersError is the error for a folder in which a walk found no ledger file at
// all; skipped says what it passed over ("2 个锁定文件、1 个检查结果文件"), if anything.
func NoLedgersError(dir, skipped string) *Error {
	if skipped != "" {
		skipped = "（跳过了 " + skipped + "）"
	}
	return fileError(ErrNoLedgers, dir, nil, "文件夹中没有台账文件（.xlsx、.xlsm、.csv 或旧版 .xls、.et）%s；请检查路径是否正确。", skipped)
}
