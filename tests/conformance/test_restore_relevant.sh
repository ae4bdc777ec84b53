#!/bin/sh
# specdiff diff --restore-relevant=P over the whole corpus: for every case
# whose two sides decode, the diff must exit 0 exactly when runsc's profile
# P passes on the files as given (index.tsv's "as given" verdict: pass or
# warn = 0, FAIL = 1), for every profile of index.tsv's header (the three
# random-order ones included: their pass/fail verdict is deterministic);
# each profile's diff decodes with that profile's specs-go types.
#
# Exceptions, skipped and counted: cases where a set-compared list holds a
# duplicate (runsc rejects "duplicate value", "duplicate device" or an
# "invalid mount in the restore spec" even between identical specs, which no
# filter of differences can see).  Known limits that the corpus does not
# exercise: lists runsc matches as sets but the walker compares in order
# (mounts, mount idmaps, hugepage limits) are forgiven only when they hold
# the same elements in another order; and the rdma quirk (any rdma entry
# makes runsc's Resources check mismatch from 20241217) only ever produces
# a warning, so it changes no verdict.  Also skipped: cases holding a
# /dev/nvidiaN device, which the newest runsc drops from either list before
# comparing (a filter of differences cannot drop an element of one side).
set -u
cd "$(dirname "$0")/../.."
. tests/conformance/conf_lib.sh
INDEX=tests/conformance/index.tsv
PROFILES=$(grep -v '^#' "$INDEX" | head -n 1 | cut -f7- | tr '\t' ' ')
[ -n "$PROFILES" ] || { echo "FAIL: no profiles in $INDEX"; exit 1; }

for p in $PROFILES; do
	echo 0 >"$tmp/agree.$p"
	echo 0 >"$tmp/total.$p"
done
: >"$tmp/failures"
cases=0 decode_skipped=0 dup_skipped=0 nvidia_skipped=0

# columns: case decode strict semantic n classes, then one per profile;
# one line per (case, profile): case decode profile verdict
grep -v '^#' "$INDEX" | tail -n +2 >"$tmp/index"
while IFS='	' read -r case dec _ _ _ _ verdicts; do
	dir=$CASES/$case
	[ -d "$dir" ] || { echo "$case: no such case" >>"$tmp/failures"; continue; }
	cases=$((cases + 1))
	if [ "$dec" != "-" ]; then
		decode_skipped=$((decode_skipped + 1))
		continue
	fi
	if grep -qE 'duplicate value|duplicate device|invalid mount in the restore spec' "$dir/expected.json"; then
		dup_skipped=$((dup_skipped + 1))
		continue
	fi
	left=$(side "$dir" left)
	right=$(side "$dir" right)
	if grep -q '"/dev/nvidia[0-9]' "$left" "$right"; then
		nvidia_skipped=$((nvidia_skipped + 1))
		continue
	fi
	fmt=$(format_of "$left")
	set --
	[ "$(format_of "$right")" = "$fmt" ] && set -- --format-in "$fmt"
	i=0
	for p in $PROFILES; do
		i=$((i + 1))
		verdict=$(printf '%s\n' "$verdicts" | cut -f$i)
		case ${verdict%%/*} in
		pass | warn) want=0 ;;
		FAIL*) want=1 ;;
		*) echo "$case $p: unexpected verdict '$verdict'" >>"$tmp/failures"; continue ;;
		esac
		"$SPECDIFF" diff --quiet "$@" --restore-relevant="$p" "$left" "$right" >"$tmp/out" 2>"$tmp/err"
		got=$?
		echo $(($(cat "$tmp/total.$p") + 1)) >"$tmp/total.$p"
		if [ "$got" -eq "$want" ]; then
			echo $(($(cat "$tmp/agree.$p") + 1)) >"$tmp/agree.$p"
		else
			{
				echo "$case $p: runsc says ${verdict%%/*}, diff --restore-relevant exited $got"
				sed -n '/^\[/p' "$tmp/out" | head -n 5 | sed 's/^/    /'
				head -n 3 "$tmp/err" | sed 's/^/    /'
			} >>"$tmp/failures"
		fi
	done
done <"$tmp/index"

echo "restore-relevant: $cases cases; $decode_skipped skipped (a side does not decode),"
echo "  $dup_skipped skipped (duplicates in a set-compared list), $nvidia_skipped (nvidia devices)"
for p in $PROFILES; do
	echo "  $p: $(cat "$tmp/agree.$p")/$(cat "$tmp/total.$p") agree"
done
if [ -s "$tmp/failures" ]; then
	sed 's/^/FAIL: /' "$tmp/failures" | head -n 60
	exit 1
fi
[ "$cases" -gt 0 ] || { echo "FAIL: no cases"; exit 1; }
echo "restore-relevant: every case agrees"
