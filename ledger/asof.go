package ledger

// AsOfSource says where a reporting date came from.
type AsOfSource string

const (
	AsOfHeader  AsOfSource = "header"   // a "1-N月" header
	AsOfTitle   AsOfSource = "title"    // the title ("截至2025年6月30日")
	AsOfMonthly AsOfSource = "monthly"  // the latest of the month-by-month columns
	AsOfColumn  AsOfSource = "column"   // a 填报月份 column ("2022-06" on every row)
	AsOfYearEnd AsOfSource = "year-end" // a past year's ledger that names no month: that year's end
	AsOfToday   AsOfSource = "today"    // nothing in the ledger says: today
	AsOfFlag    AsOfSource = "flag"     // given on the command line (--as-of)
	AsOfLedgers AsOfSource = "ledgers"  // a merged ledger: the latest date its ledgers state
)

// Label says in Chinese where the date came from, as the check's summary shows it
// ("截至日期 2025-05-31（来源：表头）").
func (s AsOfSource) Label() string {
	switch s {
	case AsOfHeader:
		return "表头"
	case AsOfTitle:
		return "标题"
	case AsOfMonthly:
		return "逐月列"
	case AsOfColumn:
		return "填报月份列"
	case AsOfYearEnd:
		return "往年台账，取年末"
	case AsOfToday:
		return "今天的日期"
	case AsOfFlag:
		return "命令行 --as-of"
	case AsOfLedgers:
		return "各台账中最晚的截至日期"
	}
	return string(s)
}
