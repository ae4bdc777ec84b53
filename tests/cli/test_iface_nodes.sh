#!/bin/sh
# JSON documents decoded as interface{} are compared on their nodes (lazy
# Go views, core/diff_nodes.c): the classes, paths, values and reasons must
# be those Go's decode gives: later duplicate keys win, invalid UTF-8 is
# U+FFFD (so two different bad keys are one Go key), numbers are float64,
# null is a nil interface{}; a big list is summarised by its length.
cd "$(dirname "$0")/../.."
. tests/lib.sh
T=$T_TMP

printf '{"a":1,"d":{"z":1,"z":2},"\377k":1,"s":"x\377","n":null,"t":true,"arr":[1,null,{}]}' >"$T/l.json"
printf '{"a":1.0,"d":{"z":2},"\376k":1,"s":"x\376","n":[],"t":false,"arr":[1,3,[]],"e":{"q":1}}' >"$T/r.json"

run "$SPECDIFF" diff --schema none "$T/l.json" "$T/r.json"
expect_rc 1
expect_out "5 differences in strict mode"
expect_out "[value] /arr/1"
expect_out "left is a nil interface{} (null), the other holds a float64"
expect_out "[value] /arr/2"
expect_out "map[string]interface {} on the left, []interface {} on the right"
expect_out "[value] /e"
expect_out "this key is only in the right map"
expect_out "[value] /n"
expect_out "[value] /t"
expect_out "[cosmetic] /a"
expect_no_out "[value] /d"
expect_no_out "[value] /s"

run "$SPECDIFF" diff --schema none --format json "$T/l.json" "$T/r.json"
expect_rc 1
expect_out '{"path":"/e","class":"value","left":{"line":null,"column":null,"pointer":null,"go":null},"right":{"line":1,"column":74,"value":{"q":1},"pointer":"/e","go":{"type":"map[string]interface {}"'
expect_out '"right":{"line":1,"column":42,"value":[],"pointer"'

# the same documents are equal to themselves; 1 and 1.0 are one float64
run "$SPECDIFF" diff --schema none "$T/l.json" "$T/l.json"
expect_rc 0
printf '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]' >"$T/a.json"
printf '[1.0,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]' >"$T/b.json"
run "$SPECDIFF" diff "$T/a.json" "$T/b.json"
expect_rc 0
expect_out "0 differences in strict mode"

# a length difference in a big list: summarised, the elements named
printf '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]' >"$T/c.json"
run "$SPECDIFF" diff "$T/a.json" "$T/c.json"
expect_rc 1
expect_out "left   [...] (a list of 18 elements)"
expect_out "right  [...] (a list of 19 elements)"
expect_out "the lists have different lengths: 18 on the left, 19 on the right"
expect_out "+ only right /18"
run "$SPECDIFF" diff --format json "$T/a.json" "$T/c.json"
expect_out '"value":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19],"pointer"'

# a difference at the root (arrays of different lengths): the report
# writes the Go values from the nodes, as json.Marshal would (map keys
# sorted, the last duplicate wins, bad UTF-8 keys become one U+FFFD key,
# numbers as float64), without building them first
printf '[{"b":1,"a":{"z":1,"z":[1e2,-0,0.000001,1.5e300,12345678901234567890]},"\377k":"x\377y","\376k":2,"u":"\\u2028<&>\\n","n":null,"e":{},"l":[]},"s"]' >"$T/root-l.json"
printf '[{"b":1}]' >"$T/root-r.json"
run "$SPECDIFF" diff --format json "$T/root-l.json" "$T/root-r.json"
expect_rc 1
expect_out '"left":{"line":1,"column":1,"value":[{"a":{"z":[100,-0,0.000001,1.5e+300,12345678901234567000]},"b":1,"e":{},"l":[],"n":null,"u":"\u2028<&>\n","'"$(printf '\357\277\275')"'k":2},"s"],"pointer"'
expect_out '"right":{"line":1,"column":1,"value":[{"b":1}],"pointer"'

# a number out of float64 range: Go's decode error, as before
printf '{"x":1e400}' >"$T/big.json"
run "$SPECDIFF" diff --schema none "$T/big.json" "$T/l.json"
expect_rc 2
expect_err "cannot unmarshal number 1e400 into Go value of type float64"

t_done
