#!/bin/sh
# Scrolling repaints only the rows that come into view (wscrl); the result
# must be exactly what a full redraw (Ctrl-L) paints.  Also PgDn/PgUp,
# Ctrl-F/Ctrl-B and the mouse-free paths through long documents.
. tests/lib.sh
. tests/tui/lib.sh
L=$T_TMP/long-left.json
R=$T_TMP/long-right.json
awk 'BEGIN { printf "{\n"; for (i = 1; i <= 120; i++) printf "  \"key%03d\": %d%s\n", i, i, i < 120 ? "," : ""; printf "}\n" }' >"$L"
awk 'BEGIN { printf "{\n"; for (i = 1; i <= 120; i++) printf "  \"key%03d\": %d%s\n", i, (i % 17 ? i : -i), i < 120 ? "," : ""; printf "}\n" }' >"$R"
tt_start 60 20 --schema none "$L" "$R"
tt_wait "7 differences:"
tt_wait "long-left.json:18"            # key017, the first difference
i=0
while [ $i -lt 40 ]; do tt_keys j; i=$((i + 1)); done
tt_wait "long-left.json:58"
tt_screen >"$T_TMP/scrolled"
tt_keys C-l
tt_wait "long-left.json:58"
tt_screen >"$T_TMP/redrawn"
t_checks=$((t_checks + 1))
diff -u "$T_TMP/redrawn" "$T_TMP/scrolled" || { t_failures=$((t_failures + 1)); echo "FAIL: scrolled screen differs from a full redraw"; }
i=0
while [ $i -lt 25 ]; do tt_keys k; i=$((i + 1)); done
tt_wait "long-left.json:33"
tt_screen >"$T_TMP/scrolled"
tt_keys C-l
tt_screen >"$T_TMP/redrawn"
t_checks=$((t_checks + 1))
diff -u "$T_TMP/redrawn" "$T_TMP/scrolled" || { t_failures=$((t_failures + 1)); echo "FAIL: scrolled-up screen differs from a full redraw"; }
tt_keys NPage
tt_wait "long-left.json:50"
tt_keys C-b
tt_wait "long-left.json:33"
tt_keys C-f C-f
tt_wait "long-left.json:67"
tt_keys q
tt_wait_exit
expect_rc 1
t_done
