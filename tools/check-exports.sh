#!/bin/sh
# check-exports.sh LIB [INCLUDE_DIR] - fails when the static library LIB
# defines a global symbol that is neither declared by a public header
# (sd_ names) nor marked private (sdp_ names).  Like jansson's
# test/suites/api/check-exports: the public surface is what the headers say.
lib=${1:?usage: check-exports.sh LIB [INCLUDE_DIR]}
inc=${2:-include}
CC=${CC:-cc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for h in "$inc"/specdiff/*.h; do
	printf '#include "%s"\n' "${h#"$inc"/}"
done > "$tmp/all.c"
# Preprocessed, so a name only mentioned in a comment does not count.
"$CC" -E -P -I"$inc" "$tmp/all.c" 2>/dev/null | tr -c 'A-Za-z0-9_' '\n' | grep '^sd_' | sort -u > "$tmp/declared" ||
	{ echo "check-exports: cannot preprocess the headers in $inc/specdiff" >&2; exit 2; }
nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u > "$tmp/defined" ||
	{ echo "check-exports: cannot read the symbols of $lib" >&2; exit 2; }
bad=0
while IFS= read -r sym; do
	case $sym in
	sdp_* | __*) ;;   # __odr_asan.*, __asan_*: a sanitizer's, not ours
	sd_*)
		if ! grep -qx "$sym" "$tmp/declared"; then
			echo "check-exports: $sym is global in $lib but no header in $inc/specdiff declares it: declare it there, make it static, or rename it sdp_${sym#sd_}" >&2
			bad=1
		fi ;;
	*)
		echo "check-exports: $sym is global in $lib without a prefix: make it static, or name it sd_ (public) or sdp_ (private)" >&2
		bad=1 ;;
	esac
done < "$tmp/defined"
[ $bad = 0 ] && echo "check-exports: $(wc -l < "$tmp/defined") global symbols, all declared or private"
exit $bad
