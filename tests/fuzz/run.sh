#!/bin/sh
# tests/fuzz/run.sh - builds the libFuzzer targets and runs them.
#   sh tests/fuzz/run.sh smoke    each target FUZZ_SMOKE_SECONDS (default 20)
#   sh tests/fuzz/run.sh full     each target FUZZ_SECONDS (default 60)
#   sh tests/fuzz/run.sh build    only build
#   FUZZ_TARGETS="fuzz_diff ..."  a subset;  FUZZ_JOBS=1  one target after the
#                                 other (one core); default: all at once
# Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev); without it
# prints why and exits 0.  The library is built with clang into build-fuzz/
# (-fsanitize=fuzzer-no-link,address,undefined).  Seeds are generated from
# tests/conformance/cases, examples/ and tests/fuzz/regressions/ into a
# temporary directory; `full` keeps what it learns in build-fuzz/corpus/.
# A crash or property failure is saved under tests/fuzz/findings/TARGET/
# and the script exits 1; copy the file to tests/fuzz/regressions/TARGET/
# once understood (make test replays those).
set -u
cd "$(dirname "$0")/../.." || exit 2
mode=${1:-smoke}
FUZZ_CC=${FUZZ_CC:-clang}
MAKE=${MAKE:-make}
FB=${FUZZ_BUILD:-build-fuzz}
SAN=${FUZZ_SAN:-address,undefined}   # e.g. address,undefined -fno-sanitize=pointer-overflow
case $mode in
smoke) secs=${FUZZ_SMOKE_SECONDS:-20} ;;
full) secs=${FUZZ_SECONDS:-60} ;;
build) secs=0 ;;
*) echo "usage: $0 smoke|full|build" >&2; exit 2 ;;
esac

skip() {
	echo "fuzz: skipped: $1"
	echo "fuzz: (Debian: apt-get install clang libclang-rt-14-dev)"
	exit 0
}

# --- can we build a libFuzzer binary at all? ---
command -v "$FUZZ_CC" >/dev/null 2>&1 || skip "no $FUZZ_CC"
probe=$(mktemp -d "${TMPDIR:-/tmp}/sdfuzz.XXXXXX")
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
"$FUZZ_CC" -fsanitize=fuzzer,address,undefined -o "$probe/p" "$probe/p.c" >"$probe/log" 2>&1 ||
	skip "$FUZZ_CC cannot link -fsanitize=fuzzer,address,undefined ($(head -n 1 "$probe/log"))"

targets=${FUZZ_TARGETS:-"fuzz_json_load fuzz_yaml_load fuzz_diff fuzz_normalize fuzz_image fuzz_focus"}
if [ -z "${FUZZ_TARGETS:-}" ] && [ -f include/specdiff/explain.h ] && [ -f tests/fuzz/fuzz_explain.c ]; then
	targets="$targets fuzz_explain"
fi

# --- build ---
echo "fuzz: building the library with $FUZZ_CC into $FB/"
$MAKE --no-print-directory BUILD=$FB CC="$FUZZ_CC" SANITIZE="fuzzer-no-link,$SAN" \
	WARN="-Wall -Wextra -Wno-unused-parameter" "$FB/libspecdiff.a" >"$probe/build" 2>&1 || {
	cat "$probe/build"
	echo "fuzz: FAILED to build $FB/libspecdiff.a"
	exit 1
}
pkg=$(pkg-config --cflags --libs ncursesw yaml-0.1 jansson)
mkdir -p "$FB/fuzz"
for t in $targets; do
	if [ ! "$FB/fuzz/$t" -nt "tests/fuzz/$t.c" ] || [ ! "$FB/fuzz/$t" -nt "$FB/libspecdiff.a" ] ||
		[ ! "$FB/fuzz/$t" -nt tests/fuzz/fuzz_common.h ]; then
		echo "fuzz: linking $t"
		# shellcheck disable=SC2086
		"$FUZZ_CC" -std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,$SAN \
			-fno-sanitize-recover=all -Iinclude -Itests/fuzz -D_POSIX_C_SOURCE=200809L \
			-D_DEFAULT_SOURCE -o "$FB/fuzz/$t" "tests/fuzz/$t.c" "$FB/libspecdiff.a" $pkg -lm ||
			{ echo "fuzz: FAILED to link $t"; exit 1; }
	fi
done
[ "$mode" = build ] && exit 0

# --- seeds ---
seeds=$probe/seeds
for t in $targets; do mkdir -p "$seeds/$t"; done
i=0
for f in tests/conformance/cases/*/left.* tests/conformance/cases/*/right.* examples/*/*.json examples/*/*.yaml examples/*/*.yml; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	case $f in
	*.yaml | *.yml) dst="fuzz_yaml_load fuzz_normalize" ;;
	*) dst="fuzz_json_load fuzz_yaml_load fuzz_normalize" ;;
	esac
	for t in $dst; do [ -d "$seeds/$t" ] && cp "$f" "$seeds/$t/s$i"; done
	[ -d "$seeds/fuzz_explain" ] && cp "$f" "$seeds/fuzz_explain/s$i"
done
if [ -d "$seeds/fuzz_diff" ]; then
	for c in tests/conformance/cases/*/; do
		l=$(ls "$c"left.* 2>/dev/null | head -n 1)
		r=$(ls "$c"right.* 2>/dev/null | head -n 1)
		[ -n "$l" ] && [ -n "$r" ] || continue
		{ cat "$l"; printf '\377'; cat "$r"; } >"$seeds/fuzz_diff/$(basename "$c")"
	done
fi
if [ -d "$seeds/fuzz_image" ]; then
	n=0
	for c in tests/conformance/cases/0[0-2]*/; do
		l=$(ls "$c"left.json 2>/dev/null | head -n 1)
		[ -n "$l" ] || continue
		n=$((n + 1))
		sh tests/hostile/mkimage.sh "$seeds/fuzz_image/i$n" "ctr$n=$l"
	done
	sh tests/hostile/mkimage.sh "$seeds/fuzz_image/two" a=examples/sysctl-nil-vs-empty/checkpoint.json \
		b=examples/sysctl-nil-vs-empty/restore.json
	sh tests/hostile/mkimage.sh "$seeds/fuzz_image/nover" --version - a=examples/sysctl-nil-vs-empty/checkpoint.json
	sh tests/hostile/mkimage.sh "$seeds/fuzz_image/lies" --len 99 a=examples/sysctl-nil-vs-empty/checkpoint.json
fi
if [ -d "$seeds/fuzz_explain" ]; then
	for e in \
		'starting container: restoring container "x": Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]' \
		'failed to validate restore spec: Annotations does not match across checkpoint restore for container: c, checkpoint map[a:b] restore map[]' \
		'Mounts does not match across checkpoint restore' 'process.env' ''; do
		i=$((i + 1))
		printf '%s' "$e" >"$seeds/fuzz_explain/e$i"
	done
fi
if [ -d "$seeds/fuzz_focus" ]; then
	n=0
	for f in examples/*/*.json; do
		n=$((n + 1))
		for c in 'ignore /process/env
/linux/**/b*c
set mode = semantic' '/**/**/x
/*/a~1b~0~2
bind ]d next-diff' 'ignore /a/**/b~3
/
set colour = never'; do
			{ printf '%s' "$c"; printf '\000'; cat "$f"; } >"$seeds/fuzz_focus/f$n-$(printf '%s' "$c" | cksum | cut -d' ' -f1)"
		done
	done
fi
for t in $targets; do
	[ -d "tests/fuzz/regressions/$t" ] && cp tests/fuzz/regressions/"$t"/* "$seeds/$t/" 2>/dev/null
done

# --- run ---
dict_for() {
	case $1 in
	fuzz_yaml_load) echo tests/fuzz/yaml.dict ;;
	fuzz_explain) echo tests/fuzz/explain.dict ;;
	fuzz_focus) echo tests/fuzz/focus.dict ;;
	*) echo tests/fuzz/json.dict ;;
	esac
}
echo "fuzz: running $(echo $targets | wc -w) targets for ${secs}s each"
failed=""
pids=""
for t in $targets; do
	mkdir -p "tests/fuzz/findings/$t"
	if [ "$mode" = full ]; then
		corpus="$FB/corpus/$t"
	else
		corpus="$probe/corpus/$t"
	fi
	mkdir -p "$corpus"
	dict=$(dict_for "$t")
	dictopt=""
	[ -f "$dict" ] && dictopt="-dict=$dict"
	# detect_leaks: leaks are bugs too; rss 2 GB: inputs are bounded.
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1 \
		"$FB/fuzz/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 $dictopt \
		-artifact_prefix="tests/fuzz/findings/$t/" "$corpus" "$seeds/$t" \
		>"$probe/$t.log" 2>&1 &
	pids="$pids $!:$t"
	# FUZZ_JOBS=1: one target at a time (one core), each waited for here
	[ "${FUZZ_JOBS:-0}" = 1 ] && { wait $!; echo "$?" >"$probe/$t.rc"; }
done
for pt in $pids; do
	pid=${pt%%:*}
	t=${pt#*:}
	if [ -f "$probe/$t.rc" ]; then rc=$(cat "$probe/$t.rc"); else wait "$pid"; rc=$?; fi
	if [ "$rc" = 0 ]; then
		runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$probe/$t.log" | grep -o '[0-9]*$')
		cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$probe/$t.log" | tail -n 1)
		echo "fuzz: $t ok ($runs runs, $cov)"
	else
		failed="$failed $t"
		echo "fuzz: $t FAILED:"
		grep -E 'ERROR|SUMMARY|runtime error|property failed|Test unit written|^    #[0-9] ' "$probe/$t.log" | head -n 30 | sed 's/^/  | /'
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: failures in:$failed (inputs in tests/fuzz/findings/; reproduce with $FB/fuzz/TARGET FILE)"
	exit 1
fi
echo "fuzz: no failures"
