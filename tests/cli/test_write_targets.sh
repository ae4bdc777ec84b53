#!/bin/sh
# test_write_targets.sh - normalize -o / --in-place write what the target
# name stands for (core/write_file.c): through a symbolic link, never over a
# FIFO, device or socket (standard output excepted), keeping mode and owner,
# under `ulimit -f`, and on SIGINT/SIGTERM/SIGHUP mid-write, with no
# temporary ".NAME.XXXXXX" left behind in any case.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$T_TMP" || exit 2
printf '{"b": 1,\n "a": [1, 2]}' > in.json
"$SPECDIFF" normalize in.json > want.json || exit 2

# no temporary left in DIR (default .)
expect_no_temp() {
	t_checks=$((t_checks + 1))
	left=$(ls -A "${1:-.}" | grep '^\..*\.[A-Za-z0-9]\{6\}$')
	[ -z "$left" ] || t_fail "temporary file(s) left behind: $left"
}
expect_same() { # FILE WANT
	t_checks=$((t_checks + 1))
	cmp -s "$1" "$2" || t_fail "$1 does not hold $2"
}

# ---- a symbolic link: the link stays, the file it names is written ----
mkdir -p real links
printf 'old' > real/t.json
ln -s ../real/t.json links/rel.json
ln -s "$T_TMP/real/t.json" abs.json
run "$SPECDIFF" normalize -o links/rel.json in.json
expect_rc 0
t_checks=$((t_checks + 1)); [ -L links/rel.json ] || t_fail "the link was replaced by a file"
expect_same real/t.json want.json
expect_no_temp links
expect_no_temp real
printf 'old' > real/t.json
run "$SPECDIFF" normalize -o abs.json in.json
expect_rc 0
t_checks=$((t_checks + 1)); [ -L abs.json ] || t_fail "the absolute link was replaced"
expect_same real/t.json want.json
# a link to a file not there yet: the file is made where the link points
ln -s real/new.json dangling.json
run "$SPECDIFF" normalize -o dangling.json in.json
expect_rc 0
t_checks=$((t_checks + 1)); [ -L dangling.json ] && [ -f real/new.json ] || t_fail "dangling link not written through"
# --in-place through a chain of two links
cp in.json real/ip.json
ln -s real/ip.json l1.json
ln -s l1.json l2.json
run "$SPECDIFF" normalize --in-place --no-backup l2.json
expect_rc 0
t_checks=$((t_checks + 1)); [ -L l2.json ] && [ -L l1.json ] || t_fail "--in-place replaced a link"
expect_same real/ip.json want.json
# a loop of links is an error, not a hang
ln -s loop2.json loop1.json
ln -s loop1.json loop2.json
run "$SPECDIFF" normalize -o loop1.json in.json
expect_rc 2
expect_err "symbolic links"

# ---- special files: refused, left as they are; standard output written ----
mkfifo fifo
run timeout 10 "$SPECDIFF" normalize -o fifo in.json
expect_rc 2
expect_err "fifo: refusing to write: it is a FIFO (named pipe)"
t_checks=$((t_checks + 1)); [ -p fifo ] || t_fail "the FIFO was replaced"
# --in-place on a FIFO: refused before reading (it would block forever)
run timeout 10 "$SPECDIFF" normalize --in-place fifo
expect_rc 2
expect_err "--in-place needs a regular file; 'fifo' is a FIFO (named pipe)"
# a character device of our own (a /dev/null twin): a writer that replaced
# it would harm nothing outside this directory, as it would /dev/full
if mknod chr c 1 3 2>/dev/null; then
	run "$SPECDIFF" normalize -o chr in.json
	expect_rc 2
	expect_err "it is a character device"
	t_checks=$((t_checks + 1)); [ -c chr ] || t_fail "the character device was replaced"
else
	echo "note: mknod not permitted: the character-device target is not tested"
fi
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' sock
	run "$SPECDIFF" normalize -o sock in.json
	expect_rc 2
	expect_err "it is a socket"
fi
# standard output named through a link, as /dev/stdout is, onto a pipe and
# onto a redirected file (a link of our own: a writer without this rule
# would replace it, and must not be able to replace the system's /dev/stdout)
ln -s /proc/self/fd/1 mystdout
t_last="normalize -o mystdout in.json | cat"
"$SPECDIFF" normalize -o mystdout in.json 2>"$err" | cat > piped.json
expect_same piped.json want.json
run "$SPECDIFF" normalize -o mystdout in.json
expect_rc 0
expect_same "$out" want.json
t_checks=$((t_checks + 1)); [ -L mystdout ] || t_fail "the link to standard output was replaced"
run "$SPECDIFF" normalize -o "/proc/self/fd/1" in.json
expect_rc 0
expect_same "$out" want.json

# ---- empty name, directory ----
run "$SPECDIFF" normalize -o '' in.json
expect_rc 2
expect_err "-o needs a file name"
mkdir adir
run "$SPECDIFF" normalize -o adir in.json
expect_rc 2
expect_err "adir: cannot write: it is a directory"

# ---- mode, owner, hard links ----
printf 'old' > m.json
chmod 640 m.json
run "$SPECDIFF" normalize -o m.json in.json
expect_rc 0
expect_eq "$(stat -c %a m.json)" 640 "mode after writing"
if [ "$(id -u)" = 0 ]; then
	printf 'old' > owned.json
	chown 4321:4322 owned.json
	run "$SPECDIFF" normalize -o owned.json in.json
	expect_rc 0
	expect_eq "$(stat -c %u:%g owned.json)" 4321:4322 "owner and group kept by root"
	cp in.json owned-ip.json && chown 4321:4322 owned-ip.json
	run "$SPECDIFF" normalize --in-place --no-backup owned-ip.json
	expect_rc 0
	expect_eq "$(stat -c %u:%g owned-ip.json)" 4321:4322 "owner kept by --in-place"
fi
printf 'old' > h1.json
ln h1.json h2.json
run "$SPECDIFF" normalize -o h1.json in.json
expect_rc 0
expect_err "h1.json had 2 hard links: this name now holds the new file, the other 1 still hold the old content"
expect_same h1.json want.json
expect_eq "$(cat h2.json)" old "the other hard link"
# README's way to change every name: write through with cat
cp in.json FILE && ln FILE FILE2
t_last="specdiff normalize FILE > FILE.new && cat FILE.new > FILE"
"$SPECDIFF" normalize FILE > FILE.new && cat FILE.new > FILE
expect_same FILE2 want.json

# ---- ulimit -f: an error message, not SIGXFSZ; the target unchanged ----
i=0; : > big.json; printf '[' > big.json
while [ $i -lt 400 ]; do printf '"%s",' xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx >> big.json; i=$((i + 1)); done
printf '1]' >> big.json
printf 'old' > limited.json
t_last="(ulimit -f 8; normalize -o limited.json big.json)"
(ulimit -f 8; exec "$SPECDIFF" normalize -o limited.json big.json) >"$out" 2>"$err"
rc=$?
expect_rc 2
expect_err "limited.json: cannot write the file (left unchanged): File too large"
expect_eq "$(cat limited.json)" old "target under ulimit -f"
expect_no_temp
cp big.json bigip.json
t_last="(ulimit -f 8; normalize --in-place --no-backup bigip.json)"
(ulimit -f 8; exec "$SPECDIFF" normalize --in-place --no-backup bigip.json) >"$out" 2>"$err"
rc=$?
expect_rc 2
expect_err "File too large"
expect_same bigip.json big.json
expect_no_temp

# ---- a signal while the temporary exists: removed, target unchanged ----
CC=${CC:-cc}
if $CC -shared -fPIC -O1 -o shim.so "$ROOT/tests/hostile/signal_shim.c" -ldl 2>shim.log &&
	LD_PRELOAD=$T_TMP/shim.so "$SPECDIFF" --version >/dev/null 2>&1; then
	for sig in 1 2 15; do
		printf 'old' > sig.json
		t_last="LD_PRELOAD=signal_shim SD_SHIM_SIGNAL=$sig normalize -o sig.json"
		SD_SHIM_SIGNAL=$sig LD_PRELOAD=$T_TMP/shim.so "$SPECDIFF" normalize -o sig.json in.json \
			>"$out" 2>"$err"
		rc=$?
		expect_rc $((128 + sig))
		expect_eq "$(cat sig.json)" old "target after signal $sig"
		expect_no_temp
	done
	cp in.json sigip.json
	t_last="LD_PRELOAD=signal_shim SD_SHIM_SIGNAL=15 normalize --in-place sigip.json"
	SD_SHIM_SIGNAL=15 LD_PRELOAD=$T_TMP/shim.so "$SPECDIFF" normalize --in-place --no-backup sigip.json \
		>"$out" 2>"$err"
	rc=$?
	expect_rc 143
	expect_same sigip.json in.json
	expect_no_temp
else
	echo "note: no C compiler for the signal shim, or the binary refuses LD_PRELOAD (ASan wants its runtime first): skipped"
fi
t_done
