#!/bin/sh
# make demo: open the explorer on the incident example (the nil map that
# prints as map[] on both sides).  Without a terminal, print the report.
set -u
cd "$(dirname "$0")/.."
ex=examples/sysctl-nil-vs-empty
if [ -t 0 ] && [ -t 1 ]; then
	echo "specdiff: opening the explorer on $ex (press ? for keys, q to quit)"
	# the explorer exits 1 when the two differ, as diff does: after a
	# normal quit the demo has done its job
	./specdiff "$ex/checkpoint.json" "$ex/restore.json"
	[ $? -le 1 ] || exit 2
	exit 0
fi
./specdiff diff "$ex/checkpoint.json" "$ex/restore.json"
./specdiff check "$ex/checkpoint.json" "$ex/restore.json"
exit 0
