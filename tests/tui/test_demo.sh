#!/bin/sh
# make demo (tools/demo.sh) on a terminal opens the explorer on the sysctl
# example and, after a normal quit with q, exits 0: the explorer's own exit
# status 1 ("the two differ") is not the demo failing.
. tests/lib.sh
. tests/tui/lib.sh
ROOT=$(pwd)
SPECDIFF_UNDER_TEST=$SPECDIFF
SPECDIFF=sh
tt_start 100 30 "$ROOT/tools/demo.sh"
SPECDIFF=$SPECDIFF_UNDER_TEST
tt_wait "sysctl: {}"
tt_wait "restore.json:197"
tt_keys q
tt_wait_exit
expect_rc 0
t_done
