#!/bin/sh
# Runs "specdiff diff --format json" on every conformance case and checks it
# with build/tools/conf_diff against expected.json (the corpus states its
# types: specs-go v1.2.1): decode failure flags;
# when both sides decode, strict_equal, semantic_equal and the set of
# (path, class) of the non-cosmetic diffs.  Every case must agree; no skips.
set -u
cd "$(dirname "$0")/../.."
. tests/conformance/conf_lib.sh
CONF_DIFF=$BUILD/tools/conf_diff
need_tool "$CONF_DIFF"

total=0
passed=0
for dir in "$CASES"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	total=$((total + 1))
	left=$(side "$dir" left)
	right=$(side "$dir" right)
	"$SPECDIFF" diff --quiet --schema oci --spec-version v1.2.1 --format json "$left" "$right" >"$tmp/out.json" 2>"$tmp/err"
	rc=$?
	if ! "$CONF_DIFF" "$tmp/out.json" "$dir/expected.json" "$rc" >"$tmp/why" 2>&1; then
		echo "FAIL: $name (exit $rc)"
		sed 's/^/    /' "$tmp/why" "$tmp/err" | head -n 20
		continue
	fi
	passed=$((passed + 1))
done
echo "conformance diff: $passed/$total cases agree"
[ "$passed" -eq "$total" ] && [ "$total" -eq "$(ls -d "$CASES"/*/ | wc -l)" ] && [ "$total" -gt 0 ]
