package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// yangcunProjects is the 杨村镇 ledger written as CSV (GBK and UTF-8 with BOM).
func yangcunProjects() []project {
	return []project{
		{code: pcode("2308", "88", "01", 103001), name: "陵川县杨村镇锡崖沟景区提质升级项目", owner: "陵川县锡崖沟旅游开发有限公司", nature: "续建", category: "文旅", unit: "县文旅局", leader: "陈国栋", total: wan(12500), plan: wan(3500), done: wan(1480.50), planStart: d(2, 20), actualStart: d(2, 26), status: "已复工", stats: "是"},
		{name: "陵川县杨村镇农村饮水安全巩固提升工程", owner: "陵川县城乡水务有限公司", nature: "续建", category: "基础设施", unit: "县水务局", leader: "刘晓明", total: wan(1860), plan: wan(900), done: wan(402), planStart: d(3, 1), actualStart: d(3, 5), status: "已复工", stats: "是"},
		{code: pcode("2311", "48", "01", 103015), name: "陵川县杨村镇至马圪当乡公路改建工程", owner: "陵川县交通投资建设有限公司", nature: "续建", category: "基础设施", unit: "县交通局", leader: "陈国栋", total: wan(21600), plan: wan(6000), done: wan(2650), planStart: d(3, 1), actualStart: d(3, 8), status: "已复工", stats: "是"},
		{code: pcode("2403", "01", "03", 103022), name: "陵川县杨村镇旱地西红柿产业园项目", owner: "陵川县红果农业开发有限公司", nature: "续建", category: "农业", unit: "县农业农村局", leader: "刘晓明", total: wan(3200), plan: wan(1200), done: wan(530), planStart: d(3, 10), actualStart: d(3, 12), status: "已复工", stats: "是"},
		{code: pcode("2309", "61", "03", 103036), name: "陵川县杨村镇康养度假酒店项目", owner: "山西太行康养旅游开发有限公司", nature: "续建", category: "文旅", unit: "县文旅局", leader: "陈国栋", total: wan(26800), plan: wan(5500), done: wan(2360.80), planStart: d(3, 1), actualStart: d(3, 2), status: "已复工", stats: "是"},
		{code: pcode("2501", "44", "03", 103101), name: "陵川县杨村镇20MW分布式光伏项目", owner: "陵川县光合新能源有限公司", nature: "新建", category: "能源", unit: "县能源局", leader: "张海峰", total: wan(9000), plan: wan(6000), done: wan(2520), planStart: d(3, 10), actualStart: d(3, 18), status: "已开工", stats: "是"},
		{code: pcode("2502", "14", "03", 103112), name: "陵川县杨村镇中药材初加工中心项目", owner: "陵川县太行药材有限公司", nature: "新建", category: "招商引资", unit: "县工信局", leader: "李志强", total: wan(2600), plan: wan(1800), done: wan(620), planStart: d(3, 15), actualStart: d(3, 22), status: "已开工", stats: "是"},
		{name: "陵川县杨村镇中心小学风雨操场项目", owner: "陵川县教育科技局", nature: "新建", category: "社会民生", unit: "县教育局", leader: "赵文华", total: wan(780), plan: wan(780), done: wan(300), planStart: d(3, 20), actualStart: d(3, 25), status: "已开工", stats: "是"},
		{name: "陵川县杨村镇垃圾中转站建设项目", owner: "杨村镇人民政府", nature: "新建", category: "基础设施", unit: "县住建局", leader: "赵文华", total: wan(650), plan: wan(650), done: wan(210), planStart: d(4, 1), actualStart: d(4, 10), status: "已开工", stats: "是"},
		{code: pcode("2504", "88", "03", 103140), name: "陵川县杨村镇乡村振兴农旅融合项目", owner: "陵川县乡旅农业开发有限公司", nature: "新建", category: "文旅", unit: "县文旅局", leader: "陈国栋", total: wan(5600), plan: wan(2000), noDone: true, planStart: d(7, 1), status: "未开工", stats: "否", problems: "规划选址调整中"},
		{name: "陵川县杨村镇卫生院改造提升项目", owner: "陵川县杨村镇卫生院", nature: "新建", category: "社会民生", unit: "县卫健局", leader: "赵文华", total: wan(1200), plan: wan(1000), done: wan(380), planStart: d(3, 1), actualStart: d(3, 6), status: "已开工", stats: "是"},
		{code: pcode("2503", "89", "03", 103163), name: "陵川县杨村镇山地运动公园项目", owner: "山西太行户外运动有限公司", nature: "新建", category: "招商引资", unit: "县工信局", leader: "李志强", total: wan(8800), plan: wan(3000), done: wan(600), planStart: d(4, 15), actualStart: d(5, 6), status: "已开工", stats: "是"},
	}
}

// csvDate writes dates in the mixed forms clerks type, cycling by row.
func csvDate(t day, i int) string {
	if t.none() {
		return ""
	}
	switch i % 4 {
	case 0:
		return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
	case 1:
		return fmt.Sprintf("%d/%d/%d", t.y, t.m, t.d)
	case 2:
		return fmt.Sprintf("%d年%d月%d日", t.y, t.m, t.d)
	}
	return fmt.Sprintf("%d.%d.%d", t.y, t.m, t.d)
}

// yangcunCSV renders the ledger as Excel would save it: CRLF, every record
// padded to the header's width, amounts with thousands separators.
func yangcunCSV(ps []project) ([]byte, error) {
	header := []string{"序号", "项目代码", "项目名称", "建设单位", "所在乡镇", "建设性质", "项目类别", "责任单位", "包联领导",
		"总投资（万元）", "年度计划投资（万元）", "1-5月完成投资（万元）", "计划开工时间", "实际开工时间", "开工状态", "是否入库", "存在问题"}
	pad := func(fields ...string) []string {
		rec := make([]string, len(header))
		copy(rec, fields)
		return rec
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	recs := [][]string{pad("杨村镇2025年重点项目开复工台账"), header}
	amount := func(c cents, missing bool) string {
		if missing {
			return ""
		}
		return c.grouped()
	}
	for i := range ps {
		p := &ps[i]
		recs = append(recs, []string{
			fmt.Sprint(i + 1), p.code, p.name, p.owner, "杨村镇", p.nature, p.category, p.unit, p.leader,
			amount(p.total, false), amount(p.plan, false), amount(p.done, p.noDone),
			csvDate(p.planStart, i), csvDate(p.actualStart, i+1), p.status, p.stats, p.problems,
		})
	}
	total := pad("合计")
	total[9], total[10], total[11] = sumField(ps, "total").grouped(), sumField(ps, "plan").grouped(), sumField(ps, "done").grouped()
	recs = append(recs, total)
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeYangcun(gbkPath, bomPath string) ([]project, error) {
	ps := yangcunProjects()
	for i := range ps {
		ps[i].town = "杨村镇"
	}
	data, err := yangcunCSV(ps)
	if err != nil {
		return nil, err
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("GBK: %w", err)
	}
	if err := os.WriteFile(gbkPath, gbk, 0o644); err != nil {
		return nil, err
	}
	bom := append([]byte("\uFEFF"), data...)
	return ps, os.WriteFile(bomPath, bom, 0o644)
}
