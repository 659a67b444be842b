package report

import (
	"regexp"
	"strings"

	"gongjian/ledger"
)

// The report and the 通报 are named after what the ledger lists, as its title says
// it: the place, the year and the subject ("陵川县2025年重点项目", "2026年省市重点项目",
// "龙泉办景观农业项目"), without the ledger's own tail — what kind of table it is
// (进展情况表, 进度表, 台账, 调度表, 推进情况表), which month or quarter it covers
// (及5月份进展, 6月, 二季度), and any remark in brackets. The report adds its own
// tail ("建设情况调度报告") and its date; the 通报 its period ("2025年1-5月").

var (
	subjectBracketRe = regexp.MustCompile(`[(（][^)）]*[)）]`)
	// subjectPeriodRe is a month, span of months or quarter inside the subject
	// ("2025年1-5月重点项目"): the report says its own date.
	subjectPeriodRe = regexp.MustCompile(`(?:截至|截止)?(?:\d{1,2}\s*[-—–~至到]\s*)?\d{1,2}\s*月(?:份|底|末)?|第?[一二三四]季度|前三季度|[上下]半年`)
)

// subjectTails are where a title without the word 项目 stops naming what it lists and
// starts naming the table ("陵川县2025年重点工程推进表" → "陵川县2025年重点工程").
var subjectTails = []string{"投资路线图", "投资计划", "开复工", "进展", "进度", "推进", "调度", "台账", "情况", "一览表", "统计表", "汇总表", "计划表", "明细表", "表"}

// ledgerSubject is what a ledger's title says it lists: "陵川县2025年重点项目投资路线图
// 及5月份进展情况表" → "陵川县2025年重点项目"; "重点项目" for a ledger without a title.
func ledgerSubject(title string) string {
	t := strings.Join(strings.Fields(subjectBracketRe.ReplaceAllString(title, "")), "")
	if i := strings.Index(t, "项目"); i >= 0 {
		t = t[:i+len("项目")]
	} else {
		for _, tail := range subjectTails {
			if i := strings.Index(t, tail); i >= 0 {
				t = t[:i]
			}
		}
		if !strings.HasSuffix(t, "工程") {
			t += "重点项目"
		}
	}
	return subjectPeriodRe.ReplaceAllString(t, "")
}

// noticeSubject is whose projects the 通报 is about, without the year its period
// gives: "陵川县重点项目", "龙泉办景观农业项目"; a subject naming no place gets the
// ledger's (its 填报单位's, or 全县): "全县省市重点项目".
func noticeSubject(l *ledger.Ledger) string {
	s := placeYearRe.ReplaceAllString(ledgerSubject(l.Title), "")
	if placeIn(s) != "" || strings.HasPrefix(s, "全") {
		return s
	}
	return noticePlace(l) + s
}
