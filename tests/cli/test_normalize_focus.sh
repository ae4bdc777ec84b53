#!/bin/sh
# normalize --like with --ignore/--only/--restore-relevant: no --like change
# at a path the focus ignores, every other change still made.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EX=$ROOT/examples/sysctl-nil-vs-empty
CK=$EX/checkpoint.json
RS=$EX/restore.json
cd "$T_TMP" || exit 2

# Without a focus --like removes the empty sysctl: strictly equal afterwards.
run "$SPECDIFF" normalize --like "$CK" "$RS" -o plain.json
expect_rc 0
run "$SPECDIFF" diff "$CK" plain.json
expect_rc 0

# --ignore on that path: left as it was, with a note.
run "$SPECDIFF" normalize --like "$CK" --ignore /linux/sysctl "$RS" -o ign.json
expect_rc 0
expect_err "1 --like change(s) not made at ignored paths"
run "$SPECDIFF" diff --format json "$CK" ign.json
expect_rc 1
expect_out '"path":"/linux/sysctl","class":"nil-vs-empty"'

# --only elsewhere leaves it; --only covering it makes the change.
run "$SPECDIFF" normalize --like "$CK" --only '/process/**' "$RS" -o only-p.json
run "$SPECDIFF" diff "$CK" only-p.json
expect_rc 1
run "$SPECDIFF" normalize --like "$CK" --only '/linux/**' "$RS" -o only-l.json
run "$SPECDIFF" diff "$CK" only-l.json
expect_rc 0

# --restore-relevant: runsc from release-20241210.0 tolerates nil vs {} for
# sysctl, so there is nothing to change for that profile; gvisor-2024 does.
run "$SPECDIFF" normalize --like "$CK" --restore-relevant=gvisor-20241210 "$RS" -o rr.json
run "$SPECDIFF" diff "$CK" rr.json
expect_rc 1
run "$SPECDIFF" normalize --like "$CK" --restore-relevant=gvisor-2024 "$RS" -o rr24.json
run "$SPECDIFF" diff "$CK" rr24.json
expect_rc 0

# Set-like order: an ignored env keeps its own order.
cat >l.json <<'J'
{"ociVersion":"1.1.0","process":{"cwd":"/","env":["A=1","B=2"],"capabilities":{"bounding":["CAP_A","CAP_B"]}}}
J
cat >r.json <<'J'
{"ociVersion":"1.1.0","process":{"cwd":"/","env":["B=2","A=1"],"capabilities":{"bounding":["CAP_B","CAP_A"]}}}
J
run "$SPECDIFF" normalize --like l.json --ignore /process/env r.json -o o.json
expect_rc 0
run "$SPECDIFF" diff --format json l.json o.json
expect_out '"path":"/process/env","class":"order-only"'
expect_no_out '/process/capabilities/bounding'

# Focus options need --like; a bad pattern is a usage error.
run "$SPECDIFF" normalize --ignore /linux "$RS"
expect_rc 2
expect_err "go with --like OTHER"
run "$SPECDIFF" normalize --like "$CK" --restore-relevant=gvisor-1999 "$RS"
expect_rc 2
expect_err "unknown profile or release"

# The configuration file's ignore lines apply to --like as they do to diff.
printf 'ignore /linux/sysctl\n' >cfg
SPECDIFF_CONFIG=$T_TMP/cfg
export SPECDIFF_CONFIG
run "$SPECDIFF" normalize --like "$CK" "$RS" -o cfg.json
SPECDIFF_CONFIG=
run "$SPECDIFF" diff "$CK" cfg.json
expect_rc 1
t_done
