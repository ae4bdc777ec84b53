#!/bin/sh
# specdiff normalize through the command line over the whole corpus (the
# unit test test_normalize checks the same properties on Go values; this
# one checks them end to end with "specdiff diff" as the judge):
#   - every --empty x --order output is semantically equal to its input;
#   - --empty omit output is strictly equal to --roundtrip output;
#   - for every semantically equal pair, "normalize --like RIGHT LEFT" is
#     strictly equal to RIGHT, and normalizing the result again changes
#     nothing.
. "$(dirname "$0")/../lib.sh"
DIR=$(cd "$(dirname "$0")" && pwd)
CASES=$DIR/cases
cd "$T_TMP"

check() { # description, then the command; counts a failure when it fails
	what=$1
	shift
	t_checks=$((t_checks + 1))
	if ! "$@" > chk.out 2>&1; then
		t_failures=$((t_failures + 1))
		echo "FAIL: $what"
		head -8 chk.out
	fi
}

files=0
for f in "$CASES"/*/left.* "$CASES"/*/right.*; do
	"$SPECDIFF" normalize --quiet --schema oci --empty omit "$f" > /dev/null 2>&1 || continue
	ext=${f##*.}
	for empty in keep omit explicit; do
		for order in source go sorted; do
			"$SPECDIFF" normalize --quiet --schema oci --empty $empty --order $order "$f" > out.$ext
			check "$f --empty $empty --order $order: not semantically equal" \
				"$SPECDIFF" diff --schema oci --mode semantic "$f" out.$ext
		done
	done
	"$SPECDIFF" normalize --quiet --schema oci --empty omit "$f" > omit.$ext
	"$SPECDIFF" normalize --quiet --schema oci --roundtrip "$f" > rt.json
	check "$f: --empty omit differs from --roundtrip" \
		"$SPECDIFF" diff --schema oci --mode strict omit.$ext rt.json
	files=$((files + 1))
done

pairs=0
grep -v '^#' "$DIR/index.tsv" > index.tsv
while IFS='	' read -r name dec strict sem rest; do
	[ "$dec" = - ] && [ "$sem" = true ] || continue
	l=$(ls "$CASES/$name"/left.* | head -1)
	r=$(ls "$CASES/$name"/right.* | head -1)
	ext=${l##*.}
	"$SPECDIFF" normalize --quiet --schema oci --like "$r" "$l" > like.$ext
	check "$name: --like RIGHT LEFT is not strictly equal to RIGHT" \
		"$SPECDIFF" diff --schema oci --mode strict like.$ext "$r"
	"$SPECDIFF" normalize --quiet --schema oci --like "$r" like.$ext > again.$ext
	check "$name: --like twice changes the output" cmp like.$ext again.$ext
	pairs=$((pairs + 1))
done < index.tsv
echo "checked $files corpus files and $pairs semantically equal pairs"
expect_eq "$([ "$files" -ge 250 ] && [ "$pairs" -ge 30 ] && echo enough)" enough "coverage"
t_done
