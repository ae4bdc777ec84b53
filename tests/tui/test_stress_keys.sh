#!/bin/sh
# Keys faster than redraws: long bursts of j/k/]c/[c/m/arrows in one
# send-keys; the final state is the one the keys lead to (cursor line, mode,
# counts) and the screen equals a full redraw of that state.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/pair.sh
. tests/tui/stress.sh
# rows: { alpha beta gamma{ x y } delta epsilon omega } -> lines 1 2 3 4 5 6 4 8 9 10 1
tt_start 100 30 --schema none "$LEFT" "$RIGHT"
tt_wait_line 2
keys=""
i=0
while [ $i -lt 60 ]; do keys="$keys j Down"; i=$((i + 1)); done   # clamps at the last row
# last row, kk -> epsilon; [c -> y; ]c -> omega; m m m -> semantic; [c [c -> alpha
# shellcheck disable=SC2086
tt_keys $keys k Up '[' c ']' c m m m '[' c '[' c Down Down Up
tt_wait " semantic  json  3 differences:"
tt_wait_line 3
expect_consistent /beta

# a longer document, a literal burst of 400 keys that scrolls it
tt kill-server
rm -f "$TT_DIR/rc"
big_pair 500
tt_start 100 24 --schema none "$BIG_L" "$BIG_R"
tt_wait "50 differences:"
tt_wait "big-left.json:11 "             # the first difference: k0010
burst=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "j"; for (i = 0; i < 100; i++) printf "k" }')
tt_type "$burst"
tt_wait "big-left.json:211 "            # row 10 + 300 - 100 = 210, on line 211
expect_consistent /k0210
tt_type "]c]c]c[c"                       # k0220 k0230 k0240, back to k0230
tt_wait "big-left.json:231 "
expect_consistent /k0230
tt_type "mGm"
tt_wait "big-left.json:1 "
tt_wait " strict  json  50 differences:"
expect_consistent /
tt_keys q
tt_wait_exit
expect_rc 1
t_done
