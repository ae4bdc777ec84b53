#!/bin/sh
# Resizing: below 40x10 a centred message until the terminal grows; back at
# full size the screen is whole again and keys still work.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_resize 20 5
tt_wait "terminal too small"
tt_wait "need 40x10, now 20x5"
tt_resize 40 10
tt_wait_gone "terminal too small"
tt_wait "1 difference"
tt_wait "sysctl: {}"                 # the cursor row stays in view
tt_resize 100 30
tt_wait "gvisor-2024..20241202: FAIL Sysctl"
tt_wait "  ociVersion: \"1.0.2-dev\""
tt_keys Enter
tt_wait "map[string]string(nil)"
tt_keys q q
tt_wait_exit
expect_rc 1
t_done
