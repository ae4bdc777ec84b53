#!/bin/sh
# Signals and a terminal closing under the explorer: SIGINT, SIGTERM and
# SIGHUP in the middle of a burst of keys end it with the signal's status
# and the terminal as it was (stty -a); Ctrl-Z from a job-control shell,
# then fg, gives the terminal back to the shell in its own modes and the
# explorer's screen back after fg; a pane or session killed under it (the
# terminal hangs up) ends the process within a deadline instead of spinning.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/stress.sh
big_pair 2000
burst=$(awk 'BEGIN { for (i = 0; i < 1500; i++) printf "jm" }')

for sig in INT TERM HUP; do
	rm -f "$TT_DIR/rc" "$TT_DIR/stty.after" "$TT_DIR/pid"
	tt_start 100 30 --schema none "$BIG_L" "$BIG_R"
	tt_wait "200 differences:"
	tt_type "$burst"
	kill -$sig "$(tt_pid)"
	tt_wait_exit
	case $sig in HUP) num=1 ;; INT) num=2 ;; TERM) num=15 ;; esac
	expect_eq "$rc" "$((128 + num))" "exit status after SIG$sig during a burst"
	expect_eq "$(cat "$TT_DIR/stty.after")" "$(cat "$TT_DIR/stty.before")" "stty -a after SIG$sig"
	tt kill-server
done

# Ctrl-Z and fg from an interactive shell with job control
if command -v bash >/dev/null 2>&1; then
	tt_new_server
	printf 'set -g status off\nset -g escape-time 0\n' >"$TT_DIR/tmux-sh.conf"
	tt -u -f "$TT_DIR/tmux-sh.conf" new-session -d -x 100 -y 30 \
		"env HOME='$TT_DIR/home' XDG_CONFIG_HOME='$TT_DIR/config' TERM=xterm-256color LANG=C.UTF-8 PS1='sh\$ ' bash --norc --noprofile -i"
	tt_wait 'sh$'
	tt_type "stty -a >'$TT_DIR/sh.before'; echo ready"
	tt_keys Enter
	tt_wait ready
	tt_type "'$SPECDIFF' --schema none '$BIG_L' '$BIG_R'"
	tt_keys Enter
	tt_wait "200 differences:"
	tt_keys j j
	tt_wait "big-left.json:13 "
	tt_keys C-z
	tt_wait "Stopped"
	tt_type "stty -a >'$TT_DIR/sh.stopped'; echo stopped-ok"
	tt_keys Enter
	tt_wait stopped-ok
	expect_eq "$(cat "$TT_DIR/sh.stopped")" "$(cat "$TT_DIR/sh.before")" "stty -a in the shell while the explorer is stopped"
	tt_type "fg"
	tt_keys Enter
	tt_wait "200 differences:"
	tt_wait "big-left.json:13 "
	tt_keys j                            # it answers keys again
	tt_wait "big-left.json:14 "
	expect_consistent /k0013
	tt_keys q
	tt_wait 'sh$'
	tt_type "echo rc=\$?; stty -a >'$TT_DIR/sh.after'"
	tt_keys Enter
	tt_wait "rc=1"
	expect_eq "$(cat "$TT_DIR/sh.after")" "$(cat "$TT_DIR/sh.before")" "stty -a in the shell after q"
	tt kill-server
else
	echo "SKIP Ctrl-Z and fg: bash is not installed"
fi

# the terminal closing under it: kill-pane, kill-session, kill-server
for how in kill-pane kill-session kill-server; do
	rm -f "$TT_DIR/pid"
	tt_start 100 30 --schema none "$BIG_L" "$BIG_R"
	tt_wait "200 differences:"
	pid=$(tt_pid)
	case $how in
	kill-pane) tt kill-pane -t 0 ;;
	kill-session) tt kill-session -t 0 ;;
	kill-server) tt kill-server ;;
	esac
	expect_gone "$pid" 5
	tt kill-server 2>/dev/null
done
t_done
