// Reproducer for /linux/sysctl, written by specdiff explain --go.
//
// An absent or null map or slice decodes to nil, {} or [] to an empty non-nil one.
// Both have len 0 and %v prints them alike, but reflect.DeepEqual tells them
// apart; json.Marshal writes null for one and {} or [] for the other.
// Here: left is a nil map (absent), right an empty map {}: reflect.DeepEqual says they differ; both print as map[] and go-cmp's EquateEmpty calls them equal.
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

// examples/sysctl-nil-vs-empty/checkpoint.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "terminal": false,
    "user": {
      "uid": 1000,
      "gid": 1000,
      "additionalGids": [
        1000
      ]
    },
    "args": [
      "/usr/local/bin/ta-worker",
      "--listen=:8080",
      "--state-dir=/var/lib/ta"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOME=/home/ta",
      "TA_MODE=agent"
    ],
    "cwd": "/home/ta",
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
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 65536,
        "soft": 65536
      }
    ],
    "noNewPrivileges": true
  },
  "root": {
    "path": "rootfs",
    "readonly": true
  },
  "hostname": "ta-01je9t1cyp1rk3dhnc021pywwf",
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
      "source": "cgroup",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "relatime",
        "ro"
      ]
    },
    {
      "destination": "/var/lib/ta",
      "type": "bind",
      "source": "/srv/ta/state/ta-01je9t1cyp1rk3dhnc021pywwf",
      "options": [
        "rbind",
        "rprivate",
        "rw"
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
      ],
      "memory": {
        "limit": 1073741824
      },
      "cpu": {
        "shares": 1024,
        "quota": 100000,
        "period": 100000
      },
      "pids": {
        "limit": 1024
      }
    },
    "cgroupsPath": "/ta/ta-01je9t1cyp1rk3dhnc021pywwf",
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

// examples/sysctl-nil-vs-empty/restore.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2-dev",
  "process": {
    "terminal": false,
    "user": {
      "uid": 1000,
      "gid": 1000,
      "additionalGids": [
        1000
      ]
    },
    "args": [
      "/usr/local/bin/ta-worker",
      "--listen=:8080",
      "--state-dir=/var/lib/ta"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOME=/home/ta",
      "TA_MODE=agent"
    ],
    "cwd": "/home/ta",
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
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 65536,
        "soft": 65536
      }
    ],
    "noNewPrivileges": true
  },
  "root": {
    "path": "rootfs",
    "readonly": true
  },
  "hostname": "ta-01je9t1cyp1rk3dhnc021pywwf",
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
      "source": "cgroup",
      "options": [
        "nosuid",
        "noexec",
        "nodev",
        "relatime",
        "ro"
      ]
    },
    {
      "destination": "/var/lib/ta",
      "type": "bind",
      "source": "/srv/ta/state/ta-01je9t1cyp1rk3dhnc021pywwf",
      "options": [
        "rbind",
        "rprivate",
        "rw"
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
      ],
      "memory": {
        "limit": 1073741824
      },
      "cpu": {
        "shares": 1024,
        "quota": 100000,
        "period": 100000
      },
      "pids": {
        "limit": 1024
      }
    },
    "cgroupsPath": "/ta/ta-01je9t1cyp1rk3dhnc021pywwf",
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
    ],
    "sysctl": {}
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
