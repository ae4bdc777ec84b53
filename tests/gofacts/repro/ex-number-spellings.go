// Reproducer for /linux/resources/pids/limit, written by specdiff explain --go.
//
// Go holds different values here, so reflect.DeepEqual is false whatever the mode.
// A nil pointer and a pointer to a zero struct are different values too.
// Here: the values differ.
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
	Resources *LinuxResources `json:"resources,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type LinuxResources struct {
	Pids *LinuxPids `json:"pids,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type LinuxPids struct {
	Limit int64 `json:"limit"`
	// (the other fields of specs-go's struct are left out)
}

// examples/number-spellings/checkpoint.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "args": [
      "/bin/server"
    ],
    "cwd": "/",
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1024,
        "soft": 1024
      },
      {
        "type": "RLIMIT_MEMLOCK",
        "hard": 18446744073709551615,
        "soft": 18446744073709551615
      }
    ]
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "resources": {
      "pids": {
        "limit": 4096
      }
    }
  }
}
`

// examples/number-spellings/restore.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "args": [
      "/bin/server"
    ],
    "cwd": "/",
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1024,
        "soft": 1024
      },
      {
        "type": "RLIMIT_MEMLOCK",
        "hard": 18446744073709551615,
        "soft": 18446744073709551615
      }
    ]
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "resources": {
      "pids": {
        "limit": 4096.0
      }
    }
  }
}
`

// at returns the value Go holds at /linux/resources/pids/limit (false where it holds none) and
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
	v2 := v1.Resources
	if v2 == nil {
		return nil, nil, false
	}
	parent = v2
	v3 := v2.Pids
	if v3 == nil {
		return nil, nil, false
	}
	parent = v3
	v4 := v3.Limit
	return v4, parent, true
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
