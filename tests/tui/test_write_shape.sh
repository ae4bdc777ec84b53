#!/bin/sh
# The explorer's w keeps the source's shape: copying one field into runc's
# tab-indented config.json and writing it back is a small "git diff"
# (the field's line added, the comma on the line before), not a rewrite of
# every line.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
L=$T_TMP/checkpoint.json R=$T_TMP/restore.json
tt_start 120 30 "$L" "$R"
tt_wait "1 difference:"
tt_keys '<'
tt_wait "copied /linux/sysctl from RIGHT to LEFT - now equal"
tt_keys w
tt_wait "write LEFT"
tt_keys Enter
tt_wait "$L exists: w overwrites it"
tt_keys w
tt_wait "wrote LEFT to $L"
run git diff --no-index --numstat "$ex/checkpoint.json" "$L"
expect_eq "$(cut -f1,2 "$out" | tr '\t' ' ')" "2 1" "lines added and deleted by the write"
run cmp "$L" "$R"          # the fix made it byte-identical to RIGHT's file
expect_rc 0
tt_keys q
tt_wait_exit
expect_rc 0
t_done
