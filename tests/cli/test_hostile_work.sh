#!/bin/sh
# test_hostile_work.sh - hostile inputs of issue 19 that cost work rather
# than size: a mangled log line for explain, thousands of focus patterns,
# deep documents against many '**' patterns.  Every run must end by itself
# (timeout SD_HOSTILE_TIMEOUT, default 20 s; the measured figures are in
# README.md) within 512 MiB of address space where that can be enforced
# (not under ASan or valgrind), never by a signal.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 2
H=$T_TMP
TMO=${SD_HOSTILE_TIMEOUT:-20}
MEM_KB=524288
memlimit=1
if ! sh -c 'ulimit -v "$1" && "$2" --version' sh $MEM_KB "$SPECDIFF" >/dev/null 2>&1; then
	memlimit=0
	echo "note: $SPECDIFF does not start under ulimit -v $MEM_KB (sanitizer or valgrind?): memory not bounded"
	[ -z "${SD_HOSTILE_TIMEOUT:-}" ] && TMO=60   # a hang detector, not a benchmark
fi
hrun() {
	t_last="$*"
	(
		[ $memlimit = 1 ] && ulimit -v $MEM_KB
		exec timeout "$TMO" "$@"
	) >"$out" 2>"$err"
	rc=$?
}
expect_end() { # allowed exit codes (default 2)
	t_checks=$((t_checks + 1))
	case " ${1:-2} " in *" $rc "*) return 0 ;; esac
	if [ "$rc" -eq 124 ]; then t_fail "timed out after ${TMO}s"
	elif [ "$rc" -ge 128 ]; then t_fail "killed by signal $((rc - 128))"
	else t_fail "expected exit ${1:-2}"; fi
}

# ---- explain: markers that overlap (a fuzz find: heap overflow, exit 134) ----
hrun "$SPECDIFF" explain 'specs.Linux.Resources has been changed during restore, err does not match across checkpoint restore for container: c, checkpoint a restore b'
expect_end 2
expect_err "cannot find the field name"
hrun "$SPECDIFF" explain ' does not match across checkpoint restore for container: c, checkpoint a restore b'
expect_end 2
hrun "$SPECDIFF" explain 'Validating args with the exec paths, old: /bin/sh new: /usr/bin/sh'
expect_end 0

# ---- 1,000 --ignore patterns, an object of 200,000 keys ----
# (each pattern was matched against every node's full path: minutes)
awk -v v=a 'BEGIN { printf "{\"annotations\":{"; for (i = 0; i < 200000; i++) printf "%s\"k%d\":\"%s\"", (i ? "," : ""), i, (i == 5 ? "z" : v); print "}}" }' > "$H/wide-l.json"
awk -v v=a 'BEGIN { printf "{\"annotations\":{"; for (i = 0; i < 200000; i++) printf "%s\"k%d\":\"%s\"", (i ? "," : ""), i, v; print "}}" }' > "$H/wide-r.json"
set --
i=0
while [ $i -lt 1000 ]; do set -- "$@" --ignore "/annotations/absent$i"; i=$((i + 1)); done
hrun "$SPECDIFF" diff "$@" --ignore /annotations/k1 "$H/wide-l.json" "$H/wide-r.json"
t_last="diff with 1,000 --ignore patterns, 200,000 keys"
expect_end 1
expect_out "/annotations/k5"
expect_err "--ignore /annotations/absent31 matches nothing"
expect_err "... and 968 more patterns that match nothing"
# the same with globs and '*': a live state per glob, still one walk
set --
i=0
while [ $i -lt 200 ]; do set -- "$@" --ignore "/annotations/x*$i" --ignore "/*/y$i"; i=$((i + 1)); done
hrun "$SPECDIFF" diff "$@" "$H/wide-l.json" "$H/wide-r.json"
t_last="diff with 400 glob and * --ignore patterns, 200,000 keys"
expect_end 1
expect_out "/annotations/k5"
hrun "$SPECDIFF" diff --ignore '/annotations/k*' "$H/wide-l.json" "$H/wide-r.json"
expect_end 0

# ---- 40 '**' segments against a document 10,000 deep ----
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "{\"a\":"; printf "1"; for (i = 0; i < 10000; i++) printf "}"; print "" }' > "$H/deep-l.json"
sed 's/1}/2}/' "$H/deep-l.json" > "$H/deep-r.json"
stars=$(awk 'BEGIN { for (i = 0; i < 40; i++) printf "/**"; }')
hrun "$SPECDIFF" diff --ignore "$stars/x" "$H/deep-l.json" "$H/deep-r.json"
expect_end 1
expect_err "matches nothing"
hrun "$SPECDIFF" diff --only "$stars/x" "$H/deep-l.json" "$H/deep-r.json"
expect_end 0
hrun "$SPECDIFF" diff --ignore "$stars/a" "$H/deep-l.json" "$H/deep-r.json"
expect_end 0
expect_out "ignored: 1"
t_done
