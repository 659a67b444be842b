package main

import (
	"bytes"
	_ "embed"
	"strings"
	"text/template"
	"time"
)

// The names of the files beside the program in every archive.
const (
	guideName  = "使用说明.txt"
	sampleName = "礼义镇开复工台账.xlsx"
	rulesName  = "规则.yaml"
)

//go:embed guide.tmpl
var guideText string

var guideTemplate = template.Must(template.New("guide").Parse(guideText))

// beijing is the time zone dates are shown in, fixed so no machine setting changes
// the archives.
var beijing = time.FixedZone("CST", 8*60*60)

// guideData is what the guide template fills in.
type guideData struct {
	Version string // "1.2.0", or "" for a development build
	Commit  string // the commit's first 12 hex digits
	Date    string // the commit's date, 2025-06-01
	For     string // which machines the archive is for, continued lines indented
	Editor  string // the plain-text editor clerks have
	Windows bool
	Mac     bool
	Exe     string // gongjian.exe
	Run     string // how a command starts in the guide's examples: gongjian, ./gongjian
	Sample  string
	Rules   string
	Guide   string
}

// guide writes the 使用说明.txt for one target, as a text file for that platform.
func guide(t target, version string, commit string, at time.Time) ([]byte, error) {
	d := guideData{
		Version: version,
		Commit:  commit[:min(12, len(commit))],
		Date:    at.In(beijing).Format("2006-01-02"),
		For:     strings.Join(t.For, "\n        "),
		Editor:  "文本编辑器",
		Windows: t.windows(),
		Mac:     t.OS == "darwin",
		Exe:     t.exe(),
		Run:     "./gongjian",
		Sample:  sampleName,
		Rules:   rulesName,
		Guide:   guideName,
	}
	switch t.OS {
	case "windows":
		d.Run = "gongjian" // in 命令提示符, which the guide opens first
		d.Editor = "记事本"
	case "darwin":
		d.Editor = "“文本编辑”"
	}
	var b bytes.Buffer
	if err := guideTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return textFile(b.Bytes(), t), nil
}

// bom marks a file as UTF-8 for every Windows Notepad; without it older ones may take
// the file for the local code page (GBK) and garble every Chinese character.
var bom = []byte{0xEF, 0xBB, 0xBF}

// textFile gives text (UTF-8, LF line ends) the form a platform's editors expect: on
// Windows a BOM and CRLF line ends (Notepad before Windows 10 1809 shows a file with
// LF ends as one long line); elsewhere it is left as it is.
func textFile(text []byte, t target) []byte {
	if !t.windows() {
		return text
	}
	text = bytes.TrimPrefix(text, bom)
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	out := append([]byte(nil), bom...)
	return append(out, bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))...)
}
