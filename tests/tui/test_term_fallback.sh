#!/bin/sh
# Terminals the explorer cannot use: TERM=dumb and a TERM terminfo does not
# know fall back to the text report with a one-line note naming TERM
# (instead of a garbled screen or "cannot start the terminal interface").
# Specs on a pipe: "cat a.json | specdiff - b.json" opens the explorer and
# reads keys from /dev/tty, as less and jless do.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
L=$(pwd)/$ex/checkpoint.json R=$(pwd)/$ex/restore.json
for t in dumb no-such-terminal-xyz; do
	TT_ENV="TERM=$t"
	rm -f "$TT_DIR/rc"       # the last run's: wait for this one's
	tt_start 100 30 "$L" "$R"
	tt_wait_exit
	expect_rc 1
	run cat "$TT_DIR/stderr"
	case $t in
	dumb) expect_out "specdiff: note: TERM=dumb cannot draw the explorer (no cursor addressing); printing the report (specdiff diff) instead" ;;
	*) expect_out "specdiff: note: TERM=$t is not a terminal type terminfo knows; printing the report" ;;
	esac
	tt_wait "1 difference in strict mode"
	tt_wait "[nil-vs-empty] /linux/sysctl"
done
TT_ENV=

# the left spec on a pipe
UNDER_TEST=$SPECDIFF
SPECDIFF=sh
rm -f "$TT_DIR/rc"
tt_start 100 30 -c "cat '$L' | '$UNDER_TEST' - '$R'"
SPECDIFF=$UNDER_TEST
tt_wait "1 difference:"
tt_wait "restore.json:197"
tt_keys j
tt_wait_gone "restore.json:197"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
