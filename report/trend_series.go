package report

import (
	"fmt"
	"path/filepath"
	"strings"

	"gongjian/internal/termsafe"
	"gongjian/ledger"
	"gongjian/rules"
)

// Series is the year's 开复工台账 month by month, as --history finds them: the ledgers
// of the current ledger's year up to its month, one per month, the current last.
type Series struct {
	Results []*rules.Result // in month order; the current ledger last
	// Missing are the months between the first ledger's and the current with no
	// ledger: said, never filled in.
	Missing []int
	// LeftOut are the files given that are not part of the series, each with why, in
	// the order given.
	LeftOut []LeftOut
}

// LeftOut is a file of the history left out of the series.
type LeftOut struct {
	File   string
	Reason string // a Chinese clause: "是2024年的台账"
}

// Sentence is the line that tells the user: "2024年12月台账.xlsx 是2024年的台账，未计入月度走势".
func (l LeftOut) Sentence() string {
	return fmt.Sprintf("%s %s，未计入月度走势", termsafe.Name(filepath.Base(l.File)), l.Reason)
}

// DuplicateMonthError says two ledgers of the history report on the same month:
// which of them to use is the clerk's call, not the tool's.
type DuplicateMonthError struct {
	Year, Month int
	Files       [2]string
}

func (e *DuplicateMonthError) Error() string {
	return fmt.Sprintf("%s 和 %s 都是%d年%d月的台账，无法确定用哪一个；请把其中一个移出文件夹后重试",
		termsafe.Name(filepath.Base(e.Files[0])), termsafe.Name(filepath.Base(e.Files[1])), e.Year, e.Month)
}

// NewSeries orders the history by reporting month and checks it against the current
// ledger. A ledger's month is its reporting date (a "1-N月" header, the title, the
// month-by-month columns), never its file name. Left out, each with its reason: files
// that could not be read, 融资需求台账, ledgers that state no month, ledgers of another
// year, and ledgers of a month after the current one. Two ledgers for one month (the
// current ledger's included) are a *DuplicateMonthError. The caller leaves the current
// ledger's own file out of history.
func NewSeries(current *rules.Result, history []Outcome) (*Series, error) {
	year, month := int(current.AsOf.Year), int(current.AsOf.Month)
	s := &Series{}
	byMonth := map[int]*rules.Result{month: current}
	for _, o := range history {
		file := o.file()
		if o.Failed() {
			why := strings.TrimSuffix(strings.TrimPrefix(o.ErrorMessage(), termsafe.Name(filepath.Base(file))+"："), "。")
			s.LeftOut = append(s.LeftOut, LeftOut{File: file, Reason: "无法读取（" + why + "）"})
			continue
		}
		res := o.Result
		if reason := outOfSeries(res, year, month); reason != "" {
			s.LeftOut = append(s.LeftOut, LeftOut{File: file, Reason: reason})
			continue
		}
		m := int(res.AsOf.Month)
		if other, ok := byMonth[m]; ok {
			return nil, &DuplicateMonthError{Year: year, Month: m, Files: [2]string{resultFile(other), file}}
		}
		byMonth[m] = res
	}
	first := month
	for m := range byMonth {
		first = min(first, m)
	}
	for m := first; m <= month; m++ {
		if r, ok := byMonth[m]; ok {
			s.Results = append(s.Results, r)
		} else {
			s.Missing = append(s.Missing, m)
		}
	}
	return s, nil
}

// outOfSeries says why a ledger is not part of the current ledger's year up to its
// month; "" when it is.
func outOfSeries(res *rules.Result, year, month int) string {
	l := res.Ledger
	if l != nil && l.Kind == ledger.KindRongzi {
		return "是融资需求台账"
	}
	switch res.AsOfSource {
	case ledger.AsOfHeader, ledger.AsOfTitle, ledger.AsOfMonthly, ledger.AsOfColumn, ledger.AsOfLedgers:
	case ledger.AsOfYearEnd:
		return fmt.Sprintf("是%d年的台账", res.AsOf.Year)
	default:
		return "没有写明截至月份（表头“1-N月”、标题“截至…”或逐月完成投资列都没有）"
	}
	switch m := int(res.AsOf.Month); {
	case int(res.AsOf.Year) != year:
		return fmt.Sprintf("是%d年的台账", res.AsOf.Year)
	case m > month:
		return fmt.Sprintf("截至%d月，晚于本次报告的%d月", m, month)
	}
	return ""
}

func resultFile(r *rules.Result) string {
	if r.Ledger == nil {
		return ""
	}
	return r.Ledger.File
}

// monthsText lists months as a 通报 does: "3月", "3月、4月".
func monthsText(months []int) string {
	parts := make([]string, len(months))
	for i, m := range months {
		parts[i] = fmt.Sprintf("%d月", m)
	}
	return strings.Join(parts, "、")
}
