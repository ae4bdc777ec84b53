#!/bin/sh
# The top-level command line: help, version, usage errors, and
# "specdiff LEFT RIGHT" behaving like "specdiff diff" when not on a terminal.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EX=$ROOT/examples/sysctl-nil-vs-empty

run "$SPECDIFF" --help
expect_rc 0
for word in diff check explain normalize --mode --format --profile --runsc --as-given \
	--like --empty --order --ignore --only --restore-relevant --theme --container; do
	expect_out "$word"
done
lines=$(wc -l <"$out")
expect_eq "$([ "$lines" -le 60 ] && echo fits)" fits "--help on one screen (60 lines; it has $lines)"

run "$SPECDIFF" --version
expect_rc 0
expect_out "specdiff "

run "$SPECDIFF"
expect_rc 2
expect_err "usage: specdiff"

# Not a terminal: the report of "specdiff diff", with its exit status.
run "$SPECDIFF" "$EX/checkpoint.json" "$EX/restore.json" </dev/null
expect_rc 1
expect_out "[nil-vs-empty] /linux/sysctl"
run "$SPECDIFF" --mode semantic "$EX/checkpoint.json" "$EX/restore.json" </dev/null
expect_rc 0
# Explorer-only options do not break the report in a pipe.
run "$SPECDIFF" --theme light "$EX/checkpoint.json" "$EX/restore.json" </dev/null
expect_rc 1
expect_out "[nil-vs-empty] /linux/sysctl"
run "$SPECDIFF" --theme=light --format json "$EX/checkpoint.json" "$EX/restore.json" </dev/null
expect_rc 1
expect_out '"class":"nil-vs-empty"'

# Wrong argument counts and unknown options: exit 2 with a one-line hint.
run "$SPECDIFF" diff "$EX/checkpoint.json"
expect_rc 2
expect_err "Try 'specdiff diff --help'"
run "$SPECDIFF" check --bogus "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 2
expect_err "Try 'specdiff check --help'"
t_done
