#!/bin/sh
# The loaders against Go's recorded answers (tests/loaders/cases): each
# NAME.yaml / NAME.json comes with NAME.go, what gopkg.in/yaml.v3 3.0.1 and
# the YAML->JSON step, or encoding/json of Go 1.19, made of it (recorded by
# tests/loaders/gen -record; `make test` needs no Go):
#   ok JSON           specdiff must read the same value: `diff --schema none`
#                     of the input against JSON reports equal (exit 0)
#   error L C MSG     specdiff must refuse it (exit 2); with L > 0 at that
#                     line (YAML: the line yaml.v3 prints) and, for JSON,
#                     column C (the byte SyntaxError.Offset names)
. "$(dirname "$0")/../lib.sh"
cases=$(cd "$(dirname "$0")/../loaders/cases" && pwd)
n=0
for go in "$cases"/*.go; do
	name=${go%.go}
	input=$name.yaml
	[ -f "$input" ] || input=$name.json
	read -r verdict rest <"$go"
	n=$((n + 1))
	case $verdict in
	ok)
		printf '%s\n' "$rest" >"$T_TMP/go.json"
		run "$SPECDIFF" diff --schema none --quiet "$input" "$T_TMP/go.json"
		expect_rc 0
		;;
	error)
		line=${rest%% *}
		col=${rest#* }
		col=${col%% *}
		run "$SPECDIFF" normalize --to json --schema none "$input"
		expect_rc 2
		base=$(basename "$input")
		if [ "$line" -gt 0 ] && [ "$input" = "$name.json" ]; then
			expect_err "$base:$line:$col: "
		elif [ "$line" -gt 0 ]; then
			expect_err "$base:$line:"
		fi
		;;
	*) expect_eq "$verdict" "ok|error" "verdict in $go" ;;
	esac
done
expect_eq "$([ "$n" -ge 40 ] && echo enough)" enough "recorded cases found ($n)"

# --roundtrip writes the string bytes of the newest Go's json.Marshal
# (\b and \f by name since Go 1.22; U+2028, U+2029 and <>& escaped, DEL raw)
printf '{"ociVersion":"1.0.2","hostname":"a\\b\\f\\u007f\\u2028<>&"}' >"$T_TMP/esc.json"
run "$SPECDIFF" normalize --roundtrip "$T_TMP/esc.json"
expect_rc 0
expect_out "$(printf '"hostname": "a\\b\\f\177\\u2028\\u003c\\u003e\\u0026"')"
# normalize without it keeps every byte in the writer's own spelling
run "$SPECDIFF" normalize "$T_TMP/esc.json"
expect_out '"hostname": "a\b\f\u007f'

# Hostile inputs (issue 19): a 10^6-digit number is cut in the message; 10^5
# duplicate keys are counted, not listed; 10^5 anchors each used once load
# (alias lookup is a hash; no timing asserted here)
awk 'BEGIN { printf "["; for (i = 0; i < 100000; i++) printf "1111111111"; printf "e400]" }' >"$T_TMP/long.json"
run "$SPECDIFF" normalize --schema none "$T_TMP/long.json"
expect_rc 2
expect_err "cannot unmarshal number 1111111111111111111111111111111111111111…(1000004 characters) into Go value of type float64"
expect_eq "$([ "$(wc -c <"$err")" -lt 400 ] && echo short)" short "a short message ($(wc -c <"$err") bytes)"
awk 'BEGIN { for (i = 0; i < 100000; i++) print "a: 1" }' >"$T_TMP/dups.yaml"
run "$SPECDIFF" normalize "$T_TMP/dups.yaml"
expect_rc 2
expect_err '  line 11: mapping key "a" already defined at line 1'
expect_err '  ... and 99989 more duplicate keys'
awk 'BEGIN { print "a:"; for (i = 0; i < 100000; i++) print "  - &a" i " x"; print "b:"; for (i = 0; i < 100000; i++) print "  - *a" i }' >"$T_TMP/anchors.yaml"
run "$SPECDIFF" normalize --to json "$T_TMP/anchors.yaml"
expect_rc 0
# --doc past its limit says the limit; ~2 in a pointer is an invalid escape
run "$SPECDIFF" normalize --doc 999999999 "$T_TMP/dups.yaml"
expect_rc 2
expect_err "--doc takes a document number from 1 to 1000000 (the limit), not '999999999'"
printf '{"a": {"b": 1}}' >"$T_TMP/p.json"
run "$SPECDIFF" normalize "$T_TMP/p.json#/a~2"
expect_rc 2
expect_err "JSON pointer /a~2 has an invalid escape '~2'"
t_done
