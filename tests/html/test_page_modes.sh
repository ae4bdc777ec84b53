#!/bin/sh
# The page's strict/semantic toggle is CSS on two radio inputs (checked in
# the browser through computed styles); --mode picks the view it opens on;
# the page is whole without its script; printed, it holds both views, each
# from a new page.
. tests/lib.sh
. tests/html/lib.sh
BUILD=${BUILD:-build}
ex=$(pwd)/examples
page=$T_TMP/page.html
dom() { grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM lacks: $1"; }; t_checks=$((t_checks + 1)); }
nodom() { ! grep -qF -- "$1" "$T_TMP/dom" || { t_failures=$((t_failures + 1)); echo "FAIL: DOM should not hold: $1"; }; t_checks=$((t_checks + 1)); }
run "$SPECDIFF" diff --format html "$ex/sysctl-nil-vs-empty/checkpoint.json" "$ex/sysctl-nil-vs-empty/restore.json"
expect_rc 1
cp "$out" "$page"
# The mode toggle is CSS on two radio inputs: check one, read the views' display.
probe() { # RADIO -> "strict-display,semantic-display" as the page's title
	sed "s|</body>|<script>document.getElementById('$1').checked=true;document.title=[getComputedStyle(document.querySelector('.v-strict')).display,getComputedStyle(document.querySelector('.v-semantic')).display].join();</script></body>|" "$page" >"$T_TMP/probe.html"
	hb_dom "$T_TMP/probe.html" | sed -n 's|.*<title>\(.*\)</title>.*|\1|p'
}
expect_eq "$(probe m-semantic)" "none,block" "semantic radio shows only the semantic view"
expect_eq "$(probe m-strict)" "block,none" "strict radio shows only the strict view"

# --mode semantic opens on the semantic view.  Without its script the page
# is whole (--dump-dom itself needs scripts on, so the script is cut out).
run "$SPECDIFF" diff --mode semantic --format html "$ex/sysctl-nil-vs-empty/checkpoint.json" "$ex/sysctl-nil-vs-empty/restore.json"
expect_rc 0
sed '/^<script>$/,/^<\/script>$/d' "$out" >"$T_TMP/sem.html"
hb_dom "$T_TMP/sem.html" >"$T_TMP/dom"
dom 'id="m-semantic" checked'
dom '<div id="tools"></div>'
dom '<td class="f-gov">map[string]string(nil)</td>'

# Printing (@media print): both views, the second from a new page.
hb --no-pdf-header-footer --print-to-pdf="$T_TMP/page.pdf" "file://$page" >/dev/null
expect_eq "$(head -c 5 "$T_TMP/page.pdf" 2>/dev/null)" "%PDF-" "chromium printed the page to PDF"
expect_eq "$(grep -a -c '/Type /Page$\|/Type /Page[^s]' "$T_TMP/page.pdf")" 2 "printed pages (strict view, semantic view)"
t_done
