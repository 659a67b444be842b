package docx

import (
	"fmt"
	"strconv"
)

// sampleNotice is a 通报 as an office sends it: a title, the addressee, seven
// sections of text, the 附件说明, the sender and date, and two attachments — a
// 20-row ranking of ten columns, too wide for 小四, and a 30-row list of lagging
// projects four pages long.
func sampleNotice() *Document {
	d := &Document{}
	d.Add(
		Title{Text: "关于2025年1-5月全县重点项目\n建设进展情况的通报"},
		Addressee{Text: "各乡镇人民政府，县直各有关单位："},
		Paragraph{Text: "为深入推进重点项目建设攻坚行动，按照县委、县政府“按月晒进度、比成效”的工作要求，县重点项目攻坚专班办公室对1-5月全县重点项目建设进展情况进行了调度，现将有关情况通报如下。"},
		Heading1{Text: "一、总体情况"},
		Paragraph{Text: "截至2025年5月31日，全县纳入调度的重点项目共177个，其中新建项目76个、已开工58个，开工率76.3%；续建项目101个、已复工101个，复工率100.0%。年度计划投资163.38亿元，1-5月完成投资70.14亿元，完成率42.9%，高于序时进度1.2个百分点。"},
		Heading2{Text: "（一）开复工情况"},
		Paragraph{Text: "一季度“开门红”目标全面完成，续建项目复工率达到100%，新建项目开工率68.8%，超过50%的目标18.8个百分点。按“上半年双过半”要求，6月底前新建项目开工率须达到90%，全县还需开工11个新建项目。"},
		Heading2{Text: "（二）投资完成情况"},
		Paragraph{Text: "崇文镇、附城镇投资完成率位居前列，分别达到48.8%和47.5%；西河底镇、杨村镇低于序时进度5个百分点以上，其中杨村镇完成率仅为25.0%，低于序时进度16.7个百分点。县直部门中，县交通局、县卫健局、县住建局完成率居前三位；县水务局、县工信局低于序时进度5.8个百分点。"},
		Heading1{Text: "二、存在的问题"},
		Paragraph{Text: "一是部分新建项目前期手续办理滞后，用地预审、环评批复等要件迟迟不能落地，影响项目按期开工。二是个别项目资金到位不及时，融资对接进展缓慢，投资完成率长期低于序时进度。三是部分乡镇和责任单位调度不够精细，台账填报不及时、不准确，存在“重申报、轻推进”的现象。"},
		Heading1{Text: "三、下一步工作要求"},
		Paragraph{Lead: "（一）压实项目推进责任。", Text: "各乡镇、各责任单位要对照年度目标，逐项目梳理时间节点，对未开工项目实行“一项目一专班”，确保6月底前新建项目开工率达到90%以上。"},
		Paragraph{Lead: "（二）加快滞后项目进度。", Text: "对附件2所列滞后项目，包联领导要逐一研判原因，协调解决用地、资金、手续等问题，限期赶上序时进度；连续两个月低于序时进度的，由县攻坚专班约谈责任单位主要负责人。"},
		Paragraph{Lead: "（三）提高台账填报质量。", Text: "各单位要于每月25日前报送项目台账，做到数据真实、口径统一，问题清单要写明存在问题和解决时限。"},
		AttachmentNote{Titles: []string{"2025年1-5月各乡镇和县直部门重点项目投资完成情况排名", "2025年1-5月滞后项目清单"}},
		Closing{Issuer: "县重点项目建设攻坚专班办公室", Date: "2025年6月5日"},
		Attachment{Label: "附件1", Title: "2025年1-5月各乡镇和县直部门\n重点项目投资完成情况排名"},
		sampleRanking(),
		Attachment{Label: "附件2", Title: "2025年1-5月滞后项目清单"},
		sampleLagging(),
	)
	return d
}

var sampleGroups = []string{
	"崇文镇", "附城镇", "礼义镇", "平城镇", "西河底镇", "杨村镇", "夺火乡", "马圪当乡", "古郊乡", "六泉乡",
	"潞城镇", "秦家庄乡", "县交通局", "县卫健局", "县住建局", "县农业农村局", "县文旅局", "县能源局", "县教育局", "县水务局",
}

func sampleRanking() Table {
	t := Table{
		Note:   "金额单位：万元；与序时差单位：个百分点",
		Header: []string{"排名", "乡镇（部门）", "项目数", "新建开工率", "续建复工率", "年度计划", "本年完成", "完成率", "与序时差", "亮灯"},
		Align:  []Align{AlignCenter, AlignLeft, AlignRight, AlignRight, AlignRight, AlignRight, AlignRight, AlignRight, AlignRight, AlignCenter},
	}
	for i, g := range sampleGroups {
		plan := 41080 - i*1530
		rate := 488 - i*12 // per mille
		done := plan * rate / 1000
		light := "绿灯"
		if rate < 417-50 {
			light = "黄灯"
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(i + 1), g, strconv.Itoa(10 - i%5),
			fmt.Sprintf("%.1f%%", 100-float64(i%4)*12.5), "100.0%",
			fmt.Sprintf("%d.00", plan), fmt.Sprintf("%d.50", done),
			fmt.Sprintf("%.1f%%", float64(rate)/10), fmt.Sprintf("%+.1f", float64(rate-417)/10), light,
		})
	}
	return t
}

func sampleLagging() Table {
	t := Table{
		Header: []string{"序号", "项目名称", "责任单位", "包联领导", "滞后情况", "亮灯", "存在问题"},
		Align:  []Align{AlignCenter, AlignLeft, AlignLeft, AlignCenter, AlignLeft, AlignCenter, AlignLeft},
	}
	kinds := []string{"农产品冷链物流园项目", "应急水源工程", "文旅康养综合体项目", "光伏储能电站项目", "中药材精深加工产业园项目", "城区供热管网改造工程"}
	units := []string{"县工信局", "县水务局", "县文旅局", "县能源局", "县农业农村局", "县住建局"}
	leaders := []string{"李志强", "刘晓明", "陈国栋", "张海峰", "赵文华", "王建军"}
	problems := []string{"用地预审手续正在办理", "", "融资尚未落实，银行授信审批中", "环评批复待省厅审查", "", "施工单位进场晚，已督促增加作业面"}
	for i := range 30 {
		k := i % len(kinds)
		rate := 30.0 - float64(i%7)*4.5
		status := fmt.Sprintf("投资完成率%.1f%%，低于序时进度%.1f个百分点", rate, 41.7-rate)
		if i%5 == 1 {
			status += "；计划2025年4月10日开工，未按期开工"
		}
		light := "黄灯"
		if rate < 20 {
			light = "红灯"
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(i + 1), "陵川县" + sampleGroups[i%12] + kinds[k], units[k], leaders[k], status, light, problems[(i+k)%len(problems)],
		})
	}
	return t
}
