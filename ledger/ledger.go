package ledger

import "strings"

// Ledger is one sheet of a workbook read as a project ledger.
type Ledger struct {
	File       string // the path as given
	Sheet      string // the sheet read ("" for CSV)
	Kind       Kind
	HeaderRows []int // 1-based sheet rows of the header (one or two)
	Columns    []Column
	Projects   []Project
	Totals     []TotalRow
	Problems   []Problem

	Year       int
	YearSource string     // "title", "header", "dates", "today"
	AsOf       Date       // the reporting date inferred from the ledger (day precision)
	AsOfSource AsOfSource // where AsOf came from
	// Month is the ledger's reporting month from a "1-N月" header or monthly columns (0 if none).
	Month int

	// NatureFromSections is true when 建设性质 came from section rows, not a column.
	NatureFromSections bool
	Title              string // the title row above the header, if any
	Filler             string // the "填报单位" line, if any
}

// Column is one column of the header, interpreted or not.
type Column struct {
	Index  int    // 0-based column index
	Letter string // "H"
	Header string // the header text as written (both levels joined by "/")
	// Typed is the header exactly as typed, line breaks and spaces kept ("包联\n领导").
	Typed string
	Field Field // the field the reader reads the column as; "" for a column kept but not interpreted
	// Known is the field the header names, even when the reader does not use the
	// column (a second 包联领导 column, an older "1-3月完成投资"); Note then says why.
	Known   Field
	Note    string
	Unit    Unit // for amount columns
	HasUnit bool // the header (or a unit row under it) stated the unit
	Month   int  // for monthly columns ("3月实际完成投资"), and the "1-N月" done and plan columns
	Year    int  // the year a "至2023年底累计完成投资" column names
	// Derived marks a column the reader added for a field another column gives (the
	// planned and actual starts of one "开工/计划开工时间" column), not a header cell.
	Derived bool
	// NewIfYes marks a "是否新开工" column read as 建设性质: 是 is 新建, 否 续建.
	NewIfYes bool
}

// Has reports whether the ledger has a column for the field.
func (l *Ledger) Has(f Field) bool { return l.Column(f) != nil }

// Column returns the first column holding the field, or nil.
func (l *Ledger) Column(f Field) *Column {
	for i := range l.Columns {
		if l.Columns[i].Field == f {
			return &l.Columns[i]
		}
	}
	return nil
}

// Project is one project row.
//
// It is laid out for a ledger of 100,000 rows, where the projects are most of what the
// reader keeps: the fields only a 融资需求台账 has sit in Fin, behind a pointer, a Date
// takes four bytes, and no field is padded. That is 384 bytes a project instead of 552,
// 17 MB less on 100,000 rows; a field added here costs every row of every ledger.
type Project struct {
	Row     int    // 1-based sheet row
	Section string // the section row above it ("一、新建项目（12个）"), if any

	Seq, Code, Name, Owner, Town, Nature, Content, Period, Category, Level string
	Unit, Leader, Status, Stats, Problems, Progress, Remark                string

	Total, Plan, Done, MonthDone, CumDone Amount

	// Ext holds the cells only some ledgers have (month-by-month columns, the plan to
	// date, what was done before this year); nil for a row with none of them. Read them
	// with Months, Amount and the like.
	Ext *Extra

	// Fin holds the cells of a 融资需求台账's own columns; nil when the row has none of
	// them, as in every row of a 开复工台账. Read them with Text, Amount and Date, which
	// give the zero value for a nil Fin.
	Fin *Financing

	PlanStart, ActualStart Date

	// NatureFromSection is true when Nature was set by a section row.
	NatureFromSection bool
}

// Financing is the part of a project row that only a 融资需求台账 has: how the project
// is to be financed and how far its talks with the banks have come. It is kept apart
// from Project so that the rows of a 开复工台账, which never have these columns, do not
// each carry ten empty fields (104 bytes more a row, 10 MB on 100,000 projects).
type Financing struct {
	Method, Bank, DockStatus, Contact, Phone string

	Need, Credit, Signed, Disbursed Amount

	DockDate Date
}

// Extra is the part of a project row that only some 开复工台账 have. It is kept apart
// for the same reason as Financing: most ledgers have none of these columns, and on
// 100,000 rows every byte of Project counts.
type Extra struct {
	// Months are the month-by-month 完成投资 cells in the order of Ledger.MonthColumns.
	Months []Amount
	// PlanToDate is the "1-N月计划投资" cell of the ledger's month.
	PlanToDate Amount
	// DoneBefore is "截至上一年底累计完成投资": what was done before this year.
	DoneBefore Amount
	// Package is the name of the 打包项目 the row is a part of (package.go).
	Package string
	// series holds the "1-N月完成投资" and "1-N月计划投资" cells, one per series column,
	// until the whole sheet tells which month is the latest filled.
	series []Amount
}

var noExtra Extra

func (p *Project) ext() *Extra {
	if p.Ext == nil {
		return &noExtra
	}
	return p.Ext
}

func (p *Project) extForWrite() *Extra {
	if p.Ext == nil {
		p.Ext = new(Extra)
	}
	return p.Ext
}

// Months are the month-by-month 完成投资 cells in the order of Ledger.MonthColumns
// (nil when the ledger has no such columns).
func (p *Project) Months() []Amount { return p.ext().Months }

// noFinancing is what a row without Fin reads as; nothing writes to it.
var noFinancing Financing

// fin returns the row's financing cells for reading: Fin, or the zero Financing.
func (p *Project) fin() *Financing {
	if p.Fin == nil {
		return &noFinancing
	}
	return p.Fin
}

// finForWrite returns Fin, made on the first write of a financing field.
func (p *Project) finForWrite() *Financing {
	if p.Fin == nil {
		p.Fin = new(Financing)
	}
	return p.Fin
}

// Leaders are the people of the 包联领导 cell. The reader keeps a person field as the
// names joined by "、" however the clerk separated them; a cell set otherwise is split
// as SplitPersons does.
func (p *Project) Leaders() []string {
	if isPersonList(p.Leader) {
		if !strings.Contains(p.Leader, "、") {
			return []string{p.Leader}
		}
		return strings.Split(p.Leader, "、")
	}
	return SplitPersons(p.Leader)
}

// EachLeader calls fn with each person of the 包联领导 cell, as Leaders lists them,
// without making a list for the usual cell of names joined by "、".
func (p *Project) EachLeader(fn func(name string)) {
	if !isPersonList(p.Leader) {
		for _, name := range SplitPersons(p.Leader) {
			fn(name)
		}
		return
	}
	for name := range strings.SplitSeq(p.Leader, "、") {
		fn(name)
	}
}

// Text returns a text field's value.
func (p *Project) Text(f Field) string {
	switch f {
	case FieldSeq:
		return p.Seq
	case FieldCode:
		return p.Code
	case FieldName:
		return p.Name
	case FieldOwner:
		return p.Owner
	case FieldTown:
		return p.Town
	case FieldNature:
		return p.Nature
	case FieldContent:
		return p.Content
	case FieldPeriod:
		return p.Period
	case FieldCategory:
		return p.Category
	case FieldLevel:
		return p.Level
	case FieldUnit:
		return p.Unit
	case FieldLeader:
		return p.Leader
	case FieldStatus:
		return p.Status
	case FieldStats:
		return p.Stats
	case FieldProblems:
		return p.Problems
	case FieldProgress:
		return p.Progress
	case FieldRemark:
		return p.Remark
	case FieldMethod:
		return p.fin().Method
	case FieldBank:
		return p.fin().Bank
	case FieldDockStatus:
		return p.fin().DockStatus
	case FieldContact:
		return p.fin().Contact
	case FieldPhone:
		return p.fin().Phone
	}
	return ""
}

// textPtr returns where a text field is stored, or nil for a field the project does not
// keep. A financing field makes Fin if the row has none yet.
func (p *Project) textPtr(f Field) *string {
	switch f {
	case FieldSeq:
		return &p.Seq
	case FieldCode:
		return &p.Code
	case FieldName:
		return &p.Name
	case FieldOwner:
		return &p.Owner
	case FieldTown:
		return &p.Town
	case FieldNature:
		return &p.Nature
	case FieldContent:
		return &p.Content
	case FieldPeriod:
		return &p.Period
	case FieldCategory:
		return &p.Category
	case FieldLevel:
		return &p.Level
	case FieldUnit:
		return &p.Unit
	case FieldLeader:
		return &p.Leader
	case FieldStatus:
		return &p.Status
	case FieldStats:
		return &p.Stats
	case FieldProblems:
		return &p.Problems
	case FieldProgress:
		return &p.Progress
	case FieldRemark:
		return &p.Remark
	case FieldMethod:
		return &p.finForWrite().Method
	case FieldBank:
		return &p.finForWrite().Bank
	case FieldDockStatus:
		return &p.finForWrite().DockStatus
	case FieldContact:
		return &p.finForWrite().Contact
	case FieldPhone:
		return &p.finForWrite().Phone
	}
	return nil
}

// Amount returns an amount field's value.
func (p *Project) Amount(f Field) Amount {
	switch f {
	case FieldTotal:
		return p.Total
	case FieldPlan:
		return p.Plan
	case FieldDone:
		return p.Done
	case FieldMonthDone:
		return p.MonthDone
	case FieldCumDone:
		return p.CumDone
	case FieldDoneBefore:
		return p.ext().DoneBefore
	case FieldPlanToDate:
		return p.ext().PlanToDate
	case FieldNeed:
		return p.fin().Need
	case FieldCredit:
		return p.fin().Credit
	case FieldSigned:
		return p.fin().Signed
	case FieldDisbursed:
		return p.fin().Disbursed
	}
	return Amount{}
}

// amountPtr returns where an amount field is stored, or nil for a field the project
// does not keep. A financing field makes Fin if the row has none yet.
func (p *Project) amountPtr(f Field) *Amount {
	switch f {
	case FieldTotal:
		return &p.Total
	case FieldPlan:
		return &p.Plan
	case FieldDone:
		return &p.Done
	case FieldMonthDone:
		return &p.MonthDone
	case FieldCumDone:
		return &p.CumDone
	case FieldDoneBefore:
		return &p.extForWrite().DoneBefore
	case FieldNeed:
		return &p.finForWrite().Need
	case FieldCredit:
		return &p.finForWrite().Credit
	case FieldSigned:
		return &p.finForWrite().Signed
	case FieldDisbursed:
		return &p.finForWrite().Disbursed
	}
	return nil
}

// Date returns a date field's value.
func (p *Project) Date(f Field) Date {
	switch f {
	case FieldPlanStart:
		return p.PlanStart
	case FieldActualStart:
		return p.ActualStart
	case FieldDockDate:
		return p.fin().DockDate
	}
	return Date{}
}

// datePtr returns where a date field is stored, or nil for a field the project does not
// keep. A financing field makes Fin if the row has none yet.
func (p *Project) datePtr(f Field) *Date {
	switch f {
	case FieldPlanStart:
		return &p.PlanStart
	case FieldActualStart:
		return &p.ActualStart
	case FieldDockDate:
		return &p.finForWrite().DockDate
	}
	return nil
}

// TotalRow is a 合计/小计 row: the amounts it states and the projects it covers.
type TotalRow struct {
	Row   int
	Label string // "合计", "小计", "总计", or PackageLabel for a 打包项目's parent row
	// Package is the 打包项目's name when the row is a package's parent (package.go).
	Package string
	Amounts map[Field]Amount // only the cells that were given
	// Months are the month-by-month 完成投资 cells it gives, in the order of
	// Ledger.MonthColumns (an empty cell is not given); nil when none.
	Months []Amount
	// Covers are indexes into Ledger.Projects.
	Covers []int
	// series are the "1-N月" cells it gives, until the month is known.
	series []Amount
}

// Problem is a cell the reader could not read as its field requires.
type Problem struct {
	Kind   ProblemKind
	Row    int // 1-based sheet row
	Col    int // 0-based column index
	Field  Field
	Value  string // the cell's text as read
	Detail string // a Chinese phrase saying why, when there is more to say
}

// ProblemKind says what is wrong with a cell.
type ProblemKind string

const (
	ProblemBadNumber ProblemKind = "bad-number"
	ProblemBadDate   ProblemKind = "bad-date"
)
