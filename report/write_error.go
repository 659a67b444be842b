package report

import "fmt"

// AnnotateError is an annotated copy that could not be written, with one Chinese
// sentence for the clerk.
type AnnotateError struct {
	Path string
	Err  error
}

func (e *AnnotateError) Error() string {
	return fmt.Sprintf("无法写出检查结果文件 %s，请检查该文件夹是否可写、磁盘是否已满，或用 -o 指定其他位置", e.Path)
}

func (e *AnnotateError) Unwrap() error { return e.Err }
