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
expect_eq "$(grep -c '^gvisor-20260413 .*PASS$' "$out")" 1 "gvisor-20260413 row passes"

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
expect_out "\"gvisor-2024\": {\"pass\": false, \"errors\": [\"$MSG\"], \"warnings\": []}"
expect_out '"gvisor-20241210": {"pass": true, "errors": [], "warnings": []}'
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
run "$SPECDIFF" check --list-profiles
expect_rc 0
expect_eq "$(grep -c '^gvisor-' "$out")" 10 "profiles listed"
t_done
