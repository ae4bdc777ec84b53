// gen_oci_schema writes oci-schema jsonl (one line per JSON path of
// specs.Spec: path, Go field, Go type as reflect prints it, kind, omitempty)
// from a runtime-spec specs-go config.go, so that the schema table of each
// specs-go version is generated rather than typed.  It reads config.go as
// source (go/parser) because the four versions cannot be imported into one
// program; its output for v1.1.0-rc.1 and v1.2.1 is checked byte for byte
// against the corpus's reflect-generated oci-schema*.jsonl (make
// schema-check, tests/cli/test_schema_versions.sh).  Not built by make.
//
//	go run ./tools/gen_oci_schema ../shared/reference/runtime-spec/v1.2.1/config.go > core/oci-schema-v1.2.1.jsonl
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
)

var types = map[string]ast.Expr{}

type line struct {
	Path      string `json:"path"`
	GoField   string `json:"go_field"`
	GoType    string `json:"go_type"`
	Kind      string `json:"kind"`
	Omitempty bool   `json:"omitempty"`
}

var out = json.NewEncoder(os.Stdout)

func init() { out.SetEscapeHTML(false) }

// typeString is reflect.Type.String() of the expression.
func typeString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		if _, ok := types[t.Name]; ok {
			return "specs." + t.Name
		}
		return t.Name
	case *ast.StarExpr:
		return "*" + typeString(t.X)
	case *ast.ArrayType:
		return "[]" + typeString(t.Elt)
	case *ast.MapType:
		return "map[" + typeString(t.Key) + "]" + typeString(t.Value)
	case *ast.InterfaceType:
		return "interface {}"
	case *ast.SelectorExpr:
		if id, ok := t.X.(*ast.Ident); ok && id.Name == "os" && t.Sel.Name == "FileMode" {
			return "fs.FileMode"
		}
	}
	panic(fmt.Sprintf("unsupported type %T", e))
}

// kindOf is reflect.Kind.String() of the expression.
func kindOf(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		if def, ok := types[t.Name]; ok {
			return kindOf(def)
		}
		return t.Name
	case *ast.StarExpr:
		return "pointer"
	case *ast.ArrayType:
		return "slice"
	case *ast.MapType:
		return "map"
	case *ast.InterfaceType:
		return "interface"
	case *ast.StructType:
		return "struct"
	case *ast.SelectorExpr:
		return "uint32" // fs.FileMode
	}
	panic(fmt.Sprintf("unsupported kind %T", e))
}

// structOf is the struct a (possibly pointer to a) named type stands for.
func structOf(e ast.Expr) *ast.StructType {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		if st, ok := types[id.Name].(*ast.StructType); ok {
			return st
		}
	}
	return nil
}

func emit(path, goField string, e ast.Expr, omitempty bool) {
	if err := out.Encode(line{path, goField, typeString(e), kindOf(e), omitempty}); err != nil {
		panic(err)
	}
	walk(path, goField, e)
}

// walk emits what lies under a value of type e at path.
func walk(path, goField string, e ast.Expr) {
	if st := structOf(e); st != nil {
		fields(path, goField, st)
		return
	}
	if s, ok := e.(*ast.StarExpr); ok {
		walk(path, goField, s.X)
		return
	}
	if id, ok := e.(*ast.Ident); ok {
		if def, ok := types[id.Name]; ok {
			walk(path, goField, def)
		}
		return
	}
	switch t := e.(type) {
	case *ast.ArrayType:
		emit(path+"/*", goField+"[]", t.Elt, false)
	case *ast.MapType:
		emit(path+"/*", goField+"[]", t.Value, false)
	}
}

// fields emits a struct's fields in declaration order, embedded structs
// flattened where they stand (encoding/json's order).
func fields(path, goField string, st *ast.StructType) {
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			fields(path, goField, structOf(f.Type))
			continue
		}
		tag := ""
		if f.Tag != nil {
			tag = reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json")
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		for _, n := range f.Names {
			if !n.IsExported() {
				continue
			}
			jn := name
			if jn == "" {
				jn = n.Name
			}
			emit(path+"/"+jn, goField+"."+n.Name, f.Type, strings.Contains(","+opts+",", ",omitempty,"))
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen_oci_schema CONFIG.GO")
		os.Exit(2)
	}
	file, err := parser.ParseFile(token.NewFileSet(), os.Args[1], nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				types[ts.Name.Name] = ts.Type
			}
		}
	}
	fields("", "Spec", types["Spec"].(*ast.StructType))
}
