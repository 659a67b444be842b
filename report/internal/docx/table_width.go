package docx

import "strings"

// tableType is a table's type size in half-points; every width below is
// measured in it.
type tableType int

// tableTypes are the sizes a table may take, largest first.
var tableTypes = []tableType{sizeSmall4, size5, sizeSmall5}

func (ty tableType) wide() int { return int(ty) * 10 }

// narrow is the advance of a half-width character at the size, in twips: its
// width in halfWidths, or 0.75 of the size for one not listed there.
func (ty tableType) narrow(r rune) int {
	em := 75
	if r >= ' ' && int(r-' ') < len(halfWidths) {
		em = int(halfWidths[r-' '])
	}
	return (int(ty)*10*em + 99) / 100
}

// halfWidths are the advances of the printable ASCII characters, from the space
// to "~", in hundredths of the size: the widest of the faces a reader's machine
// may draw them in. The document names 仿宋_GB2312, 黑体 and 宋体, whose digits
// are half a character; but Windows 10 has 仿宋, not 仿宋_GB2312, WPS and Word
// substitute what they find, and LibreOffice on Linux draws Latin text in DejaVu
// Sans, whose digits are 0.64 and "%" 0.95 of the size. A column sized for half a
// character broke "41080.00" and "100.0%" in two there. So each character counts
// at its widest in DejaVu Sans and Serif, Liberation Sans and Serif (the metrics
// of Arial and Times New Roman) and Noto Sans and Serif CJK, measured from the
// fonts' advance widths; a column is then a little wide in 仿宋, never too narrow.
var halfWidths = [95]uint8{
	32, 41, 48, 84, 64, 96, 90, 28, 40, 40, 50, 84, 33, 37, 33, 40, //   ! " # $ % & ' ( ) * + , - . /
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 56, // 0 … 9 : ; < = > ?
	102, 73, 74, 77, 81, 73, 70, 80, 88, 41, 54, 75, 67, 103, 88, 82, // @ A … O
	68, 82, 76, 69, 67, 85, 73, 106, 73, 73, 70, 40, 40, 40, 84, 57, // P … Z [ \ ] ^ _
	61, 62, 65, 57, 65, 62, 39, 65, 67, 34, 32, 61, 34, 98, 67, 62, // ` a … o
	65, 65, 48, 53, 41, 66, 60, 86, 60, 60, 53, 64, 34, 64, 84, //     p … z { | } ~
}

// line is the exact line height: one and a half times the size.
func (ty tableType) line() int { return int(ty) * 15 }

// pad is what a column needs beyond its text: the cell margins and an eighth of a
// character for the borders and the readers' rounding (the text's widths are
// already the widest any reader draws).
func (ty tableType) pad() int { return 2*cellMargin + ty.wide()/8 }

// advance is the width of one character: a full character for a wide one, its
// half-width advance otherwise.
func (ty tableType) advance(r rune) int {
	if isWide(r) {
		return ty.wide()
	}
	return ty.narrow(r)
}

// width is the widest line of s, with a quarter character where a digit or letter
// meets a Chinese character: LibreOffice spaces them apart so ("较4月" takes 36
// points in 小四, not 30), whatever the document says, and Word by default.
func (ty tableType) width(s string) int {
	widest := 0
	for line := range strings.SplitSeq(s, "\n") {
		w, prev := 0, rune(0)
		for _, r := range line {
			w += ty.advance(r)
			if prev != 0 && isWide(prev) != isWide(r) && prev != ' ' && r != ' ' {
				w += ty.wide() / 4
			}
			prev = r
		}
		widest = max(widest, w)
	}
	return widest
}

// unbreakable is the widest run of half-width characters other than spaces (a
// number, a date, a Latin word): lines break around it, not inside.
func (ty tableType) unbreakable(s string) int {
	widest, w := 0, 0
	for _, r := range s {
		if isWide(r) || r == ' ' || r == '\n' || r == '\t' {
			w = 0
			continue
		}
		w += ty.narrow(r)
		widest = max(widest, w)
	}
	return widest
}

// tableTypeFor is the largest size at which the table fits the width without
// breaking a number or a name; the smallest when none does. A table with given
// widths keeps the largest.
func tableTypeFor(t Table, avail int) tableType {
	if len(t.Widths) > 0 {
		return tableTypes[0]
	}
	for _, ty := range tableTypes {
		if tableLeast(t, ty) <= avail {
			return ty
		}
	}
	return tableTypes[len(tableTypes)-1]
}

// The widths a column can be given, narrowest first: tierLeast breaks no number
// or word and no name of up to six characters (a 乡镇, a 部门 such as 县农业农村局,
// a leader: "县农业农村" / "局" is no way to print a name), and wraps longer
// Chinese text after four characters; tierCells holds every cell on one line
// (the header on two); tierWhole the header on one line too.
// Text wider than 30 characters wraps at every tier.
const (
	tierLeast = iota
	tierCells
	tierWhole
	tiers
)

// columnTiers are a column's widths at each tier, padding included.
func columnTiers(t Table, c int, ty tableType) [tiers]int {
	most, name, wrapAfter := 30*ty.wide(), 6*ty.wide(), 4*ty.wide()
	header := clean(t.Header[c], maxCell)
	first, second := splitHeader(header, ty)
	least := max(2*ty.wide(), ty.width(first), ty.width(second))
	cells := least
	for _, r := range t.Rows {
		if c >= len(r) {
			continue
		}
		text := clean(r[c], maxCell)
		w := ty.width(text)
		cells = max(cells, min(w, most))
		if w > name {
			w = wrapAfter
		}
		least = max(least, ty.unbreakable(text), w)
	}
	cells = max(cells, least)
	whole := max(cells, min(ty.width(header), most))
	return [tiers]int{least + ty.pad(), cells + ty.pad(), whole + ty.pad()}
}

// tableLeast is the narrowest the table can be.
func tableLeast(t Table, ty tableType) int {
	w := 0
	for c := range t.Header {
		w += columnTiers(t, c, ty)[tierLeast]
	}
	return w
}

// columnWidths splits the text area's width between the columns. Given relative
// widths, in proportion. Otherwise much as a browser lays out a table: the
// columns go up tier by tier together while the whole tier fits; the width
// left is shared in proportion to what each column would take at the next tier;
// when even the widest tier fits, the spare width is shared in proportion to it.
// So numbers stay whole before any cell stays on one line, and cells stay on
// one line before headers do.
func columnWidths(t Table, avail int, ty tableType) []int {
	n := len(t.Header)
	if len(t.Widths) == n {
		return proportional(t.Widths, avail)
	}
	var at [tiers][]int
	var total [tiers]int
	for k := range tiers {
		at[k] = make([]int, n)
	}
	for c := range n {
		for k, w := range columnTiers(t, c, ty) {
			at[k][c] = w
			total[k] += w
		}
	}
	if total[tierWhole] <= avail {
		return proportional(at[tierWhole], avail)
	}
	if total[tierLeast] >= avail {
		return proportional(at[tierLeast], avail) // too wide even so: everything wraps
	}
	k := tierCells
	for total[k] < avail {
		k++
	}
	extra := make([]int, n)
	for c := range n {
		extra[c] = at[k][c] - at[k-1][c]
	}
	out := proportional(extra, avail-total[k-1])
	for c := range n {
		out[c] += at[k-1][c]
	}
	return out
}

// proportional divides total in proportion to weights; the rounding goes to the
// largest share, so the parts add up to total exactly.
func proportional(weights []int, total int) []int {
	sum, big := 0, 0
	for i, w := range weights {
		sum += w
		if w > weights[big] {
			big = i
		}
	}
	out := make([]int, len(weights))
	if sum == 0 {
		return out
	}
	given := 0
	for i, w := range weights {
		out[i] = total * w / sum
		given += out[i]
	}
	out[big] += total - given
	return out
}

// splitHeader breaks a header into two lines of about equal width, never inside
// a number and, when it costs at most a character more, before a bracket
// ("与序时进度差" / "（个百分点）"). A header of three characters or fewer
// (one would stand alone), or one that has its own line break, is returned whole
// as first.
func splitHeader(h string, ty tableType) (first, second string) {
	runes := []rune(h)
	if len(runes) <= 3 || strings.ContainsRune(h, '\n') {
		return h, ""
	}
	widths := make([]int, len(runes))
	total := 0
	for i, r := range runes {
		widths[i] = ty.advance(r)
		total += widths[i]
	}
	best, bestLonger, bracket, bracketLonger := 0, total, 0, total
	acc := 0
	for i := 1; i < len(runes); i++ {
		acc += widths[i-1]
		if !isWide(runes[i-1]) && !isWide(runes[i]) && runes[i-1] != ' ' && runes[i] != ' ' {
			continue // inside a number or a word
		}
		longer := max(acc, total-acc)
		// On a tie, after an even count of Chinese characters, where a header's
		// two-character words end ("新建" / "开工率", not "新建开" / "工率"); else the
		// longer line first, as a wrapped line would be.
		if longer < bestLonger || longer == bestLonger && (wordEnd(runes[:i]) || !wordEnd(runes[:best])) {
			best, bestLonger = i, longer
		}
		if (runes[i] == '（' || runes[i] == '(') && longer < bracketLonger {
			bracket, bracketLonger = i, longer
		}
	}
	if bracket > 0 && bracketLonger <= bestLonger+ty.wide() {
		best = bracket
	}
	if best == 0 {
		return h, ""
	}
	return string(runes[:best]), string(runes[best:])
}

// wordEnd reports whether a header's first line ends after an even count of Chinese
// characters.
func wordEnd(first []rune) bool {
	n := 0
	for _, r := range first {
		if isWide(r) {
			n++
		}
	}
	return n%2 == 0
}

// headerText is the header as written into a column of the given width: on one
// line when it fits, else broken where splitHeader says, so that Word and
// LibreOffice, which fill a line before wrapping, leave no single character
// alone on the second.
func headerText(h string, column int, ty tableType) string {
	if ty.width(h) <= column-ty.pad() {
		return h
	}
	first, second := splitHeader(h, ty)
	if second == "" {
		return h
	}
	return first + "\n" + second
}
