#!/bin/sh
# specdiff diff --format html in a real browser (tests/html/lib.sh): the
# rows, classes, gutter and restore marks of the explorer, the Go facts and
# restore verdicts of a difference, both mode views, nothing external.
. tests/lib.sh
. tests/html/lib.sh
BUILD=${BUILD:-build}
ex=$(pwd)/examples
page=$T_TMP/page.html
run "$SPECDIFF" diff --format html "$ex/sysctl-nil-vs-empty/checkpoint.json" "$ex/sysctl-nil-vs-empty/restore.json"
expect_rc 1
cp "$out" "$page"
run grep -c '<link\|<img\|src=\|href=\|@import\|url(' "$page"
expect_eq "$(cat "$out")" 0 "no external resource in the page"

hb_dom "$page" >"$T_TMP/dom"
dom() { grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM lacks: $1"; }; t_checks=$((t_checks + 1)); }
nodom() { ! grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM should not hold: $1"; }; t_checks=$((t_checks + 1)); }
dom '<section class="view v-strict">'
dom '<section class="view v-semantic">'
dom 'id="m-strict" checked'
dom '<details class="row d c-nil-vs-empty restore" data-path="/linux/sysctl"><summary><span class="g r-nil-vs-empty">∅</span><span class="g r-restore-mark">R</span><span class="l filler r-filler"></span><span class="r r-nil-vs-empty" style="padding-left:4ch">sysctl: {}</span></summary>'
dom '<td class="f-gov">map[string]string(nil)</td><td class="f-gov">map[string]string{}</td>'
dom '<td class="f-v">map[]</td><td class="f-v">map[]</td>'
dom '<td class="f-nil">nil</td><td class="f-nil">not nil</td>'
dom '<td class="f-marshal">null</td><td class="f-marshal">{}</td>'
dom '<li><b>gvisor-2024</b>: <code>Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]</code></li>'
nodom '<li><b>gvisor-20241210</b>'
dom 'restore checks: gvisor-2024..20241202: FAIL Sysctl · gvisor-20241210+: pass'
dom '<b>strict mode</b> (reflect.DeepEqual): <b class="verdict">different</b>'
dom '<b>semantic mode</b> (nil equals empty, set-like lists unordered): <b class="verdict">equal</b>'
dom '<button>open all</button>'
# the rows are the explorer's: 15 in strict mode ({, 5 members, linux {, its
# 6 members, }, }), 8 in semantic (linux folded: nothing counts in it)
sed -n '/<section class="view v-strict">/,/<\/section>/p' "$T_TMP/dom" | grep -c 'class="row ' >"$T_TMP/n"
expect_eq "$(cat "$T_TMP/n")" 15 "strict view rows"
sed -n '/<section class="view v-semantic">/,/<\/section>/p' "$T_TMP/dom" | grep -c 'class="row ' >"$T_TMP/n"
expect_eq "$(cat "$T_TMP/n")" 8 "semantic view rows"
sed -n '/<section class="view v-semantic">/,/<\/section>/p' "$T_TMP/dom" | grep -c 'c-nil-vs-empty' >"$T_TMP/n"
expect_eq "$(cat "$T_TMP/n")" 0 "semantic view marks no nil-vs-empty row"

t_done
