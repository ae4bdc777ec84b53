#!/bin/sh
# test_check.sh - "specdiff check": the incident's exact message, release
# selection, round trip vs --as-given, checkpoint images, JSON output,
# warnings and the exit statuses (0 pass, 1 fail, 2 trouble).
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
EX=examples/sysctl-nil-vs-empty
D=$T_TMP
MSG='Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]'

# The incident (acceptance check): checkpoint without sysctl, restore with {}.
run "$SPECDIFF" check "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 1
expect_out "$MSG"
expect_out "verdict: fails up to release-20241202.0, passes from release-20241210.0"
expect_eq "$(grep -c '^gvisor-2024 .*FAIL$' "$out")" 1 "gvisor-2024 row fails"
expect_eq "$(grep -c '^gvisor-20241210 .*PASS$' "$out")" 1 "gvisor-20241210 row passes"
expect_eq "$(tail -n 3 "$out" | grep -c 'verdict: fails up to release-20241202.0')" 1 "the newest rows pass"

# --runsc picks the profile that release used.
run "$SPECDIFF" check --runsc release-20241210.0 "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 0
expect_out "gvisor-20241210"
expect_no_out "gvisor-2024 "
run "$SPECDIFF" check --runsc release-20241104.0 "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 1
expect_out "$MSG"
run "$SPECDIFF" check --runsc release-2024 "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 2
expect_err "--runsc takes a release tag"

# JSON output: the corpus's shape and strings.
run "$SPECDIFF" check --format json --profile gvisor-2024,gvisor-20241210 "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 1
expect_out '"container": "__no_name_0", "roundtrip": true'
expect_out "\"gvisor-2024\": {\"types\": \"v1.1.0-rc.1\", \"pass\": false, \"errors\": [\"$MSG\"], \"warnings\": [], \"fields\": [\"Sysctl\"], \"next\": []}"
expect_out '"gvisor-20241210": {"types": "v1.1.0-rc.1", "pass": true, "errors": [], "warnings": [], "fields": [], "next": []}'
expect_no_out '"gvisor-20241118"'

# Byte-identical specs with "sysctl": {}: the round trip turns the stored
# copy's {} into nil (case 003); --as-given compares the files as written.
printf '{"ociVersion": "1.0.2", "linux": {"sysctl": {}}}\n' >"$D/same.json"
run "$SPECDIFF" check --profile gvisor-2024 --container web-1 "$D/same.json" "$D/same.json"
expect_rc 1
expect_out 'Sysctl does not match across checkpoint restore for container: web-1, checkpoint map[] restore map[]'
run "$SPECDIFF" check --profile gvisor-2024 --as-given "$D/same.json" "$D/same.json"
expect_rc 0
expect_out "compared as given"

# Warnings do not fail: resources changes only warn from release-20241217.0.
printf '{"linux": {"resources": {"pids": {"limit": 5}}}}\n' >"$D/res-a.json"
printf '{"linux": {"resources": {"pids": {"limit": 6}}}}\n' >"$D/res-b.json"
run "$SPECDIFF" check --profile gvisor-20241210,gvisor-20241217 "$D/res-a.json" "$D/res-b.json"
expect_rc 1
expect_out "pass with warnings"
expect_out "warning: specs.Linux.Resources has been changed during restore, err Resources does not match across checkpoint restore for container: __no_name_0, checkpoint &{[] <nil> <nil> 0xADDR <nil> [] <nil> map[] map[]} restore &{[] <nil> <nil> 0xADDR <nil> [] <nil> map[] map[]}"
run "$SPECDIFF" check --profile gvisor-20241217 "$D/res-a.json" "$D/res-b.json"
expect_rc 0

# A checkpoint image: its stored copy is used as it is, and its container
# name goes into the messages.
spec='{\"ociVersion\":\"1.0.2\",\"linux\":{\"sysctl\":{}}}'
printf '{"container_specs":"{\\"web\\":%s}","runsc_version":"release-20241104.0"}' "$spec" >"$D/meta.json"
len=$(wc -c <"$D/meta.json" | tr -d ' ')
{
	printf 'gVisorSF'
	i=7
	while [ $i -ge 0 ]; do
		printf "\\$(printf %03o $(( (len >> (8 * i)) & 255 )))"
		i=$((i - 1))
	done
	cat "$D/meta.json"
} >"$D/checkpoint.img"
printf '{"ociVersion":"1.0.2"}\n' >"$D/restore.json"
run "$SPECDIFF" check --format json --profile gvisor-2024 "$D/checkpoint.img" "$D/restore.json"
expect_rc 1
expect_out '"container": "web", "roundtrip": false'
expect_out 'Sysctl does not match across checkpoint restore for container: web, checkpoint map[] restore map[]'
run "$SPECDIFF" check --profile gvisor-2024 "$D/checkpoint.img" "$D/same.json"
expect_rc 0

# Trouble: runsc refuses a spec it cannot decode; missing files; bad options.
printf '{"process": {"terminal": "yes"}}\n' >"$D/bad.json"
run "$SPECDIFF" check "$D/same.json" "$D/bad.json"
expect_rc 2
expect_err "runsc cannot decode the restore spec"
run "$SPECDIFF" check "$D/missing.json" "$D/same.json"
expect_rc 2
run "$SPECDIFF" check --profile gvisor-1999 "$D/same.json" "$D/same.json"
expect_rc 2
expect_err "unknown profile 'gvisor-1999'"
run "$SPECDIFF" check --format xml "$D/same.json" "$D/same.json"
expect_rc 2
run "$SPECDIFF" check "$D/same.json"
expect_rc 2
run "$SPECDIFF" check --help
expect_rc 0
expect_out "usage: specdiff check"
# The profiles are exactly the windows of the corpus's PROFILES.tsv, in order.
run "$SPECDIFF" check --list-profiles
expect_rc 0
expect_eq "$(awk '{print $1, $2, ($3 == ".." ? $4 : $2)}' "$out")" \
	"$(grep -v '^#' tests/conformance/PROFILES.tsv | cut -f1-3 | tr '\t' ' ')" "profiles vs PROFILES.tsv"

# README's profile table says the same (name, window, types, format).
expect_eq "$(grep '^| `gvisor-' README.md | tr -d '`|' | awk '{print $1, $2, ($3 == ".." ? $4 : $2), $NF, $(NF-1)}')" \
	"$(awk '{w = ($3 == ".." ? 5 : 3); print $1, $2, ($3 == ".." ? $4 : $2), $(w + 1), $w}' "$out")" "README's profile table"

# A release newer than every window: the newest profile, with a warning.
newest=$(tail -n 1 "$out" | awk '{print $1}')
last=$(tail -n 1 "$out" | awk '{print ($3 == ".." ? $4 : $2)}')
run "$SPECDIFF" check --runsc release-29990101.0 "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 0
expect_out "$newest"
expect_err "release-29990101.0 is newer than every profile; answering with $newest, whose window ends at $last"
run "$SPECDIFF" check --format json --runsc release-29990101.0 "$EX/checkpoint.json" "$EX/restore.json"
expect_out "\"newer_than_profiles\": {\"release\": \"release-29990101.0\", \"profile\": \"$newest\", \"last_release\": \"$last\"}"
run "$SPECDIFF" check --quiet --runsc "$last" "$EX/checkpoint.json" "$EX/restore.json"
expect_rc 0
expect_eq "$(cat "$err")" "" "no warning for a release inside the newest window"

# Each profile decodes with its own types: byte-identical specs with
# "timeOffsets": {} pass the v1.1.0-rc.1 windows and fail the v1.2 ones.
printf '{"ociVersion": "1.0.2", "linux": {"timeOffsets": {}}}' >"$D/to.json"
run "$SPECDIFF" check --format json --profile gvisor-20250304,gvisor-20250421,gvisor-20260413,gvisor-20260511 "$D/to.json" "$D/to.json"
expect_rc 1
expect_out '"gvisor-20250304": {"types": "v1.1.0-rc.1", "pass": true'
expect_out '"gvisor-20250421": {"types": "v1.2.0", "pass": false, "errors": ["Linux does not match'
expect_out '"gvisor-20260413": {"types": "v1.1.0-rc.1", "pass": true'
expect_out '"gvisor-20260511": {"types": "v1.2.1", "pass": false'
# A value only v1.2 types reject: a decode failure of those profiles only.
printf '{"ociVersion": "1.0.2", "linux": {"timeOffsets": {"x": 1}}}' >"$D/to-bad.json"
run "$SPECDIFF" check --format json --profile gvisor-20250304,gvisor-2025 "$D/to-bad.json" "$D/to.json"
expect_rc 1
expect_out '"gvisor-20250304": {"types": "v1.1.0-rc.1", "pass": true'
expect_out '"decode": {"checkpoint": "json: cannot unmarshal number into Go struct field Linux.linux.timeOffsets of type specs.LinuxTimeOffset", "restore": null}'
run "$SPECDIFF" check "$D/to-bad.json" "$D/to.json"
expect_out "cannot decode the checkpoint spec with specs-go v1.2.0"
run "$SPECDIFF" check --profile gvisor-2025 "$D/to-bad.json" "$D/to.json"
expect_rc 2
expect_err "runsc cannot decode the checkpoint spec"
# Past the first error: what runsc would report next, labelled; the verdict
# is still runsc's (its first error).
RF=examples/realistic-restore-failure
printf '{"ociVersion": "1.0.2", "process": {"cwd": "/a"}, "linux": {"sysctl": {"a": "1"}}}' >"$D/n1.json"
printf '{"ociVersion": "1.0.2", "process": {"cwd": "/b"}, "linux": {"sysctl": {}}}' >"$D/n2.json"
run "$SPECDIFF" check --profile gvisor-20250915 "$D/n1.json" "$D/n2.json"
expect_rc 1
expect_out "  error: Cwd does not match across checkpoint restore for container: __no_name_0, checkpoint /a restore /b"
expect_out "  next, once that is fixed (runsc stops at its first error"
expect_out "    then: Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[a:1] restore map[]"
run "$SPECDIFF" check --format json --profile gvisor-20250915 "$D/n1.json" "$D/n2.json"
expect_out '"fields": ["Cwd"], "next": [{"field": "Sysctl", "warning": false, "message": "Sysctl does not match'

# --pairs: the upgrade gate, one line per pair, a summary, exit 1 on a failure
printf '# comment\n%s %s\n\n%s %s web\n' "$EX/checkpoint.json" "$EX/restore.json" "$D/n1.json" "$D/n2.json" >"$D/pairs"
run "$SPECDIFF" check --runsc release-20241210.0 --pairs "$D/pairs"
expect_rc 1
expect_out "PASS  $EX/checkpoint.json $EX/restore.json"
expect_out "FAIL  $D/n1.json $D/n2.json web  (gvisor-20241210: Cwd)"
expect_out "2 pairs: 1 pass, 0 pass with warnings, 1 fail, 0 could not be loaded"
expect_out "  1 failing at Cwd"
run "$SPECDIFF" check --runsc release-20241210.0 --format json --pairs "$D/pairs"
expect_rc 1
expect_eq "$(wc -l <"$out")" 3 "JSON lines: one per pair and the summary"
expect_out "{\"line\": 4, \"checkpoint\": \"$D/n1.json\", \"restore\": \"$D/n2.json\", \"container\": \"web\", \"verdict\": \"fail\", \"field\": \"Cwd\""
expect_out '{"summary": {"pairs": 2, "pass": 1, "warn": 0, "fail": 1, "error": 0, "fields": {"Cwd": 1}}}'
printf '%s %s\n%s %s/missing.json\n' "$EX/checkpoint.json" "$EX/restore.json" "$EX/checkpoint.json" "$D" >"$D/pairs2"
run "$SPECDIFF" check --runsc release-20241210.0 --pairs "$D/pairs2"
expect_rc 2
expect_err "--pairs line 2 ($EX/checkpoint.json $D/missing.json)"
expect_out "ERROR $EX/checkpoint.json $D/missing.json"
printf 'just-one-word\n' >"$D/pairs3"
run "$SPECDIFF" check --pairs "$D/pairs3"
expect_rc 2
expect_err "expected CHECKPOINT RESTORE [NAME]"
run "$SPECDIFF" check --pairs "$D/pairs" a b
expect_rc 2
t_done
