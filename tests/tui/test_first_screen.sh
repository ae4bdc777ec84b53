#!/bin/sh
# The demo's first screen: names, mode, counts, the cursor on the first
# difference (the nil sysctl map), the restore verdict; q exits 1.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_wait " strict  json  1 difference:"
tt_wait "∅ 1 nil-vs-empty"
tt_wait "checkpoint.json"
tt_wait "restore.json:197"          # the cursor starts on the first difference
tt_wait "gvisor-2024..20241202: FAIL Sysctl · gvisor-20241210+: pass"
tt_golden first_screen
tt_keys q
tt_wait_exit
expect_rc 1
t_done
