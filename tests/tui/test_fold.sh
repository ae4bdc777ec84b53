#!/bin/sh
# Unchanged subtrees start folded; space and z fold and unfold.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/pair.sh
tt_start 100 30 --schema none "$LEFT" "$RIGHT"
tt_wait "epsilon: {…3 keys}"
tt_wait "delta: […2 items]"
tt_wait "  gamma: {"                    # has a difference: open
tt_keys G k k
tt_wait_line 9
tt_keys Space
tt_wait "    r: 3"
tt_wait_gone "epsilon: {…3 keys}"
tt_keys z
tt_wait "epsilon: {…3 keys}"
tt_keys '[' c                           # to gamma/y, then fold gamma from inside
tt_wait_line 6
tt_keys z
tt_wait "gamma: {…2 keys}"
tt_wait_line 4
tt_keys q
tt_wait_exit
expect_rc 1
t_done
