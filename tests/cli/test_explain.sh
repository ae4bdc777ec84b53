#!/bin/sh
# test_explain.sh - specdiff explain 'ERROR TEXT' [CHECKPOINT RESTORE]
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
EX=examples/sysctl-nil-vs-empty
M="does not match across checkpoint restore for container:"

# The incident line of DESIGN section 1, as pasted (wrapped).
INCIDENT='starting container: restoring container "ta-01JE9T1CYP1RK3DHNC021PYWWF":
Sysctl does not match across checkpoint restore for container: __no_name_0,
checkpoint map[] restore map[]'

run "$SPECDIFF" explain "$INCIDENT"
expect_rc 0
expect_out "Field: Sysctl"
expect_out "JSON paths: /linux/sysctl"
expect_out "ta-01JE9T1CYP1RK3DHNC021PYWWF"
expect_out "reflect.DeepEqual"
expect_out "map[string]string(nil) vs"
expect_out "specdiff normalize --like-roundtrip --like CHECKPOINT RESTORE"
expect_out "release-20241210.0 or later"
expect_out "--restore-spec-validation=warning"
expect_out "gvisor-2024 .. gvisor-20241202"
expect_out "release-20241104.0 .. release-20241202.0"

# standard input
printf '%s\n' "$INCIDENT" >"$T_TMP/line"
run sh -c "\"$SPECDIFF\" explain - <\"$T_TMP/line\""
expect_rc 0
expect_out "JSON paths: /linux/sysctl"

# with both specs: the node, with FILE:LINE on each side
run "$SPECDIFF" explain "$INCIDENT" $EX/checkpoint.json $EX/restore.json
expect_rc 0
expect_out "/linux/sysctl  nil-vs-empty"
expect_out "$EX/checkpoint.json  (absent)"
expect_out "$EX/restore.json:197:13  {}"
expect_out "specdiff normalize --like-roundtrip --like $EX/checkpoint.json $EX/restore.json -o $EX/restore.fixed.json"

# identical files with "sysctl": {}: no difference as given, but explain
# compares runsc's stored copy (the round trip check applies) and shows it
run "$SPECDIFF" explain "$INCIDENT" $EX/restore.json $EX/restore.json
expect_rc 0
expect_out "(checkpoint, after runsc's JSON round trip as check applies it)"
expect_out "/linux/sysctl  nil-vs-empty"
expect_out "checkpoint: $EX/restore.json:197:13  {}"
expect_out "runsc's stored copy holds nil here: json.Marshal dropped the empty value"

# the newer message format (%q names, %#v values)
run "$SPECDIFF" explain "failed to validate spec for container \"web\": \"Sysctl\" $M \"__no_name_0\", checkpoint map[string]string(nil) restore map[string]string{}"
expect_rc 0
expect_out "%q names and %#v values"
expect_out "the checkpoint side is nil"
expect_out "JSON paths: /linux/sysctl"
run "$SPECDIFF" explain "\"Mounts\" $M \"__no_name_0\", checkpoint []specs.Mount{specs.Mount{Destination:\"/proc\", Type:\"proc\", Source:\"proc\", Options:[]string(nil)}} restore []specs.Mount(nil)"
expect_rc 0
expect_out "Field: Mounts"
expect_out "JSON paths: /mounts"

# the other fields of the table
run "$SPECDIFF" explain "failed to validate restore spec: Capabilities $M __no_name_0, checkpoint <nil> restore &{[] [] [] [] []}"
expect_rc 0
expect_out "JSON paths: /process/capabilities"
expect_out "release-20250915.0"
run "$SPECDIFF" explain "Resources.HugepageLimits $M __no_name_0, checkpoint &{} restore &{}"
expect_rc 0
expect_out "JSON paths: /linux/resources/hugepageLimits"
run "$SPECDIFF" explain "OCI Version $M __no_name_0, checkpoint 1.1.0 restore 1.2.0"
expect_rc 0
expect_out "JSON paths: /ociVersion"
run "$SPECDIFF" explain "Linux $M __no_name_0, checkpoint &{1.0.2 0xc000123456} restore &{1.0.2 0xc000654321}"
expect_rc 0
expect_out "/linux/maskedPaths"
expect_out "0xADDR"
expect_out "addresses"
run "$SPECDIFF" explain "Seccomp $M __no_name_0, checkpoint &{ <nil> [] []   []} restore &{ <nil> [] []   []}"
expect_rc 0
expect_out "nil slice and an empty slice"
run "$SPECDIFF" explain "Namespace $M __no_name_0, checkpoint [{pid } {ipc }] restore [{pid }], got error length mismatch"
expect_rc 0
expect_out "got error:  length mismatch"
expect_out "compares lengths"
run "$SPECDIFF" explain "duplicate device found in the spec [{/dev/fuse c 10 229 -rw-rw-rw- 0xADDR 0xADDR} {/dev/fuse c 10 229 -rw-rw-rw- 0xADDR 0xADDR}] before checkpoint for container __no_name_0"
expect_rc 0
expect_out "JSON paths: /linux/devices"
expect_out "twice"
run "$SPECDIFF" explain "specs.Linux.Resources has been changed during restore, err Resources $M __no_name_0, checkpoint <nil> restore &{[] <nil> <nil> <nil> <nil> [] <nil> map[] map[]}"
expect_rc 0
expect_out "resources warning"
expect_out "warning, not the failure"

# given specs, a field points only at the nodes it covers
run "$SPECDIFF" explain "Mounts $M __no_name_0, checkpoint [] restore []" $EX/checkpoint.json $EX/restore.json
expect_rc 0
expect_no_out "/linux/sysctl  nil-vs-empty"
expect_out "No difference under these paths"

# not understood: exit 2 and say what was expected
run "$SPECDIFF" explain "permission denied"
expect_rc 2
expect_err "expected"
expect_err "does not match across checkpoint restore"
run "$SPECDIFF" explain "Sysctl $M __no_name_0"
expect_rc 2
expect_err "cut short"
run "$SPECDIFF" explain
expect_rc 2
run "$SPECDIFF" explain "$INCIDENT" $EX/checkpoint.json
expect_rc 2
run "$SPECDIFF" explain "$INCIDENT" $EX/checkpoint.json "$T_TMP/missing.json"
expect_rc 2
expect_err "missing.json"
run "$SPECDIFF" explain --help
expect_rc 0
expect_out "usage: specdiff explain"

t_done
