#!/bin/sh
# w cannot destroy a spec: it asks before replacing any existing file (w
# again confirms, Esc cancels), the other side's input takes two more w,
# the replaced file is kept as FILE.orig (as normalize --in-place does),
# and the written file keeps the mode it had.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
L=$T_TMP/checkpoint.json R=$T_TMP/restore.json
chmod 640 "$L"
tt_start 120 30 "$L" "$R"
tt_wait "1 difference:"

# Tab to RIGHT, w, the *other* input's name: refused until w twice more
tt_keys Tab w
tt_wait "write RIGHT"
tt_keys C-u
tt_type "$L"
tt_keys Enter
tt_wait "$L is LEFT's input: w twice more overwrites it (the old one kept as .orig), Esc cancels"
tt_keys w
tt_wait "$L is LEFT's input: w once more overwrites it, Esc cancels"
tt_keys Escape
tt_wait "cancelled"
run cmp "$L" "$ex/checkpoint.json"
expect_rc 0
# another key drops the question too
tt_keys w C-u
tt_type "$L"
tt_keys Enter
tt_wait "w twice more"
tt_keys j w
tt_wait "write RIGHT"                  # w opened a new prompt, wrote nothing
tt_keys Escape
run cmp "$L" "$ex/checkpoint.json"
expect_rc 0
[ -e "$L.orig" ] && { t_checks=$((t_checks + 1)); t_fail "a backup without a write"; }

# confirmed twice: written, the original kept as .orig, the mode kept
tt_keys w C-u
tt_type "$L"
tt_keys Enter
tt_wait "w twice more"
tt_keys w
tt_wait "w once more"
tt_keys w
tt_wait "wrote RIGHT to $L"
tt_wait "the old one kept as .orig"
run cmp "$L.orig" "$ex/checkpoint.json"
expect_rc 0
run cmp "$L" "$R"
expect_rc 0
expect_eq "$(stat -c %a "$L")" 640 "the written file's mode"

# any other existing file: asked once; a new file: written at once
: >"$T_TMP/other.json"
tt_keys w C-u
tt_type "$T_TMP/other.json"
tt_keys Enter
tt_wait "$T_TMP/other.json exists: w overwrites it"
tt_keys w
tt_wait "wrote RIGHT to $T_TMP/other.json"
tt_keys w C-u
tt_type "$T_TMP/new.json"
tt_keys Enter
tt_wait "wrote RIGHT to $T_TMP/new.json"
[ -e "$T_TMP/new.json.orig" ] && { t_checks=$((t_checks + 1)); t_fail "a backup of nothing"; }
tt_keys q
tt_wait_exit
t_done
