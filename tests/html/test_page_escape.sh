#!/bin/sh
# The page escapes everything from the input (keys, values, file names,
# bytes that are not UTF-8), and a browser's screenshot of it is not blank.
# SD_UPDATE_DOCS=1 copies the screenshot to docs/page.png (README).
. tests/lib.sh
. tests/html/lib.sh
BUILD=${BUILD:-build}
ex=$(pwd)/examples
page=$T_TMP/page.html
dom() { grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM lacks: $1"; }; t_checks=$((t_checks + 1)); }
nodom() { ! grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM should not hold: $1"; }; t_checks=$((t_checks + 1)); }
# Everything from the input is escaped; bytes that are not UTF-8 become U+FFFD.
printf '{"ociVersion":"1.0.2","annotations":{"<b>x</b>":"</span><script>document.title=\\"pwned\\"</script>","bad":"\377"}}' >"$T_TMP/l.json"
rname=$(printf 'r <&>\377.json')
printf '{"ociVersion":"1.0.2","annotations":{"<b>x</b>":"&amp;"}}' >"$T_TMP/$rname"
run "$SPECDIFF" diff --format html "$T_TMP/l.json" "$T_TMP/$rname"
expect_rc 1
cp "$out" "$T_TMP/hostile.html"
expect_out '&lt;b&gt;x&lt;/b&gt;: &quot;&lt;/span&gt;&lt;script&gt;'
expect_out "$(printf 'r &lt;&amp;&gt;\357\277\275.json')"
expect_out "$(printf 'bad: &quot;\357\277\275&quot;')"
expect_out '&quot;&amp;amp;&quot;'

hb_dom "$T_TMP/hostile.html" >"$T_TMP/dom"
nodom 'pwned</title>'
run grep -c '<script>' "$T_TMP/hostile.html"
expect_eq "$(cat "$out")" 1 "one script element: the page's own"

# A screenshot that is not blank, from the real browser (open differences).
# relative names: the screenshot is docs/page.png
run "$SPECDIFF" diff --format html examples/realistic-restore-failure/checkpoint.json examples/realistic-restore-failure/restore.json
cp "$out" "$T_TMP/real.html"
hb_shot "$T_TMP/real.html#open" "$T_TMP/page.png"
set -- $(hb_colours "$T_TMP/page.png")
[ "${2:-}" = "?" ] || expect_eq "${2:-}" 1200x900 "screenshot size"
t_checks=$((t_checks + 1))
[ "${1:-0}" -ge 20 ] || { t_failures=$((t_failures + 1)); echo "FAIL: screenshot looks blank: ${1:-0} colours"; }
[ "${SD_UPDATE_DOCS:-0}" = 1 ] && cp "$T_TMP/page.png" docs/page.png
t_done
