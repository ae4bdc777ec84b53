#!/bin/sh
# test_image.sh - gVisor checkpoint images as input (DESIGN section 2).
# Images are built here: "gVisorSF", a big-endian uint64 length, the
# metadata JSON (container_specs holds the specs' JSON as a string), then
# payload bytes standing in for the memory image, which is never parsed.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
EX=examples/sysctl-nil-vs-empty
CK=$EX/checkpoint.json
RS=$EX/restore.json
D=$T_TMP

. tests/image_lib.sh

# The stored copy of the incident's checkpoint spec (no sysctl).
meta "$D/one.meta" ta-01 "$CK"
mkdir -p "$D/imgdir"
mkimage "$D/imgdir/checkpoint.img" "$D/one.meta"
IMG=$D/imgdir/checkpoint.img

# diff: the image is an input like a file.
run "$SPECDIFF" diff "$IMG" "$RS"
expect_rc 1
expect_out "/linux/sysctl"
expect_out "nil-vs-empty"
run "$SPECDIFF" diff "$D/imgdir" "$RS"
expect_rc 1
expect_out "/linux/sysctl"
run "$SPECDIFF" diff "$IMG" "$CK"
expect_rc 0

# check: the stored copy is used as it is (no second round trip).  An
# image whose stored spec keeps "sysctl": {} passes the 2024 validator
# against an identical restore spec; the same spec as a file fails it,
# because runsc would round-trip a file's copy.
meta "$D/empty.meta" web "$RS"
mkimage "$D/empty.img" "$D/empty.meta"
run "$SPECDIFF" check --profile gvisor-2024 "$D/empty.img" "$RS"
expect_rc 0
run "$SPECDIFF" check --profile gvisor-2024 "$RS" "$RS"
expect_rc 1
expect_out "Sysctl does not match across checkpoint restore for container"
run "$SPECDIFF" check --profile gvisor-2024 "$IMG" "$RS"
expect_rc 1
expect_out "checkpoint map[] restore map[]"
# runsc_version and the container of the image are shown by every output
# (a release that is not the first profile's start, so the test can fail)
RUNSC_VERSION=release-20250601.0 meta "$D/v.meta" web "$CK"
mkimage "$D/v.img" "$D/v.meta"
W="runsc release-20250601.0 wrote the checkpoint (profile gvisor-2025)"
run "$SPECDIFF" check "$D/v.img" "$RS"
expect_rc 1
expect_out "container: web
image: $W"
expect_out "for container: web, checkpoint"
run "$SPECDIFF" check --format json "$D/v.img" "$RS"
expect_out '"runsc_version": "release-20250601.0"'
run "$SPECDIFF" diff "$D/v.img" "$RS"
expect_out "+++ $RS
image: $W, container web"
run "$SPECDIFF" diff --format json "$D/v.img" "$RS"
expect_out '"runsc_version":"release-20250601.0"'
run "$SPECDIFF" diff --format json "$CK" "$RS"
expect_out '"runsc_version":null'
run "$SPECDIFF" explain "Sysctl does not match across checkpoint restore for container: web, checkpoint map[] restore map[]" "$D/v.img" "$RS"
expect_rc 0
expect_out "Checkpoint image: $W; container web."
RUNSC_VERSION=release-20990101.0 meta "$D/new.meta" web "$CK"
mkimage "$D/new.img" "$D/new.meta"
run "$SPECDIFF" check "$D/new.img" "$RS"
expect_out "image: runsc release-20990101.0 wrote the checkpoint (newer than every profile: gvisor-20260706 is the nearest)"

# several containers: a name is needed, and the message lists them
meta "$D/two.meta" web "$CK" sidecar "$RS"
mkimage "$D/two.img" "$D/two.meta"
run "$SPECDIFF" diff "$D/two.img" "$RS"
expect_rc 2
expect_err "sidecar, web"
expect_err "--container"
run "$SPECDIFF" diff --container web "$D/two.img" "$RS"
expect_rc 1
expect_out "/linux/sysctl"
run "$SPECDIFF" diff --container sidecar "$D/two.img" "$RS"
expect_rc 0
run "$SPECDIFF" diff --container nosuch "$D/two.img" "$RS"
expect_rc 2
expect_err "\"nosuch\""

expect_err "sidecar, web"
run "$SPECDIFF" check --container web "$D/two.img" "$RS"
expect_rc 1
expect_out "container: web"

# check --pairs with an image and its bundle directory: every container,
# each against BUNDLE/NAME/config.json
mkdir -p "$D/bundle/web" "$D/bundle/sidecar"
cp "$RS" "$D/bundle/web/config.json"
cp "$RS" "$D/bundle/sidecar/config.json"
echo "$D/two.img $D/bundle" >"$D/img-pairs"
run "$SPECDIFF" check --runsc release-20241104.0 --pairs "$D/img-pairs"
expect_rc 1
expect_out "PASS  $D/two.img $D/bundle/sidecar/config.json sidecar"
expect_out "FAIL  $D/two.img $D/bundle/web/config.json web  (gvisor-2024: Sysctl)"
expect_out "2 pairs: 1 pass, 0 pass with warnings, 1 fail, 0 could not be loaded"

# broken images: exit 2 with a message naming the file, never a crash
printf 'gVisorSF\0\0\0' >"$D/short.img"
run "$SPECDIFF" diff "$D/short.img" "$RS"
expect_rc 2
expect_err "short.img"
expect_err "truncated"
mkimage "$D/lies.img" "$D/one.meta" 99999999
run "$SPECDIFF" diff "$D/lies.img" "$RS"
expect_rc 2
expect_err "length field"
mkimage "$D/huge.img" "$D/one.meta" max
run "$SPECDIFF" diff "$D/huge.img" "$RS"
expect_rc 2
expect_err "limit"
printf '{"runsc_version":"x"}' >"$D/nospecs.meta"
mkimage "$D/nospecs.img" "$D/nospecs.meta"
run "$SPECDIFF" diff "$D/nospecs.img" "$RS"
expect_rc 2
expect_err "container_specs"
printf '{"container_specs":"{}", "n": 1}' >"$D/notstr.meta"
mkimage "$D/notstr.img" "$D/notstr.meta"
run "$SPECDIFF" diff "$D/notstr.img" "$RS"
expect_rc 2
expect_err "non-string"
printf 'not json at all' >"$D/nojson.meta"
mkimage "$D/nojson.img" "$D/nojson.meta"
run "$SPECDIFF" check "$D/nojson.img" "$RS"
expect_rc 2
expect_err "not JSON"
mkdir -p "$D/emptydir"
run "$SPECDIFF" diff "$D/emptydir" "$RS"
expect_rc 2
expect_err "checkpoint.img"

# a real image is gigabytes behind its header: only the header is read
# (a sparse 3 GiB file: no disk used, above the 1 GiB input limit)
cp "$IMG" "$D/big.img"
if truncate -s 3G "$D/big.img" 2>/dev/null; then
	run "$SPECDIFF" diff "$D/big.img" "$RS"
	expect_rc 1
	expect_out "/linux/sysctl"
fi
rm -f "$D/big.img"

# explain points at the nodes of the stored copy
run "$SPECDIFF" explain "Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]" "$IMG" "$RS"
expect_rc 0
expect_out "/linux/sysctl  nil-vs-empty"
expect_out "restore.json:197"

t_done
