#!/bin/sh
# Themes: --theme, SPECDIFF_THEME, t cycles, a broken user theme reports
# file:line on the status line and falls back; without colour (NO_COLOR,
# --no-color) and without UTF-8 (LANG=C) the gutter still tells the class
# by its character.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 --theme high-contrast "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_wait_gone "no theme"
tt_keys t
tt_wait "theme light"                # the next name in sorted order
tt_keys t
tt_wait "theme default"
tt_keys q
tt_wait_exit

rm -f "$TT_DIR/rc"
tt kill-server
mkdir -p "$TT_DIR/config/specdiff/themes"
printf 'color text default default\ncolor cursor black nosuchcolour\n' \
	>"$TT_DIR/config/specdiff/themes/broken.theme"
TT_ENV="SPECDIFF_THEME=broken"
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "broken.theme:2: bad colour 'nosuchcolour'"
tt_wait "sysctl: {}"                 # and it keeps going with the default
tt_keys q
tt_wait_exit
expect_rc 1

rm -f "$TT_DIR/rc"
tt kill-server
TT_ENV="NO_COLOR=1 LANG=C"
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "0>- - - - - - - -"        # ASCII gutter: 0 marks nil-vs-empty; > the cursor,
tt_wait "process: {...8 keys}"     # which without colour no difference row shares
tt_wait "> examples/sysctl-nil-vs-empty/checkpoint.json"
tt_wait "[0] 1 nil-vs-empty"       # not "0 1": the mark bracketed apart from the count
tt_keys k                          # off the row: its R mark is back
tt_wait "0R- - - - - - - -"
tt_keys q
tt_wait_exit

rm -f "$TT_DIR/rc"
tt kill-server
TT_ENV=""
tt_start 100 30 --no-color --theme nonexistent "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "no theme 'nonexistent'"
tt_wait "∅>. . . ."
tt_keys q
tt_wait_exit
expect_rc 1
t_done
