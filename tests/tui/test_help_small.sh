#!/bin/sh
# Help at 80x24: long descriptions wrap under their column instead of being
# cut at 80 columns, and paging down stops at the last line (it used to
# scroll on until one line was left).  Its title names the keys from the
# keymap.  Closing the explanation panel leaves no rows scrolled off.
. tests/lib.sh
. tests/tui/lib.sh
ex=examples/sysctl-nil-vs-empty
tt_start 80 24 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "sysctl: {}"
tt_keys '?'
tt_wait "Keys (generated from the keymap; <Esc> or q closes, j/k scroll)"
tt_keys PageDown PageDown PageDown PageDown PageDown j j j j
tt_wait "                             when edits are unsaved)"
tt_wait "  q                          quit (closes help, panel or prompt first; asks"
run sh -c "tmux -L '$TT_SOCK' capture-pane -p -t 0 | sed -n 23p"
expect_out "when edits are unsaved)"      # the last line sits at the bottom
tt_keys Escape

# the panel: open, go to the end (the shorter body scrolls), close: every
# row fits again, so the top ones are back
tt_keys Enter
tt_wait "explanation (Enter or Esc closes)"
tt_keys G
tt_wait_gone "ociVersion: \"1.0.2-dev\""
tt_keys Escape
tt_wait "ociVersion: \"1.0.2-dev\""
tt_keys q
tt_wait_exit
expect_rc 1
t_done
