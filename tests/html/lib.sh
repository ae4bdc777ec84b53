# tests/html/lib.sh - the HTML page in a real browser (Debian's chromium,
# headless).  Source after tests/lib.sh.  tests/run.sh runs this suite only
# when chromium is installed and prints "skipped: no chromium" otherwise.
#   hb_dom FILE [FLAGS...]     the DOM after loading FILE, on stdout
#   hb_shot FILE PNG [FLAGS]   a 1200x900 screenshot of FILE
#   hb_colours PNG             "N WxH": distinct colours in the PNG (through
#                              ImageMagick's convert; without it, "N ?" where
#                              N is 20 for a PNG above 20 kB - a blank
#                              1200x900 page compresses to a few kB - else 0)
HB_CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$HB_CHROMIUM" ] || { echo "skipped: no chromium"; exit 0; }
HB_PROFILE=$T_TMP/chromium-profile
mkdir -p "$HB_PROFILE"
# --no-sandbox: CI runs as root; a private profile and no GPU keep it quiet
hb() {
	timeout 60 "$HB_CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$HB_PROFILE" --disable-extensions "$@" 2>>"$T_TMP/chromium.log"
}
hb_dom() { f=$1; shift; hb "$@" --dump-dom "file://$f"; }
hb_shot() { f=$1 png=$2; shift 2; hb "$@" --window-size=1200,900 --screenshot="$png" "file://$f" >/dev/null; }
hb_colours() {
	if command -v convert >/dev/null 2>&1; then
		convert "$1" ppm:- | "$BUILD/tools/ppm_colors"
	else
		echo "skipped colour count: no ImageMagick convert" >&2
		[ "$(wc -c <"$1")" -gt 20000 ] && echo "20 ?" || echo "0 ?"
	fi
}
