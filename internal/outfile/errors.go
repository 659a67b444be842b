package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"gongjian/internal/termsafe"
)

// ExistsError is a path that holds a file the tool did not write, or one changed
// since it did: the file is kept and nothing is written there without Force.
type ExistsError struct {
	Path string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s 已存在，且不是本工具生成后未经改动的文件，没有覆盖；如要覆盖请加 --force，或换一个文件名", termsafe.Name(e.Path))
}

// WriteError is a file that could not be written because of its folder, its disk or
// its name.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("无法写入 %s：%s", termsafe.Name(e.Path), Reason(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

func writeError(path string, err error) error {
	if errors.Is(err, ErrAborted) {
		return err
	}
	return &WriteError{Path: path, Err: err}
}

// errIsFolder is a path to write a file at that is a folder.
var errIsFolder = errors.New("outfile: a folder")

// Reason says in Chinese why a file or folder could not be written, from the
// error the system gave.
func Reason(err error) string {
	switch {
	case errors.Is(err, errIsFolder), errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件"
	case isDiskFull(err):
		return "磁盘已满"
	case errors.Is(err, syscall.EDQUOT):
		return "超出了磁盘配额"
	case isReadOnly(err):
		return "磁盘或共享盘是只读的"
	case isNameTooLong(err):
		return "文件名太长（一般最多 255 字节，一个汉字占 3 字节），请换一个短一些的名字"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有同名的文件，不是文件夹"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case errors.Is(err, fs.ErrNotExist):
		return "所在文件夹不存在"
	case errors.Is(err, fs.ErrExist):
		return "路径中有同名的文件，不是文件夹"
	}
	return "写入出错（可能是网络盘断开或磁盘出错）"
}
