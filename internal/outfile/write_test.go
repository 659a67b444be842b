package outfile

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// writeZip writes a small package with the given entries.
func writeZip(entries map[string]string) func(io.Writer) error {
	return func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
			if text, ok := entries[name]; ok {
				f, err := zw.Create(name)
				if err != nil {
					return err
				}
				io.WriteString(f, text)
			}
		}
		return zw.Close()
	}
}

var book = map[string]string{
	"[Content_Types].xml":      "<Types/>",
	"xl/workbook.xml":          "<workbook/>",
	"xl/worksheets/sheet1.xml": "<worksheet>甲</worksheet>",
}

func write(t *testing.T, fl *Files, tg Target, fn func(io.Writer) error) Placed {
	t.Helper()
	p, err := fl.Write(context.Background(), tg, fn)
	if err != nil {
		t.Fatalf("write %s: %v", tg.Path, err)
	}
	return p
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if IsTemporary(e.Name()) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// A package the tool wrote carries its mark and still reads as a zip; written again
// over itself it is replaced, not renamed around.
func TestZipMarkReplacesOwn(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "台账.检查结果.xlsx")
	fl := New()
	tg := Target{Path: out, Mark: MarkZip, Numbered: true}
	if p := write(t, fl, tg, writeZip(book)); p.Path != out || p.Kept != "" {
		t.Fatalf("placed %+v", p)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("the marked package is no zip: %v", err)
	}
	if !strings.HasPrefix(zr.Comment, zipMarkPrefix) || len(zr.File) != 3 {
		t.Errorf("comment %q, %d entries", zr.Comment, len(zr.File))
	}
	zr.Close()
	if !ownZip(out) {
		t.Fatal("the tool's own package is not recognised")
	}
	// A new run (a new registry) replaces its own unchanged copy in place.
	p := write(t, New(), tg, writeZip(map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook>2</workbook>"}))
	if p.Path != out || p.Kept != "" {
		t.Errorf("own copy not replaced in place: %+v", p)
	}
	noTemps(t, dir)
}

// A package someone changed is never the tool's own: re-saved without the comment
// (what Excel and WPS do), or one entry changed with the comment kept (a zip tool).
func TestZipMarkRefusesChanged(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "台账.检查结果.xlsx")
	write(t, New(), Target{Path: out, Mark: MarkZip}, writeZip(book))
	marked, _ := os.ReadFile(out)
	zr, _ := zip.NewReader(bytes.NewReader(marked), int64(len(marked)))
	comment := zr.Comment

	resaved := filepath.Join(dir, "resaved.xlsx")
	f, _ := os.Create(resaved)
	writeZip(book)(f)
	f.Close()

	edited := filepath.Join(dir, "edited.xlsx")
	f, _ = os.Create(edited)
	zw := zip.NewWriter(f)
	for name, text := range book {
		w, _ := zw.Create(name)
		if strings.Contains(name, "sheet1") {
			text = "<worksheet>乙</worksheet>"
		}
		io.WriteString(w, text)
	}
	zw.SetComment(comment)
	zw.Close()
	f.Close()

	for _, p := range []string{resaved, edited} {
		if ownZip(p) {
			t.Errorf("%s taken for the tool's own", filepath.Base(p))
		}
	}
	if !ownZip(out) {
		t.Error("the unchanged copy is not recognised")
	}
}

// The README's round trip: the clerk corrects the copy and puts it back; the next
// copy takes the next free name and the clerk's file stays byte for byte. A path
// the user named is refused instead; --force replaces it.
func TestForeignFileKept(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "台账.检查结果.xlsx")
	clerk := []byte("PK clerk's corrections")
	os.WriteFile(out, clerk, 0o644)

	p := write(t, New(), Target{Path: out, Mark: MarkZip, Numbered: true}, writeZip(book))
	if want := filepath.Join(dir, "台账.检查结果2.xlsx"); p.Path != want || p.Kept != out {
		t.Errorf("placed %+v, want %s keeping %s", p, want, out)
	}
	// Again: the tool's own .检查结果2 is replaced; no .检查结果3 appears.
	p = write(t, New(), Target{Path: out, Mark: MarkZip, Numbered: true}, writeZip(book))
	if filepath.Base(p.Path) != "台账.检查结果2.xlsx" {
		t.Errorf("second run placed %s", p.Path)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, clerk) {
		t.Fatal("the clerk's file changed")
	}

	_, err := New().Write(context.Background(), Target{Path: out, Mark: MarkZip}, writeZip(book))
	var ee *ExistsError
	if !errors.As(err, &ee) || ee.Path != out {
		t.Fatalf("named path: %v", err)
	}
	if err := Check(Target{Path: out, Mark: MarkZip}); !errors.As(err, &ee) {
		t.Errorf("Check: %v", err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, clerk) {
		t.Fatal("the clerk's file changed")
	}
	write(t, New(), Target{Path: out, Mark: MarkZip, Force: true}, writeZip(book))
	if !ownZip(out) {
		t.Error("--force did not replace it")
	}
	noTemps(t, dir)
}

// Two files of one run never take the same name, even when both are the tool's.
func TestClaimedInRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "台账.检查结果.xlsx")
	fl := New()
	a := write(t, fl, Target{Path: out, Mark: MarkZip, Numbered: true}, writeZip(book))
	b := write(t, fl, Target{Path: out, Mark: MarkZip, Numbered: true}, writeZip(book))
	if a.Path == b.Path {
		t.Fatalf("both at %s", a.Path)
	}
	if _, err := fl.Write(context.Background(), Target{Path: out, Mark: MarkZip, Force: true}, writeZip(book)); err == nil {
		t.Error("--force replaced a file of the same run")
	}
}

// A CSV the tool wrote is listed in the folder's manifest; changed, it is not own.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "01_主要指标.csv")
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	write(t, New(), Target{Path: out, Mark: MarkManifest}, text("指标,值\r\n"))
	m, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	if !strings.HasSuffix(string(m), "  01_主要指标.csv\n") {
		t.Errorf("manifest %q", m)
	}
	if err := Check(Target{Path: out, Mark: MarkManifest}); err != nil {
		t.Errorf("own CSV: %v", err)
	}
	write(t, New(), Target{Path: out, Mark: MarkManifest}, text("指标,值\r\n新建开工率,0.5\r\n"))
	os.WriteFile(out, []byte("指标,值,备注\r\n"), 0o644) // edited in Excel
	if _, err := New().Write(context.Background(), Target{Path: out, Mark: MarkManifest}, text("x")); err == nil {
		t.Error("an edited CSV was replaced")
	}
	if got, _ := os.ReadFile(out); string(got) != "指标,值,备注\r\n" {
		t.Errorf("edited CSV now %q", got)
	}
	noTemps(t, dir)
}

// A file the tool always writes the same is own exactly when its bytes are the same.
func TestMarkSame(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "规则.yaml")
	rules := func(w io.Writer) error { _, err := io.WriteString(w, "version: 1\n"); return err }
	write(t, New(), Target{Path: out, Mark: MarkSame}, rules)
	write(t, New(), Target{Path: out, Mark: MarkSame}, rules)
	os.WriteFile(out, []byte("version: 1\nschedule: day\n"), 0o644)
	var ee *ExistsError
	if _, err := New().Write(context.Background(), Target{Path: out, Mark: MarkSame}, rules); !errors.As(err, &ee) {
		t.Errorf("edited rules: %v", err)
	}
}

// A copy gets no permission its ledger lacks; the owner can always write it.
func TestPermCapped(t *testing.T) {
	if os.PathSeparator == '\\' {
		t.Skip("Windows has no permission bits")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		limit fs.FileMode
		deny  fs.FileMode // bits that must be off
	}{
		{0o600, 0o077},
		{0o640, 0o037},
		{0o400, 0o077},
	} {
		out := filepath.Join(dir, tc.limit.String()+".xlsx")
		write(t, New(), Target{Path: out, Mark: MarkZip, Perm: tc.limit}, writeZip(book))
		st, _ := os.Stat(out)
		if st.Mode().Perm()&tc.deny != 0 || st.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("limit %v: mode %v", tc.limit, st.Mode().Perm())
		}
	}
	// No limit: what a new file gets by default here (0666 less the umask).
	out := filepath.Join(dir, "default.xlsx")
	write(t, New(), Target{Path: out, Mark: MarkZip}, writeZip(book))
	probe := filepath.Join(dir, "probe")
	f, _ := os.OpenFile(probe, os.O_CREATE|os.O_WRONLY, 0o666)
	f.Close()
	a, _ := os.Stat(out)
	b, _ := os.Stat(probe)
	if a.Mode().Perm() != b.Mode().Perm() {
		t.Errorf("default mode %v, a new file gets %v", a.Mode().Perm(), b.Mode().Perm())
	}
}

// Cancelled while writing: the cause comes back, no temporary file, nothing placed.
func TestCancelledWrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "大.xlsx")
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("interrupted")
	_, err := New().Write(ctx, Target{Path: out}, func(w io.Writer) error {
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		for i := 0; ; i++ {
			if i == 3 {
				cancel(stop)
			}
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
	})
	if !errors.Is(err, stop) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a cancelled file was placed")
	}
	noTemps(t, dir)
}

// Abort while many files are being written: every temporary file goes, and none is
// created or placed afterwards. Run under -race and -count to shake out the window
// between naming and creating a file.
func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	fl := New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; ; j++ {
				out := filepath.Join(dir, strings.Repeat("a", i+1)+".xlsx")
				_, err := fl.Write(context.Background(), Target{Path: out, Force: true}, func(w io.Writer) error {
					_, err := w.Write(make([]byte, 64<<10))
					return err
				})
				if errors.Is(err, ErrAborted) {
					return
				}
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	if !fl.Abort() {
		t.Error("first Abort not reported first")
	}
	if fl.Abort() {
		t.Error("second Abort reported first")
	}
	wg.Wait()
	noTemps(t, dir)
	if _, err := fl.createTemp(dir); !errors.Is(err, ErrAborted) {
		t.Errorf("created after Abort: %v", err)
	}
}

func TestNextName(t *testing.T) {
	for in, want := range map[string]string{
		"a/台账.检查结果.xlsx":  "a/台账.检查结果2.xlsx",
		"a/台账.检查结果2.xlsx": "a/台账.检查结果3.xlsx",
		"a/台账.检查结果9.xlsm": "a/台账.检查结果10.xlsm",
		"报告":              "报告2",
		"a1/b.xlsx":       "a1/b2.xlsx",
		"a/2025.xlsx":     "a/2026.xlsx",
	} {
		if got := nextName(filepath.FromSlash(in)); got != filepath.FromSlash(want) {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

func TestReason(t *testing.T) {
	for err, want := range map[error]string{
		syscall.ENOSPC:                     "磁盘已满",
		syscall.EROFS:                      "只读",
		syscall.ENAMETOOLONG:               "文件名太长",
		syscall.EISDIR:                     "是一个文件夹",
		errIsFolder:                        "是一个文件夹",
		syscall.ENOTDIR:                    "路径中有同名的文件",
		syscall.EACCES:                     "没有写入权限",
		fs.ErrNotExist:                     "所在文件夹不存在",
		syscall.EIO:                        "网络盘断开或磁盘出错",
		&fs.PathError{Err: syscall.ENOSPC}: "磁盘已满",
	} {
		if got := Reason(err); !strings.Contains(got, want) {
			t.Errorf("%v: %q, want %q", err, got, want)
		}
	}
}

// A name too long for the file system is said so, and leaves nothing behind.
func TestNameTooLong(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, strings.Repeat("很长的台账名称", 13)+".检查结果.xlsx") // > 255 bytes
	_, err := New().Write(context.Background(), Target{Path: out, Mark: MarkZip, Numbered: true}, writeZip(book))
	var we *WriteError
	if !errors.As(err, &we) || !strings.Contains(we.Error(), "文件名太长") {
		t.Fatalf("got %v", err)
	}
	noTemps(t, dir)
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	old, fresh := filepath.Join(dir, ".gongjian-1.tmp"), filepath.Join(dir, ".gongjian-2.tmp")
	oldDir := filepath.Join(dir, ".gongjian-3.tmp")
	other := filepath.Join(dir, ".gongjian-notes.txt")
	for _, p := range []string{old, fresh, other} {
		os.WriteFile(p, nil, 0o644)
	}
	os.Mkdir(oldDir, 0o700)
	os.WriteFile(filepath.Join(oldDir, "excelize-1"), nil, 0o600)
	then := time.Now().Add(-StaleAge - time.Minute)
	for _, p := range []string{old, oldDir, other} {
		os.Chtimes(p, then, then)
	}
	var said []string
	RemoveStale([]string{dir, dir}, time.Now(), func(p string) { said = append(said, filepath.Base(p)) })
	if strings.Join(said, ",") != ".gongjian-1.tmp,.gongjian-3.tmp" {
		t.Errorf("removed %v", said)
	}
	for p, want := range map[string]bool{old: false, oldDir: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists=%v", filepath.Base(p), err == nil)
		}
	}
}
