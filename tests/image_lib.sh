# tests/image_lib.sh - gVisor checkpoint images for the tests (POSIX sh):
# "gVisorSF", a big-endian uint64 length, the metadata JSON
# (container_specs holds the specs' JSON as a string, runsc_version is
# $RUNSC_VERSION or release-20241104.0), then payload bytes standing in for
# the memory image, which is never parsed.  Source it from the repository
# root.

# json_string FILE: the file's text as a JSON string literal (no quotes).
json_string() {
	awk 'BEGIN { ORS = "" }
	{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); print $0 "\\n" }' "$1"
}

# be64 N: N as 8 big-endian bytes ("max": all ones).
be64() {
	n=$1
	if [ "$n" = max ]; then
		printf '\377\377\377\377\377\377\377\377'
		return
	fi
	i=7
	while [ $i -ge 0 ]; do
		b=$(( (n >> (8 * i)) & 255 ))
		printf "\\$(printf %03o "$b")"
		i=$((i - 1))
	done
}

# mkimage OUT METAFILE [DECLARED_LENGTH]: an image holding METAFILE.
mkimage() {
	len=$(wc -c <"$2" | tr -d ' ')
	{
		printf 'gVisorSF'
		be64 "${3:-$len}"
		cat "$2"
		head -c 3000 /dev/urandom
	} >"$1"
}

# meta OUT NAME1 SPEC1 [NAME2 SPEC2 ...]: metadata with these containers.
meta() {
	out=$1
	shift
	{
		printf '{"runsc_version":"%s","container_specs":"{' "${RUNSC_VERSION:-release-20241104.0}"
		sep=
		while [ $# -ge 2 ]; do
			printf '%s\\"%s\\":' "$sep" "$1"
			json_string "$2"
			sep=,
			shift 2
		done
		printf '}"}'
	} >"$out"
}
