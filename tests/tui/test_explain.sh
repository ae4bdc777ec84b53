#!/bin/sh
# Enter opens the explanation: the Go view of both sides (nil map against
# empty map), the class, the tripped restore check; Esc closes it.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 100 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_keys Enter
tt_wait "explanation"
tt_wait "/linux/sysctl"
tt_wait "class  nil-vs-empty"
tt_wait "%#v    map[string]string(nil)"
tt_wait "%#v    map[string]string{}"
tt_wait "%v     map[]"
tt_wait "json.Marshal  null"
tt_wait "restore.json:197:13"
tt_wait "gvisor-2024: Sysctl does not match across checkpoint restore"
tt_golden explain_panel
tt_keys Escape
tt_wait_gone "explanation"
tt_keys Enter
tt_wait "explanation"
tt_keys q                 # q closes the panel, not the program
tt_wait_gone "explanation"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
