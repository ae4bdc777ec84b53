#!/bin/sh
# mkimage.sh - writes a gVisor checkpoint image header for tests (POSIX sh).
#   mkimage.sh OUT [--len N|--len-hex 16HEX] [--version V] NAME=SPEC...
# OUT gets "gVisorSF", a big-endian uint64 length and a JSON metadata map
# {"container_specs": "<JSON text of {NAME: <SPEC file's text>...}>",
#  "runsc_version": V}.  --len / --len-hex write a length field that lies
# (the real metadata follows anyway); --version - leaves the version out.
set -eu
out=$1
shift
len=""
lenhex=""
version="release-20250101.0"
while [ $# -gt 0 ]; do
	case $1 in
	--len) len=$2; shift 2 ;;
	--len-hex) lenhex=$2; shift 2 ;;
	--version) version=$2; shift 2 ;;
	*) break ;;
	esac
done
tmp=$(mktemp "${TMPDIR:-/tmp}/mkimage.XXXXXX")
trap 'rm -f "$tmp" "$tmp.specs"' EXIT

# The JSON text of the container map (inner document).
{
	printf '{'
	sep=""
	for pair in "$@"; do
		printf '%s"%s": ' "$sep" "${pair%%=*}"
		cat "${pair#*=}"
		sep=", "
	done
	printf '}'
} >"$tmp.specs"

# JSON string escaping of that text: \ " TAB CR and newlines.
esc() {
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' -e 's/\r/\\r/g' "$1" |
		awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }'
}
{
	printf '{"container_specs": "'
	esc "$tmp.specs"
	printf '"'
	[ "$version" != - ] && printf ', "runsc_version": "%s"' "$version"
	printf '}'
} >"$tmp"

n=$(wc -c <"$tmp")
[ -n "$len" ] && n=$len
if [ -z "$lenhex" ]; then
	lenhex=$(printf '%016x' "$n")
fi
{
	printf 'gVisorSF'
	i=0
	while [ $i -lt 16 ]; do
		byte=$(echo "$lenhex" | cut -c$((i + 1))-$((i + 2)))
		# shellcheck disable=SC2059
		printf "\\$(printf '%03o' "0x$byte")"
		i=$((i + 2))
	done
	cat "$tmp"
} >"$out"
