#!/bin/sh
# Editing: < copies RIGHT's node to LEFT (the sysctl example becomes
# equal: counts and verdict change at once, [+] marks the edited side);
# u and Ctrl-R undo and redo; q with unsaved edits asks (Esc cancels);
# w writes through the normalizer to a file named in the prompt (verified
# with "specdiff diff"), a failed write says why and changes nothing, and
# writing the side's own file clears [+].
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
L=$T_TMP/checkpoint.json R=$T_TMP/restore.json
tt_start 120 30 "$L" "$R"
tt_wait "1 difference:"
tt_wait "∅ 1 nil-vs-empty"
tt_wait "FAIL Sysctl"
tt_keys '<'
tt_wait "copied /linux/sysctl from RIGHT to LEFT - now equal"
tt_wait "equal:  ! 0 value"
tt_wait "[+] LEFT modified"
tt_wait "checkpoint.json [+]"
tt_keys j k                        # the status line returns: runsc's round trip makes
tt_wait "20241202: FAIL Sysctl"      # the checkpoint's {} nil again, so restore still fails
tt_keys u
tt_wait "undo: change 0 of 1"
tt_wait "1 difference:"
tt_wait_gone "[+]"
tt_keys u
tt_wait "already at oldest change"
tt_keys C-r
tt_wait "redo: change 1 of 1"
tt_wait "equal:  ! 0 value"
tt_keys C-r
tt_wait "already at newest change"

# q with unsaved edits asks; Esc cancels; another key drops the question
tt_keys q
tt_wait "unsaved changes to LEFT: w writes, q again quits without writing, Esc cancels"
tt_keys Escape
tt_wait "cancelled"
tt_keys q
tt_wait "unsaved changes to LEFT"
tt_keys j
tt_wait_gone "unsaved changes to LEFT"

# w: the prompt offers the side's own file; write elsewhere with options
tt_keys w
tt_wait "write LEFT [--empty keep|omit|explicit --order source|go|sorted --to json|yaml]: $L"
tt_keys C-u
tt_type "$T_TMP/out.yaml --order go"
tt_keys Enter
tt_wait "wrote LEFT to $T_TMP/out.yaml"
tt_wait "[+] LEFT modified"            # written elsewhere: still unsaved
run "$SPECDIFF" diff "$T_TMP/out.yaml" "$R"
expect_rc 0
run head -1 "$T_TMP/out.yaml"
expect_out "ociVersion: 1.0.2-dev"
run cmp "$L" "$ex/checkpoint.json"     # the input is untouched
expect_rc 0

# a write that fails leaves everything as it was and says why
tt_keys w
tt_keys C-u
tt_type "$T_TMP/no/such/dir/x.json"
tt_keys Enter
tt_wait "write failed, $T_TMP/no/such/dir/x.json is unchanged"
tt_keys w
tt_keys C-u
tt_type "$T_TMP/x.json --empty sometimes"
tt_keys Enter
tt_wait "--empty sometimes: use --empty keep|omit|explicit"

# writing the side's own file: asked first (it exists), then saved with
# the old one kept as .orig, [+] gone, the file now equal
tt_keys w
tt_wait "write LEFT"
tt_keys Enter
tt_wait "$L exists: w overwrites it (the old one kept as .orig), Esc cancels"
tt_keys w
tt_wait "wrote LEFT to $L"
tt_wait_gone "[+]"
run "$SPECDIFF" diff "$L" "$R"
expect_rc 0
tt_keys q                              # nothing unsaved: quits at once
tt_wait_exit
expect_rc 0
t_done
