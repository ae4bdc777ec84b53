#!/bin/sh
# Writers keep the source's shape: indentation (tabs, or N spaces, as
# detected), key order, line ends (CRLF) and the final newline (runc spec
# writes none), so a one-field fix of a hand-kept config.json is a one-line
# "git diff" (--numstat: lines added, deleted).  normalize -o and --in-place
# here; the explorer's w in tests/tui/test_write_shape.sh.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ex=$ROOT/examples/sysctl-nil-vs-empty
cd "$T_TMP" || exit 2
numstat() { git diff --no-index --numstat "$1" "$2" | cut -f1,2 | tr '\t' ' '; }

# runc's tab-indented file: dropping "sysctl": {} touches the line before
# (its comma) and deletes one
cp "$ex/checkpoint.json" ck.json
cp "$ex/restore.json" rs.json
run "$SPECDIFF" normalize --like-roundtrip --like ck.json rs.json -o fixed.json
expect_rc 0
expect_eq "$(numstat rs.json fixed.json)" "1 2" "tab-indented fix (added deleted)"
# a value kept, one nil/empty spelling changed in place: one line
sed 's/"sysctl": {}/"sysctl": null/' rs.json >null.json
run "$SPECDIFF" normalize --like rs.json null.json -o explicit.json
expect_eq "$(numstat null.json explicit.json)" "1 1" "null -> {} in a tab-indented file"
run "$SPECDIFF" normalize rs.json -o same.json
expect_eq "$(numstat rs.json same.json)" "" "normalize of a tab-indented file changes nothing"

# four spaces, CRLF, no final newline (as runc spec writes it)
sed 's/\t/    /g' rs.json | sed 's/$/\r/' >crlf.json
head -c -2 crlf.json >crlf-nonl.json
for f in crlf.json crlf-nonl.json; do
	cp "$f" "in-$f"
	run "$SPECDIFF" normalize --in-place --empty omit "in-$f"
	expect_rc 0
	expect_eq "$(numstat "$f" "in-$f")" "1 2" "$f rewritten in place"
	expect_eq "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" "$(tail -c 1 "in-$f" | od -An -c | tr -d ' ')" \
		"$f: the last byte"
	expect_eq "$(grep -c "$(printf '\r')\$" "in-$f")" "$(($(grep -c "$(printf '\r')\$" "$f") - 1))" \
		"$f: every line still ends CRLF"
	cmp -s "$f" "in-$f.orig" || { t_checks=$((t_checks + 1)); t_fail "$f: the backup is not the original"; }
done
# three-space YAML stays three-space (sequences indented under their key, as
# the YAML writer puts them)
printf 'ociVersion: 1.0.2\nlinux:\n   sysctl: {}\n   maskedPaths:\n      - /proc/kcore\n' >three.yaml
run "$SPECDIFF" normalize --empty omit three.yaml -o three-fixed.yaml
expect_eq "$(numstat three.yaml three-fixed.yaml)" "0 1" "three-space YAML"
# a compact or standard-input source gets the canonical two spaces
printf '{"ociVersion": "1.0.2", "hostname": "h"}' >compact.json
run "$SPECDIFF" normalize compact.json
expect_out '  "hostname": "h"'
run sh -c "\"\$0\" normalize - <rs.json" "$SPECDIFF"
expect_out '  "ociVersion"'
t_done
