#!/bin/sh
# make demo: open the explorer on the incident example (the nil map that
# prints as map[] on both sides).  Without a terminal, print the report.
set -u
cd "$(dirname "$0")/.."
ex=examples/sysctl-nil-vs-empty
if [ -t 0 ] && [ -t 1 ]; then
	echo "specdiff: opening the explorer on $ex (press ? for keys, q to quit)"
	exec ./specdiff "$ex/checkpoint.json" "$ex/restore.json"
fi
./specdiff diff "$ex/checkpoint.json" "$ex/restore.json"
./specdiff check "$ex/checkpoint.json" "$ex/restore.json"
exit 0
