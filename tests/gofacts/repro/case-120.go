// Reproducer for /mounts/6/options, written by specdiff explain --go.
//
// Go holds different values here, so reflect.DeepEqual is false whatever the mode.
// A nil pointer and a pointer to a zero struct are different values too.
// Here: the lists have different lengths: 5 on the left, 0 on the right.
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
	Mounts []Mount `json:"mounts,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type Mount struct {
	Options []string `json:"options,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

// tests/conformance/cases/120-rnd-runc-default-swapped-mounts-6-options-absent/left.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "terminal": true,
    "user": {
      "uid": 0,
      "gid": 0
    },
    "args": [
      "sh"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "TERM=xterm"
    ],
    "cwd": "/",
    "capabilities": {
      "bounding": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "effective": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "permitted": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "ambient": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1024,
        "soft": 1024
      }
    ],
    "noNewPrivileges": true
  },
  "root": {
    "path": "rootfs",
    "readonly": true
  },
  "hostname": "runc",
  "mounts": [
    {
      "destination": "/proc",
      "type": "proc",
      "source": "proc"
    },
    {
      "destination": "/dev",
      "type": "tmpfs",
      "source": "tmpfs",
      "options": [
        "nosuid",
        "strictatime",
        "mode=755",
        "size=65536k"
      ]
    },
    {
      "destination": "/dev/pts",
      "type": "devpts",
      "source": "devpts",
      "options": [
        "nosuid",
        "noexec",
        "newinstance",
        "ptmxmode=0666",
        "mode=0620",
        "gid=5"
      ]
    },
    {
      "destination": "/dev/shm",
      "type": "tmpfs",
      "source": "shm",
      "options": [
        "nodev",
        "mode=1777",
        "noexec",
        "nosuid",
        "size=65536k"
      ]
    },
    {
      "destination": "/dev/mqueue",
      "type": "mqueue",
      "source": "mqueue",
      "options": [
        "nosuid",
        "noexec",
        "nodev"
      ]
    },
    {
      "destination": "/sys",
      "type": "sysfs",
      "source": "sysfs",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "ro"
      ]
    },
    {
      "destination": "/sys/fs/cgroup",
      "type": "cgroup",
      "source": "cgroup",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "relatime",
        "ro"
      ]
    }
  ],
  "linux": {
    "resources": {
      "devices": [
        {
          "allow": false,
          "access": "rwm"
        }
      ]
    },
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "network"
      },
      {
        "type": "ipc"
      },
      {
        "type": "uts"
      },
      {
        "type": "mount"
      },
      {
        "type": "cgroup"
      }
    ],
    "maskedPaths": [
      "/proc/acpi",
      "/proc/asound",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/sys/firmware",
      "/proc/scsi"
    ],
    "readonlyPaths": [
      "/proc/bus",
      "/proc/fs",
      "/proc/irq",
      "/proc/sys",
      "/proc/sysrq-trigger"
    ]
  }
}
`

// tests/conformance/cases/120-rnd-runc-default-swapped-mounts-6-options-absent/right.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "terminal": true,
    "user": {
      "uid": 0,
      "gid": 0
    },
    "args": [
      "sh"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "TERM=xterm"
    ],
    "cwd": "/",
    "capabilities": {
      "bounding": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "effective": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "permitted": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ],
      "ambient": [
        "CAP_AUDIT_WRITE",
        "CAP_KILL",
        "CAP_NET_BIND_SERVICE"
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1024,
        "soft": 1024
      }
    ],
    "noNewPrivileges": true
  },
  "root": {
    "path": "rootfs",
    "readonly": true
  },
  "hostname": "runc",
  "mounts": [
    {
      "destination": "/proc",
      "type": "proc",
      "source": "proc"
    },
    {
      "destination": "/dev",
      "type": "tmpfs",
      "source": "tmpfs",
      "options": [
        "nosuid",
        "strictatime",
        "mode=755",
        "size=65536k"
      ]
    },
    {
      "destination": "/dev/pts",
      "type": "devpts",
      "source": "devpts",
      "options": [
        "nosuid",
        "noexec",
        "newinstance",
        "ptmxmode=0666",
        "mode=0620",
        "gid=5"
      ]
    },
    {
      "destination": "/dev/shm",
      "type": "tmpfs",
      "source": "shm",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "mode=1777",
        "size=65536k"
      ]
    },
    {
      "destination": "/dev/mqueue",
      "type": "mqueue",
      "source": "mqueue",
      "options": [
        "nosuid",
        "noexec",
        "nodev"
      ]
    },
    {
      "destination": "/sys",
      "type": "sysfs",
      "source": "sysfs",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "ro"
      ]
    },
    {
      "destination": "/sys/fs/cgroup",
      "type": "cgroup",
      "source": "cgroup"
    }
  ],
  "linux": {
    "resources": {
      "devices": [
        {
          "allow": false,
          "access": "rwm"
        }
      ],
      "memory": null
    },
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "network"
      },
      {
        "type": "ipc"
      },
      {
        "type": "uts"
      },
      {
        "type": "mount"
      },
      {
        "type": "cgroup"
      }
    ],
    "maskedPaths": [
      "/proc/acpi",
      "/proc/asound",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/sys/firmware",
      "/proc/scsi"
    ],
    "readonlyPaths": [
      "/proc/bus",
      "/proc/fs",
      "/proc/irq",
      "/proc/sys",
      "/proc/sysrq-trigger"
    ]
  }
}
`

// at returns the value Go holds at /mounts/6/options (false where it holds none) and
// the struct it is a field of (nil when it is not a struct field).
func at(s *Spec) (interface{}, interface{}, bool) {
	var parent interface{}
	v0 := s
	parent = v0
	v1 := v0.Mounts
	if len(v1) <= 6 {
		return nil, nil, false
	}
	v2 := v1[6]
	parent = nil
	parent = v2
	v3 := v2.Options
	return v3, parent, true
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
