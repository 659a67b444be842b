package ledger

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

var updateDocs = flag.Bool("update", false, "rewrite the field table of docs/台账字段.md")

// fieldsDoc is the repository's description of the fields; its table is this
// package's synonym table, written out.
const fieldsDoc = "../docs/台账字段.md"

// The table's place in the document.
const (
	fieldTableStart = "<!-- 字段表开始：由 go test ./ledger -run TestFieldsDoc -update 按 ledger/synonyms.go 生成，请勿手改 -->"
	fieldTableEnd   = "<!-- 字段表结束 -->"
)

var valueTypeNames = map[ValueType]string{TypeText: "文本", TypeAmount: "金额", TypeDate: "日期"}

// fieldTable lists every field with its canonical header, its type and the header
// names the reader knows for it, shortest first; the names that give way to a surer
// column are marked.
func fieldTable() string {
	byField := map[Field][]string{}
	for name, s := range synonyms {
		if s.rank == rankSecondary {
			name += "（让位）"
		}
		byField[s.field] = append(byField[s.field], name)
	}
	var b strings.Builder
	b.WriteString("| 字段 | 标准列名 | 类型 | 认得的列名 |\n|---|---|---|---|\n")
	for _, f := range Fields() {
		names := byField[f]
		sort.Slice(names, func(i, j int) bool {
			a, c := utf8.RuneCountInString(names[i]), utf8.RuneCountInString(names[j])
			return a < c || a == c && names[i] < names[j]
		})
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f, f.Label(), valueTypeNames[f.Type()], strings.Join(names, "、"))
	}
	return b.String()
}

// The document's field table is the reader's: a name added to synonyms.go without
// the document fails here (go test ./ledger -run TestFieldsDoc -update rewrites it).
func TestFieldsDoc(t *testing.T) {
	data, err := os.ReadFile(fieldsDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	head, rest, ok1 := strings.Cut(doc, fieldTableStart+"\n")
	table, tail, ok2 := strings.Cut(rest, fieldTableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("%s has no field table between %q and %q", fieldsDoc, fieldTableStart, fieldTableEnd)
	}
	want := fieldTable()
	if table == want {
		return
	}
	if *updateDocs {
		if err := os.WriteFile(fieldsDoc, []byte(head+fieldTableStart+"\n"+want+fieldTableEnd+tail), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s's field table is out of date: go test ./ledger -run TestFieldsDoc -update", fieldsDoc)
}
