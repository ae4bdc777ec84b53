#!/bin/sh
# --bench-frames N (hidden): draws N frames off-screen and prints timings;
# the exit status is the diff's.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 --bench-frames 50 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait_exit
expect_rc 1
for what in "first frame:" "cursor step (j):" "over 50 frames" "page (full redraw):" "mode toggle"; do
	t_checks=$((t_checks + 1))
	grep -qF "$what" "$TT_DIR/stderr" || { t_failures=$((t_failures + 1)); echo "FAIL: no '$what' in:"; cat "$TT_DIR/stderr"; }
done
t_done
