#!/bin/sh
# j/k, ]c/[c (vimdiff), g/G, Tab and y on a pair with three differences.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/pair.sh
tt_start 100 30 --schema none "$LEFT" "$RIGHT"
tt_wait "3 differences:"
tt_wait_line 2                 # starts on the first difference
tt_keys ']' c
tt_wait_line 6
tt_keys ']' c
tt_wait_line 10
tt_keys ']' c
tt_wait "no more differences below"
tt_keys '[' c
tt_wait_line 6
tt_keys k
tt_wait_line 5
tt_keys j
tt_wait_line 6
tt_keys G                      # the last row closes the root (line 1)
tt_wait_line 1
tt_keys k
tt_wait_line 10
tt_keys g j
tt_wait_line 2
tt_keys End                    # tmux sends \e[4~, which xterm's terminfo lacks
tt_wait_line 1
tt_keys k
tt_wait_line 10
tt_keys Home                   # \e[1~: back to the root's row
tt_wait_line 1
tt_keys ']' c
tt_wait_line 2
tt_keys Tab
tt_wait "│ ▸ $RIGHT"
tt_keys y
tt_wait "copied /alpha"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
