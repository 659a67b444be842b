package docx

import "math"

// The page and type of GB/T 9704-2012 (党政机关公文格式), in the units
// WordprocessingML uses: twips (1/20 point, 1440 to the inch) for lengths and
// half-points for font sizes.

// twipsPerMM converts millimetres; lengths are rounded to the nearest twip.
const twipsPerMM = 1440 / 25.4

func mm(v float64) int { return int(math.Round(v * twipsPerMM)) }

// A4, and the margins that leave the 156 × 225 mm 版心 of §5.2.1: 天头 37 mm,
// 订口 (left) 28 mm; bottom 35 mm and right 26 mm follow from the page.
var (
	pageWidth    = mm(210) // 11906
	pageHeight   = mm(297) // 16838
	marginTop    = mm(37)
	marginBottom = mm(35)
	marginLeft   = mm(28)
	marginRight  = mm(26)
)

// The page number's dashes sit 7 mm below the 版心 (§7.5). The footer is a 14-pt
// line whose dashes are at its middle, so its bottom is 7 + 2.5 (half the line) +
// 2.5 mm below the 版心: 25.5 mm above the page's bottom edge.
var footerDistance = marginBottom - mm(9.5)

// headerDistance is Word's default; the document has no header.
var headerDistance = mm(15)

// Font sizes in half-points, by their Chinese names.
const (
	size2      = 44 // 二号, 22 pt: the title
	size3      = 32 // 三号, 16 pt: body and headings
	size4      = 28 // 四号, 14 pt: page numbers
	sizeSmall4 = 24 // 小四, 12 pt: tables
	size5      = 21 // 五号, 10.5 pt: a table too wide for 小四
	sizeSmall5 = 18 // 小五, 9 pt: a table too wide for 五号
)

// Lines are exactly 28 points (§5.2.3: 22 lines to a page): 560 twips.
const lineExact = 560

// charSqueeze narrows each 16-point character by a quarter point so that 28 fit
// the 156 mm line, as §5.2.3 asks (28 × 16 pt = 158 mm would leave 27). Word's own
// templates do this with a document grid; a character spacing does the same in
// Word, WPS and LibreOffice without snapping the tables' smaller type to the grid.
const charSqueeze = -5 // twips

// charPitch is the advance of one body character, the unit of every indent
// ("首行缩进二字", "右空四字"); halfPitch is that of a half-width digit or letter.
const (
	charPitch = size3*10 + charSqueeze   // 315
	halfPitch = size3*10/2 + charSqueeze // 155
)

// Table cells: 1 mm inside the borders left and right, half that above and
// below (text of several lines would touch the borders), rows at least 8 mm.
var (
	cellMargin   = mm(1)
	cellMarginV  = mm(0.5)
	minRowHeight = mm(8)
)

// The fonts, by the names Word and WPS know them on a Chinese Windows.
const (
	fontTitle   = "方正小标宋简体"
	fontBody    = "仿宋_GB2312"
	fontHeading = "黑体"
	fontKai     = "楷体"
	fontSong    = "宋体"
)

// fontTable lists every font the document names, with what Word needs to find a
// substitute when one is missing: the GB2312 character set and an alternative
// name. Word looks a missing font up under its altName, so 方正小标宋简体,
// which most offices install but Windows does not ship, falls back to 宋体, and
// 仿宋_GB2312 to 仿宋 (the same face as Windows names it since Vista). LibreOffice
// ignores altName and asks fontconfig for the nearest face instead.
var fontTable = []struct{ Name, AltName string }{
	{fontTitle, fontSong},
	{fontBody, "仿宋"},
	{fontHeading, "SimHei"},
	{fontKai, "KaiTi"},
	{fontSong, "SimSun"},
}
