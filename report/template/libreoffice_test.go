package template

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongjian/ledger"
	"gongjian/report/internal/docx/docxtest"
	"gongjian/rules"
)

// LibreOffice prints each blank template: the ledger sheet on one page, its 填报说明
// on two, the table broken in its middle (the 开复工台账's left four rows to a third
// page), each page under the table's header.
func TestTemplateInLibreOffice(t *testing.T) {
	for _, kind := range []ledger.Kind{ledger.KindKaifugong, ledger.KindRongzi} {
		var buf bytes.Buffer
		if err := Write(&buf, Options{Kind: kind, Year: 2025, Rules: rules.Default()}); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "模板.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		_, pages := docxtest.PrintFile(t, docxtest.Default, path, dir)
		if len(pages) != 3 {
			t.Fatalf("%s: %d pages, want the ledger and two of 填报说明", kind.Label(), len(pages))
		}
		rows := 0
		for i, p := range pages[1:] {
			text := strings.Join(strings.Fields(p.Text), "")
			if !strings.Contains(text, "栏目") || !strings.Contains(text, "填写说明") {
				t.Errorf("%s: 填报说明 page %d lacks its table's header", kind.Label(), i+1)
			}
			n := strings.Count(p.Text, "\n")
			if i > 0 && n*3 < rows {
				t.Errorf("%s: the 填报说明's last page holds %d lines after %d: a tail under nothing", kind.Label(), n, rows)
			}
			rows = n
		}
	}
}
