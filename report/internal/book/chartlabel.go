package book

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// LabelLineEnds labels the line of each chart named in ends at one point with the
// series' name and value ("序时进度 41.7%"), so the printed page says what the line is
// where the line is. excelize sets data labels per series only — on every point or
// none — so the one label is put into the chart part of the written workbook: ends
// maps a chart's number (xl/charts/chartN.xml) to the index of the point to label.
// The label stands above the line, on one line, on white, so a bar or its value
// behind it does not make it unreadable. valueFormat is the label's number format
// ("0.0%"); color its text ("C00000").
func LabelLineEnds(workbook []byte, ends map[int]int, valueFormat, color string) ([]byte, error) {
	if len(ends) == 0 {
		return workbook, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		var n int
		if _, err := fmt.Sscanf(zf.Name, "xl/charts/chart%d.xml", &n); err == nil {
			if last, ok := ends[n]; ok {
				if data, err = labelLineEnd(data, last, valueFormat, color); err != nil {
					return nil, fmt.Errorf("%s: %w", zf.Name, err)
				}
			}
		}
		hdr := zf.FileHeader // the same name, method and time: the same bytes each run
		w, err := zw.CreateHeader(&zip.FileHeader{Name: hdr.Name, Method: hdr.Method, Modified: hdr.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// labelLineEnd puts one <dLbl> for point last first in the data labels of the line
// chart's first series (a dLbl comes before the series-wide settings in dLbls).
func labelLineEnd(chart []byte, last int, valueFormat, color string) ([]byte, error) {
	s := string(chart)
	at := strings.Index(s, "<lineChart>")
	if at < 0 {
		return nil, fmt.Errorf("no line chart")
	}
	d := strings.Index(s[at:], "<dLbls>")
	if d < 0 {
		return nil, fmt.Errorf("the line has no data labels")
	}
	d += at + len("<dLbls>")
	label := fmt.Sprintf(`<dLbl><idx val="%d"/><numFmt formatCode="%s" sourceLinked="0"/><spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></spPr>`+
		`<txPr><a:bodyPr wrap="none"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="1"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></txPr>`+
		`<dLblPos val="t"/><showLegendKey val="0"/><showVal val="1"/><showCatName val="0"/><showSerName val="1"/><showPercent val="0"/><showBubbleSize val="0"/><separator> </separator></dLbl>`,
		last, valueFormat, color)
	return []byte(s[:d] + label + s[d:]), nil
}
