#!/bin/sh
# specdiff tour walks every lesson of examples/lessons in the explorer:
# each shows "lesson K of N: TITLE" on the top line, opens its panel on its
# node (the explanation's path line is the node's, so the cursor is on it),
# and no claim of the lesson disagrees with the program.  ]l and [l move,
# with a notice at either end; m works inside a lesson; q leaves (exit 0).
# The lesson list comes from "specdiff tour --list", so a lesson a teacher
# adds is walked too.
. tests/lib.sh
. tests/tui/lib.sh
"$SPECDIFF" tour --list | sed -n 's/^\([0-9]*\)\. \(.*\) (.*, at \(.*\))$/\1	\2	\3/p' >"$T_TMP/lessons"
n=$(wc -l <"$T_TMP/lessons")
expect_eq "$n" "$(grep -v '^#' examples/lessons | grep -c .)" "lessons listed"

# panel_path NODE: the explanation's first line names the selected node
panel_path() {
	t_checks=$((t_checks + 1))
	tt_node=" $1"
	tt_poll 'tt_screen | grep -qxF -- "$tt_node"' 5 || tt_fail_screen "the panel is not on node $1"
}

tt_start 120 60 tour
k=0
while IFS='	' read -r num title node; do
	k=$((k + 1))
	expect_eq "$num" "$k" "lesson number"
	[ "$k" -gt 1 ] && tt_keys ']' 'l'
	tt_wait " lesson $k of $n: $title ·"
	tt_wait "Lesson $k of $n: $title  (at $node)"
	panel_path "$node"
	tt_wait " ]l next lesson  [l previous  q leaves the tour"   # in the panel: the status line may hold a message
	tt_wait "What you see"
	t_checks=$((t_checks + 1))
	tt_screen | grep -q "does not match the program" && tt_fail_screen "lesson $k: a claim does not hold"
done <"$T_TMP/lessons"
tt_keys ']' 'l'
tt_wait "that was the last lesson: q leaves the tour"
tt_wait " lesson $n of $n:"
last=$(sed -n "$((n - 1))p" "$T_TMP/lessons" | cut -f2)
tt_keys '[' 'l'
tt_wait " lesson $((n - 1)) of $n: $last ·"
tt_keys q
tt_wait_exit
expect_rc 0

# --start, m inside a lesson, the first lesson's notice, q at once
first=$(sed -n 1p "$T_TMP/lessons" | cut -f2)
tt_start 120 60 tour --start 2
tt_wait " lesson 2 of $n:"
tt_keys '[' 'l'
tt_wait " lesson 1 of $n: $first · strict"
tt_keys '[' 'l'
tt_wait "this is the first lesson"
tt_keys m
tt_wait " lesson 1 of $n: $first · semantic  json  equal:"
tt_keys q
tt_wait_exit
expect_rc 0
t_done
