package ooxml

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"gongjian/internal/xmltag"
)

// ContentTypesPart is the part that says what every other part is.
const ContentTypesPart = "[Content_Types].xml"

// Content types of the parts the tool writes.
const (
	TypeWorksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	TypeComments  = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	TypeVML       = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	TypeStyles    = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
)

// ContentTypes is what [Content_Types].xml says: a type for each extension and one
// for each part named on its own.
type ContentTypes struct {
	Defaults  map[string]string // lower-cased extension ("xml") → content type
	Overrides []Override
}

// Override is the content type of one part.
type Override struct {
	Part string // the part's name, without the leading "/"
	Type string
	// Start and End bound its element in the part's text.
	Start, End int64
}

// TypeOf is a part's content type: its override, else its extension's default.
func (ct *ContentTypes) TypeOf(part string) string {
	for _, o := range ct.Overrides {
		if strings.EqualFold(o.Part, part) {
			return o.Type
		}
	}
	ext := part[strings.LastIndexByte(part, '.')+1:]
	return ct.Defaults[strings.ToLower(ext)]
}

// ParseContentTypes reads a [Content_Types].xml already in memory.
func ParseContentTypes(text []byte) (*ContentTypes, error) {
	sc := xmltag.NewScanner(bytes.NewReader(text), 4096)
	ct := &ContentTypes{Defaults: map[string]string{}}
	var e element
	open := -1 // an <Override> written with an end tag, still open
	for {
		err := e.next(sc, nil, false, ContentTypesPart)
		if errors.Is(err, io.EOF) {
			return ct, nil
		}
		if err != nil {
			return nil, err
		}
		name, closing, empty := sc.Name()
		if closing {
			if string(name) == "Override" && open >= 0 {
				ct.Overrides[open].End = sc.Offset() + int64(len(sc.Tag()))
				open = -1
			}
			continue
		}
		if sc.Long() {
			return nil, corrupt(ContentTypesPart, "a tag of more than %d bytes", len(sc.Tag()))
		}
		switch string(name) {
		case "Default":
			ext := strings.ToLower(string(sc.Attr("Extension")))
			ct.Defaults[ext] = string(sc.Attr("ContentType"))
		case "Override":
			if len(ct.Overrides) >= maxRels {
				return nil, corrupt(ContentTypesPart, "more than %d overrides", maxRels)
			}
			ct.Overrides = append(ct.Overrides, Override{
				Part:  strings.TrimPrefix(string(xmltag.AppendUnescaped(nil, sc.Attr("PartName"))), "/"),
				Type:  string(sc.Attr("ContentType")),
				Start: sc.Offset(),
				End:   sc.Offset() + int64(len(sc.Tag())),
			})
			if !empty {
				open = len(ct.Overrides) - 1
			}
		}
	}
}
