// Reproducer for /linux/resources, written by specdiff explain --go.
//
// Go holds different values here, so reflect.DeepEqual is false whatever the mode.
// A nil pointer and a pointer to a zero struct are different values too.
// Here: left is a nil pointer (absent), right points to a value: reflect.DeepEqual and go-cmp both say they differ, even when that value is all zeros.
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
	Devices        []LinuxDeviceCgroup  `json:"devices,omitempty"`
	Memory         *LinuxMemory         `json:"memory,omitempty"`
	CPU            *LinuxCPU            `json:"cpu,omitempty"`
	Pids           *LinuxPids           `json:"pids,omitempty"`
	BlockIO        *LinuxBlockIO        `json:"blockIO,omitempty"`
	HugepageLimits []LinuxHugepageLimit `json:"hugepageLimits,omitempty"`
	Network        *LinuxNetwork        `json:"network,omitempty"`
	Rdma           map[string]LinuxRdma `json:"rdma,omitempty"`
	Unified        map[string]string    `json:"unified,omitempty"`
}

type LinuxDeviceCgroup struct {
	Allow  bool   `json:"allow"`
	Type   string `json:"type,omitempty"`
	Major  *int64 `json:"major,omitempty"`
	Minor  *int64 `json:"minor,omitempty"`
	Access string `json:"access,omitempty"`
}

type LinuxMemory struct {
	Limit             *int64  `json:"limit,omitempty"`
	Reservation       *int64  `json:"reservation,omitempty"`
	Swap              *int64  `json:"swap,omitempty"`
	Kernel            *int64  `json:"kernel,omitempty"`
	KernelTCP         *int64  `json:"kernelTCP,omitempty"`
	Swappiness        *uint64 `json:"swappiness,omitempty"`
	DisableOOMKiller  *bool   `json:"disableOOMKiller,omitempty"`
	UseHierarchy      *bool   `json:"useHierarchy,omitempty"`
	CheckBeforeUpdate *bool   `json:"checkBeforeUpdate,omitempty"`
}

type LinuxCPU struct {
	Shares          *uint64 `json:"shares,omitempty"`
	Quota           *int64  `json:"quota,omitempty"`
	Burst           *uint64 `json:"burst,omitempty"`
	Period          *uint64 `json:"period,omitempty"`
	RealtimeRuntime *int64  `json:"realtimeRuntime,omitempty"`
	RealtimePeriod  *uint64 `json:"realtimePeriod,omitempty"`
	Cpus            string  `json:"cpus,omitempty"`
	Mems            string  `json:"mems,omitempty"`
	Idle            *int64  `json:"idle,omitempty"`
}

type LinuxPids struct {
	Limit int64 `json:"limit"`
}

type LinuxBlockIO struct {
	Weight                  *uint16               `json:"weight,omitempty"`
	LeafWeight              *uint16               `json:"leafWeight,omitempty"`
	WeightDevice            []LinuxWeightDevice   `json:"weightDevice,omitempty"`
	ThrottleReadBpsDevice   []LinuxThrottleDevice `json:"throttleReadBpsDevice,omitempty"`
	ThrottleWriteBpsDevice  []LinuxThrottleDevice `json:"throttleWriteBpsDevice,omitempty"`
	ThrottleReadIOPSDevice  []LinuxThrottleDevice `json:"throttleReadIOPSDevice,omitempty"`
	ThrottleWriteIOPSDevice []LinuxThrottleDevice `json:"throttleWriteIOPSDevice,omitempty"`
}

type LinuxWeightDevice struct {
	LinuxBlockIODevice
	Weight     *uint16 `json:"weight,omitempty"`
	LeafWeight *uint16 `json:"leafWeight,omitempty"`
}

type LinuxBlockIODevice struct {
	Major int64 `json:"major"`
	Minor int64 `json:"minor"`
}

type LinuxThrottleDevice struct {
	LinuxBlockIODevice
	Rate uint64 `json:"rate"`
}

type LinuxHugepageLimit struct {
	Pagesize string `json:"pageSize"`
	Limit    uint64 `json:"limit"`
}

type LinuxNetwork struct {
	ClassID    *uint32                  `json:"classID,omitempty"`
	Priorities []LinuxInterfacePriority `json:"priorities,omitempty"`
}

type LinuxInterfacePriority struct {
	Name     string `json:"name"`
	Priority uint32 `json:"priority"`
}

type LinuxRdma struct {
	HcaHandles *uint32 `json:"hcaHandles,omitempty"`
	HcaObjects *uint32 `json:"hcaObjects,omitempty"`
}

// examples/pointer-to-zero-struct/checkpoint.json, as json.Unmarshal reads it
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
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "mount"
      }
    ]
  }
}
`

// examples/pointer-to-zero-struct/restore.json, as json.Unmarshal reads it
const right = `{
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
    "resources": {},
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "mount"
      }
    ]
  }
}
`

// at returns the value Go holds at /linux/resources (false where it holds none) and
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
