#!/bin/sh
# style.sh - the project's written rules that a script can check
# (DESIGN.md, STYLE.md); `make style` runs it and fails on any finding.
#   - core/ never prints and never includes ncurses (errors are values);
#   - every public header opens with its contract comment and a guard;
#   - C files are indented with tabs and carry no trailing white space.
bad=0
say() { echo "style: $*" >&2; bad=1; }

# core/ prints only in sd_out_of_memory (core/util.c).
grep -nwE 'stdout|stderr|printf|puts|fputs|putchar|fwrite|perror' core/*.c |
	grep -v 'format(printf' | grep -v '^core/util\.c:' |
	sed 's|/\*.*\*/||; s|/\*.*||; s|^\([^:]*:[0-9]*:\)[[:space:]]*\*.*|\1|' |
	grep -E ':[0-9]+:.*\<(stdout|stderr|printf|puts|fputs|putchar|fwrite|perror)\>' |
	while IFS= read -r l; do echo "style: $l: core/ never prints; return an sd_error" >&2; done |
	grep -q . && bad=1
for f in $(grep -lE '#include *[<"](n?curses|ncursesw/)' core/*.c core/*.h include/specdiff/*.h 2>/dev/null); do
	say "$f includes ncurses: core/ and its headers build without it"
done

for h in include/specdiff/*.h; do
	guard=SPECDIFF_$(basename "$h" .h | tr 'a-z' 'A-Z')_H
	head -1 "$h" | grep -q '^/\*' || say "$h: begins without its contract comment"
	grep -q "^#ifndef $guard\$" "$h" || say "$h: no include guard $guard"
done

files=$(ls core/*.c core/*.h cli/*.c cli/*.h tui/*.c tui/*.h include/specdiff/*.h \
	tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tests/fuzz/*.h tools/*.c 2>/dev/null)
for f in $files; do
	out=$(grep -nE '[[:space:]]+$' "$f") && say "$f: trailing white space on line(s) $(echo "$out" | cut -d: -f1 | tr '\n' ' ')"
	out=$(grep -nE '^ +[^ *]' "$f") && say "$f: indented with spaces, not tabs, on line(s) $(echo "$out" | cut -d: -f1 | tr '\n' ' ')"
done
[ $bad = 0 ] && echo "style: ok"
exit $bad
