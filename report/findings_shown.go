package report

import (
	"strconv"

	"gongjian/internal/termsafe"
	"gongjian/rules"
)

// maxShownFindings is how many findings the terminal table and Markdown list for one
// file. A clerk works through a screen or a page, not 400,000 lines, and drawing
// those took minutes and gigabytes; JSON, JSONL, CSV and the annotated copy's 检查结果
// sheet keep every finding. The samples' ledgers have at most a few dozen.
const maxShownFindings = 200

// shownFindings are the findings the table lists: all of them when there are at most
// max, else max of them, the errors first (in sheet order) and then as many warnings
// as there is room for, since the errors are what must be put right.
func shownFindings(fs []rules.Finding, max int) []rules.Finding {
	if len(fs) <= max {
		return fs
	}
	out := make([]rules.Finding, 0, max)
	for _, sev := range []rules.Severity{rules.SeverityError, rules.SeverityWarning} {
		for i := range fs {
			if len(out) == max {
				return out
			}
			if fs[i].Severity == sev {
				out = append(out, fs[i])
			}
		}
	}
	return out
}

// moreFindingsSentence says how many findings the table left out and where the whole
// list is: the annotated copy's 检查结果 sheet when one was written, and the formats
// that keep every finding.
func moreFindingsSentence(all, shown []rules.Finding, annotated string) string {
	e, w := countSeverities(all)
	se, sw := countSeverities(shown)
	s := "问题较多，上表只列出 " + strconv.Itoa(len(shown)) + " 条（先列错误），另有 " + strconv.Itoa(len(all)-len(shown)) +
		" 条未列出（错误 " + strconv.Itoa(e-se) + " 条，警告 " + strconv.Itoa(w-sw) + " 条）；"
	if annotated != "" {
		return s + "全部问题见检查结果文件 " + termsafe.Name(annotated) + " 的“检查结果”工作表，也可用 --format csv 或 --format json 输出。"
	}
	return s + "要看全部问题，请用 --format csv 或 --format json 输出。"
}
