#!/bin/sh
# x toggles nil <-> empty in the focused pane (Tab switches), and says why
# not on other kinds; dd deletes a member in the focused pane; a filler has
# nothing to delete.  x on RIGHT's {} makes the sysctl restore pass.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 120 30 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "1 difference:"
tt_keys Tab
tt_wait "▸ $ex/restore.json:197"
tt_keys x
tt_wait "/linux/sysctl on RIGHT: {} (empty) -> absent (nil) - now equal"
tt_wait "[+] RIGHT modified"
tt_keys j k
tt_wait "gvisor-2024+: pass"                # both nil: runsc restores
tt_keys u                                   # back on /linux/sysctl, as vim does
tt_wait "undo: change 0 of 1"
tt_wait_gone "[+]"
tt_keys d d                                 # dd on RIGHT's {}: gone
tt_wait "deleted /linux/sysctl on RIGHT"
tt_keys u
tt_wait "restore.json:197"
tt_keys C-r u
tt_wait "restore.json:197"
tt_keys Tab
tt_wait "▸ $ex/checkpoint.json"
tt_keys x                                   # LEFT's absent -> {}, at RIGHT's place
tt_wait "/linux/sysctl on LEFT: absent (nil) -> {} (empty) - now equal"
tt_keys u
tt_wait "1 difference:"
tt_keys d d                                 # LEFT is a filler here
tt_wait "LEFT has nothing at /linux/sysctl to delete"
tt_keys k k k k k k k k
tt_wait "$ex/checkpoint.json:53"
tt_keys x
tt_wait "x toggles nil/empty only where Go has a map, slice or struct pointer; /hostname is string"
tt_keys Tab d d
tt_wait "deleted /hostname on RIGHT"
tt_wait "2 differences:  ! 1 value"
tt_keys u
tt_wait "1 difference:"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
