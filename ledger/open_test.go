package ledger

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"gongjian/internal/badfile"
)

// openStreamPath opens a workbook by path, for the tests that compare the stream
// reader with excelize. The file stays open until the process ends.
func openStreamPath(path string, limit int64) (*streamSource, error) {
	f, err := Open(path, Options{})
	if err != nil {
		return nil, err
	}
	return openStream(f.Workbook(), path, limit)
}

// A ledger replaced while the run goes on, by another ledger or by a zip bomb, is
// read as it was when opened: the open file keeps the bytes that were looked at.
func TestOpenKeepsTheOpenedBytes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "台账.xlsx")
	if err := os.WriteFile(path, readSample(t, "礼义镇开复工台账.xlsx"), 0o640); err != nil {
		t.Fatal(err)
	}
	want, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, other := range map[string][]byte{
		"another ledger": readSample(t, "全县开复工台账.xlsx"),
		"a zip bomb":     badfile.Padded(readSample(t, "全县开复工台账.xlsx"), 8<<20),
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Open(path, Options{UnzipLimit: 4 << 20})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			swap := filepath.Join(dir, "swap.xlsx")
			os.WriteFile(swap, other, 0o644)
			if err := os.Rename(swap, path); err != nil {
				t.Fatal(err)
			}
			l, err := f.Read(context.Background(), Options{UnzipLimit: 4 << 20})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Projects) != len(want.Projects) || l.Projects[0].Name != want.Projects[0].Name {
				t.Errorf("read %d projects (%q), want the %d of the file opened", len(l.Projects), l.Projects[0].Name, len(want.Projects))
			}
			if err := f.Unchanged(); err != nil {
				t.Errorf("a file renamed over the ledger counts as a change of the open one: %v", err)
			}
			if f.Perm() != 0o640 {
				t.Errorf("perm %v", f.Perm())
			}
			// Put the ledger back for the next case.
			os.Remove(path)
			os.WriteFile(path, readSample(t, "礼义镇开复工台账.xlsx"), 0o640)
		})
	}
}

// A ledger written over in place while it is open is told apart by its size and
// modification time.
func TestUnchanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "台账.csv")
	os.WriteFile(path, []byte("项目名称,建设性质,总投资\n甲,新建,100\n"), 0o644)
	f, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Unchanged(); err != nil {
		t.Fatalf("fresh: %v", err)
	}
	if len(f.CSVRecords()) != 2 || f.Workbook() != nil {
		t.Errorf("records %v", f.CSVRecords())
	}
	later := time.Now().Add(time.Second)
	os.WriteFile(path, []byte("项目名称,建设性质,总投资\n乙,续建,200\n"), 0o644)
	os.Chtimes(path, later, later)
	err = f.Unchanged()
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("written over: %v", err)
	}
	if e, _ := AsError(err); e.Message != path+"：文件在检查期间被改动了，没有用它生成检查结果；请等文件保存完毕后再检查一次。" {
		t.Errorf("message %q", e.Message)
	}
}

// endless is a Source whose one sheet never ends: only the context stops a read of it.
type endless struct{ rows atomic.Int64 }

func (e *endless) rowsSeen() int64 { return e.rows.Load() }

func (e *endless) Sheets() []string { return []string{"台账"} }
func (e *endless) Date1904() bool   { return false }
func (e *endless) Rows(_ string, fn func(int, []string) bool) error {
	cells := []string{"1", "项目", "新建", "100", "50", "20"}
	if !fn(1, []string{"序号", "项目名称", "建设性质", "总投资", "年度计划投资", "1-5月完成投资"}) {
		return nil
	}
	for row := 2; ; row++ {
		e.rows.Store(int64(row))
		if !fn(row, cells) {
			return nil
		}
	}
}
func (e *endless) Merges(string) ([]Range, error) { return nil, nil }
func (e *endless) Close() error                   { return nil }

// A read stops within cancelEvery rows of its context being cancelled, with the cause.
func TestReadStopsWhenCancelled(t *testing.T) {
	stop := errors.New("interrupted")
	ctx, cancel := context.WithCancelCause(context.Background())
	src := &endless{}
	go func() {
		for src.rowsSeen() < 50000 {
			time.Sleep(time.Millisecond)
		}
		cancel(stop)
	}()
	_, err := readSource(ctx, src, "无尽.xlsx", Options{})
	if !errors.Is(err, stop) {
		t.Fatalf("got %v", err)
	}

	cancelled, cancel2 := context.WithCancelCause(context.Background())
	cancel2(stop)
	if _, err := ReadContext(cancelled, filepath.Join("..", "testdata", "礼义镇开复工台账.xlsx"), Options{}); !errors.Is(err, stop) {
		t.Errorf("cancelled before: %v", err)
	}
}

// A callback that panics does not leave the scanning goroutine of a large sheet
// behind.
func TestRowsLeavesNoGoroutine(t *testing.T) {
	defer func(v uint64) { pipelineMin = v }(pipelineMin)
	pipelineMin = 0
	// More rows than the pipeline's batches hold, so the scan waits for the callback.
	book, err := genBenchLedger(8000)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	os.WriteFile(path, book, 0o644)
	st, err := openStreamPath(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for range 5 {
		func() {
			defer func() { recover() }()
			st.Rows(st.Sheets()[0], func(row int, _ []string) bool {
				if row == 3 {
					panic("a bug in a callback")
				}
				return true
			})
		}()
		st.Rows(st.Sheets()[0], func(row int, _ []string) bool { return row < 2 })
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines, %d before the reads", n, before)
	}
}
