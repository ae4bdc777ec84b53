#!/bin/sh
# specdiff diff: exit statuses, the three report formats, options.
cd "$(dirname "$0")/../.."
. tests/lib.sh
C=tests/conformance/cases
EX=examples/sysctl-nil-vs-empty

# the incident: one nil-vs-empty at /linux/sysctl
if [ -f "$EX/checkpoint.json" ] && [ -f "$EX/restore.json" ]; then
	run "$SPECDIFF" diff --format json "$EX/checkpoint.json" "$EX/restore.json"
	expect_rc 1
	expect_eq "$(grep -c '"class":"' "$out")" \
		"$(grep -c '"class":"cosmetic"' "$out" | awk '{print $1 + 1}')" "one non-cosmetic diff"
	expect_out '{"path":"/linux/sysctl","class":"nil-vs-empty"'
	run "$SPECDIFF" diff --mode semantic "$EX/checkpoint.json" "$EX/restore.json"
	expect_rc 0
	expect_out "[nil-vs-empty] /linux/sysctl"
	expect_out "strict: different, semantic: equal"
else
	echo "SKIP: $EX/checkpoint.json and restore.json are not there yet"
fi

L=$C/002-incident-sysctl-absent-vs-empty/left.json
R=$C/002-incident-sysctl-absent-vs-empty/right.json
run "$SPECDIFF" diff "$L" "$R"
expect_rc 1
expect_out "--- $L"
expect_out "[nil-vs-empty] /linux/sysctl"
expect_out "<nil map>"
expect_out "map[] (empty, not nil)"
expect_out "$R:219"
expect_out "summary: 0 value, 1 nil-vs-empty, 0 order-only, 0 cosmetic; strict: different, semantic: equal"
expect_no_out "$(printf '\033[')"

# colour only when asked (or on a terminal), never with NO_COLOR
run "$SPECDIFF" diff --color always "$L" "$R"
expect_out "$(printf '\033[1;33m')[nil-vs-empty]"
NO_COLOR=1 run "$SPECDIFF" diff "$L" "$R"
expect_no_out "$(printf '\033[')"

run "$SPECDIFF" diff --mode semantic --format json "$L" "$R"
expect_rc 0
expect_out '"strict_equal":false,"semantic_equal":true,"mode":"semantic","equal":true'

# identical files: 0, an empty diff list
run "$SPECDIFF" diff --format json "$L" "$L"
expect_rc 0
expect_out '"diffs":[]'

# cosmetic only: equal in both modes, shown in the text report, dimmed in colour
K=$C/014-terminal-false-vs-absent
run "$SPECDIFF" diff "$K/left.json" "$K/right.json"
expect_rc 0
expect_out "[cosmetic] /process/terminal"
run "$SPECDIFF" diff --no-cosmetic "$K/left.json" "$K/right.json"
expect_no_out "[cosmetic]"

# value and order-only classes
V=$C/110-rnd-runc-default-set-like-process-capabilities-a
run "$SPECDIFF" diff --mode semantic "$V/left.json" "$V/right.json"
expect_rc 1
expect_out "[order-only]"
expect_out "[value]"

# a decode failure: reported, exit 2, JSON still says which side
D=$C/033-pids-limit-1-0
run "$SPECDIFF" diff --format json "$D/left.json" "$D/right.json"
expect_rc 2
expect_out '"decode":{"left":null,"right":"json: cannot unmarshal number 4096.0'
expect_err "specdiff: "

# a load failure: exit 2, the error names the file
run "$SPECDIFF" diff "$L" /nonexistent/x.json
expect_rc 2
expect_err "/nonexistent/x.json"

# usage errors
run "$SPECDIFF" diff "$L"
expect_rc 2
expect_err "expected two inputs"
run "$SPECDIFF" diff --mode loose "$L" "$R"
expect_rc 2
expect_err "--mode takes strict or semantic"
run "$SPECDIFF" diff --format xml "$L" "$R"
expect_rc 2
run "$SPECDIFF" diff --help
expect_rc 0
expect_out "usage: specdiff diff"

# patch: RFC 6902, add for the sysctl map
run "$SPECDIFF" diff --format patch "$L" "$R"
expect_rc 1
expect_out '{"op":"add","path":"/linux/sysctl","value":{}}'
run "$SPECDIFF" diff --format patch "$L" "$L"
expect_rc 0
expect_eq "$(cat "$out")" "[]" "empty patch"

# not OCI documents: the interface{} view
printf '{"a": 1, "b": [1, 2]}' >"$T_TMP/a.json"
printf '{"b": [1, 2], "a": 1.0, "c": null}' >"$T_TMP/b.json"
run "$SPECDIFF" diff --schema none --format json "$T_TMP/a.json" "$T_TMP/b.json"
expect_rc 1
expect_out '{"path":"/c","class":"value"'
expect_out '{"path":"/a","class":"cosmetic"'

# stdin and PATH#/pointer inputs
run sh -c "'$SPECDIFF' diff --schema none - '$T_TMP/b.json#/b' <'$T_TMP/a.json'"
expect_rc 1

# the bare form behaves like diff when not on a terminal
run sh -c "'$SPECDIFF' '$L' '$R' </dev/null"
expect_rc 1
expect_out "[nil-vs-empty] /linux/sysctl"

t_done
