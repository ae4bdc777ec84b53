#!/bin/sh
# make dist, install and uninstall, end to end in a temporary directory:
#  - make dist gives specdiff-VERSION.tar.gz of the source and nothing built;
#  - the unpacked tarball builds from scratch, ./specdiff --version works and
#    its unit tests pass (the whole "make test" would be too slow here);
#  - from that tree, make install PREFIX=... puts every file in its place,
#    man finds the page, and the installed binary finds the installed themes
#    (in the explorer, under tmux: "t" cycles to a theme only DATADIR has);
#  - the installed "specdiff tour" finds the installed lessons (DATADIR/examples)
#    and every lesson's claims hold there;
#  - make install DESTDIR=... PREFIX=/usr stages the same files, with
#    /usr/share/specdiff compiled in;
#  - make uninstall leaves no file behind.
# Everything happens in a copy, so the working tree's build is not touched.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
unset MAKEFLAGS MFLAGS MAKELEVEL BUILD SANITIZE  # make check exports BUILD=build-san
: >"$out"
: >"$err"
if ! git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
	echo "SKIP: not a git checkout (make dist needs one)"
	t_done
	exit
fi
VERSION=$(sed -n 's/^VERSION := //p' "$ROOT/Makefile")
NAME=specdiff-$VERSION
JOBS=$(nproc 2>/dev/null || echo 2)

# --- dist -------------------------------------------------------------------------
run make -C "$ROOT" --no-print-directory dist DISTDIR="$T_TMP"
expect_rc 0
t_checks=$((t_checks + 1))
[ -f "$T_TMP/$NAME.tar.gz" ] || t_fail "make dist did not write $NAME.tar.gz"
tar tzf "$T_TMP/$NAME.tar.gz" >"$T_TMP/list"
for f in Makefile README.md docs/specdiff.1 completions/specdiff.bash completions/_specdiff \
	completions/specdiff.fish themes/default.theme core/config.c tests/run.sh; do
	t_checks=$((t_checks + 1))
	grep -qxF "$NAME/$f" "$T_TMP/list" || t_fail "the tarball lacks $f"
done
t_checks=$((t_checks + 1))
bad=$(grep -v "^$NAME/" "$T_TMP/list"; grep -E "^$NAME/(build[^/]*/|specdiff$)|\\.(o|d|a|tmp|tar\\.gz)$" "$T_TMP/list")
[ -z "$bad" ] || t_fail "the tarball holds files outside $NAME/ or built files: $(echo "$bad" | head -5)"
mkdir -p "$T_TMP/again"
make -C "$ROOT" --no-print-directory dist DISTDIR="$T_TMP/again" >/dev/null 2>&1
t_checks=$((t_checks + 1))
cmp -s "$T_TMP/$NAME.tar.gz" "$T_TMP/again/$NAME.tar.gz" || t_fail "make dist twice gave different bytes"

# --- build the unpacked tarball from scratch ---------------------------------------------
SRC=$T_TMP/$NAME
tar xzf "$T_TMP/$NAME.tar.gz" -C "$T_TMP"
cd "$SRC" || exit 1
run make -j"$JOBS" all unit-tests
expect_rc 0
run ./specdiff --version
expect_rc 0
expect_eq "$(cat "$out")" "specdiff $VERSION" "--version of the tarball's build"
run env SD_SUITES=unit sh tests/run.sh
expect_rc 0
expect_out " 0 failed"

# --- install under a prefix ------------------------------------------------------------
P=$T_TMP/prefix
installed() { # the files and links under $1, relative, sorted
	(cd "$1" 2>/dev/null && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
}
run make install PREFIX="$P"
expect_rc 0
{
	echo bin/specdiff
	for t in themes/*.theme; do echo "share/specdiff/$t"; done
	for f in examples/README.md examples/lessons examples/*/*; do echo "share/specdiff/$f"; done
	echo share/man/man1/specdiff.1
	echo share/bash-completion/completions/specdiff
	echo share/zsh/vendor-completions/_specdiff
	echo share/fish/vendor_completions.d/specdiff.fish
} | sort >"$T_TMP/want"
expect_eq "$(installed "$P")" "$(cat "$T_TMP/want")" "files installed under PREFIX"
t_checks=$((t_checks + 1))
[ -x "$P/bin/specdiff" ] || t_fail "the installed binary is not executable"
run "$P/bin/specdiff" --version
expect_rc 0
expect_out "specdiff $VERSION"
run grep -c -a -F "$P/share/specdiff" "$P/bin/specdiff"
expect_rc 0     # DATADIR compiled in is the install's, not /usr/local's
if command -v man >/dev/null 2>&1; then
	run man -M "$P/share/man" -w specdiff
	expect_rc 0
	expect_out "$P/share/man/man1/specdiff.1"
fi

# The installed tour reads the installed lessons, and they all hold.
run "$P/bin/specdiff" tour --list
expect_rc 0
expect_out "1. A nil map and an empty map ($P/share/specdiff/examples/sysctl-nil-vs-empty, at /linux/sysctl)"
run "$P/bin/specdiff" tour --check
expect_rc 0
expect_no_out FAILED

# The installed binary finds the installed themes: with an empty user config
# and no themes/ beside it, "t" reaches "light" only through DATADIR.
if command -v tmux >/dev/null 2>&1; then
	SPECDIFF=$P/bin/specdiff
	. "$SRC/tests/tui/lib.sh"
	ex=examples/sysctl-nil-vs-empty
	tt_start 100 30 --theme high-contrast "$ex/checkpoint.json" "$ex/restore.json"
	tt_wait "sysctl: {}"
	tt_keys t
	tt_wait "theme light"
	tt_keys q
	tt_wait_exit
	t_checks=$((t_checks + 1))
	grep -q "no theme" "$TT_DIR/stderr" && t_fail "the installed explorer did not find a theme"
	tt kill-server
else
	echo "SKIP installed themes in the explorer: tmux is not installed"
fi

run make uninstall PREFIX="$P"
expect_rc 0
expect_eq "$(installed "$P")" "" "files left under PREFIX after uninstall"
t_checks=$((t_checks + 1))
[ ! -e "$P/share/specdiff" ] || t_fail "uninstall left $P/share/specdiff"

# --- staged install (DESTDIR), as a package build does ------------------------------------
D=$T_TMP/stage
run make install PREFIX=/usr DESTDIR="$D"
expect_rc 0
expect_eq "$(installed "$D/usr")" "$(cat "$T_TMP/want")" "files staged under DESTDIR/usr"
run grep -c -a -F "/usr/share/specdiff" "$D/usr/bin/specdiff"
expect_rc 0     # reinstalling for another PREFIX recompiled DATADIR in
run make uninstall PREFIX=/usr DESTDIR="$D"
expect_rc 0
expect_eq "$(installed "$D")" "" "files left under DESTDIR after uninstall"
t_done
