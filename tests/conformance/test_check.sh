#!/bin/sh
# Runs "specdiff check --format json" on every conformance case, as given
# (--as-given, against expected.json's "gvisor") and with runsc's round trip
# (the default, against "gvisor_roundtrip"), for every profile of the
# corpus's PROFILES.tsv (each decoding with its own specs-go types), and
# checks pass, errors (exact, sorted), warnings (exact, in order) and
# per-profile decode failures with build/tools/conf_check.  Cases no
# profile's types can decode (gvisor is null) must make check exit 2.
# Every case must agree.
set -u
cd "$(dirname "$0")/../.."
. tests/conformance/conf_lib.sh
CONF_CHECK=$BUILD/tools/conf_check
need_tool "$CONF_CHECK"
PROFILES=$(grep -v '^#' tests/conformance/PROFILES.tsv | cut -f1 | paste -sd, -)

# check_view DIR KEY OPTION... : one view of one case; sets $verdict
check_view() {
	dir=$1 key=$2
	shift 2
	"$SPECDIFF" check --quiet --format json --profile "$PROFILES" "$@" \
		"$left" "$right" >"$tmp/out.json" 2>"$tmp/err"
	rc=$?
	"$CONF_CHECK" "$dir/expected.json" "$key" "$tmp/out.json" >"$tmp/why" 2>&1
	crc=$?
	if [ "$crc" -eq 77 ]; then
		verdict=skip
		[ "$rc" -eq 2 ] && return 0
		echo "FAIL: $(basename "$dir") $key: Go cannot decode it, but check exited $rc"
	elif [ "$crc" -eq 0 ] && [ "$rc" -le 1 ]; then
		verdict=ok
		return 0
	else
		echo "FAIL: $(basename "$dir") $key (exit $rc)"
	fi
	verdict=fail
	sed 's/^/    /' "$tmp/why" "$tmp/err" | head -n 20
	return 1
}

total=0
passed=0
skipped=0
for dir in "$CASES"/*/; do
	dir=${dir%/}
	left=$(side "$dir" left)
	right=$(side "$dir" right)
	set --
	[ -f "$dir/cname.txt" ] && set -- --container "$(cat "$dir/cname.txt")"
	# Both sides share one --format-in; the corpus never mixes formats in a case.
	fmt=$(format_of "$left")
	[ "$(format_of "$right")" = "$fmt" ] && set -- "$@" --format-in "$fmt"
	for view in gvisor gvisor_roundtrip; do
		total=$((total + 1))
		if [ $view = gvisor ]; then
			check_view "$dir" $view "$@" --as-given
		else
			check_view "$dir" $view "$@"
		fi
		case $verdict in
		ok) passed=$((passed + 1)) ;;
		skip) skipped=$((skipped + 1)) ;;
		esac
	done
done
echo "conformance check: $passed/$((total - skipped)) views agree (and in $skipped views, which no runsc can decode, check exits 2 as it must)"
ncases=$(ls -d "$CASES"/*/ | wc -l)
[ "$passed" -eq "$((total - skipped))" ] && [ "$total" -eq $((2 * ncases)) ] && [ "$ncases" -gt 0 ]
