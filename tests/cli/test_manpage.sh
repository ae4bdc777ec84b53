#!/bin/sh
# docs/specdiff.1: renders without a warning, and stays in sync with the
# program: every long option of every --help is in it and every option in it
# is in some --help; every key and action of the explorer's keymap, every
# check profile, every command and every environment variable the code reads
# is documented.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MAN=$ROOT/docs/specdiff.1

t_checks=$((t_checks + 1))
[ -f "$MAN" ] || t_fail "docs/specdiff.1 is missing"

# --- renders cleanly --------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
	run groff -ww -z -man "$MAN"
	expect_rc 0
	expect_eq "$(cat "$err")" "" "groff -ww warnings"
else
	echo "SKIP groff render: groff is not installed (Debian: groff-base)"
fi
if command -v man >/dev/null 2>&1; then
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$MAN" >"$out" 2>"$err"
	rc=$?
	t_last="man --warnings -l docs/specdiff.1"
	expect_rc 0
	expect_eq "$(cat "$err")" "" "man --warnings"
	expect_out "SPECDIFF(1)"
	expect_out "EXIT STATUS"
	# nothing wider than the 80 columns asked for
	expect_eq "$(awk 'length > 80' "$out" | head -3)" "" "lines over 80 columns"
else
	echo "SKIP man render: man-db is not installed"
fi

# The page source with roff escapes for '-' and zero-width marks removed.
sed -e 's/\\-/-/g' -e 's/\\&//g' "$MAN" >"$T_TMP/man.txt"

at_least() { # N FILE WHAT: FILE has at least N lines
	t_checks=$((t_checks + 1))
	[ "$(wc -l <"$2")" -ge "$1" ] || t_fail "expected at least $1 $3, found $(wc -l <"$2")"
}

longopts() { # FILE: the --long-options mentioned in it, one a line, sorted
	grep -o -- '--[a-z][a-z0-9-]*[a-z0-9]' "$1" | sort -u
}

# --- options: every --help against the page ---------------------------------
: >"$T_TMP/helps"
"$SPECDIFF" --help >>"$T_TMP/helps" 2>&1
for c in diff check explain normalize tour; do
	run "$SPECDIFF" $c --help
	expect_rc 0
	cat "$out" >>"$T_TMP/helps"
done
# The explorer's own help needs a terminal: script(1) gives it one.
if command -v script >/dev/null 2>&1; then
	script -qec "'$SPECDIFF' --mode strict --help" /dev/null </dev/null 2>&1 |
		tr -d '\r' >"$T_TMP/explorer-help"
	t_checks=$((t_checks + 1))
	grep -q -- '--theme' "$T_TMP/explorer-help" ||
		t_fail "the explorer's --help (via script) does not list --theme"
	cat "$T_TMP/explorer-help" >>"$T_TMP/helps"
else
	echo "SKIP explorer --help: script(1) is not installed"
fi
longopts "$T_TMP/helps" >"$T_TMP/help-opts"
longopts "$T_TMP/man.txt" >"$T_TMP/man-opts"
# Options of other programs the page mentions.
printf '%s\n' --restore-spec-validation >"$T_TMP/foreign"

while read -r o; do
	t_checks=$((t_checks + 1))
	grep -qxF -- "$o" "$T_TMP/man-opts" || t_fail "option $o is in a --help but not in docs/specdiff.1"
done <"$T_TMP/help-opts"
while read -r o; do
	grep -qxF -- "$o" "$T_TMP/foreign" && continue
	t_checks=$((t_checks + 1))
	grep -qxF -- "$o" "$T_TMP/help-opts" || t_fail "option $o is in docs/specdiff.1 but in no --help"
done <"$T_TMP/man-opts"
# A short list would make the two loops above prove little.
at_least 20 "$T_TMP/help-opts" "long options found in the --help texts"

# --- commands -----------------------------------------------------------------
for c in $(sed -n 's/^[[:space:]]*{ "\([a-z]*\)", sd_cmd_[a-z]* },.*/\1/p' "$ROOT/cli/main.c"); do
	t_checks=$((t_checks + 1))
	grep -q "^\.SS \"specdiff $c " "$T_TMP/man.txt" || t_fail "command $c has no .SS section"
done

# --- explorer keys and actions ------------------------------------------------
# The keys documented: the words of the lines after ".TP" in EXPLORER.
awk '/^\.SH EXPLORER/ {s = 1; next} /^\.S[HS] / {s = 0}
	s && tp && /^\.BR? / {
		sub(/^\.BR? /, ""); gsub(/", "/, " ")
		n = split($0, w, " ")
		for (i = 1; i <= n; i++) if (w[i] != "") print w[i]
	}
	{ tp = s && /^\.TP/ }' "$T_TMP/man.txt" | sort -u >"$T_TMP/man-keys"
grep -o '{ "[^"]*", SD_ACT_[A-Z_]* }' "$ROOT/tui/keymap.c" |
	sed 's/{ "\(.*\)", SD_ACT_.*/\1/' | sort -u >"$T_TMP/map-keys"
at_least 20 "$T_TMP/map-keys" "keys parsed from tui/keymap.c"
while read -r k; do
	t_checks=$((t_checks + 1))
	grep -qxF -- "$k" "$T_TMP/man-keys" || t_fail "key $k (tui/keymap.c) is not in the page's EXPLORER keys"
done <"$T_TMP/map-keys"
while read -r k; do
	t_checks=$((t_checks + 1))
	grep -qxF -- "$k" "$T_TMP/map-keys" || t_fail "key $k is in the page but not in tui/keymap.c"
done <"$T_TMP/man-keys"

# Actions as "bind" names: NEXT_DIFF -> next-diff.
sed -n 's/^[[:space:]]*X(\([A-Z_]*\), ".*/\1/p' "$ROOT/tui/keymap.h" |
	tr 'A-Z_' 'a-z-' | sort -u >"$T_TMP/actions"
awk '/^The actions, as named in/ {s = 1; next} s && /^\.PP/ {exit}
	s && /^\.BR? / && !/^\.BR bind/ {sub(/^\.BR? /, ""); sub(/ [,.]$/, ""); print}' "$T_TMP/man.txt" |
	sort -u >"$T_TMP/man-actions"
expect_eq "$(cat "$T_TMP/man-actions")" "$(cat "$T_TMP/actions")" "actions in the page vs tui/keymap.h"

# --- profiles -------------------------------------------------------------------
run "$SPECDIFF" check --list-profiles
expect_rc 0
# The page lists no profiles (--list-profiles does, from the profile table);
# any it names as an example must exist.
for p in $(grep -o 'gvisor-20[0-9]*' "$T_TMP/man.txt" | sort -u); do
	t_checks=$((t_checks + 1))
	awk '{print $1}' "$out" | grep -qxF -- "$p" || t_fail "the page names $p, which is no profile"
done

# --- environment ------------------------------------------------------------------
awk '/^\.SH ENVIRONMENT/ {s = 1; next} /^\.SH / {s = 0} s' "$T_TMP/man.txt" >"$T_TMP/man-env"
for v in $(cat "$ROOT"/core/*.c "$ROOT"/cli/*.c "$ROOT"/tui/*.c |
	grep -o 'getenv("[A-Z_]*")' | sed 's/getenv("\(.*\)")/\1/' | sort -u) SPECDIFF_CONFIG VISUAL EDITOR; do
	t_checks=$((t_checks + 1))
	grep -q "$v" "$T_TMP/man-env" || t_fail "environment variable $v is not in ENVIRONMENT"
done
t_done
