#!/bin/sh
# Real terminal sizes: at 80x24 and 60x20 the bottom line keeps its key
# hints and cuts the verdicts with an ellipsis (it used to lose the last
# verdict and "? help" silently); the top line's counts end in an ellipsis
# when cut.  (The explanation panel's word wrap is in golden/explain_panel.)
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/realistic-restore-failure
tt_start 80 24 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "gvisor-2024: FAIL Sysctl · gvisor-20241118..2025: FAIL Capabil…   ? help  q quit"
tt_wait "∅ 2 nil-vs-empty  ~ 0…"
tt_resize 60 20
tt_wait "gvisor-2024: FAIL Sysctl · gvisor-20241118…   ? help  q quit"
tt_resize 160 30                       # room again: the whole line, no ellipsis
tt_wait "gvisor-20250915+: FAIL Linux   ? help  q quit"
tt_wait_gone "…   ? help"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
