#!/bin/sh
# test_terminal_safety.sh - no byte an input brought reaches the terminal
# raw (term.h, sd_buf_add_safe): keys holding every C0 and C1 control, DEL,
# ESC sequences, bidirectional overrides and invalid UTF-8, through the
# text report (with and without colour), check's table and its messages
# (a container name from a checkpoint image), explain, warnings and error
# messages.  What may remain: our own SGR colour sequences, tab, newline.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$T_TMP" || exit 2

# FILE holds no control byte but tab and newline, no C1 control, no bidi
# override, only valid UTF-8 (after our own "ESC [ digits ; m" are removed)
expect_clean() { # FILE WHAT
	t_checks=$((t_checks + 1))
	sed 's/\x1b\[[0-9;]*m//g' "$1" > "$1.nosgr"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1.nosgr"; then
		t_fail "$2: a raw control byte: $(LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$1.nosgr" | head -n 2 | od -c | head -n 3)"
	elif LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1.nosgr"; then
		t_fail "$2: a raw C1 control"
	elif LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$1.nosgr"; then
		t_fail "$2: a raw bidirectional override"
	elif ! iconv -f UTF-8 -t UTF-8 "$1.nosgr" >/dev/null 2>&1; then
		t_fail "$2: invalid UTF-8"
	fi
}

# Keys (and values) with each control: JSON escapes, so the document is valid.
{
	printf '{"annotations": {'
	c=1
	while [ $c -lt 32 ]; do printf '"c%d\\u%04x": "v\\u%04x",' $c $c $c; c=$((c + 1)); done
	c=128
	while [ $c -lt 160 ]; do printf '"d%d\\u%04x": "v\\u%04x",' $c $c $c; c=$((c + 1)); done
	printf '"del\\u007f": "x", "csi\\u001b[2J\\u001b]0;title\\u0007": "x", "bidi\\u202eevil": "x",'
	printf '"nul\\u0000": "x", "sep\\u2028": "x"}}'
} > l.json
sed 's/"v\\/"w\\/g; s/"x"/"y"/g' l.json > r.json
# invalid UTF-8 raw in a key and a value (the loader keeps the bytes)
printf '{"annotations": {"bad\377\300key": "a\355\240\200"}}' > bl.json
printf '{"annotations": {"bad\377\300key": "b\355\240\200"}}' > br.json

run "$SPECDIFF" diff l.json r.json
expect_rc 1
expect_out '/annotations/c27\x1b'
expect_out '/annotations/d155\u009b'
expect_out '/annotations/bidi\u202eevil'
expect_clean "$out" "diff text report"
run "$SPECDIFF" diff --color always l.json r.json
expect_rc 1
expect_clean "$out" "diff text report in colour"
run "$SPECDIFF" diff bl.json br.json
expect_rc 1
expect_out '/annotations/bad\xff\xc0key'
expect_clean "$out" "diff of invalid UTF-8"
run "$SPECDIFF" diff --show-ignored --ignore '/annotations/c27*' l.json r.json
expect_clean "$out" "ignored items"

# a file name with ESC in it: header and messages
cp l.json "$(printf 'n\033[2Jame.json')"
run "$SPECDIFF" diff "$(printf 'n\033[2Jame.json')" r.json
expect_out '--- n\x1b[2Jame.json'
expect_clean "$out" "file name in the header"
run "$SPECDIFF" diff "$(printf 'missing\033]0;x\007.json')" r.json
expect_rc 2
expect_err 'missing\x1b]0;x\x07.json: cannot open'
expect_clean "$err" "error message"
run "$SPECDIFF" diff --ignore "$(printf '/no\033[5mkey')" l.json r.json
expect_err 'warning: --ignore /no\x1b[5mkey matches nothing'
expect_clean "$err" "warning"
printf 'ignore /a\033[1m~3\n' > conf
SPECDIFF_CONFIG=$T_TMP/conf run "$SPECDIFF" diff l.json r.json
expect_clean "$err" "configuration error"

# check: a container name from a checkpoint image, and runsc's messages
sh "$ROOT/tests/hostile/mkimage.sh" img 'c\u001b[2J\u009b1m=l.json'
run "$SPECDIFF" check img r.json
expect_out 'container: c\x1b[2J\u009b1m'
expect_clean "$out" "check table and messages"
run "$SPECDIFF" diff img r.json
expect_clean "$out" "diff of an image"

# explain: the pasted line is quoted back
run "$SPECDIFF" explain "$(printf 'Annotations does not match across checkpoint restore for container: c\033[2J\302\233, checkpoint map[a\033]0;t\007:b] restore map[\377]')"
expect_out 'container:  c\x1b[2J\u009b'
expect_clean "$out" "explain"
run "$SPECDIFF" explain "$(printf 'nonsense \033[31m here')"
expect_rc 2
expect_clean "$err" "explain's error"
t_done
