#!/bin/sh
# Focus in the explorer: --ignore/--only/--restore-relevant as diff takes
# them, the config file's ignore lines; ignored differences hidden or shown
# dimmed (i), the restore filter toggled (R); counts, the top line and the
# exit status follow the focus, also after an edit.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/realistic-restore-failure
L=$ex/checkpoint.json R=$ex/restore.json
newest=$("$SPECDIFF" check "$L" "$R" | awk '/^gvisor-/ && / FAIL/ {n = $1} END {print n}')

tt_start 130 40 --ignore /linux/sysctl "$L" "$R"
tt_wait "3 differences, 1 ignored (hidden):"
tt_wait "∅ 1 nil-vs-empty"
tt_keys i
tt_wait "1 ignored difference shown (dimmed, not counted)"
tt_wait "3 differences, 1 ignored:"
tt_keys G
tt_keys '[' c                      # ]c/[c visit shown ignored rows: sysctl is the last
tt_wait "restore.json:199"
tt_keys i
tt_wait "3 differences, 1 ignored (hidden):"
tt_keys R                          # the newest failing profile keeps only rootfsPropagation
tt_wait "restore-relevant: $newest (newest failing)  1 difference, 3 ignored (hidden):"
tt_wait "restore-relevant $newest on: 1 difference, 3 ignored"
tt_keys R
tt_wait "restore-relevant $newest off: 3 differences, 1 ignored"
tt_wait_gone "restore-relevant: gvisor"
tt_keys q
tt_wait_exit
expect_rc 1

# R follows the failing profiles: on the sysctl incident the newest failing
# one is gvisor-20241202 (the newest, gvisor-20260413, passes and would show
# "equal, 1 ignored" next to the bottom line's FAIL Sysctl)
rm -f "$TT_DIR/rc"
tt_start 130 40 examples/sysctl-nil-vs-empty/checkpoint.json examples/sysctl-nil-vs-empty/restore.json
tt_wait "FAIL Sysctl"
tt_keys R
tt_wait "restore-relevant: gvisor-20241202 (newest failing)  1 difference:"
tt_wait "restore-relevant gvisor-20241202 on: 1 difference, 0 ignored"
tt_keys q
tt_wait_exit

# everything ignored: equal, exit 0
rm -f "$TT_DIR/rc"
tt_start 130 40 --ignore /linux --ignore /process "$L" "$R"
tt_wait "equal, 4 ignored (hidden):"
tt_keys q
tt_wait_exit
expect_rc 0

# --only keeps a subtree; a pattern that matches nothing warns on the status line
rm -f "$TT_DIR/rc"
tt_start 130 40 --only /linux/resources --ignore /nosuch "$L" "$R"
tt_wait "1 difference, 3 ignored (hidden):"
tt_wait "warning: --ignore /nosuch matches nothing in either document"
tt_keys q
tt_wait_exit
expect_rc 1
grep -q "warning: --ignore /nosuch matches nothing" "$TT_DIR/stderr"
expect_eq $? 0 "the warning is on stderr too"

# --restore-relevant=PROFILE from the start; R turns it off and on again
rm -f "$TT_DIR/rc"
tt_start 130 40 --restore-relevant=gvisor-2024 "$L" "$R"
tt_wait "restore-relevant: gvisor-2024 "
tt_keys R
tt_wait "4 differences:"
tt_keys R
tt_wait "restore-relevant: gvisor-2024 "
tt_keys q
tt_wait_exit
rm -f "$TT_DIR/rc"
tt_start 130 40 --restore-relevant=nosuch "$L" "$R"
tt_wait_exit
expect_rc 2
grep -q "unknown profile or release 'nosuch'" "$TT_DIR/stderr"
expect_eq $? 0 "unknown profile: usage error"

# the config file's ignore lines apply; one matching nothing draws no warning;
# an edit recomputes the diff and the focus still applies
rm -f "$TT_DIR/rc"
printf 'ignore /linux/sysctl\nignore /nowhere/at/all\n' >"$TT_DIR/cfg"
TT_ENV="SPECDIFF_CONFIG=$TT_DIR/cfg"
tt_start 130 40 "$L" "$R"
tt_wait "3 differences, 1 ignored (hidden):"
tt_wait "restore.json:39"              # the first difference: capabilities.ambient
tt_keys '<'                          # copy RIGHT's [] to the left
tt_wait "2 differences, 1 ignored (hidden):"
tt_keys u
tt_wait "3 differences, 1 ignored (hidden):"
tt_keys q q
tt_wait_exit
expect_rc 1
expect_eq "$(grep -c "matches nothing" "$TT_DIR/stderr")" 0 "no warning for the config's patterns"
TT_ENV=""

# --restore-relevant with --schema none is refused, as diff refuses it
rm -f "$TT_DIR/rc"
tt_start 130 40 --schema none --restore-relevant "$L" "$R"
tt_wait_exit
expect_rc 2
t_done
