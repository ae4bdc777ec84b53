#!/bin/sh
# Inputs as the command line names them: paths, stdin, pointers, errors.
. "$(dirname "$0")/../lib.sh"
cd "$T_TMP"
printf '{\n  "a": {"b/c": [1, {"x~y": 18446744073709551615}]}\n}\n' > p.json
printf 'a: 1\nb: [x, y]\n' > s.yaml

run "$SPECDIFF" normalize 'p.json#/a/b~1c/1/x~0y'
expect_rc 0
expect_out 18446744073709551615
run "$SPECDIFF" normalize 'p.json#/a/nope'
expect_rc 2
expect_err 'specdiff: p.json#/a/nope:2:8: JSON pointer /a/nope does not resolve'
run "$SPECDIFF" normalize 'p.json#/a/b~1c/7'
expect_rc 2
expect_err 'p.json#/a/b~1c/7:2:16:'

run sh -c "printf '[1, 2]' | '$SPECDIFF' normalize -"
expect_rc 0
expect_out '  2'
run sh -c "printf 'k: v\n' | '$SPECDIFF' normalize -"
expect_rc 0
expect_out 'k: v'
run sh -c "printf '[1,]' | '$SPECDIFF' normalize -"
expect_rc 2
expect_err 'specdiff: -:1:4: trailing comma'

# format: extension, then content, or forced
cp s.yaml noext
run "$SPECDIFF" normalize noext
expect_rc 0
expect_out 'b:'
cp p.json s2.yaml
run "$SPECDIFF" normalize --to json s2.yaml
expect_rc 0
run "$SPECDIFF" normalize --format-in json s.yaml
expect_rc 2
expect_err 'specdiff: s.yaml:1:1:'

# trouble: missing, directory, bad option, empty file
run "$SPECDIFF" normalize missing.json
expect_rc 2
expect_err 'specdiff: missing.json: cannot open: No such file or directory'
mkdir dir
run "$SPECDIFF" normalize dir
expect_rc 2
expect_err 'specdiff: dir: is a directory'
: > empty.json
run "$SPECDIFF" normalize empty.json
expect_rc 2
expect_err 'specdiff: empty.json:1:1: empty input'
printf '\357\273\277{}' > bom.json
run "$SPECDIFF" normalize bom.json
expect_rc 2
expect_err 'bom.json:1:1: a UTF-8 byte-order mark is not allowed in JSON'
printf 'a: [1\n' > bad.yaml
run "$SPECDIFF" normalize bad.yaml
expect_rc 2
expect_err 'specdiff: bad.yaml:1:1:'   # the line gopkg.in/yaml.v3 names

# a FIFO is read as a stream
mkfifo fifo
(printf '{"f": 1}' > fifo &)
run "$SPECDIFF" normalize --format-in json fifo
expect_rc 0
expect_out '"f": 1'

# YAML streams
printf 'a: 1\n---\nb: 2\n' > multi.yaml
run "$SPECDIFF" normalize multi.yaml
expect_rc 0
expect_out 'a: 1'
expect_err 'multi.yaml: YAML stream has 2 documents; using document 1 (--doc N picks another)'
run "$SPECDIFF" normalize --doc 2 multi.yaml
expect_rc 0
expect_out 'b: 2'
run "$SPECDIFF" normalize --doc 3 multi.yaml
expect_rc 2
expect_err 'there is no document 3'
t_done
