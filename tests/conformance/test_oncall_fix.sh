#!/bin/sh
# The on-call fix end to end over the corpus: for every pair Go decodes on
# both sides and finds semantically equal, "specdiff normalize --to json
# --like-roundtrip --like LEFT RIGHT" must give a restore spec that passes
# every gVisor profile against LEFT (runsc round-trips LEFT, as check does by
# default).  The exceptions runsc rejects whatever the spelling: lists that
# hold duplicates (cases 061, 062, 064).
cd "$(dirname "$0")/../.." || exit 2
. tests/conformance/conf_lib.sh
checked=0
failed=0
for dir in "$CASES"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	case $name in 061-* | 062-* | 064-*) continue ;; esac
	grep -q '"semantic_equal": true' "$dir/expected.json" || continue
	grep -q '"gvisor": null' "$dir/expected.json" && continue
	l=$(side "$dir" left)
	r=$(side "$dir" right)
	cname=__no_name_0
	[ -f "$dir/cname.txt" ] && cname=$(cat "$dir/cname.txt")
	checked=$((checked + 1))
	# the corpus's files are named by format, as specdiff's detection expects
	if ! "$SPECDIFF" normalize --quiet --to json --like-roundtrip --like "$l" "$r" \
		-o "$tmp/fixed.json" 2>"$tmp/err"; then
		echo "FAIL: $name: normalize: $(cat "$tmp/err")"
		failed=$((failed + 1))
		continue
	fi
	if ! "$SPECDIFF" check --container "$cname" "$l" "$tmp/fixed.json" >"$tmp/out" 2>&1; then
		echo "FAIL: $name: the fixed restore spec does not pass every profile:"
		grep -m3 'error:' "$tmp/out"
		failed=$((failed + 1))
	fi
done
echo "$checked pairs fixed and checked, $failed failed"
[ "$checked" -ge 55 ] || { echo "FAIL: only $checked pairs (expected at least 55)"; exit 1; }
[ "$failed" -eq 0 ]
