#!/bin/sh
# A storm of resizes while scrolling: resize-window in a loop with keys in
# between (the panel open for part of it), then sizes down to 1x1 with no
# keys.  Afterwards the cursor is where the keys put it, the screen equals a
# full redraw, and the explorer still answers and exits cleanly.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/stress.sh
big_pair 400
tt_start 100 30 --schema none "$BIG_L" "$BIG_R"
tt_wait "big-left.json:11 "              # row 10
pid=$(tt_pid)
moves=0
n=0
# sizes of at least 40x10: keys are handled at every one of them
for size in 80x24 41x10 120x40 60x12 200x50 40x10 99x31 55x15 150x20 70x45 \
	    90x11 45x40 130x25 40x60 100x30 61x19 85x22 47x13 111x33 100x30; do
	tt_resize "${size%x*}" "${size#*x}"
	case $n in 5) tt_keys Enter ;; 12) tt_keys Enter ;; esac   # panel open for a while
	tt_keys j j j J k j ${TT_DOWN:-Down}
	moves=$((moves + 4))
	n=$((n + 1))
done
tt_resize 100 30
tt_wait "big-left.json:$((11 + moves)) "
expect_consistent "/k$(printf %04d $((10 + moves)))"
# tiny sizes (keys there are dropped by design, so none are sent)
for size in 20x5 1x1 39x10 40x9 3x2 200x3 10x100 1x50; do
	tt_resize "${size%x*}" "${size#*x}"
done
tt_resize 41 10
tt_wait "left.json:$((11 + moves))"      # the name is cut from the left at this width
tt_resize 100 30
tt_wait_gone "terminal too small"
tt_keys k
tt_wait "big-left.json:$((10 + moves)) "
expect_consistent "/k$(printf %04d $((9 + moves)))"
# the process did not spin through the storm: it used well under its wall time
cpu=$(ps -o time= -p "$pid" | awk -F: '{ print ($1 * 3600) + ($2 * 60) + $3 }')
t_checks=$((t_checks + 1))
[ "${cpu:-99}" -lt 5 ] || { t_failures=$((t_failures + 1)); echo "FAIL: $cpu s of CPU time"; }
tt_keys q
tt_wait_exit
expect_rc 1
expect_eq "$(cat "$TT_DIR/stty.after")" "$(cat "$TT_DIR/stty.before")" "stty -a after the storm"
t_done
