#!/bin/sh
# Keys that do what they say.  On the sysctl example (LEFT has no sysctl,
# RIGHT has {}):
#   > copies toward RIGHT even where LEFT has nothing: RIGHT's node is
#     deleted, and the message says so; < copies toward LEFT
#   dp / do as in vimdiff: put the focused pane's node, obtain the other's
#   a pending d shows on the status line with what can follow
#   after dd removes a node from both sides the cursor stays near it (the
#     previous sibling here), never on /linux, so a second dd cannot
#     delete all of /linux
#   h folds (then goes to the parent), l unfolds, e expands all, E folds all
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
L=$T_TMP/checkpoint.json R=$T_TMP/restore.json
tt_start 120 30 "$L" "$R"
tt_wait "1 difference:"
tt_wait "restore.json:197"                 # on /linux/sysctl, LEFT focused

tt_keys '>'
tt_wait "LEFT has nothing at /linux/sysctl: deleted it from RIGHT to match - now equal"
tt_keys u
tt_wait "1 difference:"
tt_keys '<'
tt_wait "copied /linux/sysctl from RIGHT to LEFT - now equal"
tt_keys u
tt_wait "1 difference:"

# dp from LEFT puts LEFT's (nothing) into RIGHT; do obtains RIGHT's {}
tt_keys d
tt_wait "d_  (waiting for the next key: dd delete, dp diff-put, do diff-obtain; Esc cancels)"
tt_keys p
tt_wait "deleted it from RIGHT to match"
tt_keys u d o
tt_wait "copied /linux/sysctl from RIGHT to LEFT"
tt_keys u
tt_wait "1 difference:"
tt_keys ']'
tt_wait "]_  (waiting for the next key: ]c next-diff"
tt_keys Escape

# dd on RIGHT's sysctl: the node is gone from both sides; the cursor goes
# to the row before (readonlyPaths, line 190), not to /linux (line 140)
tt_keys Tab d d
tt_wait "deleted /linux/sysctl on RIGHT - now equal"
tt_wait "restore.json:190 [+]"
tt_wait "  linux: {"                        # /linux stays open
tt_keys d d
tt_wait "deleted /linux/readonlyPaths on RIGHT"
tt_wait_gone "deleted /linux on RIGHT"
run "$SPECDIFF" --version                  # (keeps $rc meaningful below)

# folding: h folds /linux/maskedPaths' parent chain step by step, l opens
tt_keys u u
tt_wait "1 difference:"
tt_keys h                                   # on sysctl (a leaf): to its parent
tt_wait "restore.json:140"
tt_keys h
tt_wait "linux: {…6 keys}"
tt_keys l
tt_wait_gone "linux: {…6 keys}"
tt_keys E
tt_wait "linux: {…6 keys}"
tt_wait "process: {…8 keys}"
tt_keys e
tt_wait_gone "{…"
tt_keys q q
tt_wait_exit
t_done
