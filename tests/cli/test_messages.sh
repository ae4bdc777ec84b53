#!/bin/sh
# test_messages.sh - messages of issue 19 that name the file and say what to
# do, and exit 2 on every command whose standard output cannot be written.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
L=$ROOT/examples/sysctl-nil-vs-empty/checkpoint.json
R=$ROOT/examples/sysctl-nil-vs-empty/restore.json
cd "$T_TMP" || exit 2

# a bad ignore line: said once, with the reason (was "ignore P: ignore P: ern: ...")
printf 'ignore /a/**/b~3\n' > conf
SPECDIFF_CONFIG=$T_TMP/conf run "$SPECDIFF" diff "$L" "$R"
expect_rc 1
expect_err "conf:1: ignore /a/**/b~3: bad escape in pattern: '~' must be followed by 0 (~), 1 (/) or 2 (*) (the line is skipped: fix or remove it)"
expect_eq "$(grep -o 'ignore /a' "$err" | wc -l)" 1 "the pattern is named once"
# a configuration path that is a directory
mkdir cdir
SPECDIFF_CONFIG=$T_TMP/cdir run "$SPECDIFF" diff "$L" "$R"
expect_err "cdir: cannot read the configuration file: it is a directory (name the file itself"

# both inputs standard input
run sh -c "echo '{}' | '$SPECDIFF' diff - -"
expect_rc 2
expect_err "standard input was read already for the other input: only one input can be '-'"
# a pointer with no file there: the file is named
run "$SPECDIFF" diff 'x.json#' "$R"
expect_rc 2
expect_err "specdiff: x.json: cannot open: No such file or directory"
# short option clusters and "-#/pointer"
run "$SPECDIFF" diff -xyz "$L" "$R"
expect_rc 2
expect_err "unknown option '-x' (in '-xyz')"
run sh -c "'$SPECDIFF' diff - '-#/process' < '$L'"
expect_rc 2
expect_err "'-#/process' reads as options; for standard input at a JSON Pointer put it after --: specdiff diff -- '-#/process' ..."
run sh -c "'$SPECDIFF' diff -- '-#/process' '$R#/process' < '$L'"
expect_rc 0
expect_out "--- -#/process"

# standard output that cannot be written: exit 2, as diff(1) does
for cmd in "diff $L $R" "check $L $R" "normalize $L" "--version" "--help" "diff --help" \
	"explain Sysctl~does~not~match~across~checkpoint~restore~for~container:~c,~checkpoint~map[]~restore~map[a:b]"; do
	# shellcheck disable=SC2086
	set -- $(echo "$cmd" | tr '~' ' ')
	[ "$1" = explain ] && { shift; set -- explain "$*"; }
	run sh -c '"$0" "$@" > /dev/full' "$SPECDIFF" "$@"
	expect_rc 2
	t_checks=$((t_checks + 1))
	grep -q "No space left on device" "$err" || t_fail "specdiff $1: no message about the full device"
done
t_done
