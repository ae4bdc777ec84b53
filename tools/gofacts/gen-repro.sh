#!/bin/sh
# Regenerates the reproducers of tests/gofacts/repro.tsv: for each row,
# tests/gofacts/repro/NAME.go is what `specdiff explain --go LEFT RIGHT
# [POINTER]` writes and NAME.out what real Go (go run, Go 1.19, standard
# library only) printed running it.  Not run by make: make test checks
# that specdiff still writes NAME.go and that its facts equal NAME.out.
#
#   tools/gofacts/gen-repro.sh [SPECDIFF]
set -eu
cd "$(dirname "$0")/../.."
sd=${1:-./specdiff}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/repro.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p tests/gofacts/repro
grep -v '^#' tests/gofacts/repro.tsv | while IFS='	' read -r name left right ptr; do
	# shellcheck disable=SC2086
	"$sd" explain --go "$left" "$right" $ptr >"tests/gofacts/repro/$name.go"
	cp "tests/gofacts/repro/$name.go" "$tmp/main.go"
	(cd "$tmp" && GO111MODULE=off GOFLAGS= GOPROXY=off go run main.go) >"tests/gofacts/repro/$name.out"
	gofmt -l "tests/gofacts/repro/$name.go"   # names a file gofmt would change
	echo "$name: $(wc -l <"tests/gofacts/repro/$name.out") lines"
done
