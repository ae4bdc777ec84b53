#!/bin/sh
# ? and F1 open the help generated from the keymap: every key bound in
# tui/keymap.c's table appears on it; Esc and q close it without quitting.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 50 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_keys '?'
tt_wait "Keys (generated from the keymap"
# the table itself: lines like  { "j", SD_ACT_DOWN }, { "<Down>", SD_ACT_DOWN },
keys=$(sed -n 's/{ "\([^"]*\)", SD_ACT_[A-Z_]* }/\n@@\1@@\n/gp' tui/keymap.c | sed -n 's/^@@\(.*\)@@$/\1/p')
n=0
for k in $keys; do
	n=$((n + 1))
	tt_wait "$k" 1
done
expect_eq "$([ "$n" -ge 30 ] && echo yes)" yes "keys found in tui/keymap.c ($n)"
tt_golden help
tt_keys Escape
tt_wait_gone "Keys (generated from the keymap"
tt_keys F1
tt_wait "Keys (generated from the keymap"
tt_keys q
tt_wait_gone "Keys (generated from the keymap"
tt_wait "sysctl: {}"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
