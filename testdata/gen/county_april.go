package main

// 全县开复工台账_4月.xlsx is the county ledger a month earlier (as of 04-30, "1-4月完成
// 投资"), for the report's 本月变化 (--previous). Against the May ledger:
//   - 陵川县崇文镇智慧停车场建设项目 was 未开工 (planned 05-01) and started on 05-12: new
//     this month by its date;
//   - 陵川县平城镇农产品冷链物流园项目 started on 04-20 but was still reported 未开工 in
//     April: new this month, since last month's ledger said not started;
//   - 陵川县附城镇中药材交易市场项目 is not in the April ledger at all (added in May,
//     started 03-15): 新增, and not newly started;
//   - 陵川县崇文镇棚户区改造安置房项目 is only in the April ledger: 减少;
//   - every other project is the same, with three quarters of May's 本年完成 and
//     累计完成 less the difference.
const (
	aprilLate      = "陵川县平城镇农产品冷链物流园项目"
	aprilMayStart  = "陵川县崇文镇智慧停车场建设项目"
	aprilAbsent    = "陵川县附城镇中药材交易市场项目"
	aprilRemovedNm = "陵川县崇文镇棚户区改造安置房项目"
)

func countyAprilProjects() []project {
	var out []project
	for _, p := range countyProjects() {
		switch p.name {
		case aprilAbsent:
			continue
		case aprilLate, aprilMayStart:
			p.actualStart, p.status = day{}, "未开工"
			p.done, p.cum, p.remark = 0, 0, ""
			out = append(out, p)
			continue
		}
		april := p.done - p.done/4
		p.cum -= p.done - april
		p.done = april
		out = append(out, p)
	}
	return append(out, project{code: pcode("2305", "47", "01", 100690), name: aprilRemovedNm, owner: "陵川县住房和城乡建设管理局",
		town: "崇文镇", nature: "续建", category: "社会民生", level: "县重点", unit: "县住建局", leader: "王建军",
		total: wan(4800), plan: wan(1600), done: wan(520), cum: wan(3920), planStart: d(3, 1), actualStart: d(3, 4),
		status: "已复工", stats: "是", remark: "5月并入城市更新项目"})
}

// writeCountyApril writes 全县开复工台账_4月.xlsx and returns its table.
func writeCountyApril(path string) ([]project, error) {
	return writeCountyLedger(path, countyAprilProjects(), "1-4月完成投资")
}
