#!/bin/sh
# Under TERM=vt100 (whose terminfo has no PgUp/PgDn) tmux still sends
# \e[6~ and \e[5~: PgDn and PgUp page the tree as on any terminal.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/realistic-restore-failure
TT_ENV="TERM=vt100"
tt_start 100 20 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "4 differences"
tt_keys g
tt_wait "checkpoint.json:1│"
tt_keys PageDown
tt_wait_gone "checkpoint.json:1│"
tt_keys PageUp
tt_wait "checkpoint.json:1│"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
