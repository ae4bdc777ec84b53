// Reproducer for /linux/sysctl, written by specdiff explain --go.
//
// An absent or null map or slice decodes to nil, {} or [] to an empty non-nil one.
// Both have len 0 and %v prints them alike, but reflect.DeepEqual tells them
// apart; json.Marshal writes null for one and {} or [] for the other.
// Here: right is a nil map (null), left an empty map {}: reflect.DeepEqual says they differ; both print as map[] and go-cmp's EquateEmpty calls them equal.
//
// Run it with `go run FILE.go` or paste it into the Go playground.  The
// types are those of runtime-spec specs-go v1.2.1, declared here in package
// main (so %T and %#v say main.X where specs-go says specs.X).
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type Spec struct {
	Linux *Linux `json:"linux,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type Linux struct {
	Sysctl map[string]string `json:"sysctl,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

// tests/conformance/cases/031-yaml-sysctl-empty-map-vs-empty-value/left.yaml, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2",
  "process": {
    "cwd": "/",
    "args": [
      "sh"
    ]
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "namespaces": [
      {
        "type": "pid"
      }
    ],
    "sysctl": {}
  }
}
`

// tests/conformance/cases/031-yaml-sysctl-empty-map-vs-empty-value/right.yaml, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2",
  "process": {
    "cwd": "/",
    "args": [
      "sh"
    ]
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "namespaces": [
      {
        "type": "pid"
      }
    ],
    "sysctl": null
  }
}
`

// at returns the value Go holds at /linux/sysctl (false where it holds none) and
// the struct it is a field of (nil when it is not a struct field).
func at(s *Spec) (interface{}, interface{}, bool) {
	var parent interface{}
	v0 := s
	parent = v0
	v1 := v0.Linux
	if v1 == nil {
		return nil, nil, false
	}
	parent = v1
	v2 := v1.Sysctl
	return v2, parent, true
}

func show(side string, v interface{}, ok bool) {
	if !ok {
		fmt.Printf("%s: no Go value here (no such map key or list element)\n", side)
		return
	}
	fmt.Printf("%s %%T: %T\n", side, v)
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Invalid:
		fmt.Printf("%s nil: true\n", side)
	case reflect.Pointer, reflect.Map, reflect.Slice:
		fmt.Printf("%s nil: %v\n", side, rv.IsNil())
	}
	switch rv.Kind() {
	case reflect.Map, reflect.Slice, reflect.String:
		fmt.Printf("%s len: %d\n", side, rv.Len())
	}
	fmt.Printf("%s %%v: %v\n", side, v)
	fmt.Printf("%s %%#v: %#v\n", side, v)
	b, err := json.Marshal(v)
	fmt.Printf("%s json.Marshal: %s%v\n", side, b, errText(err))
}

func errText(err error) string {
	if err != nil {
		return " (error: " + err.Error() + ")"
	}
	return ""
}

func main() {
	var l, r Spec
	if err := json.Unmarshal([]byte(left), &l); err != nil {
		fmt.Println("left: json.Unmarshal:", err)
	}
	if err := json.Unmarshal([]byte(right), &r); err != nil {
		fmt.Println("right: json.Unmarshal:", err)
	}
	lv, lp, lok := at(&l)
	rv, rp, rok := at(&r)
	fmt.Println("reflect.DeepEqual:", lok == rok && reflect.DeepEqual(lv, rv))
	show("left", lv, lok)
	showParent("left", lp, lok)
	show("right", rv, rok)
	showParent("right", rp, rok)
}

// The struct holding the node, with only the node's field declared: its
// json.Marshal shows whether omitempty leaves the field out.
func showParent(side string, p interface{}, ok bool) {
	if ok && p != nil {
		b, err := json.Marshal(p)
		fmt.Printf("%s parent json.Marshal: %s%v\n", side, b, errText(err))
	}
}
