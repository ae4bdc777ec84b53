#!/bin/sh
# specdiff diff --ignore / --only / --restore-relevant / --show-ignored:
# exit statuses, the text and JSON reports, the unmatched-pattern warning,
# usage errors.
cd "$(dirname "$0")/../.."
. tests/lib.sh
T=$T_TMP

cat >"$T/l.json" <<'EOF'
{"ociVersion": "1.0.2", "hostname": "a",
 "annotations": {"example.com/x": "1", "dev.gvisor.y": "1", "a~b": "1"},
 "mounts": [{"destination": "/data", "source": "/src/a", "type": "bind"}],
 "process": {"cwd": "/", "args": ["/usr/bin/app"], "env": ["A=1"]},
 "linux": {"sysctl": {"net.x": "1"}}}
EOF
cat >"$T/r.json" <<'EOF'
{"ociVersion": "1.0.2", "hostname": "b",
 "annotations": {"example.com/x": "2", "dev.gvisor.y": "1", "a~b": "2"},
 "mounts": [{"destination": "/data", "source": "/src/b", "type": "bind"}],
 "process": {"cwd": "/", "args": ["/bin/app"], "env": ["A=2"]},
 "linux": {"sysctl": {"net.x": "1"}}}
EOF

# six value differences without a focus
run "$SPECDIFF" diff "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "6 differences in strict mode"
expect_no_out "ignored:"

# --ignore: not counted, not listed, counted in the summary
run "$SPECDIFF" diff --ignore /hostname --ignore '/mounts/*/source' "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "4 differences in strict mode"
expect_no_out "[value] /hostname"
expect_out "; ignored: 2"
expect_no_out "ignored (not counted)"
run "$SPECDIFF" diff --show-ignored --ignore /hostname --ignore '/mounts/*/source' "$T/l.json" "$T/r.json"
expect_out "ignored (not counted):"
expect_out "  [value] /hostname"
expect_out "  [value] /mounts/0/source"

# escapes: ~1 is '/', ~0 is '~'; a glob inside a key
run "$SPECDIFF" diff --ignore '/annotations/example.com~1x' --ignore '/annotations/a~0b' \
	--ignore /hostname --ignore '/mounts/**' --ignore /process "$T/l.json" "$T/r.json"
expect_rc 0
expect_out "0 differences in strict mode"
expect_out "; ignored: 6"
run "$SPECDIFF" diff --ignore '/annotations/*.com*' --only /annotations "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "[value] /annotations/a~0b"
expect_no_out "[value] /annotations/example.com~1x"
expect_out "; ignored: 5"

# --only keeps a subtree; several --only add up
run "$SPECDIFF" diff --only '/process/**' "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "2 differences in strict mode"
expect_out "[value] /process/env/0"
run "$SPECDIFF" diff --only /linux "$T/l.json" "$T/r.json"
expect_rc 0
expect_out "; ignored: 6"

# JSON: "diffs" and the verdicts after the focus, "ignored" in the same shape
run "$SPECDIFF" diff --format json --only /hostname "$T/l.json" "$T/r.json"
expect_rc 1
expect_out '"strict_equal":false'
expect_out '"diffs":['
expect_out '{"path":"/hostname","class":"value","left":{"line":1,"column":'
expect_out '"ignored":['
expect_out '{"path":"/process/env/0","class":"value","left":{"line":'
run "$SPECDIFF" diff --format json --ignore /hostname --ignore /mounts --ignore /annotations \
	--ignore /process "$T/l.json" "$T/r.json"
expect_rc 0
expect_out '"strict_equal":true,"semantic_equal":true,"mode":"strict","equal":true,"diffs":[],"ignored":['
run "$SPECDIFF" diff --format json "$T/l.json" "$T/r.json"
expect_out '"ignored":[]}'

# nil-vs-empty and modes: an ignored nil-vs-empty no longer fails strict mode
printf '{"ociVersion": "1.0.2", "linux": {}}' >"$T/ne-l.json"
printf '{"ociVersion": "1.0.2", "linux": {"sysctl": {}}}' >"$T/ne-r.json"
run "$SPECDIFF" diff "$T/ne-l.json" "$T/ne-r.json"
expect_rc 1
run "$SPECDIFF" diff --ignore /linux/sysctl "$T/ne-l.json" "$T/ne-r.json"
expect_rc 0
run "$SPECDIFF" diff --mode semantic --only /linux/sysctl "$T/ne-l.json" "$T/ne-r.json"
expect_rc 0
expect_out "[nil-vs-empty] /linux/sysctl"

# a pattern that matches nothing in either document draws a warning
run "$SPECDIFF" diff --ignore /hostnam --only /linux/sysctl --ignore /linux/sysctll "$T/ne-l.json" "$T/ne-r.json"
expect_err "specdiff: warning: --ignore /hostnam matches nothing in either document"
expect_err "specdiff: warning: --ignore /linux/sysctll matches nothing in either document"
t_checks=$((t_checks + 1))
! grep -q -- "--only /linux/sysctl" "$err" || t_fail "/linux/sysctl exists on the right"
run "$SPECDIFF" diff --ignore /hostname "$T/ne-l.json" "$T/ne-r.json"
t_checks=$((t_checks + 1))
[ ! -s "$err" ] || t_fail "/hostname is a field of the Go view: no warning"

# --restore-relevant: the newest profile by default, or a named one
run "$SPECDIFF" diff --restore-relevant "$T/ne-l.json" "$T/ne-r.json"
expect_rc 0
expect_out "; ignored: 1"
run "$SPECDIFF" diff --restore-relevant=gvisor-2024 "$T/ne-l.json" "$T/ne-r.json"
expect_rc 1
run "$SPECDIFF" diff --restore-relevant=release-20241210.0 "$T/ne-l.json" "$T/ne-r.json"
expect_rc 0
run "$SPECDIFF" diff --restore-relevant=release-20241118.0 "$T/ne-l.json" "$T/ne-r.json"
expect_rc 1
# hostname, env, mount sources, non-gVisor annotations: not compared;
# argv[0] by basename from release-20260202.0 on
run "$SPECDIFF" diff --restore-relevant --show-ignored "$T/l.json" "$T/r.json"
expect_rc 0
expect_out "  [value] /process/args/0"
run "$SPECDIFF" diff --restore-relevant=gvisor-2025 "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "1 difference in strict mode"
expect_out "[value] /process/args/0"
# combined with --only: both must keep a difference
run "$SPECDIFF" diff --restore-relevant=gvisor-2025 --only /hostname "$T/l.json" "$T/r.json"
expect_rc 0
# documents that would be auto-detected as untyped are decoded as specs
printf '{}' >"$T/empty.json"
printf '' >"$T/empty.yaml"
run "$SPECDIFF" diff --restore-relevant "$T/empty.yaml" "$T/empty.json"
expect_rc 0

# usage errors
run "$SPECDIFF" diff --ignore hostname "$T/l.json" "$T/r.json"
expect_rc 2
expect_err "must start with '/'"
run "$SPECDIFF" diff --only '/a~9' "$T/l.json" "$T/r.json"
expect_rc 2
expect_err "~"
run "$SPECDIFF" diff --restore-relevant=gvisor-1999 "$T/l.json" "$T/r.json"
expect_rc 2
expect_err "unknown profile or release 'gvisor-1999'"
run "$SPECDIFF" diff --restore-relevant --schema none "$T/l.json" "$T/r.json"
expect_rc 2
run "$SPECDIFF" diff --ignore /hostname --format patch "$T/l.json" "$T/r.json"
expect_rc 2
expect_err "do not apply to --format patch"

# help
run "$SPECDIFF" diff --help
expect_rc 0
expect_out "--ignore PATTERN"
expect_out "--restore-relevant[=PROFILE]"
run "$SPECDIFF" --help
expect_out "--ignore PATTERN"

t_done
