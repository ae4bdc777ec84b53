#!/bin/sh
# specdiff explain --go writes, byte for byte, the reproducers committed
# under tests/gofacts/repro (whose recorded Go output test_gofacts checks
# against specdiff's facts); usage errors and the no-difference case.
. tests/lib.sh

n=0
grep -v '^#' tests/gofacts/repro.tsv >"$T_TMP/rows"
while IFS='	' read -r name left right ptr; do
	# shellcheck disable=SC2086
	run "$SPECDIFF" explain --go "$left" "$right" $ptr
	expect_rc 0
	t_checks=$((t_checks + 1))
	cmp -s "$out" "tests/gofacts/repro/$name.go" ||
		t_fail "explain --go differs from tests/gofacts/repro/$name.go (tools/gofacts/gen-repro.sh rewrites it with real Go)"
	n=$((n + 1))
done <"$T_TMP/rows"
expect_eq "$([ "$n" -ge 29 ] && echo ok)" ok "at least 29 reproducers"

ex=examples/sysctl-nil-vs-empty
run "$SPECDIFF" explain --go "$ex/checkpoint.json" "$ex/restore.json"
expect_out "// Reproducer for /linux/sysctl, written by specdiff explain --go."
expect_out 'Sysctl map[string]string `json:"sysctl,omitempty"`'
expect_out 'fmt.Println("reflect.DeepEqual:", lok == rok && reflect.DeepEqual(lv, rv))'

# identical documents: nothing to show without a POINTER
ex=examples/runsc-round-trip
run "$SPECDIFF" explain --go "$ex/checkpoint.json" "$ex/restore.json"
expect_rc 1
expect_err "give a POINTER"

# a member Go drops has no value to reproduce
printf '{"ociVersion":"1.0.2","x-vendor":1}' >"$T_TMP/l.json"
printf '{"ociVersion":"1.0.2","x-vendor":2}' >"$T_TMP/r.json"
run "$SPECDIFF" explain --go "$T_TMP/l.json" "$T_TMP/r.json" /x-vendor
expect_rc 2
expect_err "json.Unmarshal drops it"

run "$SPECDIFF" explain --go "$T_TMP/l.json"
expect_rc 2
expect_err "expected LEFT RIGHT"
run "$SPECDIFF" explain --go --help
expect_rc 0
expect_out "usage: specdiff explain --go"
t_done
