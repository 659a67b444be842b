package annotate

// The styles of a CSV ledger's workbook: 宋体 as Chinese offices print, a shaded bold
// header, thin borders round the table, amounts with thousands separators and two
// decimals (four for a column in 亿元, where 0.01 亿元 would hide a million), dates as
// yyyy-mm-dd, and the 合计 rows bold. The patch that marks the findings clones these
// with its fills, so a marked amount stays an amount.

// Indexes into cellXfs below.
const (
	styleTitle  = 1
	styleHeader = 2
	styleText   = 3 // + csvAmount (4), + csvDate (5); styleYi for an amount in 亿元
	styleYi     = 6
	styleBold   = 4 // added to a table cell's style in a 合计 row
	styleSeq    = 11
)

// titleHeight is the title row's height in points, for its 16-point font.
const titleHeight = 30

// cellStyle is the style of a table cell.
func cellStyle(kind csvCellKind, yi, total bool) int {
	if kind == csvSeq {
		if total {
			return styleText + styleBold // the 合计 label
		}
		return styleSeq
	}
	s := styleText + int(kind)
	if kind == csvAmount && yi {
		s = styleYi
	}
	if total {
		s += styleBold
	}
	return s
}

const csvStyles = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="#,##0.0000"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts>` +
	`<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>` +
	`<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>` +
	`<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="12">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` + // 0 outside the table
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>` + // 1 title
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` + // 2 header
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` + // 3 text
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>` + // 4 amount
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` + // 5 date
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>` + // 6 amount in 亿元
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` + // 7 text, 合计
	`<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>` + // 8 amount, 合计
	`<xf numFmtId="166" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` + // 9 date, 合计
	`<xf numFmtId="165" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>` + // 10 amount in 亿元, 合计
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` + // 11 序号
	`</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
