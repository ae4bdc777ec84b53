# tests/lib.sh - helpers for command-line tests (POSIX sh).  Source it, call
# checks, end with t_done.  Each failing check prints what it expected.
#   run CMD...            runs CMD; sets $rc, $out (stdout file), $err (stderr file)
#   expect_rc N           the last run exited N
#   expect_out TEXT       stdout contains TEXT (fixed string)
#   expect_err TEXT       stderr contains TEXT
#   expect_no_out TEXT    stdout does not contain TEXT
#   expect_eq A B WHAT    A = B
set -u
SPECDIFF=${SPECDIFF:-$(pwd)/specdiff}
SPECDIFF_CONFIG=
export SPECDIFF_CONFIG
unset NO_COLOR SPECDIFF_THEME
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sdtest.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
out=$T_TMP/stdout
err=$T_TMP/stderr
rc=0
t_checks=0
t_failures=0
t_last="(nothing run yet)"

run() {
	t_last="$*"
	"$@" >"$out" 2>"$err"
	rc=$?
}

t_fail() {
	t_failures=$((t_failures + 1))
	echo "FAIL: $1"
	echo "  command: $t_last"
	echo "  exit: $rc"
	echo "  stdout: $(head -c 600 "$out")"
	echo "  stderr: $(head -c 600 "$err")"
}

expect_rc() {
	t_checks=$((t_checks + 1))
	[ "$rc" -eq "$1" ] || t_fail "expected exit $1"
}
expect_out() {
	t_checks=$((t_checks + 1))
	grep -qF -- "$1" "$out" || t_fail "stdout lacks: $1"
}
expect_err() {
	t_checks=$((t_checks + 1))
	grep -qF -- "$1" "$err" || t_fail "stderr lacks: $1"
}
expect_no_out() {
	t_checks=$((t_checks + 1))
	! grep -qF -- "$1" "$out" || t_fail "stdout should not contain: $1"
}
expect_eq() {
	t_checks=$((t_checks + 1))
	[ "$1" = "$2" ] || t_fail "${3:-values differ}: '$1' != '$2'"
}

t_done() {
	echo "$t_checks checks, $t_failures failed"
	[ "$t_failures" -eq 0 ]
}
