#!/bin/sh
# tests/valgrind.sh - the command-line and conformance test scripts with
# specdiff run under valgrind (memcheck): any memory error or definite leak
# makes specdiff exit 99, which the scripts report as a failed check.
#   sh tests/valgrind.sh            (needs ./specdiff: make first)
#   SD_FILTER=name sh tests/valgrind.sh   a subset, as tests/run.sh
#   SD_SUITES="cli"                 which suites (default: cli conformance)
#   SD_VALGRIND_BIN=PATH            check this binary instead of ./specdiff
# The hostile suite runs with its slow parts thinned: truncation at every
# 13th offset instead of every one, and timeouts scaled by 10 (valgrind is
# 20-50x slower); set SD_HOSTILE_STRIDE / SD_HOSTILE_TIMEOUT to override.
set -u
cd "$(dirname "$0")/.." || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (Debian: apt-get install valgrind)"
	exit 2
fi
BIN=${SD_VALGRIND_BIN:-$(pwd)/specdiff}   # the binary to check
[ -x "$BIN" ] || { echo "valgrind: build ./specdiff first (make)"; exit 2; }
w=$(mktemp -d "${TMPDIR:-/tmp}/specdiff-vg.XXXXXX")
trap 'rm -rf "$w"' EXIT
cat >"$w/specdiff" <<W
#!/bin/sh
exec valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite -q "$BIN" "\$@"
W
chmod +x "$w/specdiff"
export SD_HOSTILE_STRIDE=${SD_HOSTILE_STRIDE:-13}
export SD_HOSTILE_TIMEOUT=${SD_HOSTILE_TIMEOUT:-100}
SPECDIFF="$w/specdiff" SD_SUITES="${SD_SUITES:-cli conformance}" sh tests/run.sh
