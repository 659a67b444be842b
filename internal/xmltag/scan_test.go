package xmltag

import (
	"bufio"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Passing every text through a writer and every tag after it gives back the part
// byte for byte, whatever the buffer size; the tags read are the ones written.
func TestScannerRoundTrip(t *testing.T) {
	in := `<?xml version="1.0"?><x:ws xmlns:x="m"><!-- it's a > comment --><c r="A1" t="s"><v>1 &amp; 2</v></c>` +
		`<dv prompt="a>b"/><t><![CDATA[<raw> & text]]></t><r:e r:id='rId1'/>` + strings.Repeat("长文本", 100) + `</x:ws>`
	for _, size := range []int{16, 64, 4096} {
		var names []string
		out := passThrough(t, in, size, func(sc *Scanner) {
			if n, closing, _ := sc.Name(); n != nil && !closing {
				names = append(names, string(n))
			}
		})
		if out != in {
			t.Errorf("size %d: round trip changed the part:\n%s", size, out)
		}
		if got := strings.Join(names, ","); got != "ws,c,v,dv,t,e" {
			t.Errorf("size %d: names %s", size, got)
		}
	}
}

// passThrough scans in through a buffer of size bytes, writing every text and tag
// to its output as a rewriter does, and calls visit with each tag.
func passThrough(t *testing.T, in string, size int, visit func(*Scanner)) string {
	t.Helper()
	var out strings.Builder
	w := bufio.NewWriter(&out)
	sc := NewScanner(strings.NewReader(in), size)
	for {
		err := sc.Next(w, true)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !sc.Long() {
			w.Write(sc.Tag())
		}
		visit(sc)
	}
	w.Flush()
	return out.String()
}

func TestAttrAndUnescape(t *testing.T) {
	sc := NewScanner(strings.NewReader(`<sheet name="A&amp;B" r:id="rId3" sheetId='2'/>`), 64)
	if err := sc.Next(nil, false); err != nil {
		t.Fatal(err)
	}
	if got := string(AppendUnescaped(nil, sc.Attr("name"))); got != "A&B" {
		t.Errorf("name %q", got)
	}
	if got := string(sc.Attr("id")); got != "rId3" {
		t.Errorf("r:id %q", got)
	}
	if got := string(sc.Attr("sheetId")); got != "2" {
		t.Errorf("sheetId %q", got)
	}
	if got := string(AppendUnescaped(nil, []byte("&lt;&#x4E2D;&#25991;&bogus; &"))); got != "<中文&bogus; &" {
		t.Errorf("unescape %q", got)
	}
}

// repeat is an io.Reader of n bytes: head, then fill repeated, then tail; it lets a
// test stream a part of hundreds of megabytes without holding it.
type repeat struct {
	head, tail string
	fill       byte
	n          int64 // fill bytes left
}

func (r *repeat) Read(p []byte) (int, error) {
	k := 0
	if r.head != "" {
		k = copy(p, r.head)
		r.head = r.head[k:]
	}
	for k < len(p) && r.n > 0 {
		p[k] = r.fill
		k++
		r.n--
	}
	if k < len(p) && r.n == 0 && r.tail != "" {
		c := copy(p[k:], r.tail)
		r.tail = r.tail[c:]
		k += c
	}
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// A tag longer than maxTag keeps its head and end (its name reads, its first
// attributes too) and is written through whole by Next itself; text longer than
// maxText is kept up to maxText and said to be cut. Passing everything through still
// gives the part back byte for byte.
func TestLongTagAndText(t *testing.T) {
	long := strings.Repeat("a", 3*maxTag)
	in := `<ws><c r="A1" x="` + long + `"/><sheetPr codeName="` + long + `"></sheetPr><v>` +
		strings.Repeat("文", maxText) + `</v><!--` + long + `--><t><![CDATA[` + long + `]]></t></ws>`
	type seen struct {
		name          string
		empty, long   bool
		r             string
		text, textCut int
	}
	var got []seen
	out := passThrough(t, in, 4096, func(sc *Scanner) {
		if len(sc.Tag()) > maxTag+2 || len(sc.Text()) > maxText {
			t.Fatalf("holds a tag of %d bytes and text of %d", len(sc.Tag()), len(sc.Text()))
		}
		n, _, empty := sc.Name()
		cut := 0
		if sc.TextCut() {
			cut = 1
		}
		got = append(got, seen{string(n), empty, sc.Long(), string(sc.Attr("r")), len(sc.Text()), cut})
	})
	if out != in {
		t.Errorf("the part changed going through (%d bytes, want %d)", len(out), len(in))
	}
	want := []seen{
		{"ws", false, false, "", 0, 0},
		{"c", true, true, "A1", 0, 0},
		{"sheetPr", false, true, "", 0, 0},
		{"sheetPr", false, false, "", 0, 0},
		{"v", false, false, "", 0, 0},
		{"v", false, false, "", maxText, 1},
		{"", false, true, "", 0, 0}, // the comment
		{"t", false, false, "", 0, 0},
		{"", false, true, "", len(long), 0}, // the CDATA section: its content is text
		{"t", false, false, "", 0, 0},
		{"ws", false, false, "", 0, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("tags %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tag %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// Streaming a cell of 900 MiB and an attribute of 900 MiB through the scanner costs
// the time to read them and a few megabytes, not their size.
func TestHugeStreamsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 1.8 GiB")
	}
	for _, tt := range []struct {
		name       string
		head, tail string
	}{
		{"cell", `<row><c><v>`, `</v></c></row>`},
		{"attribute", `<row><c r="A1" x="`, `"><v>1</v></c></row>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			sc := NewScanner(&repeat{head: tt.head, tail: tt.tail, fill: 'a', n: 900 << 20}, 1<<20)
			tags := 0
			for {
				err := sc.Next(nil, true)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				tags++
			}
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("900 MiB %s: %d tags in %v, %.1f MB allocated", tt.name, tags, time.Since(start).Round(time.Millisecond), float64(alloc)/1e6)
			if alloc > 8<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}
