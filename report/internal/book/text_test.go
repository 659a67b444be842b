package book

import "testing"

func TestColumnsAndLines(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		size  float64
		cols  int
		lines int
	}{
		{"2025-03-15", 12, 11, 10, 1},
		{"陵川县礼义镇应急水源工程", 30, 11, 24, 1},           // 24 × 1.08 = 25.9 of 29
		{"陵川县礼义镇应急水源工程", 20, 11, 24, 2},           // 25.9 of 19
		{"用地预审手续正在办理\n林地占用手续正在报批", 40, 11, 40, 2}, // a line break starts a line
		{"用地预审手续正在办理，接入系统方案待电网公司批复，林地占用手续正在报批", 24, 10.5, 70, 4},
		{"", 10, 11, 0, 1},
		{"ＡＢ１２", 8, 11, 8, 2}, // full-width forms are wide
	} {
		if got := Columns(firstLine(tt.text)); got != tt.cols && tt.lines == 1 {
			t.Errorf("Columns(%q) = %d, want %d", tt.text, got, tt.cols)
		}
		if got := Lines(tt.text, tt.width, tt.size); got != tt.lines {
			t.Errorf("Lines(%q, %v, %v) = %d, want %d", tt.text, tt.width, tt.size, got, tt.lines)
		}
	}
	// Three lines of Noto Sans CJK, the face LibreOffice draws 宋体 in where it is
	// missing, take 3 × 1.448 × the size; the row holds them, with little to spare.
	if h := RowHeight(3, 10.5); h < 3*10.5*1.448 || h > 3*10.5*1.5+6 {
		t.Errorf("RowHeight(3, 10.5) = %v", h)
	}
	if h := RowHeight(3, 11); h < 48 {
		t.Errorf("RowHeight(3, 11) = %v: a three-line 说明 at 11 points needs 47.8 in Noto Sans CJK", h)
	}
	var r RowFit
	r.Add("短", 10, 10.5, true)
	r.Add("用地预审手续正在办理，接入系统方案待电网公司批复", 12, 10.5, true)
	r.Add("不换行的长文字不换行的长文字不换行的长文字", 5, 10.5, false)
	if got, want := r.Height(10.5), RowHeight(Lines("用地预审手续正在办理，接入系统方案待电网公司批复", 12, 10.5), 10.5); got != want {
		t.Errorf("row height %v, want %v", got, want)
	}
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

func TestRowHeightCappedAtExcelsMaximum(t *testing.T) {
	tests := []struct {
		lines int
		want  float64
	}{
		{1, 21.5},
		{2, 39},
		{1000, MaxRowHeight},
	}
	for _, tt := range tests {
		if got := RowHeight(tt.lines, 12); got != tt.want {
			t.Errorf("RowHeight(%d, 12) = %v, want %v", tt.lines, got, tt.want)
		}
	}
}
