package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parse reads a rules file over base: every key the file gives replaces base's value.
// The file is walked as a yaml.Node tree rather than decoded into structs, because
// only the nodes know the line and column a clerk needs to find a mistake, and
// yaml's own messages are English; the walk rejects unknown keys just as
// KnownFields(true) would, but at their exact position.
func parse(name string, data []byte, base *Rules) (*Rules, error) {
	d := &decoder{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.problems = append(d.problems, syntaxProblem(name, data, err))
		return nil, &FileError{Problems: d.problems}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		d.problems = append(d.problems, Problem{File: name, Message: "规则文件是空的，请写入规则，或用 gongjian rules init 生成一份默认规则再修改"})
		return nil, &FileError{Problems: d.problems}
	}
	r := base
	d.rules(doc.Content[0], r)
	if len(d.problems) > 0 {
		return nil, &FileError{Problems: d.problems}
	}
	return r, nil
}

// decoder collects every problem of one file instead of stopping at the first, so
// a clerk can fix them all in one go.
type decoder struct {
	file     string
	problems []Problem
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	p := Problem{File: d.file, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
	}
	d.problems = append(d.problems, p)
}

// keyFunc decodes the value of one key; key is the key's own node, for positions.
type keyFunc func(key, value *yaml.Node)

// field is one allowed key of a mapping, in the order they are listed to the clerk.
type field struct {
	name  string
	fn    keyFunc
	alias bool // accepted but not listed (the Chinese spelling of a listed key)
}

// mapping walks a mapping node, calling each key's function and reporting unknown and
// repeated keys; what names the mapping in messages ("alerts").
func (d *decoder) mapping(n *yaml.Node, what string, fields []field) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s应写成“键: 值”的形式", subject(what))
		return
	}
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "键“%s”重复（第 %d 行已有），请删去其中一个", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		found := false
		for _, f := range fields {
			if f.name == k.Value {
				f.fn(k, v)
				found = true
				break
			}
		}
		if !found {
			d.unknownKey(k, what, fields)
		}
	}
}

func (d *decoder) unknownKey(k *yaml.Node, what string, fields []field) {
	var names []string
	for _, f := range fields {
		if !f.alias {
			names = append(names, f.name)
		}
	}
	if what == "where" {
		d.errorf(k, "未知字段“%s”，可用的字段有 %s", k.Value, strings.Join(names, "、"))
		return
	}
	d.errorf(k, "未知的键“%s”，%s里可用的键有 %s", k.Value, subject(what), strings.Join(names, "、"))
}

// subject spaces a key name off the Chinese that follows it ("alerts 里"), but not a
// Chinese word ("规则文件里").
func subject(what string) string {
	if what != "" && what[len(what)-1] < 0x80 {
		return what + " "
	}
	return what
}

// sequence walks a list node; an empty value (key with nothing after it) is an empty list.
func (d *decoder) sequence(n *yaml.Node, what string, item func(i int, n *yaml.Node)) bool {
	n = resolve(n)
	if isNull(n) {
		return true
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s 应是列表，每项以“- ”开头或写成 [甲, 乙]", what)
		return false
	}
	for i, c := range n.Content {
		item(i, resolve(c))
	}
	return true
}

// text reads a non-empty scalar.
func (d *decoder) text(n *yaml.Node, what string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s 应是一个值，不是列表或映射", what)
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if isNull(n) || s == "" {
		d.errorf(n, "%s 没有填写，请填写或删去这一项", what)
		return "", false
	}
	return s, true
}

// strings reads a list of distinct non-empty values.
func (d *decoder) strings(n *yaml.Node, what string) ([]string, bool) {
	out := []string{}
	ok := d.sequence(n, what, func(_ int, c *yaml.Node) {
		s, good := d.text(c, what+" 的一项")
		if !good {
			return
		}
		if contains(out, s) {
			d.errorf(c, "%s 里“%s”重复，请删去一个", what, s)
			return
		}
		out = append(out, s)
	})
	return out, ok
}

// number reads a plain number.
func (d *decoder) number(n *yaml.Node, what string) (float64, bool) {
	s, ok := d.text(n, what)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(foldDigits(s), 64)
	if err != nil {
		d.errorf(n, "%s 应是一个数字，如 10，现在是“%s”", what, s)
		return 0, false
	}
	return f, true
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxProblem turns yaml's English parse error into a Chinese line a clerk can act
// on; the commonest cause is a Tab or a mis-indented line.
func syntaxProblem(name string, data []byte, err error) Problem {
	p := Problem{File: name, Message: "YAML 格式有误，请检查这一行附近的缩进（只用空格）、冒号和引号"}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
	}
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		lead := len(line) - len(bytes.TrimLeft(line, " \t"))
		if j := bytes.IndexByte(line[:lead], '\t'); j >= 0 && (p.Line == 0 || i+1 <= p.Line) {
			return Problem{File: name, Line: i + 1, Col: j + 1, Message: "这一行用 Tab 缩进了，YAML 只能用空格缩进，请把 Tab 换成空格"}
		}
	}
	return p
}
