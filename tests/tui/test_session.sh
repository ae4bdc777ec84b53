#!/bin/sh
# The explorer reads the same comparison session as check: its restore
# verdicts decode each profile's specs with that runsc's specs-go types
# (linux.timeOffsets exists from v1.2.0 on, so identical specs holding
# "timeOffsets": {} fail only the releases built with it), its messages
# name the checkpoint image's container, and its top line says which runsc
# wrote the image.
. tests/lib.sh
. tests/tui/lib.sh
. tests/image_lib.sh

printf '%s\n' '{"ociVersion":"1.0.2","linux":{"timeOffsets":{}}}' >"$T_TMP/a.json"
cp "$T_TMP/a.json" "$T_TMP/b.json"
tt_start 200 40 "$T_TMP/a.json" "$T_TMP/b.json"
tt_wait "gvisor-2024..20250304: pass · gvisor-20250421..2025: FAIL Linux · gvisor-20250915..20260413: pass · gvisor-20260511+: FAIL Linux"
tt_keys q
tt_wait_exit

EX=examples/sysctl-nil-vs-empty
RUNSC_VERSION=release-20250601.0 meta "$T_TMP/v.meta" web "$EX/checkpoint.json"
mkimage "$T_TMP/v.img" "$T_TMP/v.meta"
tt_start 220 45 "$T_TMP/v.img" "$EX/restore.json"
tt_wait "image: runsc release-20250601.0 wrote the checkpoint (profile gvisor-2025), container web"
tt_type "/sysctl"
tt_keys Enter Enter
tt_wait "for container: web, checkpoint"
tt_wait_gone "__no_name_0"
tt_keys Escape q
tt_wait_exit
t_done
