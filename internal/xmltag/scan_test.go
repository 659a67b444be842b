package xmltag

import (
	"bufio"
	"io"
	"strings"
	"testing"
)

// Passing every text through a writer and every tag after it gives back the part
// byte for byte, whatever the buffer size; the tags read are the ones written.
func TestScannerRoundTrip(t *testing.T) {
	in := `<?xml version="1.0"?><x:ws xmlns:x="m"><!-- it's a > comment --><c r="A1" t="s"><v>1 &amp; 2</v></c>` +
		`<dv prompt="a>b"/><t><![CDATA[<raw> & text]]></t><r:e r:id='rId1'/>` + strings.Repeat("长文本", 100) + `</x:ws>`
	for _, size := range []int{16, 64, 4096} {
		var out strings.Builder
		w := bufio.NewWriter(&out)
		sc := NewScanner(strings.NewReader(in), size)
		var names []string
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
			if n, closing, _ := sc.Name(); n != nil && !closing {
				names = append(names, string(n))
			}
		}
		w.Flush()
		if out.String() != in {
			t.Errorf("size %d: round trip changed the part:\n%s", size, out.String())
		}
		if got := strings.Join(names, ","); got != "ws,c,v,dv,t,e" {
			t.Errorf("size %d: names %s", size, got)
		}
	}
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
