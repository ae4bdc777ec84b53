#!/bin/sh
# Runs every test suite and prints one closing line "N passed, N failed".
#   SPECDIFF   the binary under test (default ./specdiff)
#   BUILD      the build directory holding tests/ and tools/ (default build)
#   SD_SUITES  which suites (default: unit cli conformance tui html)
#   SD_FILTER  run only tests whose name contains one of these words
set -u
cd "$(dirname "$0")/.."
SPECDIFF=${SPECDIFF:-./specdiff}
BUILD=${BUILD:-build}
SD_SUITES=${SD_SUITES:-unit cli conformance tui html}
case $SPECDIFF in /*) ;; *) SPECDIFF=$(pwd)/$SPECDIFF ;; esac
export SPECDIFF BUILD
# The user's configuration and environment must not change test results.
SPECDIFF_CONFIG=
export SPECDIFF_CONFIG
unset NO_COLOR SPECDIFF_THEME
pass=0
fail=0
failed=""
log=$(mktemp -d "${TMPDIR:-/tmp}/specdiff-tests.XXXXXX")
trap 'rm -rf "$log"' EXIT

run_one() { # name command...
	name=$1
	shift
	if [ -n "${SD_FILTER:-}" ]; then
		# SD_FILTER: space-separated substrings; a test runs if it has any
		hit=0
		for f in $SD_FILTER; do
			case $name in *"$f"*) hit=1 ;; esac
		done
		[ "$hit" -eq 1 ] || return 0
	fi
	if "$@" >"$log/out" 2>&1; then
		pass=$((pass + 1))
		printf 'ok      %s\n' "$name"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		printf 'FAILED  %s\n' "$name"
		sed 's/^/        | /' "$log/out" | tail -n 60
	fi
}

for suite in $SD_SUITES; do
	case $suite in
	unit)
		for t in "$BUILD"/tests/test_*; do
			[ -x "$t" ] && run_one "unit/$(basename "$t")" "$t"
		done ;;
	cli)
		for t in tests/cli/test_*.sh; do
			[ -f "$t" ] && run_one "cli/$(basename "$t" .sh)" sh "$t"
		done ;;
	conformance)
		for t in tests/conformance/test_*.sh; do
			[ -f "$t" ] && run_one "conformance/$(basename "$t" .sh)" sh "$t"
		done ;;
	tui)
		for t in tests/tui/test_*.sh; do
			[ -f "$t" ] && run_one "tui/$(basename "$t" .sh)" sh "$t"
		done ;;
	html)   # the HTML page in a real browser; .ci/run installs chromium
		if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
			echo "skipped: no chromium (tests/html: the HTML page in a browser)"
			continue
		fi
		for t in tests/html/test_*.sh; do
			[ -f "$t" ] && run_one "html/$(basename "$t" .sh)" sh "$t"
		done ;;
	esac
done
[ -n "$failed" ] && printf '\nfailed:%s\n' "$failed"
printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
