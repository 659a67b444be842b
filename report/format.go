package report

// Format is an output format of gongjian check, report or merge.
type Format string

const (
	FormatTable    Format = "table"
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
	FormatMarkdown Format = "markdown"
	FormatCSV      Format = "csv"
)

// The formats each command writes, in the order its help lists them.
var (
	CheckFormats  = []Format{FormatTable, FormatJSON, FormatJSONL, FormatMarkdown, FormatCSV}
	ReportFormats = []Format{FormatTable, FormatMarkdown, FormatCSV, FormatJSON}
	MergeFormats  = []Format{FormatTable, FormatJSON}
)

// Label is the format's name in Chinese.
func (f Format) Label() string {
	switch f {
	case FormatTable:
		return "终端表格"
	case FormatJSON:
		return "JSON"
	case FormatJSONL:
		return "JSON Lines（每个文件一行）"
	case FormatMarkdown:
		return "Markdown（可贴进通报）"
	case FormatCSV:
		return "CSV（Excel 可打开）"
	}
	return string(f)
}

// ParseFormat reads a --format value among the formats a command allows; ok is false
// for any other.
func ParseFormat(s string, allowed []Format) (f Format, ok bool) {
	for _, f := range allowed {
		if string(f) == s {
			return f, true
		}
	}
	return "", false
}
