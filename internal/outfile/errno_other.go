//go:build !windows

package outfile

import (
	"errors"
	"syscall"
)

func isDiskFull(err error) bool    { return errors.Is(err, syscall.ENOSPC) }
func isReadOnly(err error) bool    { return errors.Is(err, syscall.EROFS) }
func isNameTooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }
