#!/bin/sh
# A side Go cannot decode (1.5 into uint32) is still explored (Go keeps the
# partial value); the status line says why and the exit status is 2, as
# "specdiff diff" gives.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
sed 's/"uid": 1000,/"uid": 1.5,/' "$ex/restore.json" >"$T_TMP/bad.json"
grep -q '"uid": 1.5' "$T_TMP/bad.json" || { echo "FAIL: could not make the bad input"; exit 1; }
tt_start 100 30 "$ex/checkpoint.json" "$T_TMP/bad.json"
tt_wait "Go cannot decode:"
tt_wait "bad.json"
tt_keys q
tt_wait_exit
expect_rc 2
t_done
