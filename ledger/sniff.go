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
	"unicode/utf8"

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

// ledgerExtensions are the names a folder walk hands to Read: the formats it reads,
// and the ones it can only explain (old and binary workbooks), so that no workbook in
// a folder is passed over in silence.
var ledgerExtensions = map[string]bool{
	".xlsx": true, ".xlsm": true, ".csv": true,
	".xls": true, ".et": true, ".xlsb": true,
}

// IsLedgerName reports whether a file name has one of the extensions a folder walk
// should check (case does not matter: WPS writes .XLSX).
func IsLedgerName(name string) bool {
	return ledgerExtensions[strings.ToLower(filepath.Ext(name))]
}

// IsLockFile reports whether a file name is an Excel/WPS lock file ("~$台账.xlsx"),
// which holds the name of whoever has the ledger open, not the ledger.
func IsLockFile(name string) bool {
	return strings.HasPrefix(filepath.Base(name), "~$")
}

const (
	msgLegacy = "这是旧版 Excel 97-2003 或 WPS（.xls/.et）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查。"
	msgXLSB   = "这是 Excel 二进制工作簿（.xlsb），无法读取；请在 Excel 中“另存为” .xlsx 后再检查。"
)

// sniff opens the file and decides how to read it, or returns the *Error that tells
// the clerk what is wrong with it. It reads the first bytes and, for a zip, the
// directory at its end; nothing is unpacked. The file stays open (with its zip
// directory for a workbook), so what is read afterwards is the file looked at here.
func sniff(path string) (*sniffed, error) {
	if IsLockFile(path) {
		return nil, fileError(ErrLockFile, path, nil, "这是 Excel/WPS 打开台账时留下的锁定文件，不是台账；原台账可能仍在编辑未保存，请保存并关闭后再检查原文件。")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if st.IsDir() {
		return nil, fileError(ErrUnsupported, path, nil, "这是一个文件夹，不是台账文件。")
	}
	if !st.Mode().IsRegular() {
		// A pipe would block the read forever; a device is never a ledger.
		return nil, fileError(ErrUnsupported, path, nil, "这不是普通文件（可能是管道或设备），不是台账。")
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".xlsx", ".xlsm", ".csv", ".xls", ".et":
	case ".xlsb":
		return nil, fileError(ErrUnsupported, path, nil, msgXLSB)
	default:
		return nil, fileError(ErrUnsupported, path, nil, "不支持%s格式，请提供 .xlsx、.xlsm 或 .csv 台账。", describeExt(ext))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	s, err := sniffOpen(f, path, ext)
	if err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

// sniffed is a file sniff opened and what it found.
type sniffed struct {
	f      *os.File
	info   fs.FileInfo // of the open file
	format format
}

// sniffOpen looks at the first bytes of the open file.
func sniffOpen(f *os.File, path, ext string) (*sniffed, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, openError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fileError(ErrUnsupported, path, nil, "这不是普通文件（可能是管道或设备），不是台账。")
	}
	s := &sniffed{f: f, info: st}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, openError(path, err)
	}
	head = head[:n]
	if n == 0 {
		return nil, fileError(ErrEmptyFile, path, nil, "文件是空的（0 字节），可能没有保存或复制完整；请重新保存或重新复制后再检查。")
	}

	if bytes.HasPrefix(head, oleSignature) {
		return nil, oleFormat(f, path)
	}
	switch ext {
	case ".csv":
		s.format = formatCSV
		return s, nil
	case ".xls", ".et":
		// Not OLE2: often a web page or text some system exported as "xls". Excel and
		// WPS open those too, and saving as .xlsx is still the way.
		return nil, fileError(ErrLegacyFormat, path, nil, msgLegacy)
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		if looksLikeText(head) {
			return nil, fileError(ErrNotWorkbook, path, nil, "文件内容是文本（可能是 CSV 或网页改了扩展名），不是 xlsx 工作簿；请用 Excel/WPS 打开后“另存为” .xlsx 再检查。")
		}
		return nil, fileError(ErrNotWorkbook, path, nil, "文件不是 xlsx 工作簿（可能是其他文件改了扩展名）；请用 Excel/WPS 打开确认后“另存为” .xlsx 再检查。")
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, fileError(ErrCorrupt, path, err, "文件已损坏或不完整（可能没有复制完），无法作为 xlsx 打开；请重新保存或重新复制后再检查。")
	}
	if err := zipFormat(path, zr); err != nil {
		return nil, err
	}
	s.format = formatXLSX
	return s, nil
}

// zipFormat tells a workbook from the other zip packages named .xlsx: a Word
// document, a binary workbook, a plain zip archive. A package with a workbook's parts
// but no [Content_Types].xml is a damaged workbook, not an archive: Excel cannot open
// it either, and a re-save or a fresh copy is what helps.
func zipFormat(path string, zr *zip.Reader) error {
	ooxml, spreadsheet := false, false
	for _, e := range zr.File {
		name := strings.ToLower(e.Name)
		switch {
		case name == "[content_types].xml":
			ooxml = true
		case name == "xl/workbook.bin":
			return fileError(ErrUnsupported, path, nil, msgXLSB)
		case strings.HasPrefix(name, "xl/"):
			spreadsheet = true
		}
	}
	switch {
	case ooxml && spreadsheet:
		return nil
	case ooxml:
		return fileError(ErrNotWorkbook, path, nil, "这是 Word、PowerPoint 等其他 Office 文档，不是 Excel 工作簿；请确认文件是否放错。")
	case spreadsheet:
		return fileError(ErrCorrupt, path, nil, "工作簿缺少 [Content_Types].xml 部分，文件已损坏或不完整；请用 Excel/WPS 打开后重新保存，或重新复制后再检查。")
	}
	return fileError(ErrNotWorkbook, path, nil, "这是 zip 压缩包，不是 Excel 工作簿；请先解压，再检查其中的台账。")
}

// describeExt names an extension in a message: " .docx " or "没有扩展名的文件".
func describeExt(ext string) string {
	if ext == "" {
		return "没有扩展名的文件"
	}
	return " " + ext + " "
}

// looksLikeText reports whether the first bytes of a file read as text: no NUL, few
// control bytes, and UTF-8 (a rune cut at the end of the window allowed) or GBK.
func looksLikeText(head []byte) bool {
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t':
			ctl++
		}
	}
	if ctl > len(head)/20 {
		return false
	}
	trimmed := head
	for i := 0; i < utf8.UTFMax && len(trimmed) > 0 && !utf8.Valid(trimmed); i++ {
		trimmed = trimmed[:len(trimmed)-1]
	}
	return utf8.Valid(trimmed) || isGBK(head)
}

// isGBK reports whether b is ASCII and GBK double-byte characters (the last one may
// be cut off).
func isGBK(b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if c == 0x80 || c == 0xFF {
			return false
		}
		if i+1 == len(b) {
			return true
		}
		if t := b[i+1]; t < 0x40 || t == 0x7F || t == 0xFF {
			return false
		}
		i++
	}
	return true
}

// oleFormat tells what an OLE2 compound file is: Excel and WPS store a workbook with
// an opening password as one with the streams EncryptionInfo and EncryptedPackage; a
// legacy .xls/.et has a Workbook stream instead. A compound file whose structure
// cannot be read is damaged: saving it as .xlsx would not be possible either.
func oleFormat(f *os.File, path string) error {
	encrypted, err := isEncrypted(f)
	switch {
	case err != nil:
		return fileError(ErrCorrupt, path, err, "文件已损坏或不完整（可能没有复制完），无法读取；请重新复制，或在 Excel/WPS 中打开确认后另存为 .xlsx 再检查。")
	case encrypted:
		return fileError(ErrEncrypted, path, nil, "工作簿设置了打开密码，无法读取；请在 Excel/WPS 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，再检查。")
	}
	return fileError(ErrLegacyFormat, path, nil, msgLegacy)
}

// isEncrypted reports whether an OLE2 file holds an encrypted OOXML package, or the
// error that stopped reading its directory.
func isEncrypted(f *os.File) (bool, error) {
	doc, err := mscfb.New(f)
	if err != nil {
		return false, err
	}
	for {
		entry, err := doc.Next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if entry.Name == "EncryptionInfo" || entry.Name == "EncryptedPackage" {
			return true, nil
		}
	}
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(ErrNotFound, path, err, "找不到这个文件或文件夹，请检查路径和名称是否正确。")
	case errors.Is(err, fs.ErrPermission):
		return fileError(ErrPermission, path, err, "没有读取权限，请检查文件权限或联系共享盘管理员；文件正被其他程序独占打开时也会这样，请关闭后再检查。")
	}
	return fileError(ErrCorrupt, path, err, "无法打开文件（可能是网络盘断开或磁盘出错），请确认文件可以在 Excel/WPS 中打开。")
}

// PeekKind reads only as much of the file as finding its header takes and says which
// kind of ledger it holds, or the *Error Read would give. A run that may hold both
// kinds uses it to learn, before any result is written, whether the 开复工台账 must
// wait for the 融资需求台账 to be joined with them.
//
// Read may add columns PeekKind does not see (the actual and planned start both come
// from one "开工/计划开工时间" column), all of them 开复工台账 fields: so a file PeekKind
// calls a 开复工台账 is one to Read as well, while one it calls a 融资需求台账 may, rarely,
// read as a 开复工台账.
func PeekKind(path string, opts Options) (Kind, error) {
	f, err := Open(path, opts)
	if err != nil {
		return "", err
	}
	defer f.Close()
	src, err := f.source(opts)
	if err != nil {
		return "", err
	}
	_, _, h, err := chooseSheet(src, path, opts.Sheet, newMatcher(opts.Columns))
	if err != nil {
		return "", err
	}
	return decideKind(&Ledger{Columns: h.columns}, opts.Kind), nil
}
