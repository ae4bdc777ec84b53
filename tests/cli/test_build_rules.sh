#!/bin/sh
# test_build_rules.sh - make check-exports and make style find what they
# promise: an undeclared sd_ symbol, an unprefixed global, core/ printing,
# a header without its guard, space indentation; and pass on the tree.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 2
B=${BUILD:-build}
CC=${CC:-cc}

run sh tools/check-exports.sh "$B/libspecdiff.a" include
expect_rc 0
expect_out "all declared or private"

# An archive with one symbol of each kind.
cat > "$T_TMP/x.c" <<'C'
int sd_not_declared_anywhere(void) { return 1; }
int sdp_private_is_fine(void) { return 2; }
int no_prefix_at_all(void) { return 3; }
int sd_xmalloc_is_declared(void);
C
$CC -c -o "$T_TMP/x.o" "$T_TMP/x.c" && ar rcs "$T_TMP/x.a" "$T_TMP/x.o"
run sh tools/check-exports.sh "$T_TMP/x.a" include
expect_rc 1
expect_err "sd_not_declared_anywhere is global"
expect_err "no_prefix_at_all is global"
t_checks=$((t_checks + 1))
! grep -q sdp_private_is_fine "$err" || t_fail "sdp_ names are private, not findings"

run sh tools/style.sh
expect_rc 0
expect_out "style: ok"

S=$T_TMP/tree
mkdir -p "$S/core" "$S/include/specdiff" "$S/tools"
cp tools/style.sh "$S/tools/"
printf '/* a.c */\nstatic void f(void) { fprintf(stderr, "x"); }\n' > "$S/core/a.c"
printf '/* b.c */\n#include <ncursesw/curses.h>\nstatic int g(void)\n{\n    return 1; \n}\n' > "$S/core/b.c"
printf 'int sd_h(void);\n' > "$S/include/specdiff/h.h"
run sh -c "cd '$S' && sh tools/style.sh"
expect_rc 1
expect_err "core/a.c:2:"
expect_err "core/ never prints"
expect_err "core/b.c includes ncurses"
expect_err "core/b.c: trailing white space on line(s) 5"
expect_err "core/b.c: indented with spaces, not tabs, on line(s) 5"
expect_err "include/specdiff/h.h: begins without its contract comment"
expect_err "include/specdiff/h.h: no include guard SPECDIFF_H_H"
t_done
