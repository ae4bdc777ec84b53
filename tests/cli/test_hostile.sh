#!/bin/sh
# test_hostile.sh - specdiff on hostile input.  Every run must end by itself
# (timeout 10 s each, SD_HOSTILE_TIMEOUT to scale) with exit 2 — or 0/1
# where the input is valid — never by a signal (exit >= 128) or a timeout
# (124), within 2 GiB of address space (ulimit -v; not enforced when the
# binary cannot start under it, e.g. ASan or valgrind), and with the
# message "specdiff: FILE:LINE:COL: ..." where the problem has a position.
# Big inputs are generated in a temporary directory.
#   SD_HOSTILE_STRIDE=N   truncation test: every Nth offset (default 1;
#                         7 when the memory bound cannot be enforced, i.e.
#                         under ASan or valgrind, whose start-up is slow)
#   SD_HOSTILE_TIMEOUT=S  per-run time limit (default 10; 30 for a binary
#                         that cannot run under ulimit -v: ASan, valgrind)
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 2
H=$T_TMP/h
mkdir -p "$H"
MEM_KB=2097152
TMO=${SD_HOSTILE_TIMEOUT:-10}
STRIDE=${SD_HOSTILE_STRIDE:-auto}
SPEC=tests/conformance/cases/001-identical-runc-default/left.json
OK=examples/sysctl-nil-vs-empty/checkpoint.json

memlimit=1
# (probed in an inner shell so that its "Aborted" goes to /dev/null too)
if ! sh -c 'ulimit -v "$1" && "$2" --version' sh $MEM_KB "$SPECDIFF" >/dev/null 2>&1; then
	memlimit=0
	echo "note: $SPECDIFF does not start under ulimit -v $MEM_KB (sanitizer or valgrind?): memory not bounded"
	# the time limit only tells a hang from an answer: a sanitizer's 3-5x
	# slower build on a loaded machine gets three times the time
	[ -z "${SD_HOSTILE_TIMEOUT:-}" ] && TMO=30
fi

# hrun CMD...: run, bounded in time and memory.
hrun() {
	t_last="$*"
	(
		[ $memlimit = 1 ] && ulimit -v $MEM_KB
		exec timeout "$TMO" "$@"
	) >"$out" 2>"$err"
	rc=$?
}

# The last run ended by itself with one of the allowed codes (default 2).
expect_end() {
	t_checks=$((t_checks + 1))
	case " ${1:-2} " in
	*" $rc "*) return 0 ;;
	esac
	if [ "$rc" -eq 124 ]; then
		t_fail "timed out after ${TMO}s (allowed exits: ${1:-2})"
	elif [ "$rc" -ge 128 ]; then
		t_fail "killed by signal $((rc - 128)) (allowed exits: ${1:-2})"
	else
		t_fail "expected exit ${1:-2}"
	fi
}

# stderr says "specdiff: FILE:LINE:COL: ..."
expect_pos() {
	t_checks=$((t_checks + 1))
	grep -Eq "^specdiff: $1:[0-9]+:[0-9]+: ." "$err" ||
		t_fail "stderr lacks a positioned message 'specdiff: $1:LINE:COL: ...'"
}
# stderr says "specdiff: FILE..." (with or without a position)
expect_named() {
	t_checks=$((t_checks + 1))
	grep -q "^specdiff: $1[:]" "$err" || t_fail "stderr lacks a message naming $1"
}
# trouble with a position
expect_bad() {
	expect_end 2
	[ "$rc" -eq 2 ] && expect_pos "$1"
}

t0=$(date +%s)
section() { # prints how long the previous section took
	now=$(date +%s)
	[ -n "${sec_name:-}" ] && echo "  $sec_name: $((now - t0)) s"
	sec_name=$1
	t0=$now
}

repeat() { # repeat COUNT STRING: STRING COUNT times, fast
	head -c "$1" /dev/zero | tr '\0' "$2"
}

# ---- truncated at every byte offset, as .json and as .yaml ----
section "truncated at every byte offset"
# (tests/hostile/trunc_run.c: one fork+exec per offset; through the shell
# this part alone took minutes)
if [ "$STRIDE" = auto ]; then
	STRIDE=1
	[ $memlimit = 0 ] && STRIDE=7   # sanitizer/valgrind: every 7th offset
fi
if ${CC:-cc} -O1 -o "$H/trunc_run" tests/hostile/trunc_run.c 2>"$H/cc.log"; then
	mkb=0
	[ $memlimit = 1 ] && mkb=$MEM_KB
	for ext in json yaml; do
		t_last="trunc_run $SPEC as .$ext, every ${STRIDE} byte(s)"
		"$H/trunc_run" "$SPECDIFF" "$SPEC" "$H/trunc.$ext" "$OK" "$STRIDE" "$TMO" $mkb >"$out" 2>"$err"
		rc=$?
		cat "$out"
		expect_end 0
	done
	# the same spec as block YAML, every 5th offset
	if "$SPECDIFF" normalize --to yaml "$SPEC" >"$H/spec-block.yaml" 2>/dev/null; then
		"$H/trunc_run" "$SPECDIFF" "$H/spec-block.yaml" "$H/truncb.yaml" "$OK" $((STRIDE * 5)) "$TMO" $mkb >"$out" 2>"$err"
		rc=$?
		cat "$out"
		expect_end 0
	fi
else
	echo "note: no C compiler ($(head -n 1 "$H/cc.log")): truncation test skipped"
fi

# ---- nesting 1,000,000 deep ----
section "nesting 1,000,000 deep"
D=1000000
{ repeat $D '['; repeat $D ']'; } >"$H/deep.json"
hrun "$SPECDIFF" diff "$H/deep.json" "$OK"
expect_bad "$H/deep.json"
expect_err "nest"
cp "$H/deep.json" "$H/deepflow.yaml"
hrun "$SPECDIFF" diff "$H/deepflow.yaml" "$OK"
expect_bad "$H/deepflow.yaml"
{ repeat $D '[' ; } >"$H/deepopen.json"   # never closed
hrun "$SPECDIFF" diff "$H/deepopen.json" "$OK"
expect_bad "$H/deepopen.json"
{ i=0; printf '{"a":%.0s' $(seq 1 1000); } >"$H/obj1k.json"
for i in $(seq 1 1000); do cat "$H/obj1k.json"; done >"$H/deepobj.json"
printf '1' >>"$H/deepobj.json"
repeat $D '}' >>"$H/deepobj.json"
hrun "$SPECDIFF" diff "$H/deepobj.json" "$OK"
expect_bad "$H/deepobj.json"
{ repeat $D '-' | sed 's/-/- /g'; echo x; } >"$H/deepblock.yaml"
hrun "$SPECDIFF" diff "$H/deepblock.yaml" "$OK"
expect_bad "$H/deepblock.yaml"

# ---- YAML alias bomb (billion laughs) ----
section "YAML alias bomb"
cat >"$H/bomb.yaml" <<'Y'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
annotations: *i
Y
hrun "$SPECDIFF" diff "$H/bomb.yaml" "$OK"
expect_bad "$H/bomb.yaml"
expect_err "alias"
# an alias to itself (a recursive anchor) must not loop
printf 'a: &x\n  b: *x\n' >"$H/selfalias.yaml"
hrun "$SPECDIFF" diff "$H/selfalias.yaml" "$OK"
expect_end "0 1 2"

# ---- a 100 MB string ----
section "a 100 MB string"
{ printf '{"ociVersion": "1.0.2", "hostname": "'; repeat 104857600 x; printf '"}\n'; } >"$H/big.json"
hrun "$SPECDIFF" diff --quiet "$H/big.json" "$H/big.json"
expect_end 0
printf '{"ociVersion": "1.0.2", "hostname": "x"}\n' >"$H/small.json"
hrun "$SPECDIFF" diff --format json "$H/big.json" "$H/small.json"
expect_end 1
{ printf 'ociVersion: 1.0.2\nhostname: '; repeat 104857600 y; echo; } >"$H/big.yaml"
hrun "$SPECDIFF" diff --quiet "$H/big.yaml" "$H/small.json"
expect_end 1
rm -f "$H/big.json" "$H/big.yaml" "$out"

# ---- invalid UTF-8, every class, in JSON strings and in YAML ----
section "invalid UTF-8"
# name:bytes (octal escapes for printf)
classes="overlong2:\300\200 overlong2b:\301\277 overlong3:\340\200\257 overlong4:\360\200\200\257
surrogate-hi:\355\240\200 surrogate-lo:\355\277\277 above-10ffff:\364\220\200\200
f5:\365\200\200\200 five-byte:\370\210\200\200\200 fe:\376 ff:\377
trunc2:\303 trunc3:\342\202 trunc4:\360\237\230 lone-cont:\200 lone-cont-bf:\277"
for c in $classes; do
	name=${c%%:*}
	bytes=${c#*:}
	# shellcheck disable=SC2059
	printf "{\"ociVersion\": \"1.0.2\", \"hostname\": \"a${bytes}b\", \"annotations\": {\"k${bytes}\": \"v\"}}\n" >"$H/u8-$name.json"
	hrun "$SPECDIFF" diff --quiet "$H/u8-$name.json" "$OK"
	expect_end "0 1"
	hrun "$SPECDIFF" normalize --to yaml "$H/u8-$name.json"
	expect_end "0"
	# outside a string it is a syntax error with a position
	# shellcheck disable=SC2059
	printf "{\"ociVersion\": ${bytes}}\n" >"$H/u8raw-$name.json"
	hrun "$SPECDIFF" diff "$H/u8raw-$name.json" "$OK"
	expect_bad "$H/u8raw-$name.json"
	# YAML requires valid UTF-8 everywhere
	# shellcheck disable=SC2059
	printf "ociVersion: 1.0.2\nhostname: \"a${bytes}b\"\n" >"$H/u8q-$name.yaml"
	hrun "$SPECDIFF" diff "$H/u8q-$name.yaml" "$OK"
	expect_bad "$H/u8q-$name.yaml"
	# shellcheck disable=SC2059
	printf "ociVersion: 1.0.2\nhostname: a${bytes}b\n" >"$H/u8p-$name.yaml"
	hrun "$SPECDIFF" diff "$H/u8p-$name.yaml" "$OK"
	expect_bad "$H/u8p-$name.yaml"
done

# ---- NUL bytes ----
section "NUL bytes"
printf '{"ociVersion": "1.0.2", "hostname": "a\000b"}\n' >"$H/nul-in-string.json"
hrun "$SPECDIFF" diff "$H/nul-in-string.json" "$OK"
expect_bad "$H/nul-in-string.json"
printf '{"ociVersion": "1.0.2"}\000\n' >"$H/nul-after.json"
hrun "$SPECDIFF" diff "$H/nul-after.json" "$OK"
expect_bad "$H/nul-after.json"
printf '\000{"ociVersion": "1.0.2"}\n' >"$H/nul-first.json"
hrun "$SPECDIFF" diff "$H/nul-first.json" "$OK"
expect_bad "$H/nul-first.json"
printf '{"ociVersion": "1.0.2", "hostname": "a\\u0000b"}\n' >"$H/nul-escape.json"
hrun "$SPECDIFF" diff --quiet "$H/nul-escape.json" "$OK"
expect_end "0 1"
printf 'ociVersion: 1.0.2\nhostname: a\000b\n' >"$H/nul.yaml"
hrun "$SPECDIFF" diff "$H/nul.yaml" "$OK"
expect_bad "$H/nul.yaml"
printf 'ociVersion: 1.0.2\nhostname: "a\\0b"\n' >"$H/nul-escape.yaml"
hrun "$SPECDIFF" diff --quiet "$H/nul-escape.yaml" "$OK"
expect_end "0 1"

# ---- a binary file (deterministic pseudo-random bytes), with and without a name hint ----
section "a binary file"
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' >"$H/binary.json"
cp "$H/binary.json" "$H/binary.yaml"
cp "$H/binary.json" "$H/binary"
for f in "$H/binary.json" "$H/binary.yaml" "$H/binary"; do
	hrun "$SPECDIFF" diff "$f" "$OK"
	expect_end 2
	expect_named "$f"
done
hrun "$SPECDIFF" diff "$(command -v sh)" "$OK"
expect_end 2
expect_named "$(command -v sh)"

# ---- empty input ----
section "empty input"
: >"$H/empty.json"
hrun "$SPECDIFF" diff "$H/empty.json" "$OK"
expect_end 2
expect_named "$H/empty.json"
: >"$H/empty.yaml"
hrun "$SPECDIFF" diff "$H/empty.yaml" "$OK"
expect_end "0 1 2"
: >"$H/empty"
hrun "$SPECDIFF" diff "$H/empty" "$OK"
expect_end "0 1 2"
hrun "$SPECDIFF" diff - "$OK" </dev/null
expect_end "0 1 2"

# ---- a directory, a FIFO, a missing file ----
section "a directory, a FIFO"
mkdir "$H/dir"
hrun "$SPECDIFF" diff "$H/dir" "$OK"
expect_end 2
expect_named "$H/dir"
mkfifo "$H/fifo"
# (a writer still blocked in open() after the run means specdiff never
# opened the FIFO: it is stopped by its pid)
cat "$OK" >"$H/fifo" &
wpid=$!
hrun "$SPECDIFF" diff --quiet "$H/fifo" "$OK"
expect_end 0
kill $wpid 2>/dev/null
wait $wpid 2>/dev/null
{ printf '{"ociVersion": '; } >"$H/fifo" &
wpid=$!
hrun "$SPECDIFF" diff "$H/fifo" "$OK"
expect_bad "$H/fifo"
kill $wpid 2>/dev/null
wait $wpid 2>/dev/null
hrun "$SPECDIFF" diff "$H/missing.json" "$OK"
expect_end 2
expect_named "$H/missing.json"
expect_err "$H/missing.json: "

# ---- a file that shrinks or vanishes while being read ----
section "a file that shrinks"
# Deterministic through an LD_PRELOAD shim that acts right after the first
# stat of the file (between learning its size and reading it).  Skipped
# when no C compiler is found.
if ${CC:-cc} -shared -fPIC -O1 -o "$H/shim.so" tests/hostile/shrink_shim.c -ldl 2>"$H/shim.log"; then
	for mode in shrink vanish; do
		cp "$SPEC" "$H/moving.json"
		t_last="LD_PRELOAD=shim SD_SHIM_MODE=$mode specdiff diff moving.json OK"
		(
			[ $memlimit = 1 ] && ulimit -v $MEM_KB
			SD_SHIM_PATH="$H/moving.json" SD_SHIM_MODE=$mode LD_PRELOAD="$H/shim.so" \
				ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
				exec timeout "$TMO" "$SPECDIFF" diff --quiet "$H/moving.json" "$OK"
		) >"$out" 2>"$err"
		rc=$?
		expect_end "0 1 2"
		[ "$rc" -eq 2 ] && expect_named "$H/moving.json"
	done
else
	echo "note: no C compiler for the shrink/vanish shim; skipped"
fi

# ---- duplicate keys by the thousand ----
section "duplicate keys"
{
	printf '{"ociVersion": "1.0.2", "annotations": {'
	i=0
	while [ $i -lt 5000 ]; do printf '"k": "%d", ' $i; i=$((i + 1)); done
	printf '"k": "last"}'
	i=0
	while [ $i -lt 5000 ]; do printf ', "process": {"cwd": "/%d", "env": ["A=%d"]}' $i $i; i=$((i + 1)); done
	i=0
	while [ $i -lt 5000 ]; do printf ', "hostname": "h%d", "HOSTNAME": null' $i; i=$((i + 1)); done
	printf '}\n'
} >"$H/dups.json"
hrun "$SPECDIFF" diff --quiet "$H/dups.json" "$OK"
expect_end 1
hrun "$SPECDIFF" diff --quiet "$H/dups.json" "$H/dups.json"
expect_end 0
hrun "$SPECDIFF" normalize "$H/dups.json"
expect_end "0 1"
{
	echo 'ociVersion: 1.0.2'
	echo 'annotations:'
	i=0
	while [ $i -lt 3000 ]; do echo "  k: v$i"; i=$((i + 1)); done
} >"$H/dups.yaml"
hrun "$SPECDIFF" diff "$H/dups.yaml" "$OK"
expect_bad "$H/dups.yaml"

# ---- checkpoint images whose length field lies ----
section "checkpoint images"
mk() { sh tests/hostile/mkimage.sh "$@"; }
mk "$H/img-long" --len 1000000 c="$OK"
hrun "$SPECDIFF" diff "$H/img-long" "$OK"
expect_end 2
expect_named "$H/img-long"
mk "$H/img-huge" --len-hex ffffffffffffffff c="$OK"
hrun "$SPECDIFF" diff "$H/img-huge" "$OK"
expect_end 2
expect_named "$H/img-huge"
mk "$H/img-2g" --len-hex 0000000080000000 c="$OK"
hrun "$SPECDIFF" diff "$H/img-2g" "$OK"
expect_end 2
expect_named "$H/img-2g"
mk "$H/img-short" --len 40 c="$OK"
hrun "$SPECDIFF" diff "$H/img-short" "$OK"
expect_end 2
expect_named "$H/img-short"
mk "$H/img-zero" --len 0 c="$OK"
hrun "$SPECDIFF" diff "$H/img-zero" "$OK"
expect_end 2
expect_named "$H/img-zero"
printf 'gVisorSF\000\000' >"$H/img-stub"
hrun "$SPECDIFF" diff "$H/img-stub" "$OK"
expect_end 2
expect_named "$H/img-stub"
mk "$H/img-good" c="$OK"
hrun "$SPECDIFF" diff --quiet "$H/img-good" "$OK"
expect_end 0
# the good image truncated at every 97th byte
isz=$(wc -c <"$H/img-good")
k=0
bad=0
while [ $k -lt "$isz" ]; do
	head -c $k "$H/img-good" >"$H/img-cut"
	hrun "$SPECDIFF" diff --quiet "$H/img-cut" "$OK"
	# under 8 bytes it is no image (a YAML scalar "gVis" is a valid document)
	case $rc/$k in 2/* | [01]/[0-7]) ;; *) bad=$((bad + 1)); [ $bad -le 3 ] && t_fail "image cut at byte $k" ;; esac
	k=$((k + 97))
done
t_checks=$((t_checks + 1))
[ $bad -eq 0 ] || t_fail "$bad cut images did not end with exit 2"

section end
t_done
