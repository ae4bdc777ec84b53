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

// tests/conformance/cases/002-incident-sysctl-absent-vs-empty/left.json, as json.Unmarshal reads it
const left = `{
  "ociVersion": "1.1.0",
  "process": {
    "user": {
      "uid": 65532,
      "gid": 65532,
      "additionalGids": [
        65532,
        1337,
        2000
      ]
    },
    "args": [
      "/usr/local/bin/payments-api",
      "--port=8443",
      "--log-level=info"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=payments-api-7d9c6b5f4-x2k8q",
      "GOMAXPROCS=2",
      "KUBERNETES_SERVICE_HOST=10.96.0.1",
      "KUBERNETES_SERVICE_PORT=443",
      "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443"
    ],
    "cwd": "/app",
    "capabilities": {
      "bounding": [
        "CAP_CHOWN",
        "CAP_DAC_OVERRIDE",
        "CAP_FSETID",
        "CAP_FOWNER",
        "CAP_MKNOD",
        "CAP_NET_RAW",
        "CAP_SETGID",
        "CAP_SETUID",
        "CAP_SETFCAP",
        "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE",
        "CAP_SYS_CHROOT",
        "CAP_KILL",
        "CAP_AUDIT_WRITE"
      ],
      "effective": [
        "CAP_NET_BIND_SERVICE"
      ],
      "permitted": [
        "CAP_NET_BIND_SERVICE"
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1048576,
        "soft": 1048576
      },
      {
        "type": "RLIMIT_MEMLOCK",
        "hard": 18446744073709551615,
        "soft": 18446744073709551615
      },
      {
        "type": "RLIMIT_CORE",
        "hard": 0,
        "soft": 0
      }
    ],
    "noNewPrivileges": true,
    "apparmorProfile": "cri-containerd.apparmor.d",
    "oomScoreAdj": 969
  },
  "root": {
    "path": "/run/containerd/io.containerd.runtime.v2.task/k8s.io/3f1c9e0b7a2d/rootfs"
  },
  "mounts": [
    {
      "destination": "/proc",
      "type": "proc",
      "source": "proc",
      "options": [
        "nosuid",
        "noexec",
        "nodev"
      ]
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
      "destination": "/etc/hosts",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/etc-hosts",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/dev/termination-log",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/containers/payments-api/1a2b3c4d",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/etc/hostname",
      "type": "bind",
      "source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/hostname",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/etc/resolv.conf",
      "type": "bind",
      "source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/resolv.conf",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/dev/shm",
      "type": "bind",
      "source": "/run/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/shm",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/var/run/secrets/kubernetes.io/serviceaccount",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~projected/kube-api-access-7q2xv",
      "options": [
        "rbind",
        "rprivate",
        "ro"
      ]
    },
    {
      "destination": "/data/cache",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~empty-dir/cache",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    }
  ],
  "annotations": {
    "io.kubernetes.cri.container-name": "payments-api",
    "io.kubernetes.cri.container-type": "container",
    "io.kubernetes.cri.image-name": "registry.example.com/payments/api:1.42.0",
    "io.kubernetes.cri.sandbox-id": "9e8d7c6b5a41",
    "io.kubernetes.cri.sandbox-name": "payments-api-7d9c6b5f4-x2k8q",
    "io.kubernetes.cri.sandbox-namespace": "payments",
    "io.kubernetes.cri.sandbox-uid": "5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30",
    "dev.gvisor.spec.mount.cache.share": "container",
    "dev.gvisor.spec.mount.cache.type": "tmpfs",
    "dev.gvisor.spec.mount.cache.options": "rw,rprivate",
    "dev.gvisor.spec.mount.cache.source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~empty-dir/cache",
    "dev.gvisor.internal.nvproxy": "false"
  },
  "linux": {
    "resources": {
      "devices": [
        {
          "allow": false,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 1,
          "minor": 3,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 1,
          "minor": 8,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 5,
          "minor": 0,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 136,
          "access": "rwm"
        }
      ],
      "memory": {
        "limit": 536870912,
        "swap": 536870912
      },
      "cpu": {
        "shares": 512,
        "quota": 50000,
        "period": 100000
      },
      "pids": {
        "limit": 4096
      },
      "hugepageLimits": [
        {
          "pageSize": "2MB",
          "limit": 0
        },
        {
          "pageSize": "1GB",
          "limit": 0
        }
      ],
      "unified": {
        "memory.oom.group": "1",
        "memory.high": "483183820"
      }
    },
    "cgroupsPath": "kubepods-burstable-pod5b0e2f61_8c1d_4f0e_9a57_2d7b1e4c9f30.slice:cri-containerd:3f1c9e0b7a2d",
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "ipc",
        "path": "/proc/41872/ns/ipc"
      },
      {
        "type": "uts",
        "path": "/proc/41872/ns/uts"
      },
      {
        "type": "mount"
      },
      {
        "type": "network",
        "path": "/var/run/netns/cni-6f1e3c2a-9b7d-4e0f-8a1c-2b3d4e5f6a7b"
      }
    ],
    "seccomp": {
      "defaultAction": "SCMP_ACT_ERRNO",
      "defaultErrnoRet": 1,
      "architectures": [
        "SCMP_ARCH_X86_64",
        "SCMP_ARCH_X86",
        "SCMP_ARCH_X32"
      ],
      "syscalls": [
        {
          "names": [
            "accept",
            "accept4",
            "bind",
            "brk",
            "clock_gettime",
            "close",
            "connect",
            "epoll_create1",
            "epoll_ctl",
            "epoll_pwait",
            "exit_group",
            "fcntl",
            "fstat",
            "futex",
            "getpid",
            "mmap",
            "munmap",
            "openat",
            "read",
            "write"
          ],
          "action": "SCMP_ACT_ALLOW"
        },
        {
          "names": [
            "personality"
          ],
          "action": "SCMP_ACT_ALLOW",
          "args": [
            {
              "index": 0,
              "value": 0,
              "op": "SCMP_CMP_EQ"
            }
          ]
        },
        {
          "names": [
            "personality"
          ],
          "action": "SCMP_ACT_ALLOW",
          "args": [
            {
              "index": 0,
              "value": 4294967295,
              "op": "SCMP_CMP_EQ"
            }
          ]
        },
        {
          "names": [
            "ptrace"
          ],
          "action": "SCMP_ACT_ERRNO",
          "errnoRet": 1
        }
      ]
    },
    "maskedPaths": [
      "/proc/asound",
      "/proc/acpi",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/proc/scsi",
      "/sys/firmware",
      "/sys/devices/virtual/powercap"
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

// tests/conformance/cases/002-incident-sysctl-absent-vs-empty/right.json, as json.Unmarshal reads it
const right = `{
  "ociVersion": "1.1.0",
  "process": {
    "user": {
      "uid": 65532,
      "gid": 65532,
      "additionalGids": [
        65532,
        1337,
        2000
      ]
    },
    "args": [
      "/usr/local/bin/payments-api",
      "--port=8443",
      "--log-level=info"
    ],
    "env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=payments-api-7d9c6b5f4-x2k8q",
      "GOMAXPROCS=2",
      "KUBERNETES_SERVICE_HOST=10.96.0.1",
      "KUBERNETES_SERVICE_PORT=443",
      "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443"
    ],
    "cwd": "/app",
    "capabilities": {
      "bounding": [
        "CAP_CHOWN",
        "CAP_DAC_OVERRIDE",
        "CAP_FSETID",
        "CAP_FOWNER",
        "CAP_MKNOD",
        "CAP_NET_RAW",
        "CAP_SETGID",
        "CAP_SETUID",
        "CAP_SETFCAP",
        "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE",
        "CAP_SYS_CHROOT",
        "CAP_KILL",
        "CAP_AUDIT_WRITE"
      ],
      "effective": [
        "CAP_NET_BIND_SERVICE"
      ],
      "permitted": [
        "CAP_NET_BIND_SERVICE"
      ]
    },
    "rlimits": [
      {
        "type": "RLIMIT_NOFILE",
        "hard": 1048576,
        "soft": 1048576
      },
      {
        "type": "RLIMIT_MEMLOCK",
        "hard": 18446744073709551615,
        "soft": 18446744073709551615
      },
      {
        "type": "RLIMIT_CORE",
        "hard": 0,
        "soft": 0
      }
    ],
    "noNewPrivileges": true,
    "apparmorProfile": "cri-containerd.apparmor.d",
    "oomScoreAdj": 969
  },
  "root": {
    "path": "/run/containerd/io.containerd.runtime.v2.task/k8s.io/3f1c9e0b7a2d/rootfs"
  },
  "mounts": [
    {
      "destination": "/proc",
      "type": "proc",
      "source": "proc",
      "options": [
        "nosuid",
        "noexec",
        "nodev"
      ]
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
      "destination": "/etc/hosts",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/etc-hosts",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/dev/termination-log",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/containers/payments-api/1a2b3c4d",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/etc/hostname",
      "type": "bind",
      "source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/hostname",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/etc/resolv.conf",
      "type": "bind",
      "source": "/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/resolv.conf",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/dev/shm",
      "type": "bind",
      "source": "/run/containerd/io.containerd.grpc.v1.cri/sandboxes/9e8d7c6b5a41/shm",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    },
    {
      "destination": "/var/run/secrets/kubernetes.io/serviceaccount",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~projected/kube-api-access-7q2xv",
      "options": [
        "rbind",
        "rprivate",
        "ro"
      ]
    },
    {
      "destination": "/data/cache",
      "type": "bind",
      "source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~empty-dir/cache",
      "options": [
        "rbind",
        "rprivate",
        "rw"
      ]
    }
  ],
  "annotations": {
    "io.kubernetes.cri.container-name": "payments-api",
    "io.kubernetes.cri.container-type": "container",
    "io.kubernetes.cri.image-name": "registry.example.com/payments/api:1.42.0",
    "io.kubernetes.cri.sandbox-id": "9e8d7c6b5a41",
    "io.kubernetes.cri.sandbox-name": "payments-api-7d9c6b5f4-x2k8q",
    "io.kubernetes.cri.sandbox-namespace": "payments",
    "io.kubernetes.cri.sandbox-uid": "5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30",
    "dev.gvisor.spec.mount.cache.share": "container",
    "dev.gvisor.spec.mount.cache.type": "tmpfs",
    "dev.gvisor.spec.mount.cache.options": "rw,rprivate",
    "dev.gvisor.spec.mount.cache.source": "/var/lib/kubelet/pods/5b0e2f61-8c1d-4f0e-9a57-2d7b1e4c9f30/volumes/kubernetes.io~empty-dir/cache",
    "dev.gvisor.internal.nvproxy": "false"
  },
  "linux": {
    "resources": {
      "devices": [
        {
          "allow": false,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 1,
          "minor": 3,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 1,
          "minor": 8,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 5,
          "minor": 0,
          "access": "rwm"
        },
        {
          "allow": true,
          "type": "c",
          "major": 136,
          "access": "rwm"
        }
      ],
      "memory": {
        "limit": 536870912,
        "swap": 536870912
      },
      "cpu": {
        "shares": 512,
        "quota": 50000,
        "period": 100000
      },
      "pids": {
        "limit": 4096
      },
      "hugepageLimits": [
        {
          "pageSize": "2MB",
          "limit": 0
        },
        {
          "pageSize": "1GB",
          "limit": 0
        }
      ],
      "unified": {
        "memory.oom.group": "1",
        "memory.high": "483183820"
      }
    },
    "cgroupsPath": "kubepods-burstable-pod5b0e2f61_8c1d_4f0e_9a57_2d7b1e4c9f30.slice:cri-containerd:3f1c9e0b7a2d",
    "namespaces": [
      {
        "type": "pid"
      },
      {
        "type": "ipc",
        "path": "/proc/41872/ns/ipc"
      },
      {
        "type": "uts",
        "path": "/proc/41872/ns/uts"
      },
      {
        "type": "mount"
      },
      {
        "type": "network",
        "path": "/var/run/netns/cni-6f1e3c2a-9b7d-4e0f-8a1c-2b3d4e5f6a7b"
      }
    ],
    "seccomp": {
      "defaultAction": "SCMP_ACT_ERRNO",
      "defaultErrnoRet": 1,
      "architectures": [
        "SCMP_ARCH_X86_64",
        "SCMP_ARCH_X86",
        "SCMP_ARCH_X32"
      ],
      "syscalls": [
        {
          "names": [
            "accept",
            "accept4",
            "bind",
            "brk",
            "clock_gettime",
            "close",
            "connect",
            "epoll_create1",
            "epoll_ctl",
            "epoll_pwait",
            "exit_group",
            "fcntl",
            "fstat",
            "futex",
            "getpid",
            "mmap",
            "munmap",
            "openat",
            "read",
            "write"
          ],
          "action": "SCMP_ACT_ALLOW"
        },
        {
          "names": [
            "personality"
          ],
          "action": "SCMP_ACT_ALLOW",
          "args": [
            {
              "index": 0,
              "value": 0,
              "op": "SCMP_CMP_EQ"
            }
          ]
        },
        {
          "names": [
            "personality"
          ],
          "action": "SCMP_ACT_ALLOW",
          "args": [
            {
              "index": 0,
              "value": 4294967295,
              "op": "SCMP_CMP_EQ"
            }
          ]
        },
        {
          "names": [
            "ptrace"
          ],
          "action": "SCMP_ACT_ERRNO",
          "errnoRet": 1
        }
      ]
    },
    "maskedPaths": [
      "/proc/asound",
      "/proc/acpi",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/proc/scsi",
      "/sys/firmware",
      "/sys/devices/virtual/powercap"
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
