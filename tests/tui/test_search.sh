#!/bin/sh
# / searches keys and values (also inside folded subtrees, which open),
# n/N repeat, wrapping says so as vim does, a miss says so.  Patterns are
# extended regular expressions with smart case; the status line counts
# "match K of N"; a bad expression says why.
. tests/lib.sh
. tests/tui/lib.sh
. tests/tui/pair.sh
tt_start 100 30 --schema none "$LEFT" "$RIGHT"
tt_wait "3 differences:"
tt_wait "epsilon: {…3 keys}"
tt_keys /
tt_type "q"
tt_wait "/q"
tt_keys Enter
tt_wait_line 9                    # "q" inside the folded epsilon: it opens
tt_wait "    q: 2"
tt_keys /
tt_type "omega"
tt_keys Enter
tt_wait_line 10
tt_keys /
tt_type "alpha"
tt_keys Enter
tt_wait "search hit BOTTOM, continuing at TOP"
tt_wait_line 2
tt_keys N
tt_wait "search hit TOP, continuing at BOTTOM"
tt_keys /
tt_type "^(gamma|omega)$"              # keys and values, regex
tt_keys Enter
tt_wait "match 1 of 2"
tt_wait_line 4
tt_keys n
tt_wait "match 2 of 2"
tt_wait_line 10
tt_keys /
tt_type "ALPHA"                        # a capital: case matters, no match
tt_keys Enter
tt_wait "Pattern not found: ALPHA"
tt_keys /
tt_type "(unclosed"
tt_keys Enter
tt_wait "/(unclosed: not a regular expression:"
tt_keys /
tt_type "nothing-like-this"
tt_keys Enter
tt_wait "Pattern not found: nothing-like-this"
tt_keys /
tt_type "abc"
tt_keys Escape                    # Esc cancels the prompt, does not quit
tt_wait_gone "/abc"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
