package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Notice is what the 通报 the report drafts (report -o 通报.docx) says that no ledger
// can: whom it is sent to, who sends it, and the 下一步工作要求. Everything else in
// it is worked out from the ledgers. A county writes its own under notice: in the
// rules file; the default is the plan's quarterly goals in general words.
type Notice struct {
	// Addressee is the 主送机关, without the closing colon ("各乡镇人民政府，县直有关单位").
	Addressee string
	// Issuer is the 发文机关署名 ("县项目攻坚专班办公室").
	Issuer string
	// NextSteps are the paragraphs of 下一步工作要求, in order; the first sentence of
	// each (up to the first "。") is its run-in lead. None leaves the part out.
	NextSteps []string
}

// The longest texts a clerk may give: the addressee and the issuer stand on one line
// of a 28-character page, a requirement is a paragraph, not a page.
const (
	maxNoticeLine = 60
	maxNextStep   = 400
)

// notice reads the notice: mapping over n.
func (d *decoder) notice(n *yaml.Node, out *Notice) {
	d.mapping(n, "notice", []field{
		{name: "addressee", fn: func(_, v *yaml.Node) {
			if s, ok := d.noticeText(v, "addressee", maxNoticeLine); ok {
				out.Addressee = strings.TrimRight(s, "：:")
			}
		}},
		{name: "issuer", fn: func(_, v *yaml.Node) {
			if s, ok := d.noticeText(v, "issuer", maxNoticeLine); ok {
				out.Issuer = s
			}
		}},
		{name: "next_steps", fn: func(_, v *yaml.Node) {
			steps := []string{}
			ok := d.sequence(v, "next_steps", func(_ int, c *yaml.Node) {
				s, good := d.noticeText(c, "next_steps 的一项", maxNextStep)
				switch {
				case !good:
				case contains(steps, s):
					d.errorf(c, "next_steps 里有两条相同的要求，请删去一条")
				default:
					steps = append(steps, s)
				}
			})
			if ok {
				out.NextSteps = steps
			}
		}},
	})
}

// noticeText reads one text of the notice: not empty, not longer than max characters
// once its lines are joined.
func (d *decoder) noticeText(n *yaml.Node, what string, max int) (string, bool) {
	s, ok := d.text(n, what)
	if !ok {
		return "", false
	}
	s = joinLines(s)
	if c := utf8.RuneCountInString(s); c > max {
		d.errorf(n, "%s 有 %d 个字，太长了，请精简到 %d 个字以内", what, c, max)
		return "", false
	}
	return s, true
}

// joinLines undoes the line breaks of a text written over several lines of the rules
// file. YAML folds a break into a space, which between two Chinese characters would
// show in the 通报 as a gap; a space stays only between two Latin letters or digits
// ("PPP 项目" keeps none, "3 个" none, "A B" one).
func joinLines(s string) string {
	fields := strings.Fields(s)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(fields[i-1])
			next, _ := utf8.DecodeRuneInString(f)
			if isLatin(prev) && isLatin(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
