package book

import (
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// FixedDocProps gives the workbook fixed properties, so the same command writes the
// same bytes.
func FixedDocProps(f *excelize.File, title string) error {
	return f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Creator:        "gongjian",
		LastModifiedBy: "gongjian",
		Created:        "2025-01-01T00:00:00Z",
		Modified:       "2025-01-01T00:00:00Z",
		Language:       "zh-CN",
	})
}

// Write writes the workbook to w, the same content as the same bytes.
func Write(f *excelize.File, w io.Writer) error {
	sortImageTypes(f)
	_, err := f.WriteTo(w)
	return err
}

// sortImageTypes puts the image types excelize declares for a chart's drawing in one
// order: it adds them by ranging over a map, so the same report would otherwise give
// different bytes from run to run.
func sortImageTypes(f *excelize.File) {
	d := f.ContentTypes.Defaults
	var at []int
	images := d[:0:0]
	for i := range d {
		if strings.HasPrefix(d[i].ContentType, "image/") {
			at = append(at, i)
			images = append(images, d[i])
		}
	}
	sort.Slice(images, func(i, j int) bool { return images[i].Extension < images[j].Extension })
	for k, i := range at {
		d[i] = images[k]
	}
}
