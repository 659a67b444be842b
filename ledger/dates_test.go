package ledger

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dateCases is one row per way people write a date; fuzz_test.go seeds from it.
var dateCases = []struct {
	name     string
	in       string
	date1904 bool
	year     int    // the ledger's year, for "3月15日"
	want     string // Date.String(); "" means not given
	err      error
}{
	// Excel serials, as a number cell holds them.
	{"1900序列号", "45731", false, 0, "2025-03-15", nil},
	{"1900序列号元旦", "45658", false, 0, "2025-01-01", nil},
	{"1900序列号闰日", "45351", false, 0, "2024-02-29", nil},
	{"1900序列号下限", "32874", false, 0, "1990-01-01", nil},
	{"1904序列号", "44269", true, 0, "2025-03-15", nil},
	{"带时刻的序列号", "45731.5", false, 0, "2025-03-15", nil},
	{"接近午夜的序列号", "45731.99999", false, 0, "2025-03-15", nil},
	{"浮点误差的午夜", "45731.9999999999", false, 0, "2025-03-16", nil},
	{"1904带时刻", "44269.25", true, 0, "2025-03-15", nil},
	{"科学计数法序列号", "4.5731E+4", false, 0, "2025-03-15", nil},

	// Typed text, day precision.
	{"ISO", "2025-03-15", false, 0, "2025-03-15", nil},
	{"斜线", "2025/3/15", false, 0, "2025-03-15", nil},
	{"点", "2025.3.15", false, 0, "2025-03-15", nil},
	{"点补零", "2025.03.05", false, 0, "2025-03-05", nil},
	{"短横不补零", "2025-3-5", false, 0, "2025-03-05", nil},
	{"中文", "2025年3月15日", false, 0, "2025-03-15", nil},
	{"中文补零写号", "2025年03月15号", false, 0, "2025-03-15", nil},
	{"中文带空格", "2025年 3月 15日", false, 0, "2025-03-15", nil},
	{"中文日前", "2025年3月15日前", false, 0, "2025-03-15", nil},
	{"只有月日", "3月15日", false, 2025, "2025-03-15", nil},
	{"紧凑", "20250315", false, 0, "2025-03-15", nil},
	{"带时间", "2025-03-15 00:00:00", false, 0, "2025-03-15", nil},
	{"带短时间", "2025/3/15 9:30", false, 0, "2025-03-15", nil},
	{"ISO带时区", "2025-03-15T00:00:00Z", false, 0, "2025-03-15", nil},
	{"ISO带偏移", "2025-03-15T08:30:00+08:00", false, 0, "2025-03-15", nil},
	{"全角", "２０２５－０３－１５", false, 0, "2025-03-15", nil},
	{"首尾空格", "  2025-03-15\n", false, 0, "2025-03-15", nil},
	{"闰年2月29日", "2024-02-29", false, 0, "2024-02-29", nil},

	// Typed text, month precision (Day stays 0).
	{"点年月", "2025.3", false, 0, "2025-03", nil},
	// A start planned to the 旬 is due by the month's end.
	{"中旬", "2024年5月中旬", false, 0, "2024-05", nil},
	{"上旬无年", "6月上旬", false, 2024, "2024-06", nil},
	// A span of months is due by its last.
	{"月份区间", "2024年3-4月", false, 0, "2024-04", nil},
	{"月份区间无年", "3月-4月份", false, 2024, "2024-04", nil},
	{"月份区间倒序", "2024年5-4月", false, 0, "", ErrNotDate},
	{"点年月补零", "2025.03", false, 0, "2025-03", nil},
	{"点年月十二月", "2025.12", false, 0, "2025-12", nil},
	// A number cell holding 2025.10 stores 2025.1, so "2025.1" can only be read as
	// January; a clerk who meant October must type 2025-10 or format the cell as text.
	{"点年月一月", "2025.1", false, 0, "2025-01", nil},
	{"文本点年月十月", "2025.10", false, 0, "2025-10", nil},
	{"短横年月", "2025-03", false, 0, "2025-03", nil},
	{"斜线年月", "2025/03", false, 0, "2025-03", nil},
	{"中文年月", "2025年3月", false, 0, "2025-03", nil},
	{"中文月底", "2025年3月底", false, 0, "2025-03", nil},
	{"中文月底前", "2025年3月底前", false, 0, "2025-03", nil},
	{"中文月份", "2025年3月份", false, 0, "2025-03", nil},
	{"中文月初", "2025年3月初", false, 0, "2025-03", nil},
	{"只有月", "3月", false, 2025, "2025-03", nil},
	{"全角年月", "２０２５年３月", false, 0, "2025-03", nil},

	// Empty markers: not given, no error.
	{"空", "", false, 0, "", nil},
	{"横线", "-", false, 0, "", nil},
	{"破折号", "—", false, 0, "", nil},
	{"斜线", "/", false, 0, "", nil},
	{"无", "无", false, 0, "", nil},
	{"全角双横线", "－－", false, 0, "", nil},

	// Not dates.
	{"月份13", "2025.13.1", false, 0, "", ErrNotDate},
	{"2月30日", "2025-02-30", false, 0, "", ErrNotDate},
	{"平年2月29日", "2025-02-29", false, 0, "", ErrNotDate},
	{"待定", "待定", false, 0, "", ErrNotDate},
	{"状态", "已开工", false, 0, "", ErrNotDate},
	// a year alone is a planned year: overdue only once the year is over
	{"只有年", "2025", false, 0, "2025", nil},
	{"只有中文年", "2025年", false, 0, "2025", nil},
	{"年度", "2018年度", false, 0, "2018", nil},
	{"年份超出范围", "1905", false, 0, "", ErrNotDate},
	{"季度", "2018年四季度", false, 0, "2018-Q4", nil},
	{"第几季度", "2018年第二季度", false, 0, "2018-Q2", nil},
	{"数字季度", "2018年3季度", false, 0, "2018-Q3", nil},
	{"Q季度", "2018Q1", false, 0, "2018-Q1", nil},
	{"无年份季度", "四季度", false, 2025, "2025-Q4", nil},
	{"无年份季度不知年", "四季度", false, 0, "", ErrNotDate},
	{"季度末", "2018年三季度末", false, 0, "2018-Q3", nil},
	{"年底", "2018年底", false, 0, "2018-12", nil},
	{"年底前", "2018年底前", false, 0, "2018-12", nil},
	{"下半年", "2025年下半年", false, 0, "2025-H2", nil},
	{"季度自身写法", "2018-Q4", false, 0, "2018-Q4", nil},
	{"半年自身写法", "2018-H1", false, 0, "2018-H1", nil},
	{"太早的序列号", "12345", false, 0, "", ErrNotDate},
	{"太晚的序列号", "80001", false, 0, "", ErrNotDate},
	{"零", "0", false, 0, "", ErrNotDate},
	{"负数", "-5", false, 0, "", ErrNotDate},
	{"中文月份13", "2025年13月", false, 0, "", ErrNotDate},
	{"没有年份的月日", "3月15日", false, 0, "", ErrNotDate},
	{"年字前没有数", "年3月", false, 2025, "", ErrNotDate},
	{"月份0", "2025-00-10", false, 0, "", ErrNotDate},
	{"日0", "2025-03-00", false, 0, "", ErrNotDate},
	{"四段", "2025-03-15-01", false, 0, "", ErrNotDate},
	{"空段", "2025--03", false, 0, "", ErrNotDate},
	{"尾分隔符", "2025/03/15/", false, 0, "", ErrNotDate},
	{"两位年", "25-03-15", false, 0, "", ErrNotDate},
	{"日月年", "15/03/2025", false, 0, "", ErrNotDate},
	{"年份范围", "2024-2026", false, 0, "", ErrNotDate},
	{"月份范围", "2025.3-2025.6", false, 0, "", ErrNotDate},
	{"带空格的范围", "2025.3 - 2025.6", false, 0, "", ErrNotDate},
	{"中文范围", "2025年3月15日至4月", false, 0, "", ErrNotDate},
	{"带正号", "2025-+3-15", false, 0, "", ErrNotDate},
	{"三位月", "2025-003-15", false, 0, "", ErrNotDate},
	{"十六进制", "0x1p16", false, 0, "", ErrNotDate},
	{"无穷", "Inf", false, 0, "", ErrNotDate},
	{"非数", "NaN", false, 0, "", ErrNotDate},
	{"大科学计数法", "1e5", false, 0, "", ErrNotDate},
	{"紧凑无效", "20251315", false, 0, "", ErrNotDate},
	{"上半年", "2025年上半年", false, 0, "2025-H1", nil},
	{"时间不是时间", "2025-03-15 上午", false, 0, "", ErrNotDate},
	{"年份太小", "0001-01-01", false, 0, "", ErrNotDate},
}

func TestParseDate(t *testing.T) {
	for _, c := range dateCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDate(c.in, c.date1904, c.year)
			if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
				t.Fatalf("ParseDate(%q, %v, %d) = %v, %v; want error %v", c.in, c.date1904, c.year, got, err, c.err)
			}
			if got.String() != c.want {
				t.Errorf("ParseDate(%q, %v, %d) = %q, want %q", c.in, c.date1904, c.year, got.String(), c.want)
			}
		})
	}
}

// TestParseDateSerialsMatchExcelize checks our serial arithmetic against excelize's
// in both date systems.
func TestParseDateSerialsMatchExcelize(t *testing.T) {
	for _, serial := range []float64{32874, 36526, 40000, 43831, 45351, 45658, 45731, 45731.5, 45731.9999999999, 46022, 47848, 54789} {
		for _, date1904 := range []bool{false, true} {
			want, err := excelize.ExcelDateToTime(serial, date1904)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseDate(fmt.Sprint(serial), date1904, 0)
			if err != nil {
				t.Errorf("ParseDate(%v, 1904=%v): %v", serial, date1904, err)
				continue
			}
			if w := want.Format("2006-01-02"); got.String() != w {
				t.Errorf("ParseDate(%v, 1904=%v) = %s, excelize says %s", serial, date1904, got, w)
			}
		}
	}
	// Every week from 1990 to 2100, at midnight and just before the next one.
	for serial := 32874.0; serial < 73000; serial += 7 {
		for _, f := range []float64{serial, serial + 0.99998} {
			want, _ := excelize.ExcelDateToTime(f, false)
			got, err := ParseDate(strconv.FormatFloat(f, 'f', -1, 64), false, 0)
			if err != nil || got.String() != want.Format("2006-01-02") {
				t.Fatalf("ParseDate(%v) = %v, %v; excelize says %s", f, got, err, want.Format("2006-01-02"))
			}
		}
	}
	// The same day is 1462 serials apart in the two systems.
	d1900, _ := ParseDate("45731", false, 0)
	d1904, _ := ParseDate(fmt.Sprint(45731-1462), true, 0)
	if d1900 != d1904 || d1900 != DayDate(2025, 3, 15) {
		t.Errorf("1900 %v vs 1904 %v", d1900, d1904)
	}
}

func TestDateCompare(t *testing.T) {
	april := MonthDate(2025, 4)
	cases := []struct {
		a, b Date
		want int
	}{
		{april, DayDate(2025, 4, 30), 0}, // planned for April is not late on April 30
		{april, DayDate(2025, 4, 1), 0},
		{april, DayDate(2025, 5, 1), -1},
		{april, DayDate(2025, 3, 31), 1},
		{DayDate(2025, 5, 1), april, 1},
		{april, MonthDate(2025, 4), 0},
		{april, MonthDate(2025, 5), -1},
		{april, MonthDate(2024, 12), 1},
		{DayDate(2025, 3, 15), DayDate(2025, 3, 16), -1},
		{DayDate(2025, 3, 16), DayDate(2025, 3, 15), 1},
		{DayDate(2025, 3, 15), DayDate(2025, 3, 15), 0},
		{DayDate(2024, 12, 31), DayDate(2025, 1, 1), -1},
		{Date{}, DayDate(2025, 1, 1), -1},
	}
	for _, c := range cases {
		if got := c.a.Compare(c.b); got != c.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestDateMethods(t *testing.T) {
	cases := []struct {
		d         Date
		str       string
		monthEnd  string
		dayOfYear int
		hasDay    bool
	}{
		{DayDate(2025, 3, 15), "2025-03-15", "2025-03-31", 74, true},
		{MonthDate(2025, 3), "2025-03", "2025-03-31", 90, false}, // a month counts as its last day
		{MonthDate(2024, 2), "2024-02", "2024-02-29", 60, false},
		{MonthDate(2025, 2), "2025-02", "2025-02-28", 59, false},
		{DayDate(2024, 12, 31), "2024-12-31", "2024-12-31", 366, true},
		{DayDate(2025, 1, 1), "2025-01-01", "2025-01-31", 1, true},
		{MonthDate(2025, 12), "2025-12", "2025-12-31", 365, false},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.str {
			t.Errorf("String() = %q, want %q", got, c.str)
		}
		if got := c.d.MonthEnd().String(); got != c.monthEnd {
			t.Errorf("%v.MonthEnd() = %q, want %q", c.d, got, c.monthEnd)
		}
		if got := c.d.DayOfYear(); got != c.dayOfYear {
			t.Errorf("%v.DayOfYear() = %d, want %d", c.d, got, c.dayOfYear)
		}
		if c.d.HasDay() != c.hasDay || !c.d.IsSet() {
			t.Errorf("%v: HasDay %v IsSet %v", c.d, c.d.HasDay(), c.d.IsSet())
		}
	}
	var none Date
	if none.IsSet() || none.String() != "" || none.MonthEnd().IsSet() {
		t.Errorf("zero Date: IsSet %v, String %q, MonthEnd %v", none.IsSet(), none.String(), none.MonthEnd())
	}
}

func BenchmarkParseDate(b *testing.B) {
	for _, in := range []string{"45731", "2025-03-15", "2025年3月15日", "2025.3"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseDate(in, false, 2025); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
