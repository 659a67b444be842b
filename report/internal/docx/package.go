package docx

import (
	"archive/zip"
	"io"
	"slices"
)

// writePackage zips the parts in name order with one fixed time, so the same
// document is the same bytes.
func writePackage(w io.Writer, d *Document) error {
	parts := map[string]string{
		partContentTypes: contentTypesXML(),
		partRootRels:     rootRelsXML(),
		partCore:         coreXML(documentTitle(d), d.Modified),
		partApp:          appXML(),
		partDocument:     documentXML(d),
		partDocumentRels: documentRelsXML(),
		partStyles:       stylesXML(),
		partSettings:     settingsXML(),
		partFontTable:    fontTableXML(),
	}
	for _, f := range footers {
		parts["word/"+f.target] = footerXML(f.even)
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	zw := zip.NewWriter(w)
	for _, name := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, parts[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// documentTitle is the first Title block's text, for the document properties.
func documentTitle(d *Document) string {
	for _, b := range d.Blocks {
		if t, ok := b.(Title); ok {
			return clean(t.Text, maxText)
		}
	}
	return ""
}
