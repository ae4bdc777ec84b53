# tests/conformance/conf_lib.sh - what the scripts that run specdiff over
# the corpus share (POSIX sh).  Source it from the repository root; it sets
#   SPECDIFF, BUILD     the program and build directory under test (from the
#                       environment, as tests/run.sh passes them)
#   CASES               the directory holding one directory per case
#                       (SD_CASES overrides it: tests/gvdiff/cases)
#   tmp                 a scratch directory, removed when the script exits
# and defines
#   need_tool PATH      stops the script (FAIL, exit 1) unless PATH is built
#   side DIR NAME       the file of side NAME (left or right) of case DIR
#   format_of FILE      json or yaml: the corpus decides the format by the
#                       file's extension only, so the scripts pass it as
#                       --format-in rather than let specdiff guess
SPECDIFF=${SPECDIFF:-$(pwd)/specdiff}
BUILD=${BUILD:-build}
CASES=${SD_CASES:-tests/conformance/cases}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sdconf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

need_tool() {
	[ -x "$1" ] && return
	echo "FAIL: $1 is not built (make $1)"
	exit 1
}

side() {
	for f in "$1/$2".json "$1/$2".yaml "$1/$2".yml; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
}

format_of() {
	case $1 in *.yaml | *.yml) echo yaml ;; *) echo json ;; esac
}
