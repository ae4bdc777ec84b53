#!/usr/bin/env python3
"""mutate.py - random checkpoint/restore spec pairs for differential testing
of `specdiff check` against gVisor's own validation code (tools/gvdiff/run.sh).

    mutate.py SEED N OUTDIR BASE.json...   writes OUTDIR/NNNNN-{l,r}.json and
                                           prints "LEFT RIGHT" lines

Each pair starts from one base spec; the checkpoint side gets a few random
edits, the restore side a copy of it with a few more.  The edits are what
tells Go's view of a spec apart from its text: nil / empty / absent maps and
lists, reordered and duplicated list items, case-variant and duplicate keys,
number spellings, the runtime-spec 1.2 fields, /dev/nvidiaN devices, gVisor
annotations, argv[0] spellings.  Objects are lists of (key, value) pairs so
that a key can occur twice; the writer prints them as given.
"""
import copy
import json
import os
import random
import sys


class Obj(list):
    """A JSON object as an ordered list of [key, value] pairs."""

    def get(self, k, default=None):
        for kv in reversed(self):
            if kv[0] == k:
                return kv[1]
        return default

    def set(self, k, v):
        for kv in self:
            if kv[0] == k:
                kv[1] = v
                return
        self.append([k, v])

    def drop(self, k):
        self[:] = [kv for kv in self if kv[0] != k]


class Raw(str):
    """A number spelled exactly as given."""


def to_obj(v):
    if isinstance(v, dict):
        return Obj([[k, to_obj(x)] for k, x in v.items()])
    if isinstance(v, list):
        return [to_obj(x) for x in v]
    return v


def write(v, out):
    if isinstance(v, Obj):
        out.append("{")
        for i, (k, x) in enumerate(v):
            if i:
                out.append(",")
            out.append(json.dumps(k, ensure_ascii=False))
            out.append(":")
            write(x, out)
        out.append("}")
    elif isinstance(v, list):
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(",")
            write(x, out)
        out.append("]")
    elif isinstance(v, Raw):
        out.append(str(v))
    else:
        out.append(json.dumps(v, ensure_ascii=False))


def path_obj(spec, *keys, create=True):
    o = spec
    for k in keys:
        n = o.get(k)
        if not isinstance(n, Obj):
            if not create:
                return None
            n = Obj()
            o.set(k, n)
        o = n
    return o


R = random.Random()

MAPS = [("linux", "sysctl"), ("annotations",), ("linux", "timeOffsets"),
        ("linux", "resources", "unified"), ("linux", "resources", "rdma")]
LISTS = [("linux", "maskedPaths"), ("linux", "readonlyPaths"), ("process", "env"),
         ("process", "args"), ("process", "rlimits"), ("linux", "namespaces"),
         ("linux", "uidMappings"), ("linux", "gidMappings"), ("linux", "devices"),
         ("process", "capabilities", "bounding"), ("process", "capabilities", "effective"),
         ("process", "capabilities", "ambient"), ("process", "user", "additionalGids"),
         ("mounts",), ("linux", "resources", "hugepageLimits"), ("process", "scheduler", "flags"),
         ("linux", "seccomp", "architectures")]
SAMPLE = {
    "sysctl": lambda: Obj([["net.ipv4.ip_forward", R.choice(["1", "0"])]]),
    "annotations": lambda: Obj([[R.choice(["dev.gvisor.spec.mount.a.source", "dev.gvisor.internal.x",
                                          "dev.gvisor.container-name-remap.c", "dev.gvisor.flag.debug",
                                          "dev.gvisor.flag.platform", "io.k8s.x", "dev.gvisor.spec.mount.source"]),
                                 R.choice(["a", "b", ""])]]),
    "timeOffsets": lambda: Obj([[R.choice(["monotonic", "boottime"]), Obj([["secs", R.choice([0, 1, 3600])], ["nanosecs", 0]])]]),
    "unified": lambda: Obj([["memory.high", R.choice(["1", "2"])]]),
    "rdma": lambda: Obj([["mlx5_1", Obj([["hcaHandles", 3]]) if R.random() < .5 else Obj()]]),
    "maskedPaths": lambda: R.choice(["/proc/kcore", "/proc/keys", "/sys/firmware"]),
    "readonlyPaths": lambda: R.choice(["/proc/bus", "/proc/sys"]),
    "env": lambda: R.choice(["A=1", "PATH=/bin", "B="]),
    "args": lambda: R.choice(["sh", "./exe", "/bin/exe", "/usr/bin/exe", "-c", "x"]),
    "rlimits": lambda: Obj([["type", R.choice(["RLIMIT_NOFILE", "RLIMIT_NPROC"])], ["hard", R.choice([1024, 4096])], ["soft", 1024]]),
    "namespaces": lambda: Obj([["type", R.choice(["pid", "network", "ipc", "uts", "mount"])]] +
                              ([["path", R.choice(["/proc/1/ns/net", ""])]] if R.random() < .3 else [])),
    "uidMappings": lambda: Obj([["containerID", 0], ["hostID", R.choice([1000, 2000])], ["size", 65536]]),
    "gidMappings": lambda: Obj([["containerID", 0], ["hostID", R.choice([1000, 2000])], ["size", 65536]]),
    "devices": lambda: R.choice([
        Obj([["path", "/dev/nvidia0"], ["type", "c"], ["major", 195], ["minor", 0]]),
        Obj([["path", "/dev/nvidia%d" % R.choice([1, 7, 247, 248])], ["type", "c"], ["major", 195], ["minor", R.choice([1, 7, 247, 248])]]),
        Obj([["path", "/dev/nvidiactl"], ["type", "c"], ["major", 195], ["minor", 255]]),
        Obj([["path", "/dev/nvidia007"], ["type", "c"], ["major", 195], ["minor", 7]]),
        Obj([["path", "/dev/fuse"], ["type", "c"], ["major", 10], ["minor", 229]]),
        Obj([["path", "/dev/fuse"], ["type", "c"], ["major", 10], ["minor", R.choice([229, 230])], ["fileMode", 438]]),
    ]),
    "bounding": lambda: R.choice(["CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW"]),
    "effective": lambda: R.choice(["CAP_CHOWN", "CAP_KILL"]),
    "ambient": lambda: R.choice(["CAP_CHOWN", "CAP_KILL"]),
    "additionalGids": lambda: R.choice([1, 2, 10]),
    "mounts": lambda: Obj([["destination", R.choice(["/proc", "/dev", "/tmp", "/data"])],
                           ["type", R.choice(["proc", "tmpfs", "bind"])],
                           ["source", R.choice(["proc", "tmpfs", "/a", "/b"])]] +
                          ([["options", R.sample(["nosuid", "noexec", "ro", "rbind"], R.randint(0, 3))]] if R.random() < .7 else [])),
    "hugepageLimits": lambda: Obj([["pageSize", R.choice(["2MB", "1GB"])], ["limit", R.choice([0, 1024])]]),
    "flags": lambda: R.choice(["SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_RECLAIM"]),
    "architectures": lambda: R.choice(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"]),
}


def set_at(spec, keys, value):
    parent = path_obj(spec, *keys[:-1])
    if value is ABSENT:
        parent.drop(keys[-1])
    else:
        parent.set(keys[-1], value)


ABSENT = object()


def edit_map(spec):
    keys = R.choice(MAPS)
    choice = R.random()
    if choice < .25:
        set_at(spec, keys, ABSENT)
    elif choice < .4:
        set_at(spec, keys, None)
    elif choice < .65:
        set_at(spec, keys, Obj())
    else:
        m = SAMPLE[keys[-1]]()
        if R.random() < .3:
            m.extend(SAMPLE[keys[-1]]())
        set_at(spec, keys, m)


def edit_list(spec):
    keys = R.choice(LISTS)
    parent = path_obj(spec, *keys[:-1])
    cur = parent.get(keys[-1])
    choice = R.random()
    if choice < .15:
        set_at(spec, keys, ABSENT)
    elif choice < .25:
        set_at(spec, keys, None)
    elif choice < .4:
        set_at(spec, keys, [])
    elif choice < .55 and isinstance(cur, list) and len(cur) > 1:
        cur = list(cur)
        R.shuffle(cur)
        set_at(spec, keys, cur)
    elif choice < .65 and isinstance(cur, list) and cur:
        set_at(spec, keys, cur + [copy.deepcopy(R.choice(cur))])
    elif choice < .8 and isinstance(cur, list) and cur:
        cur = list(cur)
        del cur[R.randrange(len(cur))]
        set_at(spec, keys, cur)
    else:
        base = list(cur) if isinstance(cur, list) else []
        set_at(spec, keys, base + [SAMPLE[keys[-1]]() for _ in range(R.randint(1, 2))])


def edit_scalar(spec):
    what = R.randrange(12)
    proc = path_obj(spec, "process")
    if what == 0:
        proc.set("cwd", R.choice(["/", "/app", "/work", ""]))
    elif what == 1:
        proc.set("terminal", R.choice([True, False]))
    elif what == 2:
        spec.set("ociVersion", R.choice(["1.0.2", "1.0.2-dev", "1.1.0"]))
    elif what == 3:
        path_obj(spec, "root").set("readonly", R.choice([True, False]))
    elif what == 4:
        spec.set("hostname", R.choice(["a", "b"]))
    elif what == 5:
        path_obj(spec, "linux", "resources", "pids").set("limit", R.choice([Raw("100"), Raw("200"), Raw("-0"), Raw("100.0"), Raw("1e2")]))
    elif what == 6:
        path_obj(spec, "linux", "resources", "memory").set("limit", R.choice([1 << 30, 2 << 30, Raw("1073741824")]))
    elif what == 7:
        path_obj(spec, "process", "user").set("uid", R.choice([0, 1000, Raw("1000.0"), Raw("-1")]))
    elif what == 8:
        proc.set("oomScoreAdj", R.choice([0, 100, None]))
    elif what == 9:
        path_obj(spec, "linux").set("rootfsPropagation", R.choice(["rslave", "private", ""]))
    elif what == 10:
        path_obj(spec, "linux").set("cgroupsPath", R.choice(["/a", "/b"]))
    else:
        path_obj(spec, "process").set("noNewPrivileges", R.choice([True, False]))


def edit_12(spec):
    """The runtime-spec 1.2 fields."""
    proc = path_obj(spec, "process")
    what = R.randrange(7)
    if what == 0:
        proc.set("scheduler", R.choice([Obj(), Obj([["policy", "SCHED_OTHER"]]), Obj([["policy", "SCHED_OTHER"], ["flags", []]]),
                                        Obj([["policy", "SCHED_BATCH"], ["nice", R.choice([0, 5])]])]))
    elif what == 1:
        proc.set("ioPriority", R.choice([Obj(), Obj([["class", "IOPRIO_CLASS_BE"], ["priority", R.choice([0, 4])]])]))
    elif what == 2:
        proc.set("execCPUAffinity", R.choice([Obj(), Obj([["initial", "0-3"]]), Obj([["final", "1"]])]))
    elif what == 3:
        path_obj(spec, "linux").set("timeOffsets", R.choice([Obj(), Obj([["monotonic", Obj()]]),
                                                             Obj([["boottime", Obj([["secs", R.choice([1, 2, Raw("1.0")])]])]]),
                                                             Obj([["other", 1]])]))
    elif what == 4:
        proc.drop(R.choice(["scheduler", "ioPriority", "execCPUAffinity"]))
    elif what == 5:
        path_obj(spec, "linux").drop("timeOffsets")
    else:
        path_obj(spec, "linux").set("memoryPolicy", Obj([["mode", "MPOL_BIND"]]))


def edit_keys(spec):
    """Case-variant and duplicate keys."""
    what = R.randrange(4)
    linux = path_obj(spec, "linux")
    if what == 0:
        # a case-variant key: Go fills the same field
        for kv in linux:
            if kv[0] == "sysctl":
                kv[0] = R.choice(["Sysctl", "SYSCTL", "ſysctl"])
                return
        linux.append([R.choice(["Sysctl", "SYSCTL"]), Obj([["kernel.x", "1"]]) if R.random() < .5 else Obj()])
    elif what == 1:
        # a duplicate key: the later one wins / merges
        linux.append(["sysctl", R.choice([Obj(), None, Obj([["a", "1"]])])])
    elif what == 2:
        spec.append(["process", Obj([["cwd", R.choice(["/", "/x"])]])])
    else:
        path_obj(spec, "process").append(["args", R.choice([[], None, ["sh"]])])


def edit_args(spec):
    proc = path_obj(spec, "process")
    cwd = proc.get("cwd") or "/"
    args = proc.get("args")
    args = list(args) if isinstance(args, list) and args else ["exe"]
    args[0] = R.choice(["./exe", cwd.rstrip("/") + "/exe", "/usr/bin/exe", "/bin/exe", "exe", "./x/../exe"])
    proc.set("args", args)


EDITS = [edit_map] * 4 + [edit_list] * 5 + [edit_scalar] * 3 + [edit_12] * 3 + [edit_keys] * 2 + [edit_args]


def mutate(spec, n):
    for _ in range(n):
        R.choice(EDITS)(spec)


def main():
    seed, n, outdir, bases = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    R.seed(seed)
    specs = [to_obj(json.load(open(b))) for b in bases]
    os.makedirs(outdir, exist_ok=True)
    for i in range(n):
        left = copy.deepcopy(R.choice(specs))
        mutate(left, R.randint(0, 3))
        right = copy.deepcopy(left)
        mutate(right, R.randint(0, 2))
        names = []
        for side, spec in (("l", left), ("r", right)):
            out = []
            write(spec, out)
            name = os.path.join(outdir, "%05d-%s.json" % (i, side))
            with open(name, "w") as f:
                f.write("".join(out))
            names.append(name)
        print(names[0], names[1])


if __name__ == "__main__":
    main()
