package annotate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gongjian/internal/termsafe"
	"gongjian/ledger"
	"gongjian/report/annotate/internal/xlsxpatch"
	"gongjian/report/internal/book"
	"gongjian/report/internal/wording"
	"gongjian/rules"
)

// The annotated copy: the ledger itself with every finding marked on its cell (a
// fill and a comment) and two sheets listing the findings and the targets.

const (
	findingsSheet = "检查结果"
	targetsSheet  = "目标完成情况"
	// commentMarker starts every line the tool writes into a comment; checking the
	// annotated copy again takes those lines out and keeps what the clerk wrote.
	commentMarker = "【攻坚检查】"
	commentAuthor = "攻坚检查"
	// Fill colours distinct enough that a clerk's own colouring is not mistaken for
	// the tool's on the next run.
	errorFill   = "FFFFB7B7"
	warningFill = "FFFFE9A8"
)

// AnnotatedSuffix is what the annotated copy adds to the ledger's name; batch runs
// skip files that carry it.
const AnnotatedSuffix = ".检查结果"

// AnnotatedPath is where the annotated copy of input goes: beside it, or in outDir,
// named "NAME.检查结果.xlsx" (".xlsm" stays, so macros still open). An input that
// already is an annotated copy gets "NAME.检查结果2.xlsx" rather than itself. When a
// file that is not the tool's own unchanged copy holds the name, the command gives the
// copy the next free one (".检查结果3.xlsx" …).
func AnnotatedPath(input, outDir string) string {
	dir := filepath.Dir(input)
	if outDir != "" {
		dir = outDir
	}
	ext := strings.ToLower(filepath.Ext(input))
	if ext != ".xlsm" {
		ext = ".xlsx"
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	name := base + AnnotatedSuffix + ext
	if strings.HasSuffix(base, AnnotatedSuffix) {
		name = base + "2" + ext
	}
	return filepath.Join(dir, name)
}

// IsAnnotated reports whether a file name is one of the tool's annotated copies:
// "NAME.检查结果.xlsx", or numbered, "NAME.检查结果2.xlsx", "NAME.检查结果3.xlsx" ….
func IsAnnotated(path string) bool {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.HasSuffix(strings.TrimRight(base, "0123456789"), AnnotatedSuffix)
}

// sheetMark is the hidden defined name on the sheets the tool appends, by which a
// later run knows them from a clerk's sheet of the same name.
const sheetMark = "_gongjian_result"

// Annotate writes the annotated copy of the result's ledger to w, from src: the file
// the ledger was read from, still open, so the copy is made from the bytes that were
// checked (a file written over in place since is refused with ledger.ErrChanged). It
// stops, with the cause of ctx, soon after ctx is cancelled. A workbook part the copy
// cannot be made from gives an *AnnotateError.
func Annotate(ctx context.Context, w io.Writer, res *rules.Result, src *ledger.File) error {
	l := res.Ledger
	if err := src.Unchanged(); err != nil {
		return err
	}
	var workbook interface {
		io.ReaderAt
		Size() int64
	}
	if wb := src.Workbook(); wb != nil {
		workbook = wb
	} else {
		// A CSV cannot hold fills or comments: the copy is a workbook of its rows.
		csv, err := csvWorkbook(ctx, l, src.CSVRecords())
		if err != nil {
			return err
		}
		workbook = csv
	}
	patch := &xlsxpatch.Patch{
		Sheet:       l.Sheet,
		Marks:       marks(res),
		Note:        func(b []byte, i int) []byte { return appendNote(b, &res.Findings[i]) },
		Author:      commentAuthor,
		Marker:      commentMarker,
		ErrorFill:   errorFill,
		WarningFill: warningFill,
		Sheets:      []xlsxpatch.Sheet{findingsSheetOf(res)},
		SheetMark:   sheetMark,
	}
	// A 融资需求台账 has no targets: its copy lists the findings only.
	if res.Financing == nil {
		patch.Sheets = append(patch.Sheets, targetsSheetOf(res))
	}
	err := xlsxpatch.Apply(workbook, workbook.Size(), w, patch)
	var pe *xlsxpatch.PartError
	if errors.As(err, &pe) {
		return &AnnotateError{File: l.File, Part: pe.Part, Err: err}
	}
	return err
}

// marks turns findings into cell marks: the cell itself with a comment line (the
// finding's note), and the row's first cell filled so a long row shows at a glance
// that it has problems. A finding with no cell of its own (a missing column, a missed
// target) is marked on the first cell of its row, the header.
func marks(res *rules.Result) []xlsxpatch.Mark {
	out := make([]xlsxpatch.Mark, 0, 2*len(res.Findings))
	for i, f := range res.Findings {
		level := xlsxpatch.LevelWarning
		if f.Severity == rules.SeverityError {
			level = xlsxpatch.LevelError
		}
		row, col := f.Row, f.Col
		if row <= 0 && len(res.Ledger.HeaderRows) > 0 {
			row = res.Ledger.HeaderRows[0]
		}
		if row <= 0 {
			continue
		}
		if col < 0 {
			col = 0
		}
		out = append(out, xlsxpatch.Mark{Row: int32(row), Col: int32(col), Level: level, Note: int32(i + 1)})
		if col > 0 && !isHeaderRow(res.Ledger, row) {
			out = append(out, xlsxpatch.Mark{Row: int32(row), Col: 0, Level: level})
		}
	}
	return out
}

// appendNote appends the line a finding adds to its cell's comment.
func appendNote(b []byte, f *rules.Finding) []byte {
	return append(append(append(append(b, commentMarker...), f.Severity.Label()...), "："...), f.Message...)
}

func isHeaderRow(l *ledger.Ledger, row int) bool {
	for _, r := range l.HeaderRows {
		if r == row {
			return true
		}
	}
	return false
}

// listSheet is a sheet the tool adds: a filtered header, and the page numbers every
// workbook the tool writes prints.
func listSheet(name string, headers []string, widths []float64) xlsxpatch.Sheet {
	return xlsxpatch.Sheet{Name: name, Headers: headers, Widths: widths, AutoFilter: true, Footer: book.Footer}
}

// findingsSheetOf lists every finding, in row order, with a link to its cell.
func findingsSheetOf(res *rules.Result) xlsxpatch.Sheet {
	l := res.Ledger
	// The 工作表 column as wide as the ledger's sheet name (a CSV's is its file's,
	// "开复工台账_utf8bom"), which no clerk wants to read broken over two lines.
	sheetWidth := min(max(14, float64(book.Columns(l.Sheet))+2), 40)
	sh := listSheet(findingsSheet, []string{"严重程度", "规则", "工作表", "单元格", "项目名称", "字段", "原值", "说明"},
		[]float64{9, 18, sheetWidth, 9, 34, 14, 16, 70})
	sh.Rows = findingRows{res, sheetRef(l.Sheet) + "!"}
	return sh
}

// findingRows are the findings sheet's rows, each made as it is written.
type findingRows struct {
	res  *rules.Result
	link string // "'台账'!", before a cell's name
}

func (r findingRows) Len() int { return len(r.res.Findings) }

func (r findingRows) Row(i int, buf []xlsxpatch.Cell) []xlsxpatch.Cell {
	f, l := &r.res.Findings[i], r.res.Ledger
	fill := xlsxpatch.FillWarning
	if f.Severity == rules.SeverityError {
		fill = xlsxpatch.FillError
	}
	cell := f.Cell
	if cell == "" {
		row := f.Row
		if row <= 0 && len(l.HeaderRows) > 0 {
			row = l.HeaderRows[0]
		}
		cell = ledger.CellName(0, max(row, 1))
	}
	field := ""
	if f.Field != "" {
		field = f.Field.Label()
	}
	return append(buf,
		xlsxpatch.Cell{Text: f.Severity.Label(), Fill: fill},
		xlsxpatch.Cell{Text: f.Rule.Label()},
		xlsxpatch.Cell{Text: l.Sheet},
		xlsxpatch.Cell{Text: cell, Link: r.link + cell},
		xlsxpatch.Cell{Text: wording.Subject(*f)},
		xlsxpatch.Cell{Text: field},
		xlsxpatch.Cell{Text: f.Value},
		xlsxpatch.Cell{Text: f.Message},
	)
}

// targetsSheetOf is the targets table for the whole ledger and each group.
func targetsSheetOf(res *rules.Result) xlsxpatch.Sheet {
	sh := listSheet(targetsSheet, []string{"范围", "里程碑", "到期日", "指标", "目标", "实际", "状态", "差距或还需"},
		[]float64{24, 16, 12, 12, 14, 10, 10, 40})
	var rows xlsxpatch.Table
	for _, t := range res.Targets {
		scope := "全部项目"
		if t.GroupBy != "" {
			scope = t.GroupBy.Label() + "：" + t.Group
		}
		target := xlsxpatch.Cell{Number: wording.PercentNum(t.Target), Percent: true}
		if t.TargetLabel != "" && !strings.HasSuffix(t.TargetLabel, "%") {
			target = xlsxpatch.Cell{Text: t.TargetLabel}
		}
		actual := xlsxpatch.Cell{Text: "-"}
		if t.Actual != nil {
			actual = xlsxpatch.Cell{Number: wording.PercentNum(*t.Actual), Percent: true}
		}
		status := xlsxpatch.Cell{Text: t.Status.Label()}
		switch t.Status {
		case rules.StatusMet:
			status.Fill = xlsxpatch.FillGood
		case rules.StatusMissed:
			status.Fill = xlsxpatch.FillError
		case rules.StatusUpcoming:
			status.Fill = xlsxpatch.FillWarning
		}
		rows = append(rows, []xlsxpatch.Cell{
			{Text: scope}, {Text: t.Milestone}, {Text: t.Due.String()}, {Text: rules.MetricLabel(t.Metric)},
			target, actual, status, {Text: wording.Gap(t)},
		})
	}
	sh.Rows = rows
	return sh
}

// sheetRef quotes a sheet name for a cell reference ('5月台账').
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// AnnotateError is a ledger whose annotated copy cannot be made, wherever it would
// go: a part of its workbook is missing or damaged though the ledger could be read.
type AnnotateError struct {
	File string // the ledger
	Part string // the part of its package, "xl/styles.xml"
	Err  error
}

func (e *AnnotateError) Error() string {
	return fmt.Sprintf("%s：工作簿内部的 %s 部分缺失或已损坏，无法生成带批注的检查结果；请用 Excel/WPS 打开后重新保存，再检查", termsafe.Name(e.File), termsafe.Name(e.Part))
}

func (e *AnnotateError) Unwrap() error { return e.Err }
