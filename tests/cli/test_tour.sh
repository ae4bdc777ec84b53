#!/bin/sh
# specdiff tour without a terminal: --list names the shipped lessons in
# order, --check holds every lesson's claims against the program's own
# comparison (and fails on one that does not hold), a teacher's lesson
# directory works through --lessons, and broken lesson files are reported
# as FILE:LINE.  (tests/tui/test_tour.sh walks the lessons in the explorer.)
. tests/lib.sh
ex=$(pwd)/examples

run "$SPECDIFF" tour --list
expect_rc 0
expect_out "1. A nil map and an empty map ($ex/sysctl-nil-vs-empty, at /linux/sysctl)"
expect_out "9. A realistic restore failure ($ex/realistic-restore-failure, at /linux/resources/memory/limit)"
expect_eq "$(wc -l <"$out" | tr -d ' ')" 9 "nine lessons"
run "$SPECDIFF" tour --check
expect_rc 0
expect_out "lesson 1 ok: A nil map and an empty map (4 claims)"
expect_no_out FAILED
run "$SPECDIFF" tour </dev/null
expect_rc 2
expect_err "specdiff tour: needs a terminal (--list prints the lessons, --check checks them)"
run "$SPECDIFF" tour --list --start 10
expect_rc 2
expect_err "--start 10: there are 9 lessons"
run "$SPECDIFF" tour extra
expect_rc 2

# A teacher's own lesson, in the documented format, with a claim that holds
# and then one that does not.
mkdir -p "$T_TMP/mine/env"
printf '{"ociVersion":"1.0.2","process":{"cwd":"/","env":["A=1","B=2"]}}' >"$T_TMP/mine/env/a.json"
printf '{"ociVersion":"1.0.2","process":{"cwd":"/","env":["B=2","A=1"]}}' >"$T_TMP/mine/env/b.json"
printf '# mine\n\nenv\n' >"$T_TMP/mine/lessons"
cat >"$T_TMP/mine/env/lesson.txt" <<'LESSON'
# a lesson of my own
title: Environment order
left: a.json
right: b.json
node: /process/env
see: The same variables in another order.
why: env is a set-like list.
try: Press m.
claim: class order-only
claim: strict different
claim: semantic equal
LESSON
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --check
expect_rc 0
expect_out "lesson 1 ok: Environment order (3 claims)"
sed -i 's/claim: semantic equal/claim: semantic different/' "$T_TMP/mine/env/lesson.txt"
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --check
expect_rc 1
expect_out "lesson 1 FAILED: $T_TMP/mine/env/lesson.txt:11: claim semantic different: the program says equal"
sed -i 's|node: /process/env|node: /process/nope|' "$T_TMP/mine/env/lesson.txt"
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --check
expect_rc 1
expect_out "node /process/nope: no such node in the pair"

# Broken lesson files: FILE:LINE: message, exit 2.
echo "colour: red" >>"$T_TMP/mine/env/lesson.txt"
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --list
expect_rc 2
expect_err "$T_TMP/mine/env/lesson.txt:12: unknown key 'colour' (title, left, right, node, mode, see, why, try, claim)"
sed -i 's/^colour: red$/claim: class purple/' "$T_TMP/mine/env/lesson.txt"
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --list
expect_rc 2
expect_err "lesson.txt:12: claim 'class purple'"
printf 'title: x\n' >"$T_TMP/mine/env/lesson.txt"
run "$SPECDIFF" tour --lessons "$T_TMP/mine" --list
expect_rc 2
expect_err "lesson.txt: a lesson needs title, left, right and node"
run "$SPECDIFF" tour --lessons "$T_TMP/nowhere" --list
expect_rc 2
expect_err "$T_TMP/nowhere/lessons: cannot read the list of lessons"
t_done
