#!/bin/sh
# The explanation panel scrolls: J/K move it a line at a time when it holds
# more than fits, the title says which lines show, the ends clamp, and a
# new selection starts at its top.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 80 14 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_keys J
tt_wait "no explanation panel open (<Enter> opens it)"
tt_keys Enter
tt_wait "lines 1-4 of "
total=$(tt_screen | sed -n 's/.*lines 1-4 of \([0-9]*\),.*/\1/p')
t_checks=$((t_checks + 1))
[ "${total:-0}" -gt 8 ] || { t_failures=$((t_failures + 1)); echo "FAIL: a short panel ($total lines)"; }
first=$(tt_screen | sed -n '10p')
tt_keys J
tt_wait "lines 2-5 of $total"
tt_keys J J
tt_wait "lines 4-7 of $total"
tt_keys K
tt_wait "lines 3-6 of $total"
i=0
keys=""
while [ $i -lt $total ]; do keys="$keys J"; i=$((i + 1)); done
# shellcheck disable=SC2086
tt_keys $keys
tt_wait "lines $((total - 3))-$total of $total"   # clamped at the end
tt_keys K
tt_wait "lines $((total - 4))-$((total - 1)) of $total"
tt_keys k                             # another row: its panel starts at the top
tt_wait "lines 1-4 of "
tt_keys j
tt_wait "lines 1-4 of $total"
expect_eq "$(tt_screen | sed -n '10p')" "$first" "the first panel line again"
tt_keys Escape
tt_wait_gone "explanation"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
