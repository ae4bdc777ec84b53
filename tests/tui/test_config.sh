#!/bin/sh
# The configuration file in the explorer: set mode (the command line wins),
# set theme (after --theme and $SPECDIFF_THEME), bind KEY ACTION in file
# order (later wins), bad binds reported as FILE:LINE on the status line and
# stderr; the help screen shows the keys as bound.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/pair.sh
cat >"$TT_DIR/cfg" <<'CFG'
set mode = semantic
set theme = light
bind ]d next-diff
bind <C-d> page-down
bind Q quit
bind q down
bind zz jump-around
bind <Nope> quit
CFG
TT_ENV="SPECDIFF_CONFIG=$TT_DIR/cfg"
tt_start 100 30 --schema none "$LEFT" "$RIGHT"
tt_wait " semantic  json"
tt_wait "cfg:7: bind: unknown action 'jump-around'"
tt_wait_line 2
tt_keys ']' d
tt_wait_line 6
tt_keys q                            # bound to down now
tt_wait_line 4                 # the closing row of gamma (its line is the opening one)
tt_keys '?'
tt_wait "]c, ]d"
tt_wait "<PageDown>, <C-f>, <C-d>"
tt_wait "j, <Down>, <WheelDown>, q"
tt_keys Escape
tt_wait "? help  Q quit"             # the hints follow the keymap
tt_keys t                            # the config's light is current: next is default
tt_wait "theme default"
tt_keys Q
tt_wait_exit
expect_rc 1
grep -q "cfg:7: bind: unknown action 'jump-around'" "$TT_DIR/stderr"
expect_eq $? 0 "bad bind on stderr"
grep -q "cfg:8: bind: unknown key '<Nope>'" "$TT_DIR/stderr"
expect_eq $? 0 "bad key on stderr"

# the command line wins over the file; $SPECDIFF_THEME over the file's theme
rm -f "$TT_DIR/rc"
TT_ENV="SPECDIFF_CONFIG=$TT_DIR/cfg SPECDIFF_THEME=high-contrast"
tt_start 100 30 --mode strict --schema none "$LEFT" "$RIGHT"
tt_wait " strict  json"
tt_keys t
tt_wait "theme light"                # high-contrast is current
tt_keys Q
tt_wait_exit
rm -f "$TT_DIR/rc"
TT_ENV="SPECDIFF_CONFIG=$TT_DIR/cfg"
tt_start 100 30 --theme colour-blind-safe --schema none "$LEFT" "$RIGHT"
tt_wait "3 differences"
tt_keys t
tt_wait "theme high-contrast"
tt_keys Q
tt_wait_exit
expect_rc 1
t_done
