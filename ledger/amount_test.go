package ledger

import (
	"errors"
	"math"
	"testing"
)

// amountCases is one row per way people write an amount; fuzz_test.go seeds from it.
var amountCases = []struct {
	name string
	in   string
	unit Unit
	want string // Fixed(4) in 万元; "" means not set
	err  error
}{
	// What Excel stores in a number cell.
	{"整数", "1234", UnitWan, "1234.0000", nil},
	{"小数", "1234.5", UnitWan, "1234.5000", nil},
	{"浮点误差", "1234.5699999999999", UnitWan, "1234.5700", nil},
	{"浮点误差偏小", "0.30000000000000004", UnitWan, "0.3000", nil},
	{"科学计数法", "1.2E+3", UnitWan, "1200.0000", nil},
	{"小写科学计数法", "1.2e3", UnitWan, "1200.0000", nil},
	{"负指数", "1E-4", UnitWan, "0.0001", nil},
	{"负指数舍去", "4E-5", UnitWan, "0.0000", nil},
	{"负指数进位", "5E-5", UnitWan, "0.0001", nil},
	{"负数", "-300", UnitWan, "-300.0000", nil},
	{"正号", "+300", UnitWan, "300.0000", nil},
	{"零", "0", UnitWan, "0.0000", nil},
	{"负零", "-0", UnitWan, "0.0000", nil},
	{"小数点开头", ".5", UnitWan, "0.5000", nil},
	{"小数点结尾", "5.", UnitWan, "5.0000", nil},
	{"前导零", "000123.40", UnitWan, "123.4000", nil},
	{"很多位小数", "0.123456789012345678901234567890123", UnitWan, "0.1235", nil},
	{"很多位整数", "1234567890.5", UnitWan, "1234567890.5000", nil},
	{"上限", "100000000000", UnitWan, "100000000000.0000", nil},
	{"上限负数", "-100000000000", UnitWan, "-100000000000.0000", nil},

	// What people type.
	{"千分位", "1,200.5", UnitWan, "1200.5000", nil},
	{"多组千分位", "1,234,567.89", UnitWan, "1234567.8900", nil},
	{"全角数字", "１２００", UnitWan, "1200.0000", nil},
	{"全角小数点和负号", "－１２．５", UnitWan, "-12.5000", nil},
	{"首尾空格", " 300 ", UnitWan, "300.0000", nil},
	{"全角空格", "\u3000300\u3000", UnitWan, "300.0000", nil},
	{"换行", "300\n", UnitWan, "300.0000", nil},
	{"全角逗号千分位", "1，200", UnitWan, "1200.0000", nil},
	{"单元格写万元", "300万元", UnitWan, "300.0000", nil},
	{"单元格写万", "300万", UnitWan, "300.0000", nil},
	{"数字与单位间空格", "300 万元", UnitWan, "300.0000", nil},
	{"单元格写亿", "1.2亿", UnitWan, "12000.0000", nil},
	{"单元格写亿元", "0.5亿元", UnitWan, "5000.0000", nil},
	{"单元格写元", "5000元", UnitWan, "0.5000", nil},
	{"单元格单位优先于列单位", "300万元", UnitYi, "300.0000", nil},
	{"Unicode负号", "−300", UnitWan, "-300.0000", nil},

	// The column's unit.
	{"亿元列", "1.5", UnitYi, "15000.0000", nil},
	{"亿元列小数", "0.00012345", UnitYi, "1.2345", nil},
	{"亿元列科学计数法", "1.2E+3", UnitYi, "12000000.0000", nil},
	{"元列", "12345", UnitYuan, "1.2345", nil},
	{"元列舍入", "12345.5", UnitYuan, "1.2346", nil},
	{"元列负数舍入", "-12345.5", UnitYuan, "-1.2346", nil},
	{"元列舍去", "12345.49", UnitYuan, "1.2345", nil},

	// Rounding to 0.0001 万元, half away from zero.
	{"进位", "0.00005", UnitWan, "0.0001", nil},
	{"舍去", "0.000049999", UnitWan, "0.0000", nil},
	{"负数进位", "-0.00005", UnitWan, "-0.0001", nil},
	{"负数舍去", "-0.00004", UnitWan, "0.0000", nil},
	{"进位到整数", "0.99995", UnitWan, "1.0000", nil},
	{"连续进位", "9999.99995", UnitWan, "10000.0000", nil},

	// Empty markers: not given, not zero.
	{"空", "", UnitWan, "", nil},
	{"只有空格", "   ", UnitWan, "", nil},
	{"横线", "-", UnitWan, "", nil},
	{"破折号", "—", UnitWan, "", nil},
	{"双破折号", "——", UnitWan, "", nil},
	{"斜线", "/", UnitWan, "", nil},
	{"全角斜线", "／", UnitWan, "", nil},
	{"无", "无", UnitWan, "", nil},
	{"暂无", "暂无", UnitWan, "", nil},
	{"全角双横线", "－－", UnitWan, "", nil},

	// Anything else is not a number, never a silent zero.
	{"约数", "约300", UnitWan, "", ErrNotNumber},
	{"左右", "300左右", UnitWan, "", ErrNotNumber},
	{"引用错误", "#REF!", UnitWan, "", ErrNotNumber},
	{"不可用", "#N/A", UnitWan, "", ErrNotNumber},
	{"除零", "#DIV/0!", UnitWan, "", ErrNotNumber},
	{"百分数", "50%", UnitWan, "", ErrNotNumber},
	{"两个小数点", "1.2.3", UnitWan, "", ErrNotNumber},
	{"字母", "abc", UnitWan, "", ErrNotNumber},
	{"布尔", "TRUE", UnitWan, "", ErrNotNumber},
	{"两个负号", "--5", UnitWan, "", ErrNotNumber},
	{"负号在后", "5-", UnitWan, "", ErrNotNumber},
	{"只有单位", "万元", UnitWan, "", ErrNotNumber},
	{"只有小数点", ".", UnitWan, "", ErrNotNumber},
	{"只有符号", "+", UnitWan, "", ErrNotNumber},
	{"符号和小数点", "-.", UnitWan, "", ErrNotNumber},
	{"只有e", "e", UnitWan, "", ErrNotNumber},
	{"缺指数", "1e", UnitWan, "", ErrNotNumber},
	{"缺尾数", "e5", UnitWan, "", ErrNotNumber},
	{"两个e", "1e2e3", UnitWan, "", ErrNotNumber},
	{"小数指数", "1e2.5", UnitWan, "", ErrNotNumber},
	{"十六进制", "0x1F", UnitWan, "", ErrNotNumber},
	{"无穷", "Inf", UnitWan, "", ErrNotNumber},
	{"非数", "NaN", UnitWan, "", ErrNotNumber},
	{"下划线", "1_000", UnitWan, "", ErrNotNumber},
	{"千分位分组错", "1,20", UnitWan, "", ErrNotNumber},
	{"千分位在开头", ",200", UnitWan, "", ErrNotNumber},
	{"千分位连写", "1,,200", UnitWan, "", ErrNotNumber},
	{"千分位在小数部分", "1.200,5", UnitWan, "", ErrNotNumber},
	{"两个数", "300 200", UnitWan, "", ErrNotNumber}, // a space is not a thousands separator here
	{"数字中的空格", "1 200", UnitWan, "", ErrNotNumber},
	{"两个单位", "300万元万元", UnitWan, "", ErrNotNumber},
	{"顿号", "300、200", UnitWan, "", ErrNotNumber},
	{"公式", "=SUM(A1:A3)", UnitWan, "", ErrNotNumber},
	{"太大", "1e30", UnitWan, "", ErrNotNumber},
	{"超出上限", "100000000000.0001", UnitWan, "", ErrNotNumber},
	{"亿元列超出上限", "10000001", UnitYi, "", ErrNotNumber},
	{"舍入到上限", "99999999999.99995", UnitWan, "100000000000.0000", nil},
	{"指数太大", "1e999999999999", UnitWan, "", ErrNotNumber},
	{"太多位", "123456789012345678901234567890", UnitWan, "", ErrNotNumber},
	{"指数太小", "1e-999999999999", UnitWan, "", ErrNotNumber},
	{"零乘大指数", "0e999999", UnitWan, "", ErrNotNumber},
	{"指数三位", "1e-100", UnitWan, "0.0000", nil},
}

func TestParseAmount(t *testing.T) {
	for _, c := range amountCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseAmount(c.in, c.unit)
			if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
				t.Fatalf("ParseAmount(%q, %v) error = %v, want %v", c.in, c.unit, err, c.err)
			}
			if c.err != nil {
				if got.IsSet() {
					t.Errorf("ParseAmount(%q) = %s with an error, want not set", c.in, got.Fixed(4))
				}
				return
			}
			if c.want == "" {
				if got.IsSet() {
					t.Errorf("ParseAmount(%q) = %s, want not set", c.in, got.Fixed(4))
				}
				return
			}
			if !got.IsSet() {
				t.Fatalf("ParseAmount(%q) not set, want %s", c.in, c.want)
			}
			if s := got.Fixed(4); s != c.want {
				t.Errorf("ParseAmount(%q, %v) = %s, want %s", c.in, c.unit, s, c.want)
			}
		})
	}
}

func TestAmountFormat(t *testing.T) {
	cases := []struct {
		a       Amount
		str     string
		fixed0  string
		fixed4  string
		decimal string
	}{
		{AmountFromUnits(123456700), "12345.67", "12346", "12345.6700", "12345.67"},
		{AmountFromUnits(-5000), "-0.50", "-1", "-0.5000", "-0.5"},
		{AmountFromUnits(50), "0.01", "0", "0.0050", "0.005"},     // half away from zero
		{AmountFromUnits(-50), "-0.01", "0", "-0.0050", "-0.005"}, // and for negatives
		{AmountFromUnits(49), "0.00", "0", "0.0049", "0.0049"},
		{AmountFromUnits(-49), "0.00", "0", "-0.0049", "-0.0049"}, // no "-0.00"
		{AmountFromUnits(0), "0.00", "0", "0.0000", "0"},
		{Wan(12, 50), "12.50", "13", "12.5000", "12.5"},
		{Amount{}, "", "0", "0.0000", "0"},
		// The extremes an Amount holds (one bit of the int64 marks "given").
		{AmountFromUnits(math.MaxInt64 >> 1), "461168601842738.79", "461168601842739", "461168601842738.7903", "461168601842738.7903"},
		{AmountFromUnits(math.MinInt64 >> 1), "-461168601842738.79", "-461168601842739", "-461168601842738.7904", "-461168601842738.7904"},
	}
	for _, c := range cases {
		if got := c.a.String(); got != c.str {
			t.Errorf("%d.String() = %q, want %q", c.a.Units(), got, c.str)
		}
		if got := c.a.Fixed(0); got != c.fixed0 {
			t.Errorf("%d.Fixed(0) = %q, want %q", c.a.Units(), got, c.fixed0)
		}
		if got := c.a.Fixed(4); got != c.fixed4 {
			t.Errorf("%d.Fixed(4) = %q, want %q", c.a.Units(), got, c.fixed4)
		}
		if got := c.a.Decimal().String(); got != c.decimal {
			t.Errorf("%d.Decimal() = %q, want %q", c.a.Units(), got, c.decimal)
		}
	}
	// Out-of-range decimals are clamped rather than panicking.
	a := AmountFromUnits(123456)
	if got := a.Fixed(-1); got != "12" {
		t.Errorf("Fixed(-1) = %q, want 12", got)
	}
	if got := a.Fixed(9); got != "12.3456" {
		t.Errorf("Fixed(9) = %q, want 12.3456", got)
	}
	if got := a.Fixed(1); got != "12.3" {
		t.Errorf("Fixed(1) = %q, want 12.3", got)
	}
}

func TestAmountSumExact(t *testing.T) {
	// 0.1 + 0.2 is 0.30000000000000004 in float64; in Amount it is 0.30.
	a, err := ParseAmount("0.1", UnitWan)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseAmount("0.2", UnitWan)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Add(b).String(); got != "0.30" {
		t.Errorf("0.1+0.2 = %s, want 0.30", got)
	}
	if a.Add(b).Cmp(AmountFromUnits(3000)) != 0 {
		t.Errorf("0.1+0.2 != 0.3 exactly: %d units", a.Add(b).Units())
	}

	// A thousand cents add up to exactly 10.
	var sum Amount
	cent, _ := ParseAmount("0.01", UnitWan)
	for range 1000 {
		sum = sum.Add(cent)
	}
	if got := sum.String(); got != "10.00" {
		t.Errorf("1000 × 0.01 = %s, want 10.00", got)
	}

	// Mixed units meet in 万元.
	yi, _ := ParseAmount("1.2", UnitYi)
	yuan, _ := ParseAmount("5000", UnitYuan)
	if got := yi.Add(yuan).String(); got != "12000.50" {
		t.Errorf("1.2亿 + 5000元 = %s, want 12000.50", got)
	}
}

func TestAmountArithmetic(t *testing.T) {
	var none Amount
	one := Wan(1, 0)
	if none.Add(none).IsSet() {
		t.Error("not given + not given should stay not given")
	}
	if !none.Add(one).IsSet() || !one.Sub(none).IsSet() {
		t.Error("a sum with a given amount is given")
	}
	if got := one.Sub(Wan(2, 50)).String(); got != "-1.50" {
		t.Errorf("1 - 2.50 = %s", got)
	}
	if none.Cmp(AmountFromUnits(0)) != 0 || one.Cmp(none) != 1 || none.Cmp(one) != -1 {
		t.Error("Cmp: not given counts as zero")
	}
	if one.Sign() != 1 || none.Sign() != 0 || AmountFromUnits(-1).Sign() != -1 {
		t.Error("Sign")
	}
	if got := Wan(12, 50).Float(); got != 12.5 {
		t.Errorf("Float() = %v", got)
	}
}

func TestUnitString(t *testing.T) {
	for u, want := range map[Unit]string{UnitWan: "万元", UnitYi: "亿元", UnitYuan: "元"} {
		if got := u.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", u, got, want)
		}
	}
}

func BenchmarkParseAmount(b *testing.B) {
	for _, in := range []string{"1234.56", "1,234.56", "１２００", "1.2E+3", "300万元"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseAmount(in, UnitWan); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestAmountTrimmed(t *testing.T) {
	for _, tt := range []struct {
		a    Amount
		want string
	}{
		{Wan(5000, 0), "5000"}, {Wan(0, 50), "0.5"}, {Wan(1200, 5), "1200.05"}, {AmountFromUnits(1), "0.0001"}, {Amount{}, "0"},
	} {
		if got := tt.a.Trimmed(); got != tt.want {
			t.Errorf("%v.Trimmed() = %q, want %q", tt.a, got, tt.want)
		}
	}
}

// An amount in another unit is exact: what a cell of a column in 亿元 or 元 holds.
func TestAmountIn(t *testing.T) {
	for _, tt := range []struct {
		text string
		unit Unit
		want string
	}{
		{"12000", UnitYi, "1.2"},
		{"1.2345亿", UnitYi, "1.2345"},
		{"1,200.50", UnitWan, "1200.5"},
		{"1.5", UnitYuan, "15000"},
		{"-0.0001", UnitYuan, "-1"},
	} {
		a, err := ParseAmount(tt.text, UnitWan)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.In(tt.unit).String(); got != tt.want {
			t.Errorf("%s in %s: %s, want %s", tt.text, tt.unit, got, tt.want)
		}
	}
}
