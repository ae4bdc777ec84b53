#!/bin/sh
# Terminal hygiene: q restores the terminal exactly (stty -a before and
# after); SIGTERM and SIGHUP restore it too; bad usage exits 2 before the
# screen opens.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_keys q
tt_wait_exit
expect_rc 1
expect_eq "$(cat "$TT_DIR/stty.after")" "$(cat "$TT_DIR/stty.before")" "stty -a after q"
for sig in TERM HUP INT; do
	rm -f "$TT_DIR/rc" "$TT_DIR/stty.after" "$TT_DIR/pid"
	tt kill-server 2>/dev/null
	tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
	tt_wait "sysctl: {}"
	if [ $sig = INT ]; then
		tt_keys C-c
	else
		kill -$sig "$(tt_pid)"
	fi
	tt_wait_exit
	expect_eq "$(cat "$TT_DIR/stty.after")" "$(cat "$TT_DIR/stty.before")" "stty -a after SIG$sig"
	case $sig in HUP) num=1 ;; INT) num=2 ;; TERM) num=15 ;; esac
	expect_eq "$rc" "$((128 + num))" "exit status after SIG$sig (the signal, re-raised)"
done
rm -f "$TT_DIR/rc"
tt kill-server 2>/dev/null
tt_start 100 30 --mode nonsense "$ex/checkpoint.json" "$ex/restore.json"
tt_wait_exit
expect_rc 2
t_done
