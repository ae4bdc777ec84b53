#!/bin/sh
# Nothing printed as a fix is untested: on every example and every corpus
# pair that check fails, every `specdiff ...` command that check prints,
# and that explain prints for each error check reports, is run as printed
# (in a copy of the pair), and the check it promises is run and must say
# what was promised:
#   check: "passes every profile" -> exit 0; "fails in no profile that
#          passes now" -> every PASS row stays PASS; the value diff exits 1
#   explain: "After the normalize --like fix: `check ...` no longer reports
#          this mismatch" -> that field's error is gone from check's report
# Also: the order warning (swapped arguments), --swap, normalize --like's
# note on what remains, and the smaller command-line messages.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CASES=$ROOT/tests/conformance/cases
pairs=0 cmds=0

# the `specdiff ...` commands in FILE (each is one backticked word)
commands_in() {
	grep -o '`specdiff [^`]*`' "$1" | tr -d '`'
}

# profile verdict rows of a check report: "NAME VERDICT"
verdicts() {
	awk '/^gvisor-/ {print $1, $NF}' "$1"
}

run_check_fix() { # DIR CONTAINER-OPTS...
	dir=$1
	shift
	cp "$T_TMP/check.out" "$T_TMP/before"
	commands_in "$T_TMP/before" >"$T_TMP/cmds"
	[ -s "$T_TMP/cmds" ] || { t_checks=$((t_checks + 1)); t_fail "$dir: check fails and suggests nothing"; return; }
	while IFS= read -r c; do
		cmds=$((cmds + 1))
		eval "run \"\$SPECDIFF\" ${c#specdiff }"
		case $c in
		"specdiff normalize"*) expect_rc 0 ;;
		"specdiff diff"*) expect_rc 1 ;;
		"specdiff check"*)
			if grep -qF "\`$c\` fails too" "$T_TMP/before"; then
				expect_rc 1
			elif grep -qF "\`$c\` passes every profile" "$T_TMP/before"; then
				expect_rc 0
			else
				verdicts "$T_TMP/before" | grep ' PASS$' | sort >"$T_TMP/pass.before"
				verdicts "$out" | grep ' PASS$' | sort >"$T_TMP/pass.after"
				t_checks=$((t_checks + 1))
				[ -z "$(comm -23 "$T_TMP/pass.before" "$T_TMP/pass.after")" ] ||
					t_fail "$dir: $c: a profile that passed fails after the fix"
			fi ;;
		esac
	done <"$T_TMP/cmds"
}

run_explain_fix() { # DIR ERROR CK RS CONTAINER-OPTS...
	dir=$1 text=$2 ck=$3 rs=$4
	shift 4
	# the field, quoted (%q) from release-20260601.0 on
	field=$(echo "$text" | sed -n 's/^"\{0,1\}\([A-Za-z.]*\)"\{0,1\} does not match across.*/\1/p')
	run "$SPECDIFF" explain "$@" "$text" "$ck" "$rs"
	expect_rc 0
	cp "$out" "$T_TMP/explain.out"
	commands_in "$T_TMP/explain.out" >"$T_TMP/xcmds"
	# the check explain promises "no longer reports this mismatch" after the
	# --like fix: run that fix again right before it (the --empty omit
	# alternative writes the same file)
	promise=$(tr '\n' ' ' <"$T_TMP/explain.out" | tr -s ' ' | sed -n 's/.*After the normalize --like fix: `\([^`]*\)` no longer reports this mismatch.*/\1/p')
	like=$(grep -m1 '^specdiff normalize.* --like ' "$T_TMP/xcmds")
	while IFS= read -r c; do
		cmds=$((cmds + 1))
		case $c in "specdiff check"*) eval "run \"\$SPECDIFF\" ${like#specdiff }" ;; esac
		eval "run \"\$SPECDIFF\" ${c#specdiff }"
		case $c in
		"specdiff normalize"*) expect_rc 0 ;;
		"specdiff diff"*) t_checks=$((t_checks + 1)); [ "$rc" -le 1 ] || t_fail "$dir: $c" ;;
		"specdiff check"*)
			t_checks=$((t_checks + 1))
			[ "$c" = "$promise" ] || t_fail "$dir: explain suggests $c without a promise"
			t_checks=$((t_checks + 1))
			[ -n "$field" ] && ! grep -qE "error: \"?$field\"? does not match" "$out" ||
				t_fail "$dir: explain's fix leaves $field" ;;
		esac
	done <"$T_TMP/xcmds"
}

one_pair() { # DIR CK RS [CONTAINER]
	dir=$1 ck=$2 rs=$3
	shift 3
	w=$T_TMP/pair
	rm -rf "$w"
	mkdir -p "$w"
	cp "$dir/$ck" "$dir/$rs" "$w/"
	cd "$w" || exit 2
	run "$SPECDIFF" check "$@" "$ck" "$rs"
	if [ "$rc" -eq 1 ]; then
		pairs=$((pairs + 1))
		cp "$out" "$T_TMP/check.out"
		run_check_fix "$dir" "$@"
		grep '^  error: ' "$T_TMP/check.out" | sed 's/^  error: //' | sort -u >"$T_TMP/errors"
		while IFS= read -r e; do
			run_explain_fix "$dir" "$e" "$ck" "$rs" "$@"
		done <"$T_TMP/errors"
	fi
	cd "$ROOT" || exit 2
}

for d in "$ROOT"/examples/*/; do
	one_pair "${d%/}" checkpoint.json restore.json
done
XFAIL=136-rnd-userns-hooks-field-linux-timeoffsets-unknown
for d in "$CASES"/*/; do
	d=${d%/}
	[ "${d##*/}" = "$XFAIL" ] && continue
	l=$(cd "$d" && ls left.* 2>/dev/null | head -1)
	r=$(cd "$d" && ls right.* 2>/dev/null | head -1)
	[ -n "$l" ] && [ -n "$r" ] || continue
	if [ -f "$d/cname.txt" ]; then
		one_pair "$d" "$l" "$r" --container "$(cat "$d/cname.txt")"
	else
		one_pair "$d" "$l" "$r"
	fi
done
echo "$pairs failing pairs, $cmds suggested commands run"
# Expected to fail (reported to the lead): this checkpoint holds a value only
# the specs-go v1.2 types reject, and the advice of check and explain is
# built on the newest types, so neither suggests a command.  This fails
# loudly once explain can read the pair: then drop XFAIL.
run "$SPECDIFF" explain 'Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]' \
	"$CASES/$XFAIL/left.json" "$CASES/$XFAIL/right.json"
t_checks=$((t_checks + 1))
[ "$rc" -eq 2 ] || t_fail "$XFAIL now works with explain: remove it from XFAIL in $0"
t_checks=$((t_checks + 1))
[ "$pairs" -ge 60 ] || t_fail "only $pairs failing pairs"

# --- examples/runsc-round-trip: the fix explain prints fixes it ------------------
ex=$ROOT/examples/runsc-round-trip
cp "$ex/checkpoint.json" "$ex/restore.json" "$T_TMP/"
cd "$T_TMP" || exit 2
E='Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]'
run "$SPECDIFF" explain "$E" checkpoint.json restore.json
expect_out '`specdiff normalize --like-roundtrip --like checkpoint.json restore.json -o restore.fixed.json`'
expect_out '`specdiff check checkpoint.json restore.fixed.json`'
# without the inputs, the placeholder command carries --like-roundtrip too
run "$SPECDIFF" explain "$E"
expect_out 'specdiff normalize --like-roundtrip --like CHECKPOINT RESTORE -o RESTORE.fixed'

# --- order mistakes ------------------------------------------------------------
ex=$ROOT/examples/sysctl-nil-vs-empty
cp "$ex/checkpoint.json" "$T_TMP/ck.json"
cp "$ex/restore.json" "$T_TMP/rs.json"
W="the round trip turned CHECKPOINT's /linux/sysctl {} into nil; runsc stores the checkpointed spec — are the arguments in order?"
run "$SPECDIFF" check rs.json ck.json
expect_rc 0
expect_err "specdiff check: warning: $W (CHECKPOINT is rs.json; --swap exchanges them)"
run "$SPECDIFF" check ck.json rs.json
expect_rc 1
expect_eq "$(cat "$err")" "" "no warning in the right order"
run "$SPECDIFF" check --swap rs.json ck.json
expect_rc 1
expect_eq "$(cat "$err")" "" "--swap puts them in order"
run "$SPECDIFF" explain "$E" rs.json ck.json
expect_err "specdiff explain: warning: $W"
run "$SPECDIFF" explain --swap "$E" rs.json ck.json
expect_eq "$(cat "$err")" "" "explain --swap"
expect_out "In ck.json (checkpoint, after runsc's JSON round trip as check applies it) and rs.json (restore)"
run "$SPECDIFF" diff --swap ck.json rs.json
expect_out '--- rs.json'
# identical files (runsc-round-trip): the round trip changes them, but not
# where they differ - no warning
run "$SPECDIFF" check checkpoint.json restore.json
expect_eq "$(cat "$err")" "" "no warning for identical files"
run "$SPECDIFF" normalize --swap ck.json
expect_rc 2
expect_err "--swap exchanges FILE and --like OTHER"

# --- normalize --like says what it did not touch ----------------------------------
ex=$ROOT/examples/realistic-restore-failure
run "$SPECDIFF" normalize --like-roundtrip --like "$ex/checkpoint.json" "$ex/restore.json" -o "$T_TMP/f.json"
expect_rc 0
expect_err "2 difference(s) from $ex/checkpoint.json remain that --like does not change"
expect_err "specdiff diff --mode semantic $ex/checkpoint.json $ex/restore.json lists them"
run "$SPECDIFF" diff --mode semantic "$ex/checkpoint.json" "$ex/restore.json"
expect_rc 1
expect_out "2 differences in semantic mode"
run "$SPECDIFF" normalize --like-roundtrip --like ck.json rs.json -o "$T_TMP/g.json"
expect_eq "$(cat "$err")" "" "nothing remains: no note"

# --- smaller messages --------------------------------------------------------------
run "$SPECDIFF" check --color always ck.json rs.json
expect_out "$(printf '\033[1;31mFAIL\033[0m')"
expect_out "$(printf '\033[32mPASS\033[0m')"
run "$SPECDIFF" check --color never ck.json rs.json
expect_no_out "$(printf '\033[')"
run "$SPECDIFF" explain "starting container: $E: unknown\""
expect_out '  restore:    map[]'
expect_no_out 'unknown"'
run "$SPECDIFF" explain "$E"
expect_out '  gvisor-2024 .. gvisor-20241202  (release-20241104.0 .. release-20241202.0)'
run "$SPECDIFF" explain 'Capabilities does not match across checkpoint restore for container: x, checkpoint &{[] [] [] [] []} restore &{[] [] [] [] []}'
expect_no_out 'release-20241104.0 .. release-20241104.0'
expect_out '  gvisor-2024  (release-20241104.0)'
run "$SPECDIFF" ck.json </dev/null
expect_rc 2
expect_err "specdiff: expected two inputs, LEFT and RIGHT (got 1)"
expect_err "Try 'specdiff --help'"
run "$SPECDIFF" diff --semantic ck.json rs.json
expect_rc 2
expect_err "unknown option '--semantic' (did you mean --mode semantic?)"
run "$SPECDIFF" help diff
expect_rc 0
expect_out "usage: specdiff diff [OPTIONS] LEFT RIGHT"
run "$SPECDIFF" help check
expect_out "usage: specdiff check"
printf 'a: [1\n' >bad.yaml
printf '\t- a\n' >tab.yaml
run "$SPECDIFF" diff bad.yaml bad.yaml
expect_err "bad.yaml:1:1: did not find expected ',' or ']' while parsing a flow sequence begun at line 1 column 4"
run "$SPECDIFF" diff tab.yaml tab.yaml
expect_err "tab.yaml:1:1: found character that cannot start any token while scanning for the next token"
expect_eq "$(grep -c 'line 1 column 1' "$err")" 0 "the position once"
t_done
