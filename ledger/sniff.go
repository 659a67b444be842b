package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/richardlehane/mscfb"
)

// oleSignature starts every OLE2 compound file: legacy .xls/.et workbooks and
// password-protected .xlsx files alike.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// format is what a file turned out to be by looking at its bytes.
type format int

const (
	formatXLSX format = iota
	formatCSV
)

// sniff opens the file and decides how to read it, or returns the *Error that tells
// the clerk what is wrong with it.
func sniff(path string) (format, error) {
	base := filepath.Base(path)
	if strings.HasPrefix(base, "~$") {
		return 0, fileError(ErrLockFile, path, nil, "这是 Excel/WPS 打开台账时留下的锁定文件，不是台账；原台账可能仍在编辑未保存，请保存并关闭后再检查原文件。")
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, openError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, openError(path, err)
	}
	if st.IsDir() {
		return 0, fileError(ErrUnsupported, path, nil, "这是一个文件夹，不是台账文件。")
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))

	if bytes.Equal(head, oleSignature) {
		if isEncrypted(f) {
			return 0, fileError(ErrEncrypted, path, nil, "工作簿设置了打开密码，无法读取；请在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存再检查。")
		}
		return 0, fileError(ErrLegacyFormat, path, nil, "这是旧版 Excel 97-2003（.xls/.et）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查。")
	}
	switch ext {
	case ".csv":
		return formatCSV, nil
	case ".xls", ".et":
		return 0, fileError(ErrLegacyFormat, path, nil, "这是旧版 Excel 97-2003（.xls/.et）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查。")
	case ".xlsx", ".xlsm":
	default:
		return 0, fileError(ErrUnsupported, path, nil, "不支持 %s 格式，请提供 .xlsx、.xlsm 或 .csv 台账。", ext)
	}
	if n == 0 {
		return 0, fileError(ErrCorrupt, path, nil, "文件是空的（0 字节），可能没有复制完整；请重新保存或重新复制后再检查。")
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		return 0, fileError(ErrCorrupt, path, nil, "文件已损坏或不是 xlsx 工作簿（可能是改了扩展名的其他文件）；请用 Excel/WPS 打开确认后另存为 .xlsx。")
	}
	if _, err := zip.NewReader(f, st.Size()); err != nil {
		return 0, fileError(ErrCorrupt, path, err, "文件已损坏或不完整（可能没有复制完），无法作为 xlsx 打开；请重新保存或重新复制后再检查。")
	}
	return formatXLSX, nil
}

// isEncrypted reports whether an OLE2 file holds an encrypted OOXML package.
func isEncrypted(f *os.File) bool {
	doc, err := mscfb.New(f)
	if err != nil {
		return false
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		if entry.Name == "EncryptionInfo" || entry.Name == "EncryptedPackage" {
			return true
		}
	}
	return false
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(ErrNotFound, path, err, "找不到这个文件，请检查路径和文件名是否正确。")
	case errors.Is(err, fs.ErrPermission):
		return fileError(ErrPermission, path, err, "没有读取权限，请检查文件权限或联系共享盘管理员。")
	}
	return fileError(ErrCorrupt, path, err, "无法打开文件，请确认文件可以在 Excel/WPS 中打开。")
}
