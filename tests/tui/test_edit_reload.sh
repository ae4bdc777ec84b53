#!/bin/sh
# Files changed on disk are noticed without a keypress and offered for
# reload (r); r with unsaved edits asks first; v (as in less) runs $VISUAL (before
# $EDITOR, as the man page says) at the
# selected node's line (+LINE FILE), then reloads both files, keeping the
# cursor on the same path; v refuses while edits are unsaved.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
L=$T_TMP/checkpoint.json R=$T_TMP/restore.json
cat >"$T_TMP/ed.sh" <<'ED'
#!/bin/sh
# a scripted editor: records its arguments, edits the file, exits
echo "$@" >"$(dirname "$2")/editor.args"
sed -i 's/"sysctl": {}/"sysctl": {"kernel.msgmax": "8192"}/' "$2"
ED
chmod +x "$T_TMP/ed.sh"
TT_ENV="EDITOR=/bin/false VISUAL=$T_TMP/ed.sh"
tt_start 120 30 "$L" "$R"
tt_wait "1 difference:"

# an outside change: noticed on an idle tick
sed -i 's/"hostname": "[^"]*"/"hostname": "changed"/' "$R"
tt_wait "RIGHT changed on disk: r reloads"
tt_keys r
tt_wait "reloaded $L and $R"
tt_wait "2 differences:  ! 1 value"
tt_wait "▸ $L "                        # cursor still on /linux/sysctl
tt_wait "restore.json:197"

# r with unsaved edits asks; r again discards
tt_keys '<'
tt_wait "[+] LEFT modified"
tt_keys r
tt_wait "unsaved changes to LEFT: r again discards them and reloads, Esc cancels"
tt_keys r
tt_wait "reloaded"
tt_wait_gone "[+]"
tt_wait "2 differences:"

# v refuses with unsaved edits, then runs the editor at the node's line
tt_keys '<'
tt_keys v
tt_wait "unsaved changes to LEFT: write (w) or undo (u) them first"
tt_keys u Tab v
tt_wait "reloaded"
tt_wait "2 differences:  ! 2 value"
tt_wait "kernel.msgmax"                 # opened: the cursor stayed on /linux/sysctl
run cat "$T_TMP/editor.args"
expect_out "+197 $R"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
