package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongjian/internal/badfile"
)

// badFiles are the files README.md lists (无法读取的文件) that sniff or Read must refuse, by name, with
// the code they must get. Written by writeBadFiles.
var badFiles = []struct {
	name string
	code string
	says string // a phrase the message must hold
}{
	{"旧台账.xls", "legacy-format", "另存为” .xlsx"},
	{"旧台账.et", "legacy-format", "另存为” .xlsx"},
	{"旧台账改名.xlsx", "legacy-format", "Excel 97-2003"},
	{"网页导出.xls", "legacy-format", "另存为” .xlsx"},
	{"加密台账.xlsx", "encrypted", "打开密码"},
	{"文本台账.xlsx", "not-workbook", "文本"},
	{"图片.xlsx", "not-workbook", "不是 xlsx 工作簿"},
	{"文档.xlsx", "not-workbook", "Word"},
	{"压缩包.xlsx", "not-workbook", "zip 压缩包"},
	{"二进制.xlsb", "unsupported-format", ".xlsb"},
	{"半截台账.xlsx", "corrupt", "不完整"},
	{"缺类型表.xlsx", "corrupt", "[Content_Types].xml"},
	{"坏的旧台账.xls", "corrupt", "已损坏"},
	{"坏的加密台账.xlsx", "corrupt", "已损坏"},
	{"空文件.xlsx", "empty-file", "0 字节"},
	{"空文件.csv", "empty-file", "0 字节"},
	{"~$台账.xlsx", "lock-file", "锁定文件"},
	{"空工作簿.xlsx", "empty", "工作簿是空的"},
	{"通讯录.xlsx", "no-header", "项目名称、建设性质"},
	{"说明.txt", "unsupported-format", ".txt"},
	{"不存在.xlsx", "not-found", "找不到"},
}

// writeBadFiles writes the files of badFiles into dir ("不存在.xlsx" excepted), the
// workbooks from the sample good.
func writeBadFiles(t testing.TB, dir string, good []byte) {
	t.Helper()
	zipOf := func(entries ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range entries {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("<x/>"))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	files := map[string][]byte{
		"旧台账.xls":     badfile.CompoundFile("Workbook"),
		"旧台账.et":      badfile.CompoundFile("Workbook"),
		"旧台账改名.xlsx":  badfile.CompoundFile("Workbook"),
		"网页导出.xls":    []byte("<html><body><table><tr><td>项目名称</td></tr></table></body></html>"),
		"加密台账.xlsx":   badfile.CompoundFile("EncryptionInfo", "EncryptedPackage"),
		"文本台账.xlsx":   []byte("序号,项目名称,建设性质\n1,陵川县污水处理厂,新建\n"),
		"图片.xlsx":     {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
		"文档.xlsx":     zipOf("[Content_Types].xml", "word/document.xml"),
		"压缩包.xlsx":    zipOf("照片/1.jpg"),
		"二进制.xlsb":    zipOf("[Content_Types].xml", "xl/workbook.bin"),
		"半截台账.xlsx":   good[:len(good)/2],
		"缺类型表.xlsx":   zipOf("_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
		"坏的旧台账.xls":   badfile.CompoundFile("Workbook")[:512],
		"坏的加密台账.xlsx": badfile.CompoundFile("EncryptionInfo", "EncryptedPackage")[:700],
		"空文件.xlsx":    {},
		"空文件.csv":     {},
		"~$台账.xlsx":   append([]byte{6}, []byte("张三                                          ")...),
		"说明.txt":      []byte("这个文件夹放 5 月的台账。\n"),
		"空工作簿.xlsx":   workbookBytes(t, nil),
		"通讯录.xlsx":    workbookBytes(t, [][]any{{"县直部门通讯录"}, {"姓名", "单位", "电话"}, {"张三", "县发改局", "0356-1234567"}}),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// workbookBytes is an xlsx whose first sheet holds rows (none: an empty workbook).
func workbookBytes(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Skipf("sample %s not generated: %v", name, err)
	}
	return b
}

// TestBadFiles reads each kind of file README.md lists (无法读取的文件) and wants its code, a message
// that starts with the path and says what to do, and no panic.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeBadFiles(t, dir, readSample(t, "礼义镇开复工台账.xlsx"))
	for _, bf := range badFiles {
		t.Run(bf.name, func(t *testing.T) {
			path := filepath.Join(dir, bf.name)
			_, err := Read(path, Options{})
			e, ok := AsError(err)
			if !ok {
				t.Fatalf("Read = %v (%T), want a *ledger.Error", err, err)
			}
			if e.Code != bf.code {
				t.Errorf("code %q, want %q (%s)", e.Code, bf.code, e.Message)
			}
			if !strings.HasPrefix(e.Message, path+"：") || !strings.Contains(e.Message, bf.says) {
				t.Errorf("message %q, want it to start with the path and say %q", e.Message, bf.says)
			}
			if e.File != path {
				t.Errorf("File %q", e.File)
			}
			// PeekKind refuses the file with the same error as Read.
			if _, perr := PeekKind(path, Options{}); perr == nil || perr.Error() != err.Error() {
				t.Errorf("PeekKind = %v, Read = %v", perr, err)
			}
		})
	}
}

// The sniffer tells an encrypted workbook from a legacy one by the OLE2 streams.
func TestCompoundFileStreams(t *testing.T) {
	dir := t.TempDir()
	for streams, encrypted := range map[string]bool{
		"EncryptionInfo,EncryptedPackage": true,
		"EncryptedPackage":                true,
		"Workbook":                        false,
		"Book,SummaryInformation":         false,
		"":                                false,
	} {
		var names []string
		if streams != "" {
			names = strings.Split(streams, ",")
		}
		path := filepath.Join(dir, "f.xlsx")
		if err := os.WriteFile(path, badfile.CompoundFile(names...), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := isEncrypted(f); err != nil || got != encrypted {
			t.Errorf("streams %q: encrypted %v, want %v", streams, got, encrypted)
		}
		f.Close()
	}
}

// A zip bomb is refused by the unpacked-size limit, with the limit in the message.
func TestUnzipLimit(t *testing.T) {
	good := readSample(t, "全县开复工台账.xlsx")
	dir := t.TempDir()
	path := filepath.Join(dir, "全县.xlsx")
	if err := os.WriteFile(path, badfile.Padded(good, 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path, Options{}); err != nil {
		t.Fatalf("default limit: %v", err)
	}
	_, err := Read(path, Options{UnzipLimit: 2 << 20})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "2 MB") || !strings.Contains(err.Error(), "--max-unzip-mb") {
		t.Errorf("2 MB limit: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, tt := range []struct {
		err  error
		code string
	}{
		{fs.ErrNotExist, "not-found"},
		{fs.ErrPermission, "permission-denied"},
		{errors.New("input/output error"), "corrupt"},
	} {
		if e, _ := AsError(openError("a.xlsx", tt.err)); e == nil || e.Code != tt.code {
			t.Errorf("openError(%v) = %v, want %s", tt.err, e, tt.code)
		}
		if e := FolderError("台账", tt.err); e.Code != tt.code || !strings.HasPrefix(e.Message, "台账：") {
			t.Errorf("FolderError(%v) = %v, want %s", tt.err, e, tt.code)
		}
	}
	e := NoLedgersError("空文件夹", "2 个锁定文件")
	if e.Code != "no-ledgers" || e.Message != "空文件夹：文件夹中没有台账文件（.xlsx、.xlsm、.csv 或旧版 .xls、.et）（跳过了 2 个锁定文件）；请检查路径是否正确。" {
		t.Errorf("NoLedgersError = %q", e.Message)
	}
}

func TestIsLedgerName(t *testing.T) {
	for name, want := range map[string]bool{
		"台账.xlsx": true, "台账.XLSX": true, "台账.xlsm": true, "台账.csv": true, "旧.xls": true, "旧.et": true,
		"台账.xlsb": true, "说明.docx": false, "照片.jpg": false, "xlsx": false, "台账.xlsx.bak": false,
	} {
		if got := IsLedgerName(name); got != want {
			t.Errorf("IsLedgerName(%q) = %v", name, got)
		}
	}
}

func TestLooksLikeText(t *testing.T) {
	gbk := []byte{0xCF, 0xEE, 0xC4, 0xBF, ',', 0xC3, 0xFB} // 项目,名 in GBK
	for in, want := range map[string]bool{
		"序号,项目名称\n":          true,
		"<html>":             true,
		string(gbk):          true,
		"项目"[:4]:             true, // a rune cut by the window
		"PK\x03\x04\x00\x00": false,
		"\x89PNG\r\n\x1a\n":  false,
	} {
		if got := looksLikeText([]byte(in)); got != want {
			t.Errorf("looksLikeText(%q) = %v", in, got)
		}
	}
}
