package enumtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Values are the string constants declared with the type typeName (const X T = "x")
// in the Go files of dir, tests left out, in source order. The test fails when there
// is none, or when a constant of the type is not a plain string literal.
func Values(t testing.TB, dir, typeName string) []string {
	t.Helper()
	var values []string
	constants(t, dir, func(fset *token.FileSet, vs *ast.ValueSpec) {
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typeName {
			return
		}
		for i, v := range vs.Values {
			lit, ok := v.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Fatalf("%s: %s %s is not a string literal", fset.Position(v.Pos()), vs.Names[i].Name, typeName)
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			values = append(values, s)
		}
	})
	if len(values) == 0 {
		t.Fatalf("no constant of type %s in %s", typeName, dir)
	}
	return values
}

// Untyped are the constants of dir named with prefix but declared without a type
// ("RuleFoo = \"foo\""): an enum's value that escapes Values, and so its label test.
func Untyped(t testing.TB, dir, prefix string) []string {
	t.Helper()
	var names []string
	constants(t, dir, func(_ *token.FileSet, vs *ast.ValueSpec) {
		if vs.Type != nil {
			return
		}
		for _, n := range vs.Names {
			if strings.HasPrefix(n.Name, prefix) {
				names = append(names, n.Name)
			}
		}
	})
	return names
}

// constants calls f for each constant declaration in the Go files of dir, tests left out.
func constants(t testing.TB, dir string, f func(*token.FileSet, *ast.ValueSpec)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.CONST {
				for _, spec := range gen.Specs {
					f(fset, spec.(*ast.ValueSpec))
				}
			}
		}
	}
}
