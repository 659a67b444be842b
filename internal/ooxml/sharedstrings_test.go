package ooxml

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func sstPackage(t *testing.T, sst string, sheets ...part) *Package {
	t.Helper()
	ps := replace("xl/sharedStrings.xml", sst)(workbookParts(workbookXML))
	for _, s := range sheets {
		ps = replace(s.name, string(s.data))(ps)
	}
	p, err := open(t, 0, ps...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Each entry is its text runs joined (phonetic runs left out), entities and _xHHHH_
// escapes decoded, as Excel shows it; an entry past a cell's 32,767 characters is cut.
func TestSharedStrings(t *testing.T) {
	long := strings.Repeat("长", 40000)
	p := sstPackage(t, `<sst uniqueCount="999999999"><si><t>陵川县</t></si><si/><si><r><t>供水</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 工程</t></r>`+
		`<rPh sb="0" eb="2"><t>ling chuan</t></rPh></si><si><t>A&amp;B_x000D_C</t></si><si><t><![CDATA[<原样>]]></t></si><si><t>`+long+`</t></si></sst>`)
	wb, err := p.Workbook()
	if err != nil {
		t.Fatal(err)
	}
	sst, err := p.SharedStrings(wb)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"陵川县", "", "供水 工程", "A&B\rC", "<原样>", strings.Repeat("长", MaxCellChars)}
	if sst.Len() != len(want) {
		t.Fatalf("%d entries, want %d", sst.Len(), len(want))
	}
	for i, w := range want {
		if got, ok := sst.At(i); !ok || got != w {
			t.Errorf("entry %d: %d characters %q…, want %d", i, utf8.RuneCountInString(got), got[:min(len(got), 12)], utf8.RuneCountInString(w))
		}
	}
	for _, i := range []int{-1, len(want)} {
		if got, ok := sst.At(i); ok || got != "" {
			t.Errorf("entry %d: %q %v", i, got, ok)
		}
	}
}

// A table of 800,000 empty entries costs 4 bytes an entry, not a string each.
func TestSharedStringsCompact(t *testing.T) {
	const n = 800_000 // 4 MB of XML, just below RatioGrace
	p := sstPackage(t, `<sst>`+strings.Repeat(`<si/>`, n)+`</sst>`)
	wb, _ := p.Workbook()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sst, err := p.SharedStrings(wb)
	runtime.GC()
	runtime.ReadMemStats(&after)
	if err != nil || sst.Len() != n {
		t.Fatalf("%v, %d entries", err, sst.Len())
	}
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d empty entries held in %.1f MB", n, float64(held)/1e6)
	if held > 6*n {
		t.Errorf("%d entries hold %d bytes", n, held)
	}
}

// A cell of 20 bytes can name an entry of 32,767 characters: the cells of a sheet may
// take from the table only so much more than the sheets and the table hold.
func TestSharedTextAllowance(t *testing.T) {
	long := strings.Repeat("a", MaxCellChars)
	p := sstPackage(t, `<sst><si><t>`+long+`</t></si><si><t>短</t></si></sst>`)
	wb, _ := p.Workbook()
	sst, err := p.SharedStrings(wb)
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	for {
		v, err := sst.Cell(0)
		if err != nil {
			var le *LimitError
			if !errors.As(err, &le) || le.Kind != LimitStrings || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v", err)
			}
			break
		}
		taken += len(v)
		if taken > 1<<30 {
			t.Fatal("no limit")
		}
	}
	if taken < sharedTextAllowance-MaxCellChars || taken > sharedTextAllowance+1<<20 {
		t.Errorf("cells took %d bytes before the limit", taken)
	}
	if v, err := sst.Cell(5); v != "" || err != nil { // past the table: nothing, no error
		t.Errorf("past the end: %q %v", v, err)
	}
}

func TestParseCellRef(t *testing.T) {
	for _, tt := range []struct {
		ref      string
		col, row int
		ok       bool
	}{
		{"A1", 0, 1, true},
		{"ab12", 27, 12, true},
		{"$H$17", 7, 17, true},
		{"XFD1048576", MaxColumns - 1, MaxRows, true},
		{"XFE1", 0, 0, false},
		{"ZZZ1", 0, 0, false},
		{"AAAA1", 0, 0, false},
		{"A1048577", 0, 0, false},
		{"A2000000000", 0, 0, false},
		{"A0", 0, 0, false},
		{"A+1", 0, 0, false},
		{"A", 0, 0, false},
		{"1", 0, 0, false},
		{"", 0, 0, false},
	} {
		col, row, ok := ParseCellRef(tt.ref)
		if col != tt.col || row != tt.row || ok != tt.ok {
			t.Errorf("%q: %d %d %v, want %d %d %v", tt.ref, col, row, ok, tt.col, tt.row, tt.ok)
		}
		if tt.ok {
			if got := CellRef(col, row); !strings.EqualFold(got, strings.ReplaceAll(tt.ref, "$", "")) {
				t.Errorf("CellRef(%d, %d) = %q", col, row, got)
			}
		}
	}
}
