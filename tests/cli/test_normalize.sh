#!/bin/sh
# specdiff normalize: options, -o, and a JSON/YAML round trip of every case
# file of the conformance corpus (output normalized again is byte-identical).
. "$(dirname "$0")/../lib.sh"
CASES=$(cd "$(dirname "$0")/../conformance/cases" && pwd)

run "$SPECDIFF" normalize --help
expect_rc 0
expect_out 'usage: specdiff normalize'
run "$SPECDIFF" normalize --to xml x.json
expect_rc 2
expect_err '--to takes json or yaml'
run "$SPECDIFF" normalize
expect_rc 2
run "$SPECDIFF" normalize --bogus x.json
expect_rc 2

cd "$T_TMP"
printf '{"num": 18446744073709551615, "f": 1.0e-7, "e": {}, "z": null, "s": "yes"}' > in.json
run "$SPECDIFF" normalize in.json
expect_rc 0
expect_out '"num": 18446744073709551615,'
expect_out '"f": 1.0e-7,'
expect_out '"e": {},'
run "$SPECDIFF" normalize --to yaml in.json
expect_rc 0
expect_out 'num: 18446744073709551615'
expect_out 's: "yes"'
run "$SPECDIFF" normalize --to yaml -o out.yaml in.json
expect_rc 0
expect_eq "$(cat out.yaml | head -1)" "num: 18446744073709551615" "-o output"
run "$SPECDIFF" normalize -o in.json in.json
expect_rc 2
expect_err 'refusing to overwrite an input file'
expect_eq "$(head -c 8 in.json)" '{"num": ' "input untouched"
run "$SPECDIFF" normalize -o nodir/out.json in.json
expect_rc 2
expect_err 'nodir/out.json'
printf '# c\na: 1\n' > c.yaml
run "$SPECDIFF" normalize c.yaml
expect_rc 0
expect_err 'comments in YAML input are not kept'
run "$SPECDIFF" normalize --quiet c.yaml
expect_no_out '#'
expect_eq "$(cat "$err")" "" "--quiet silences notes"

n=0
for f in "$CASES"/*/left.* "$CASES"/*/right.*; do
	"$SPECDIFF" normalize --quiet "$f" > /dev/null 2>&1 || continue
	for to in json yaml; do
		"$SPECDIFF" normalize --quiet --to $to "$f" > first.$to 2>/dev/null
		"$SPECDIFF" normalize --quiet first.$to > second.$to 2>/dev/null
		t_checks=$((t_checks + 1))
		if ! cmp -s first.$to second.$to; then
			t_failures=$((t_failures + 1))
			echo "FAIL: $f through $to is not stable"
			diff first.$to second.$to | head -5
		fi
	done
	n=$((n + 1))
done
expect_eq "$([ "$n" -ge 100 ] && echo many)" many "round-tripped $n case files"
t_done
