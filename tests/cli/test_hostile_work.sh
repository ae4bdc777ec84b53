#!/bin/sh
# test_hostile_work.sh - hostile inputs of issue 19 that cost work rather
# than size: a mangled log line for explain, thousands of focus patterns,
# deep documents against many '**' patterns.  Every run must end by itself
# (timeout SD_HOSTILE_TIMEOUT, default 10 s; the measured figures are in
# README.md) within 512 MiB of address space where that can be enforced
# (not under ASan or valgrind), never by a signal.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 2
H=$T_TMP
TMO=${SD_HOSTILE_TIMEOUT:-10}
MEM_KB=524288
memlimit=1
if ! sh -c 'ulimit -v "$1" && "$2" --version' sh $MEM_KB "$SPECDIFF" >/dev/null 2>&1; then
	memlimit=0
	echo "note: $SPECDIFF does not start under ulimit -v $MEM_KB (sanitizer or valgrind?): memory not bounded"
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
t_done
