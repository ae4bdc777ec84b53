#!/bin/sh
# Regenerates tests/gofacts/facts-VERSION.jsonl with real Go (Go 1.19,
# GOPATH mode, offline): the specs-go types are the config.go copies of
# ../shared/reference/runtime-spec/VERSION, yaml.v3 is Debian's
# golang-gopkg-yaml.v3-dev.  Not run by make: make test reads the files.
#
#   tools/gofacts/gen.sh [CASES_DIR [REFERENCE_DIR]]
set -eu
cd "$(dirname "$0")/../.."
cases=${1:-../shared/conformance/cases}
ref=${2:-../shared/reference}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gofacts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p tests/gofacts
for ver in v1.1.0-rc.1 v1.2.1; do
	gp="$tmp/gopath-$ver"
	mkdir -p "$gp/src/github.com/opencontainers/runtime-spec/specs-go" "$gp/src/gofacts"
	cp "$ref/runtime-spec/$ver/config.go" "$gp/src/github.com/opencontainers/runtime-spec/specs-go/"
	cp tools/gofacts/main.go "$gp/src/gofacts/"
	(cd "$gp/src/gofacts" && GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS= GOPROXY=off \
		go build -o "$tmp/gofacts-$ver" .)
	"$tmp/gofacts-$ver" "$cases"/*/ >"tests/gofacts/facts-$ver.jsonl"
	echo "tests/gofacts/facts-$ver.jsonl: $(wc -l <"tests/gofacts/facts-$ver.jsonl") nodes ($ver types)"
done
