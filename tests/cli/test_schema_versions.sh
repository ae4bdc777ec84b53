#!/bin/sh
# test_schema_versions.sh - the specs-go types per version: the committed
# tables were generated from config.go (tools/gen_oci_schema) and equal the
# corpus's reflect-generated ones; diff decodes with the newest profile's
# types by default and with any version, profile or release on request.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
D=$T_TMP

t_checks=$((t_checks + 1))
cmp -s core/oci-schema-v1.1.0-rc.1.jsonl tests/conformance/oci-schema.jsonl ||
	t_fail "core/oci-schema-v1.1.0-rc.1.jsonl differs from the corpus's oci-schema.jsonl"
t_checks=$((t_checks + 1))
cmp -s core/oci-schema-v1.2.1.jsonl tests/conformance/oci-schema-v1.2.1.jsonl ||
	t_fail "core/oci-schema-v1.2.1.jsonl differs from the corpus's oci-schema-v1.2.1.jsonl"

printf '{"ociVersion": "1.0.2", "linux": {"timeOffsets": {}}}' >"$D/to.json"
printf '{"ociVersion": "1.0.2", "linux": {}}' >"$D/none.json"
# timeOffsets {} against absent: nil-vs-empty with the engine's types ...
run "$SPECDIFF" diff --schema oci --format json "$D/none.json" "$D/to.json"
expect_rc 1
expect_out '{"path":"/linux/timeOffsets","class":"nil-vs-empty"'
# ... an unknown field, dropped, for specs-go v1.1.0-rc.1
run "$SPECDIFF" diff --schema oci --spec-version v1.1.0-rc.1 "$D/none.json" "$D/to.json"
expect_rc 0
run "$SPECDIFF" diff --schema oci --spec-version v1.2.0 "$D/none.json" "$D/to.json"
expect_rc 1
# a profile or release picks its runsc's types
first=$("$SPECDIFF" check --list-profiles | head -n 1 | awk '{print $1, $2}')
run "$SPECDIFF" diff --schema oci --profile "${first% *}" "$D/none.json" "$D/to.json"
expect_rc 0
run "$SPECDIFF" diff --schema oci --runsc "${first#* }" "$D/none.json" "$D/to.json"
expect_rc 0
run "$SPECDIFF" diff --schema oci --spec-version v9 "$D/none.json" "$D/to.json"
expect_rc 2
expect_err "--spec-version takes one of v1.1.0-rc.1, v1.2.0, v1.2.1, v1.3.0, not 'v9'"
run "$SPECDIFF" diff --schema oci --profile nope "$D/none.json" "$D/to.json"
expect_rc 2
# v1.3.0 knows linux.netDevices; v1.2.1 drops it
printf '{"ociVersion": "1.0.2", "linux": {"netDevices": {"eth0": {}}}}' >"$D/nd.json"
run "$SPECDIFF" diff --schema oci "$D/none.json" "$D/nd.json"
expect_rc 0
run "$SPECDIFF" diff --schema oci --spec-version v1.3.0 "$D/none.json" "$D/nd.json"
expect_rc 1
t_done
