// Command gofacts prints, with real Go, the facts specdiff's JSON report
// states about each side of a node ("go": %T, reflect nil-ness, len, %v,
// %#v, json.Marshal, and what json.Marshal writes for it as a field of its
// parent struct).  It is the generator of tests/gofacts/*.jsonl; it is not
// built by make (see gen.sh: Go 1.19, GOPATH mode, offline).
//
//	gofacts CASEDIR...
//
// For every path in CASEDIR/expected.json's "diffs", one JSON line:
// {"case","path","left","right"} where a side is null (Go holds no value
// there), {"dropped":true} (the source has a member the struct does not
// know) or the facts object.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	specs "github.com/opencontainers/runtime-spec/specs-go"
	"gopkg.in/yaml.v3"
)

// Heap addresses (0xc000123456), not short hex values such as %#v of
// uint8(200), 0xc8.
var addr = regexp.MustCompile(`0xc[0-9a-f]{9,}`)

type facts struct {
	Dropped  bool    `json:"dropped,omitempty"`
	Type     *string `json:"type,omitempty"`
	Nil      *bool   `json:"nil"`
	Len      *int    `json:"len"`
	V        *string `json:"v,omitempty"`
	GoV      *string `json:"gov,omitempty"`
	Marshal  *string `json:"marshal,omitempty"`
	InParent *string `json:"in_parent"`
}

func (f *facts) MarshalJSON() ([]byte, error) {
	if f.Dropped {
		return []byte(`{"dropped":true}`), nil
	}
	type plain facts
	return json.Marshal((*plain)(f))
}

// load reads a side as the corpus does: YAML (by extension) becomes JSON
// text first, keys in their order, scalars resolved by yaml.v3.
func load(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if ext := filepath.Ext(path); ext != ".yaml" && ext != ".yml" {
		return b, nil
	}
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := yamlJSON(&out, &n); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func yamlJSON(out *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case 0:
		out.WriteString("null")
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			out.WriteString("null")
			return nil
		}
		return yamlJSON(out, n.Content[0])
	case yaml.AliasNode:
		return yamlJSON(out, n.Alias)
	case yaml.SequenceNode:
		out.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := yamlJSON(out, c); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case yaml.MappingNode:
		out.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				out.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			out.Write(k)
			out.WriteByte(':')
			if err := yamlJSON(out, n.Content[i+1]); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	case yaml.ScalarNode:
		var v interface{}
		if err := n.Decode(&v); err != nil {
			return err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		out.Write(b)
	}
	return nil
}

func segments(path string) []string {
	if path == "/" || path == "" {
		return nil
	}
	parts := strings.Split(path[1:], "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

// field finds a struct field by its JSON name, embedded structs flattened
// as encoding/json does.
func field(v reflect.Value, name string) (reflect.Value, bool, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := strings.Split(sf.Tag.Get("json"), ",")
		if sf.Anonymous && tag[0] == "" {
			if f, omit, ok := field(v.Field(i), name); ok {
				return f, omit, true
			}
			continue
		}
		if tag[0] == name {
			omit := false
			for _, o := range tag[1:] {
				omit = omit || o == "omitempty"
			}
			return v.Field(i), omit, true
		}
	}
	return reflect.Value{}, false, false
}

// srcHas: is there a source node at the path (keys matched as Go matches
// them: case-insensitively where the Go side is a struct)?
func srcHas(doc interface{}, segs []string, structAt []bool) bool {
	cur := doc
	for i, s := range segs {
		switch c := cur.(type) {
		case map[string]interface{}:
			var hit interface{}
			found := false
			if x, ok := c[s]; ok {
				hit, found = x, true
			} else if structAt[i] {
				keys := make([]string, 0, len(c))
				for k := range c {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					if strings.EqualFold(k, s) {
						hit, found = c[k], true
					}
				}
			}
			if !found {
				return false
			}
			cur = hit
		case []interface{}:
			var idx int
			if _, err := fmt.Sscanf(s, "%d", &idx); err != nil || idx < 0 || idx >= len(c) {
				return false
			}
			cur = c[idx]
		default:
			return false
		}
	}
	return true
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

func str(s string) *string { return &s }

func factsOf(v reflect.Value, inStruct, omitempty bool) *facts {
	x := v.Interface()
	f := &facts{Type: str(fmt.Sprintf("%T", x))}
	d := v
	if d.Kind() == reflect.Interface && !d.IsNil() {
		d = d.Elem()
	}
	switch d.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		b := d.IsNil()
		f.Nil = &b
	}
	switch d.Kind() {
	case reflect.Map, reflect.Slice, reflect.String:
		n := d.Len()
		f.Len = &n
	}
	f.V = str(addr.ReplaceAllString(fmt.Sprintf("%v", x), "0xADDR"))
	f.GoV = str(addr.ReplaceAllString(fmt.Sprintf("%#v", x), "0xADDR"))
	m, err := json.Marshal(x)
	if err != nil {
		m = []byte("error: " + err.Error())
	}
	f.Marshal = str(string(m))
	if inStruct {
		if omitempty && isEmpty(v) {
			f.InParent = str("omitted")
		} else {
			f.InParent = str(string(m))
		}
	}
	return f
}

// at walks the decoded spec along the path: struct fields by JSON name,
// map keys, indexes, through pointers and interfaces.
func at(spec *specs.Spec, src interface{}, path string) *facts {
	segs := segments(path)
	v := reflect.ValueOf(spec).Elem()
	inStruct, omit := false, false
	structAt := make([]bool, len(segs))
	for i, s := range segs {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return nil
			}
			v = v.Elem()
		}
		inStruct = false
		switch v.Kind() {
		case reflect.Struct:
			structAt[i] = true
			f, o, ok := field(v, s)
			if !ok {
				if srcHas(src, segs[:i+1], structAt) {
					return &facts{Dropped: true}
				}
				return nil
			}
			v, inStruct, omit = f, true, o
		case reflect.Map:
			e := v.MapIndex(reflect.ValueOf(s).Convert(v.Type().Key()))
			if !e.IsValid() {
				return nil
			}
			v = e
		case reflect.Slice:
			var idx int
			if _, err := fmt.Sscanf(s, "%d", &idx); err != nil || idx < 0 || idx >= v.Len() {
				return nil
			}
			v = v.Index(idx)
		default:
			return nil
		}
	}
	return factsOf(v, inStruct, omit)
}

type side struct {
	spec *specs.Spec
	src  interface{}
}

func open(dir, name string) (side, bool) {
	m, _ := filepath.Glob(filepath.Join(dir, name+".*"))
	var s side
	if len(m) != 1 {
		return s, false
	}
	b, err := load(m[0])
	if err != nil {
		return s, false
	}
	s.spec = &specs.Spec{}
	if json.Unmarshal(b, s.spec) != nil {
		return s, false // these types cannot decode it: no facts to check
	}
	json.Unmarshal(b, &s.src)
	return s, true
}

type line struct {
	Case  string `json:"case"`
	Path  string `json:"path"`
	Left  *facts `json:"left"`
	Right *facts `json:"right"`
}

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, dir := range os.Args[1:] {
		var exp struct {
			Decode struct{ Left, Right *string }
			Diffs  []struct{ Path string }
		}
		b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err != nil || json.Unmarshal(b, &exp) != nil {
			fmt.Fprintf(os.Stderr, "gofacts: %s: no expected.json\n", dir)
			os.Exit(2)
		}
		if exp.Decode.Left != nil || exp.Decode.Right != nil {
			continue // partial values are informative only (corpus README)
		}
		l, okl := open(dir, "left")
		r, okr := open(dir, "right")
		if !okl || !okr {
			fmt.Fprintf(os.Stderr, "gofacts: %s: a side does not decode with these types: skipped\n", filepath.Base(dir))
			continue
		}
		for _, d := range exp.Diffs {
			enc.Encode(line{filepath.Base(dir), d.Path, at(l.spec, l.src, d.Path), at(r.spec, r.src, d.Path)})
		}
	}
}
