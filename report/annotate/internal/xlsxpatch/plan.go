package xlsxpatch

import (
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gongjian/internal/ooxml"
)

// plan is every part the patch writes (replace: rewritten or new, by name), every
// part it drops, and the parts written last because the sheet stream adds to them.
type plan struct {
	replace map[string]func(io.Writer) error
	drop    map[string]bool
	last    map[string]bool
}

var (
	definedNameRe = regexp.MustCompile(`(?s)<(?:\w+:)?definedName\b[^>]*?(?:/>|>.*?</(?:\w+:)?definedName>)`)
	idmapRe       = regexp.MustCompile(`idmap\b[^>]*\bdata="([^"]*)"`)
	sheetIDRe     = regexp.MustCompile(`\ssheetId="(\d+)"`)
	activeTabRe   = regexp.MustCompile(`\sactiveTab="(\d+)"`)
)

func (p *pkg) plan(pt *Patch) (*plan, error) {
	pl := &plan{replace: map[string]func(io.Writer) error{}, drop: map[string]bool{}, last: map[string]bool{}}
	var target *wbSheet
	for i := range p.sheets {
		if p.sheets[i].name == pt.Sheet {
			target = &p.sheets[i]
		}
	}
	if target == nil || target.path == "" || !p.Has(target.path) {
		return nil, &PartError{Part: p.workbookPath, Err: fmt.Errorf("sheet %q: %w", pt.Sheet, ooxml.ErrMissing)}
	}

	styles, err := parseStyles(p.styles)
	if err != nil {
		return nil, &PartError{Part: p.stylesPath, Err: err}
	}
	oldFills := styles.fillsWith(pt.ErrorFill, pt.WarningFill)
	xfFills := make([]int, len(styles.xfs))
	for i := range styles.xfs {
		xfFills[i] = styles.xfFill(i)
	}
	errFill, warnFill := styles.solidFill(pt.ErrorFill), styles.solidFill(pt.WarningFill)

	// The tool's sheets from an earlier run go, told by their mark; the new ones take
	// their place at the end, under a free name where a sheet of the clerk's has theirs.
	types := p.types
	workbook := p.workbook
	var removed []int
	names := map[string]bool{} // the names that stay, folded: Excel ignores case in them
	marked := markedSheets(workbook, pt.SheetMark)
	for i, s := range p.sheets {
		if !marked[i] || s.name == pt.Sheet {
			names[strings.ToLower(s.name)] = true
			continue
		}
		removed = append(removed, i)
		workbook = strings.Replace(workbook, s.elem, "", 1)
		p.wbRels.remove(s.rid)
		if s.path != "" {
			pl.drop[s.path] = true
			pl.drop[p.Name(ooxml.RelsPath(s.path))] = true
			types = p.removeOverride(types, s.path)
		}
	}
	workbook = remapDefinedNames(workbook, removed)
	remaining := len(p.sheets) - len(removed)

	sheetStyle := addSheetStyles(styles, errFill, warnFill)
	maxID := 0
	for _, m := range sheetIDRe.FindAllStringSubmatch(workbook, -1) {
		if n, _ := strconv.Atoi(m[1]); n > maxID {
			maxID = n
		}
	}
	taken := map[string]bool{}
	var filterNames []string
	for i := range pt.Sheets {
		sh := pt.Sheets[i]
		sh.Name = freeSheetName(sh.Name, names)
		names[strings.ToLower(sh.Name)] = true
		part := p.freeName("xl/worksheets/sheet", ".xml", taken)
		taken[part] = true
		rid := p.wbRels.add(ooxml.RelWorksheet, relative(p.workbookPath, part))
		maxID++
		// The namespace is declared on the element: not every workbook declares it on its root.
		elem := fmt.Sprintf(`<sheet xmlns:r="%s" name="%s" sheetId="%d" r:id="%s"/>`, nsRel, xmlEscape(sh.Name), maxID, rid)
		workbook = insertBeforeClose(workbook, "sheets", elem)
		types = insertBeforeClose(types, "Types", fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, part, ooxml.TypeWorksheet))
		pl.replace[part] = func(w io.Writer) error { return sheetXML(w, &sh, sheetStyle, false) }
		quoted := xmlEscape(strings.ReplaceAll(sh.Name, "'", "''"))
		if sh.AutoFilter {
			ncols := len(sh.Headers)
			filterNames = append(filterNames, fmt.Sprintf(`<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">'%s'!$A$1:$%s$%d</definedName>`,
				remaining+i, quoted, ooxml.ColumnName(max(ncols-1, 0)), sh.rowCount()+1))
		}
		// The header row is printed again at the top of every page.
		filterNames = append(filterNames, fmt.Sprintf(`<definedName name="_xlnm.Print_Titles" localSheetId="%d">'%s'!$1:$1</definedName>`, remaining+i, quoted))
		if pt.SheetMark != "" {
			filterNames = append(filterNames, fmt.Sprintf(`<definedName name="%s" localSheetId="%d" hidden="1">'%s'!$A$1</definedName>`, xmlEscape(pt.SheetMark), remaining+i, quoted))
		}
	}
	if len(filterNames) > 0 {
		workbook = addDefinedNames(workbook, strings.Join(filterNames, ""))
	}
	if m := activeTabRe.FindStringSubmatch(workbook); m != nil {
		if n, _ := strconv.Atoi(m[1]); n >= remaining {
			workbook = activeTabRe.ReplaceAllString(workbook, ` activeTab="0"`)
		}
	}

	// The marked sheet: its cells, its comments, their drawing.
	sortMarks(pt.Marks)
	sr := newSheetRewrite(pt.Marks)
	sr.restyle = func(orig int, level Level) int {
		if level == LevelError {
			return styles.withFill(orig, errFill)
		}
		return styles.withFill(orig, warnFill)
	}
	sr.oldFills = len(oldFills) > 0
	sr.unfill = func(orig int) (int, bool) {
		if orig < 0 || orig >= len(xfFills) || !oldFills[xfFills[orig]] {
			return 0, false
		}
		return styles.withFill(orig, 0), true
	}
	sheetRelsPath := p.Name(ooxml.RelsPath(target.path))
	sheetRels, err := p.readRels(target.path)
	if err != nil {
		return nil, err
	}
	relsChanged := false
	var existing []comment
	commentsPath := ""
	if r := sheetRels.byType(ooxml.RelComments); r != nil {
		commentsPath = p.Name(r.Target)
		if text, err := p.read(commentsPath); err == nil {
			existing = parseComments(text, pt.Marker, pt.Author)
		}
	}
	all := newCommentSet(existing, pt.Marks, pt.Note, pt.Author)
	if n, _ := all.count(); n > 0 || commentsPath != "" {
		if commentsPath == "" {
			commentsPath = p.freeName("xl/comments", ".xml", taken)
			taken[commentsPath] = true
			sheetRels.add(ooxml.RelComments, relative(target.path, commentsPath))
			relsChanged = true
			types = insertBeforeClose(types, "Types", fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, commentsPath, ooxml.TypeComments))
		}
		vmlPath, keep := "", ""
		if r := sheetRels.byType(ooxml.RelVMLDrawing); r != nil {
			vmlPath = p.Name(r.Target)
			sr.hasLeg = true
			if text, err := p.read(vmlPath); err == nil {
				keep = nonNoteShapes(text)
			}
		} else {
			vmlPath = p.freeName("xl/drawings/vmlDrawing", ".vml", taken)
			taken[vmlPath] = true
			sr.legacy = sheetRels.add(ooxml.RelVMLDrawing, relative(target.path, vmlPath))
			relsChanged = true
		}
		if p.contentTypes.Defaults["vml"] == "" {
			types = insertBeforeClose(types, "Types", `<Default Extension="vml" ContentType="`+ooxml.TypeVML+`"/>`)
		}
		block := p.freeVMLBlock(vmlPath)
		pl.replace[commentsPath] = func(w io.Writer) error { return commentsXML(w, all) }
		pl.replace[vmlPath] = func(w io.Writer) error { return vmlXML(w, all, block, keep) }
	}
	if relsChanged {
		pl.replace[sheetRelsPath] = writeString(func() string { return sheetRels.text })
	}
	pl.replace[target.path] = func(w io.Writer) error {
		rc, err := p.OpenPart(target.path)
		if err != nil {
			return &PartError{Part: target.path, Err: err}
		}
		defer rc.Close()
		return rewriteConcurrently(w, rc, sr) // its read errors name the part
	}
	if p.stylesPath == "" {
		p.stylesPath = path.Join(path.Dir(p.workbookPath), "styles.xml")
		p.wbRels.add(ooxml.RelStyles, relative(p.workbookPath, p.stylesPath))
	}
	if !p.hasOverride(p.stylesPath) {
		types = insertBeforeClose(types, "Types", `<Override PartName="/`+p.stylesPath+`" ContentType="`+ooxml.TypeStyles+`"/>`)
	}
	pl.replace[p.stylesPath] = writeString(styles.render)
	pl.last[p.stylesPath] = true
	pl.replace[p.workbookPath] = writeString(func() string { return workbook })
	pl.replace[p.Name(ooxml.RelsPath(p.workbookPath))] = writeString(func() string { return p.wbRels.text })
	pl.replace[p.Name(ooxml.ContentTypesPart)] = writeString(func() string { return types })
	return pl, nil
}

// rewriteConcurrently decompresses and rewrites the sheet on one core while the zip
// writer compresses it on the other, which halves the time of a large ledger. The
// rewrite ends before it returns, however either side ends (an error, a panic, which
// is raised again here for the caller's recover): nothing reads the sheet afterwards.
func rewriteConcurrently(w io.Writer, sheet io.Reader, sr *sheetRewrite) error {
	pr, pw := io.Pipe()
	ended := make(chan any, 1)
	go func() {
		var err error
		defer func() {
			p := recover()
			if p != nil {
				err = fmt.Errorf("rewriting the sheet: %v", p)
			}
			pw.CloseWithError(err)
			ended <- p
		}()
		err = sr.run(sheet, pw)
	}()
	// Copy in chunks as large as the rewrite writes, or it waits on every read.
	_, err := io.CopyBuffer(w, pr, make([]byte, 256<<10))
	pr.CloseWithError(err) // if the copy failed, the rewrite stops too
	if p := <-ended; p != nil {
		panic(p)
	}
	return err
}

func writeString(f func() string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, f())
		return err
	}
}

// freeVMLBlock picks a shape-id block that no other VML drawing in the workbook uses.
func (p *pkg) freeVMLBlock(except string) int {
	used := 0
	for _, f := range p.Entries() {
		name := f.Name
		if name == except || !strings.HasSuffix(strings.ToLower(name), ".vml") {
			continue
		}
		text, err := p.read(name)
		if err != nil {
			continue
		}
		for _, m := range idmapRe.FindAllStringSubmatch(text, -1) {
			for _, part := range strings.Split(m[1], ",") {
				if n, err := strconv.Atoi(strings.TrimSpace(part)); err == nil && n > used {
					used = n
				}
			}
		}
	}
	return used + 1
}

// markedSheets finds the sheets (by position, as localSheetId counts them) that carry
// a defined name called mark: the sheets an earlier run appended.
func markedSheets(workbook, mark string) map[int]bool {
	out := map[int]bool{}
	if mark == "" {
		return out
	}
	for _, m := range definedNameRe.FindAllString(workbook, -1) {
		head := m[:strings.IndexByte(m, '>')+1]
		if html.UnescapeString(attr(head, "name")) != mark {
			continue
		}
		if id, ok := atoiAttr([]byte(head), "localSheetId"); ok {
			out[id] = true
		}
	}
	return out
}

// freeSheetName is name, or name2, name3 … when a sheet that stays has it (folded
// for case, as Excel compares them); at most 31 characters, as Excel allows.
func freeSheetName(name string, taken map[string]bool) string {
	fit := func(base, suffix string) string {
		r := []rune(base)
		if len(r)+len([]rune(suffix)) > 31 {
			r = r[:31-len([]rune(suffix))]
		}
		return string(r) + suffix
	}
	candidate := fit(name, "")
	for n := 2; taken[strings.ToLower(candidate)]; n++ {
		candidate = fit(name, strconv.Itoa(n))
	}
	return candidate
}

// hasOverride reports whether the content types named a part.
func (p *pkg) hasOverride(part string) bool {
	for _, o := range p.contentTypes.Overrides {
		if strings.EqualFold(o.Part, part) {
			return true
		}
	}
	return false
}

// removeOverride drops a part's content type; overrides are the original text's.
func (p *pkg) removeOverride(types, part string) string {
	for _, o := range p.contentTypes.Overrides {
		if strings.EqualFold(o.Part, part) {
			types = strings.Replace(types, p.types[o.Start:o.End], "", 1)
		}
	}
	return types
}

// remapDefinedNames drops the names local to removed sheets and renumbers the rest,
// since localSheetId counts sheets by position.
func remapDefinedNames(workbook string, removed []int) string {
	if len(removed) == 0 {
		return workbook
	}
	gone := map[int]bool{}
	for _, i := range removed {
		gone[i] = true
	}
	return definedNameRe.ReplaceAllStringFunc(workbook, func(m string) string {
		id, ok := atoiAttr([]byte(m[:strings.IndexByte(m, '>')+1]), "localSheetId")
		if !ok {
			return m
		}
		if gone[id] {
			return ""
		}
		shift := 0
		for _, i := range removed {
			if i < id {
				shift++
			}
		}
		if shift == 0 {
			return m
		}
		head := m[:strings.IndexByte(m, '>')+1]
		return string(setAttr([]byte(head), "localSheetId", strconv.Itoa(id-shift))) + m[len(head):]
	})
}

// addDefinedNames puts names into <definedNames>, creating it in its place (after
// sheets and externalReferences) when the workbook has none.
func addDefinedNames(workbook, names string) string {
	if regexp.MustCompile(`<(?:\w+:)?definedNames\b`).MatchString(workbook) {
		return insertBeforeClose(workbook, "definedNames", names)
	}
	for _, after := range []string{"externalReferences", "functionGroups", "sheets"} {
		re := regexp.MustCompile(`</(?:\w+:)?` + after + `\s*>`)
		if loc := re.FindStringIndex(workbook); loc != nil {
			prefix := ""
			if m := regexp.MustCompile(`<(\w+:)?sheets\b`).FindStringSubmatch(workbook); m != nil {
				prefix = m[1]
			}
			return workbook[:loc[1]] + "<" + prefix + "definedNames>" + names + "</" + prefix + "definedNames>" + workbook[loc[1]:]
		}
	}
	return workbook
}
