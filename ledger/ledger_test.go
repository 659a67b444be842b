package ledger

import (
	"testing"
	"unsafe"
)

// A row without financing cells reads every financing field as empty, and the first
// write of one makes them; the fields of a 开复工台账 never do.
func TestProjectFinancing(t *testing.T) {
	var p Project
	for _, f := range []Field{FieldMethod, FieldBank, FieldDockStatus, FieldContact, FieldPhone} {
		if got := p.Text(f); got != "" {
			t.Errorf("Text(%s) = %q on a row without financing cells", f, got)
		}
	}
	for _, f := range []Field{FieldNeed, FieldCredit, FieldSigned, FieldDisbursed} {
		if got := p.Amount(f); got.IsSet() {
			t.Errorf("Amount(%s) = %s on a row without financing cells", f, got)
		}
	}
	if got := p.Date(FieldDockDate); got.IsSet() {
		t.Errorf("Date(dock_date) = %s on a row without financing cells", got)
	}
	for _, f := range []Field{FieldName, FieldNature, FieldRemark, FieldFunding, FieldStartEither} {
		p.textPtr(f)
	}
	for _, f := range []Field{FieldTotal, FieldDone, FieldMonthDone, FieldPlanProgress} {
		p.amountPtr(f)
	}
	for _, f := range []Field{FieldPlanStart, FieldActualStart, FieldStartEither} {
		p.datePtr(f)
	}
	if p.Fin != nil {
		t.Fatalf("the fields of a 开复工台账 made financing cells %+v", *p.Fin)
	}
	if noFinancing != (Financing{}) {
		t.Fatalf("reading wrote to the shared empty financing cells: %+v", noFinancing)
	}

	*p.textPtr(FieldBank) = "甲行"
	fin := p.Fin
	if fin == nil {
		t.Fatal("writing 对接金融机构 made no financing cells")
	}
	*p.amountPtr(FieldNeed) = Wan(100, 0)
	*p.datePtr(FieldDockDate) = DayDate(2025, 4, 2)
	*p.textPtr(FieldMethod) = "银行贷款"
	if p.Fin != fin {
		t.Error("a second write made the financing cells again")
	}
	if p.Text(FieldBank) != "甲行" || p.Text(FieldMethod) != "银行贷款" || p.Amount(FieldNeed) != Wan(100, 0) || p.Date(FieldDockDate) != DayDate(2025, 4, 2) {
		t.Errorf("financing cells read back as %+v", *p.Fin)
	}
	if noFinancing != (Financing{}) {
		t.Fatalf("writing reached the shared empty financing cells: %+v", noFinancing)
	}
}

// Project and Date are what a large ledger is made of (100,000 projects: 38 MB at 384
// bytes each); a field added to them costs that much more on every row.
func TestProjectSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit platforms")
	}
	if got := unsafe.Sizeof(Date{}); got != 4 {
		t.Errorf("Date is %d bytes, want 4", got)
	}
	if got := unsafe.Sizeof(Project{}); got > 384 {
		t.Errorf("Project is %d bytes, want at most 384: keep financing-only fields in Financing and order the fields so none is padded", got)
	}
}
