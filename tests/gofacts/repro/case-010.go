// Reproducer for /process/capabilities/inheritable, written by specdiff explain --go.
//
// An absent or null map or slice decodes to nil, {} or [] to an empty non-nil one.
// Both have len 0 and %v prints them alike, but reflect.DeepEqual tells them
// apart; json.Marshal writes null for one and {} or [] for the other.
// Here: right is a nil slice (absent), left an empty slice []: reflect.DeepEqual says they differ; both print as [] and go-cmp's EquateEmpty calls them equal.
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
	Capabilities *LinuxCapabilities `json:"capabilities,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

type LinuxCapabilities struct {
	Inheritable []string `json:"inheritable,omitempty"`
	// (the other fields of specs-go's struct are left out)
}

// tests/conformance/cases/010-caps-inheritable-empty-vs-absent/left.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.0.2",
  "process": {
    "terminal": false,
    "consoleSize": {
      "height": 40,
      "width": 120
    },
    "user": {
      "uid": 1000,
      "gid": 1000,
      "umask": 18,
      "additionalGids": [
        1000,
        100
      ]
    },
    "args": [
      "/bin/builder",
      "--jobs",
      "4",
      "--output=/out"
    ],
    "env": [
      "PATH=/usr/bin:/bin",
      "HOME=/home/build",
      "LANG=C.UTF-8",
      "CI=true"
    ],
    "cwd": "/work",
    "capabilities": {
      "bounding": [
        "CAP_CHOWN",
        "CAP_FOWNER",
        "CAP_SETUID",
        "CAP_SETGID",
        "CAP_KILL"
      ],
      "effective": [
        "CAP_CHOWN",
        "CAP_FOWNER"
      ],
      "inheritable": [],
      "permitted": [
        "CAP_CHOWN",
        "CAP_FOWNER"
      ],
      "ambient": []
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 65536,
        "soft": 4096
      },
      {
        "type": "RLIMIT_NPROC",
        "hard": 8192,
        "soft": 8192
      },
      {
        "type": "RLIMIT_STACK",
        "hard": 18446744073709551615,
        "soft": 8388608
      }
    ],
    "noNewPrivileges": true,
    "oomScoreAdj": 0,
    "selinuxLabel": "system_u:system_r:container_t:s0:c120,c945"
  },
  "root": {
    "path": "/var/lib/builder/containers/b7/rootfs",
    "readonly": false
  },
  "hostname": "builder-b7",
  "domainname": "ci.internal",
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
        "mode=0620"
      ]
    },
    {
      "destination": "/sys",
      "type": "none",
      "source": "/sys",
      "options": [
        "rbind",
        "nosuid",
        "noexec",
        "nodev",
        "ro"
      ]
    },
    {
      "destination": "/work",
      "type": "bind",
      "source": "/home/ci/checkouts/b7",
      "options": [
        "bind",
        "rw"
      ],
      "uidMappings": [
        {
          "containerID": 0,
          "hostID": 100000,
          "size": 65536
        }
      ],
      "gidMappings": [
        {
          "containerID": 0,
          "hostID": 100000,
          "size": 65536
        }
      ]
    },
    {
      "destination": "/out",
      "type": "bind",
      "source": "/home/ci/artifacts/b7",
      "options": [
        "bind",
        "rw",
        "nosuid"
      ]
    },
    {
      "destination": "/tmp",
      "type": "tmpfs",
      "source": "tmpfs",
      "options": [
        "nosuid",
        "nodev",
        "size=1g"
      ]
    }
  ],
  "hooks": {
    "createRuntime": [
      {
        "path": "/usr/libexec/ci/net-setup",
        "args": [
          "net-setup",
          "--bridge=cibr0"
        ],
        "env": [
          "NETNS_DIR=/run/netns"
        ],
        "timeout": 10
      }
    ],
    "prestart": [
      {
        "path": "/usr/libexec/ci/mount-cache",
        "args": [
          "mount-cache",
          "b7"
        ]
      }
    ],
    "poststop": [
      {
        "path": "/usr/libexec/ci/cleanup",
        "args": [
          "cleanup",
          "b7"
        ],
        "timeout": 30
      }
    ]
  },
  "annotations": {
    "org.opencontainers.image.ref.name": "builder:2024.11",
    "ci.example.com/job": "b7",
    "dev.gvisor.flag.debug": "false",
    "dev.gvisor.spec.rootfs.overlay": "memory"
  },
  "linux": {
    "uidMappings": [
      {
        "containerID": 0,
        "hostID": 100000,
        "size": 1000
      },
      {
        "containerID": 1000,
        "hostID": 1000,
        "size": 1
      },
      {
        "containerID": 1001,
        "hostID": 101001,
        "size": 64535
      }
    ],
    "gidMappings": [
      {
        "containerID": 0,
        "hostID": 100000,
        "size": 1000
      },
      {
        "containerID": 1000,
        "hostID": 1000,
        "size": 1
      },
      {
        "containerID": 1001,
        "hostID": 101001,
        "size": 64535
      }
    ],
    "sysctl": {
      "net.ipv4.ip_unprivileged_port_start": "0",
      "net.ipv4.ping_group_range": "0 2147483647"
    },
    "resources": {
      "memory": {
        "limit": 4294967296,
        "reservation": 2147483648,
        "swappiness": 0,
        "disableOOMKiller": false
      },
      "cpu": {
        "cpus": "0-3",
        "mems": "0"
      },
      "blockIO": {
        "weight": 500,
        "weightDevice": [
          {
            "major": 8,
            "minor": 0,
            "weight": 700,
            "leafWeight": 300
          }
        ],
        "throttleReadBpsDevice": [
          {
            "major": 8,
            "minor": 0,
            "rate": 104857600
          }
        ]
      },
      "network": {
        "classID": 1048577,
        "priorities": [
          {
            "name": "eth0",
            "priority": 5
          }
        ]
      }
    },
    "cgroupsPath": "/ci/b7",
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
        "type": "user"
      },
      {
        "type": "cgroup"
      }
    ],
    "devices": [
      {
        "path": "/dev/fuse",
        "type": "c",
        "major": 10,
        "minor": 229,
        "fileMode": 438,
        "uid": 0,
        "gid": 0
      },
      {
        "path": "/dev/net/tun",
        "type": "c",
        "major": 10,
        "minor": 200,
        "fileMode": 438
      }
    ],
    "rootfsPropagation": "rslave",
    "maskedPaths": [
      "/proc/kcore",
      "/proc/keys",
      "/sys/firmware"
    ],
    "readonlyPaths": [
      "/proc/sys",
      "/proc/sysrq-trigger"
    ],
    "mountLabel": "system_u:object_r:container_file_t:s0:c120,c945",
    "personality": {
      "domain": "LINUX"
    }
  }
}
`

// tests/conformance/cases/010-caps-inheritable-empty-vs-absent/right.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.0.2",
  "process": {
    "terminal": false,
    "consoleSize": {
      "height": 40,
      "width": 120
    },
    "user": {
      "uid": 1000,
      "gid": 1000,
      "umask": 18,
      "additionalGids": [
        1000,
        100
      ]
    },
    "args": [
      "/bin/builder",
      "--jobs",
      "4",
      "--output=/out"
    ],
    "env": [
      "PATH=/usr/bin:/bin",
      "HOME=/home/build",
      "LANG=C.UTF-8",
      "CI=true"
    ],
    "cwd": "/work",
    "capabilities": {
      "bounding": [
        "CAP_CHOWN",
        "CAP_FOWNER",
        "CAP_SETUID",
        "CAP_SETGID",
        "CAP_KILL"
      ],
      "effective": [
        "CAP_CHOWN",
        "CAP_FOWNER"
      ],
      "permitted": [
        "CAP_CHOWN",
        "CAP_FOWNER"
      ],
      "ambient": []
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 65536,
        "soft": 4096
      },
      {
        "type": "RLIMIT_NPROC",
        "hard": 8192,
        "soft": 8192
      },
      {
        "type": "RLIMIT_STACK",
        "hard": 18446744073709551615,
        "soft": 8388608
      }
    ],
    "noNewPrivileges": true,
    "oomScoreAdj": 0,
    "selinuxLabel": "system_u:system_r:container_t:s0:c120,c945"
  },
  "root": {
    "path": "/var/lib/builder/containers/b7/rootfs",
    "readonly": false
  },
  "hostname": "builder-b7",
  "domainname": "ci.internal",
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
        "mode=0620"
      ]
    },
    {
      "destination": "/sys",
      "type": "none",
      "source": "/sys",
      "options": [
        "rbind",
        "nosuid",
        "noexec",
        "nodev",
        "ro"
      ]
    },
    {
      "destination": "/work",
      "type": "bind",
      "source": "/home/ci/checkouts/b7",
      "options": [
        "bind",
        "rw"
      ],
      "uidMappings": [
        {
          "containerID": 0,
          "hostID": 100000,
          "size": 65536
        }
      ],
      "gidMappings": [
        {
          "containerID": 0,
          "hostID": 100000,
          "size": 65536
        }
      ]
    },
    {
      "destination": "/out",
      "type": "bind",
      "source": "/home/ci/artifacts/b7",
      "options": [
        "bind",
        "rw",
        "nosuid"
      ]
    },
    {
      "destination": "/tmp",
      "type": "tmpfs",
      "source": "tmpfs",
      "options": [
        "nosuid",
        "nodev",
        "size=1g"
      ]
    }
  ],
  "hooks": {
    "createRuntime": [
      {
        "path": "/usr/libexec/ci/net-setup",
        "args": [
          "net-setup",
          "--bridge=cibr0"
        ],
        "env": [
          "NETNS_DIR=/run/netns"
        ],
        "timeout": 10
      }
    ],
    "prestart": [
      {
        "path": "/usr/libexec/ci/mount-cache",
        "args": [
          "mount-cache",
          "b7"
        ]
      }
    ],
    "poststop": [
      {
        "path": "/usr/libexec/ci/cleanup",
        "args": [
          "cleanup",
          "b7"
        ],
        "timeout": 30
      }
    ]
  },
  "annotations": {
    "org.opencontainers.image.ref.name": "builder:2024.11",
    "ci.example.com/job": "b7",
    "dev.gvisor.flag.debug": "false",
    "dev.gvisor.spec.rootfs.overlay": "memory"
  },
  "linux": {
    "uidMappings": [
      {
        "containerID": 0,
        "hostID": 100000,
        "size": 1000
      },
      {
        "containerID": 1000,
        "hostID": 1000,
        "size": 1
      },
      {
        "containerID": 1001,
        "hostID": 101001,
        "size": 64535
      }
    ],
    "gidMappings": [
      {
        "containerID": 0,
        "hostID": 100000,
        "size": 1000
      },
      {
        "containerID": 1000,
        "hostID": 1000,
        "size": 1
      },
      {
        "containerID": 1001,
        "hostID": 101001,
        "size": 64535
      }
    ],
    "sysctl": {
      "net.ipv4.ip_unprivileged_port_start": "0",
      "net.ipv4.ping_group_range": "0 2147483647"
    },
    "resources": {
      "memory": {
        "limit": 4294967296,
        "reservation": 2147483648,
        "swappiness": 0,
        "disableOOMKiller": false
      },
      "cpu": {
        "cpus": "0-3",
        "mems": "0"
      },
      "blockIO": {
        "weight": 500,
        "weightDevice": [
          {
            "major": 8,
            "minor": 0,
            "weight": 700,
            "leafWeight": 300
          }
        ],
        "throttleReadBpsDevice": [
          {
            "major": 8,
            "minor": 0,
            "rate": 104857600
          }
        ]
      },
      "network": {
        "classID": 1048577,
        "priorities": [
          {
            "name": "eth0",
            "priority": 5
          }
        ]
      }
    },
    "cgroupsPath": "/ci/b7",
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
        "type": "user"
      },
      {
        "type": "cgroup"
      }
    ],
    "devices": [
      {
        "path": "/dev/fuse",
        "type": "c",
        "major": 10,
        "minor": 229,
        "fileMode": 438,
        "uid": 0,
        "gid": 0
      },
      {
        "path": "/dev/net/tun",
        "type": "c",
        "major": 10,
        "minor": 200,
        "fileMode": 438
      }
    ],
    "rootfsPropagation": "rslave",
    "maskedPaths": [
      "/proc/kcore",
      "/proc/keys",
      "/sys/firmware"
    ],
    "readonlyPaths": [
      "/proc/sys",
      "/proc/sysrq-trigger"
    ],
    "mountLabel": "system_u:object_r:container_file_t:s0:c120,c945",
    "personality": {
      "domain": "LINUX"
    }
  }
}
`

// at returns the value Go holds at /process/capabilities/inheritable (false where it holds none) and
// the struct it is a field of (nil when it is not a struct field).
func at(s *Spec) (interface{}, interface{}, bool) {
	var parent interface{}
	v0 := s
	parent = v0
	v1 := v0.Process
	if v1 == nil {
		return nil, nil, false
	}
	parent = v1
	v2 := v1.Capabilities
	if v2 == nil {
		return nil, nil, false
	}
	parent = v2
	v3 := v2.Inheritable
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
