#!/bin/sh
# m toggles strict/semantic: the counts, the gutter and the exit status
# follow; c hides and shows cosmetic differences.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait " strict  json  1 difference:"
tt_wait "∅R. . ."                   # the gutter marks the sysctl row; R: restore checks fail there
tt_keys m
tt_wait " semantic  json  equal:"
tt_wait "1 nil-vs-empty (equal)"
tt_wait "semantic mode: equal"
tt_wait "    sysctl: {}"            # still shown, now as equal
tt_wait_gone "∅ . . ."
tt_keys c
tt_wait "cosmetic differences hidden"
tt_wait "0 cosmetic (hidden)"
tt_keys c
tt_wait "cosmetic differences shown"
tt_keys q
tt_wait_exit
expect_rc 0                         # equal in the mode it ended in
tt_start 100 30 --mode semantic "$ex/checkpoint.json" "$ex/restore.json"
rm -f "$TT_DIR/rc"
tt_wait " semantic  json"
tt_keys m
tt_wait "strict mode: different"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
