package ledger

import (
	"slices"
	"sort"
	"strings"
)

// A province's 上报 template has a 项目类别 column whose cells say 在建项目, 未开工项目,
// 已竣工: where a project stands, not what kind of project it is. When every value of
// the column read as 项目类别 is such a word (and not all of them 在建, which a 类别 or a
// 建设性质 may also say), the column is read as 开工状态 — or, beside a 开工状态 column
// of its own, not used — and `--columns` says why.

// statusCategoryWords fold the values of such a column ("在建项目", "已竣工") into the
// 开工状态 words the rules know.
var statusCategoryWords = map[string]string{
	"在建": "在建", "未开工": "未开工", "已开工": "已开工", "已复工": "已复工", "未复工": "未复工",
	"已竣工": "已竣工", "竣工": "已竣工", "已完工": "已完工", "完工": "已完工", "已建成": "已建成", "建成": "已建成",
	"已投产": "已投产", "停工": "停工", "暂停": "停工",
}

// statusCategory is the 开工状态 a 项目类别 value says ("在建项目" → 在建), "" for none.
func statusCategory(v string) string {
	v = strings.Join(strings.Fields(v), "")
	return statusCategoryWords[strings.TrimSuffix(v, "项目")]
}

// settleStatusCategory reads the 项目类别 column as 开工状态 when its values are.
func (r *rowReader) settleStatusCategory() {
	l := r.l
	col := l.Column(FieldCategory)
	if col == nil || r.texts == nil || col.Index >= len(r.texts) || r.texts[col.Index] == nil {
		return
	}
	var values []string // as typed, one each
	onlyInBuild := true
	for _, v := range r.texts[col.Index] {
		if v == "" {
			continue
		}
		s := statusCategory(v)
		if s == "" {
			return
		}
		onlyInBuild = onlyInBuild && s == "在建"
		values = append(values, v)
	}
	if len(values) == 0 || onlyInBuild {
		return
	}
	sort.Strings(values)
	values = slices.Compact(values) // " 在建项目" and "在建项目" are one value
	said := "填的是" + strings.Join(values, "、")
	if own := l.Column(FieldStatus); own != nil {
		col.Field, col.Note = "", said+"，是开工状态；已有"+own.Letter+"列“"+oneLine(own.Header)+"”"
	} else {
		col.Field, col.Known, col.Note = FieldStatus, FieldStatus, said+"，不是项目类别"
	}
	for i := range l.Projects {
		p := &l.Projects[i]
		s := statusCategory(p.Category)
		if s == "" {
			continue // a 类别 its section gave a row left empty
		}
		if col.Field == FieldStatus && p.Status == "" {
			p.Status = s
		}
		p.Category = r.sectionCategory(r.projectSection[i])
	}
}
