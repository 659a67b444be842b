package outfile

import (
	"errors"
	"syscall"
)

// Windows reports these conditions with its own error numbers.
const (
	errorWriteProtect     syscall.Errno = 19  // ERROR_WRITE_PROTECT
	errorHandleDiskFull   syscall.Errno = 39  // ERROR_HANDLE_DISK_FULL
	errorDiskFull         syscall.Errno = 112 // ERROR_DISK_FULL
	errorFilenameExcedRng syscall.Errno = 206 // ERROR_FILENAME_EXCED_RANGE
)

func isDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, syscall.ENOSPC)
}
func isReadOnly(err error) bool {
	return errors.Is(err, errorWriteProtect) || errors.Is(err, syscall.EROFS)
}
func isNameTooLong(err error) bool {
	return errors.Is(err, errorFilenameExcedRng) || errors.Is(err, syscall.ENAMETOOLONG)
}
