// Reproducer for /process, written by specdiff explain --go.
//
// The two texts differ, but json.Unmarshal turns them into the same Go value,
// so reflect.DeepEqual is true: what was written is not what Go compares.
// Here: the key is spelled differently; Go matches struct field names case-insensitively, so both fill the same field.
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
	Process *Process `json:"process,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type Process struct {
	Terminal        bool               `json:"terminal,omitempty"`
	ConsoleSize     *Box               `json:"consoleSize,omitempty"`
	User            User               `json:"user"`
	Args            []string           `json:"args,omitempty"`
	CommandLine     string             `json:"commandLine,omitempty"`
	Env             []string           `json:"env,omitempty"`
	Cwd             string             `json:"cwd"`
	Capabilities    *LinuxCapabilities `json:"capabilities,omitempty"`
	Rlimits         []POSIXRlimit      `json:"rlimits,omitempty"`
	NoNewPrivileges bool               `json:"noNewPrivileges,omitempty"`
	ApparmorProfile string             `json:"apparmorProfile,omitempty"`
	OOMScoreAdj     *int               `json:"oomScoreAdj,omitempty"`
	Scheduler       *Scheduler         `json:"scheduler,omitempty"`
	SelinuxLabel    string             `json:"selinuxLabel,omitempty"`
	IOPriority      *LinuxIOPriority   `json:"ioPriority,omitempty"`
	ExecCPUAffinity *CPUAffinity       `json:"execCPUAffinity,omitempty"`
}

type Box struct {
	Height uint `json:"height"`
	Width  uint `json:"width"`
}

type User struct {
	UID            uint32   `json:"uid"`
	GID            uint32   `json:"gid"`
	Umask          *uint32  `json:"umask,omitempty"`
	AdditionalGids []uint32 `json:"additionalGids,omitempty"`
	Username       string   `json:"username,omitempty"`
}

type LinuxCapabilities struct {
	Bounding    []string `json:"bounding,omitempty"`
	Effective   []string `json:"effective,omitempty"`
	Inheritable []string `json:"inheritable,omitempty"`
	Permitted   []string `json:"permitted,omitempty"`
	Ambient     []string `json:"ambient,omitempty"`
}

type POSIXRlimit struct {
	Type string `json:"type"`
	Hard uint64 `json:"hard"`
	Soft uint64 `json:"soft"`
}

type Scheduler struct {
	Policy   LinuxSchedulerPolicy `json:"policy"`
	Nice     int32                `json:"nice,omitempty"`
	Priority int32                `json:"priority,omitempty"`
	Flags    []LinuxSchedulerFlag `json:"flags,omitempty"`
	Runtime  uint64               `json:"runtime,omitempty"`
	Deadline uint64               `json:"deadline,omitempty"`
	Period   uint64               `json:"period,omitempty"`
}

type LinuxSchedulerPolicy string

type LinuxSchedulerFlag string

type LinuxIOPriority struct {
	Class    IOPriorityClass `json:"class"`
	Priority int             `json:"priority"`
}

type IOPriorityClass string

type CPUAffinity struct {
	Initial string `json:"initial,omitempty"`
	Final   string `json:"final,omitempty"`
}

// examples/key-case-folding/checkpoint.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "args": [
      "/bin/server"
    ],
    "cwd": "/"
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "sysctl": {
      "net.ipv4.ip_forward": "1"
    }
  }
}
`

// examples/key-case-folding/restore.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2-dev",
  "Process": {
    "args": [
      "/bin/server"
    ],
    "CWD": "/"
  },
  "root": {
    "path": "rootfs"
  },
  "linux": {
    "Sysctl": {
      "net.ipv4.ip_forward": "1"
    }
  }
}
`

// at returns the value Go holds at /process (false where it holds none) and
// the struct it is a field of (nil when it is not a struct field).
func at(s *Spec) (interface{}, interface{}, bool) {
	var parent interface{}
	v0 := s
	parent = v0
	v1 := v0.Process
	return v1, parent, true
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
