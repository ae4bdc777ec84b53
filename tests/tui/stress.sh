# tests/tui/stress.sh - helpers for the stress tests (source after lib.sh).
#   big_pair N          writes $BIG_L/$BIG_R: one key a line ("k0001": i),
#                       every 10th value differs; row r (from 0) is on line r+1
#   tt_body             the screen between the pane headers and the status
#                       line as text, then the numbers of the lines that show
#                       the cursor's colours (default theme: bg 46 and 238).
#                       Attributes are not compared cell by cell: blank
#                       cells' foreground differs invisibly between an
#                       erase-to-end-of-line and written spaces.
#   expect_consistent P after the last key was handled (the caller waited for
#                       it): the screen drawn step by step equals a full
#                       redraw (C-l), and y copies path P
BIG_L=$T_TMP/big-left.json
BIG_R=$T_TMP/big-right.json
big_pair() { # N
	awk -v n="$1" -v L="$BIG_L" -v R="$BIG_R" 'BEGIN {
		print "{" >L; print "{" >R
		for (i = 1; i <= n; i++) {
			sep = i < n ? "," : ""
			printf "  \"k%04d\": %d%s\n", i, i, sep >L
			printf "  \"k%04d\": %d%s\n", i, (i % 10 ? i : -i), sep >R
		}
		print "}" >L; print "}" >R
	}'
}

tt_body() {
	tt capture-pane -p -t 0 | sed -e '1,2d' -e '$d'
	echo "cursor on lines:"
	tt capture-pane -p -e -t 0 | sed -e '1,2d' -e '$d' |
		grep -n "$(printf '\033')\[46m\|48;5;238m" | cut -d: -f1
}

expect_consistent() { # PATH
	tt_body >"$TT_DIR/body.step"
	tt_keys C-l y
	tt_wait "copied $1"
	tt_body >"$TT_DIR/body.full"
	t_checks=$((t_checks + 2))
	[ "$(sed -n '/^cursor on lines:$/{n;p;}' "$TT_DIR/body.full")" ] ||
		{ t_failures=$((t_failures + 1)); echo "FAIL: no cursor row found on the screen"; }
	if ! cmp -s "$TT_DIR/body.step" "$TT_DIR/body.full"; then
		t_failures=$((t_failures + 1))
		echo "FAIL: the screen drawn step by step differs from a full redraw"
		diff "$TT_DIR/body.step" "$TT_DIR/body.full" | head -20
	fi
}

# The explorer's process is gone within SECS (default 5).
expect_gone() { # PID [SECS]
	t_checks=$((t_checks + 1))
	tt_gone_pid=$1
	tt_poll '! kill -0 "$tt_gone_pid" 2>/dev/null' "${2:-5}" ||
		{ t_failures=$((t_failures + 1)); echo "FAIL: process $1 still runs: $(ps -o pid,stat,pcpu,cmd -p "$1" | tail -1)"; }
}
