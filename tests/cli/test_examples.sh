#!/bin/sh
# test_examples.sh - the examples' READMEs quote Go's verdicts (computed
# with the reference oracle); specdiff must keep giving the same answers.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."

# verdict DIR DIFF SEMANTIC CHECK CHECK_AS_GIVEN "PATH CLASS;..."
verdict() {
	d=examples/$1
	run "$SPECDIFF" diff "$d/checkpoint.json" "$d/restore.json"
	expect_rc "$2"
	run "$SPECDIFF" diff --mode semantic "$d/checkpoint.json" "$d/restore.json"
	expect_rc "$3"
	run "$SPECDIFF" check "$d/checkpoint.json" "$d/restore.json"
	expect_rc "$4"
	run "$SPECDIFF" check --as-given "$d/checkpoint.json" "$d/restore.json"
	expect_rc "$5"
	[ "$2" = 2 ] && return
	run "$SPECDIFF" diff --format json "$d/checkpoint.json" "$d/restore.json"
	got=$(grep -o '"path":"[^"]*","class":"[^"]*"' "$out" | grep -v '"cosmetic"' |
		sed 's/"path":"\([^"]*\)","class":"\([^"]*\)"/\1 \2;/' | tr -d '\n')
	expect_eq "$got" "$6" "$1: diffs"
}

verdict sysctl-nil-vs-empty 1 0 1 1 "/linux/sysctl nil-vs-empty;"
verdict nil-vs-empty-slice 1 0 1 1 "/linux/maskedPaths nil-vs-empty;"
verdict absent-vs-zero-value 0 0 0 0 ""
verdict pointer-to-zero-struct 1 1 1 1 "/linux/resources value;"
verdict key-case-folding 0 0 0 0 ""
verdict duplicate-keys-merge 0 0 0 0 ""
verdict number-spellings 2 2 2 2 ""
verdict runsc-round-trip 0 0 1 0 ""
verdict realistic-restore-failure 1 1 1 1 \
	"/process/capabilities/ambient nil-vs-empty;/linux/sysctl nil-vs-empty;/linux/resources/memory/limit value;/linux/rootfsPropagation value;"

# the first errors the READMEs quote
d=examples/realistic-restore-failure
run "$SPECDIFF" check --profile gvisor-2024 $d/checkpoint.json $d/restore.json
expect_out "Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]"
run "$SPECDIFF" check --runsc release-20250820.0 $d/checkpoint.json $d/restore.json
expect_out "Capabilities does not match"
run "$SPECDIFF" check --profile gvisor-20250915 $d/checkpoint.json $d/restore.json
expect_out "Linux does not match"
expect_out "specs.Linux.Resources has been changed during restore, err Resources does not match"
d=examples/runsc-round-trip
run "$SPECDIFF" check --profile gvisor-20241118 $d/checkpoint.json $d/restore.json
expect_out "Capabilities does not match"
run "$SPECDIFF" check --profile gvisor-20250915 $d/checkpoint.json $d/restore.json
expect_rc 0
d=examples/pointer-to-zero-struct
run "$SPECDIFF" check --profile gvisor-20241210 $d/checkpoint.json $d/restore.json
expect_out "Resources does not match across checkpoint restore for container: __no_name_0, checkpoint <nil> restore &{[] <nil> <nil> <nil> <nil> [] <nil> map[] map[]}"
run "$SPECDIFF" check --profile gvisor-20241217 $d/checkpoint.json $d/restore.json
expect_rc 0
d=examples/number-spellings
run "$SPECDIFF" diff $d/checkpoint.json $d/restore.json
expect_err "json: cannot unmarshal number 4096.0 into Go struct field LinuxPids.linux.resources.pids.limit of type int64"

t_done
