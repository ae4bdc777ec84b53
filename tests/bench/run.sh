#!/bin/sh
# tests/bench/run.sh - specdiff's performance benchmarks (make bench; not part
# of make test).  See tests/bench/README.md for what each column means.
#
#   BENCH_SIZES     list sizes to run (default "1000 4000 16000 64000")
#   BENCH_RUNS      timed runs per command (default 5)
#   BENCH_BIG_RUNS  runs for N >= 64000 (default 3, never more than BENCH_RUNS)
#   BENCH_JQ_BIG_RUNS runs of the jq pipeline for N >= 64000 (default 1: it
#                   takes minutes there, and its noise is small against that)
#   BENCH_SEED      generator seed (default 1)
#   BENCH_EXPLORER_N  list size for the explorer figures (default 16000; the
#                   largest size run when that one is not)
#   BENCH_DATA      where generated inputs live (default tests/bench/data)
#   SPECDIFF, BUILD as for tests/run.sh
#
# Commands are timed round-robin: repetition 1 of every command on a pair,
# then repetition 2 of every command, and so on, so that machine noise hits
# all of them alike.  A command that is missing or fails (specdiff: exit other
# than 0 or 1) is reported as n/a with its exit status and first error line.
set -u
cd "$(dirname "$0")/../.."
SPECDIFF=${SPECDIFF:-./specdiff}
BUILD=${BUILD:-build}
SIZES=${BENCH_SIZES:-1000 4000 16000 64000}
RUNS=${BENCH_RUNS:-5}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
JQ_BIG_RUNS=${BENCH_JQ_BIG_RUNS:-1}
SEED=${BENCH_SEED:-1}
EXPLORER_N=${BENCH_EXPLORER_N:-16000}
DATA=${BENCH_DATA:-tests/bench/data}
RESULTS=tests/bench/results
case $SPECDIFF in /*) ;; *) SPECDIFF=$(pwd)/$SPECDIFF ;; esac
[ "$BIG_RUNS" -gt "$RUNS" ] && BIG_RUNS=$RUNS
[ "$JQ_BIG_RUNS" -gt "$BIG_RUNS" ] && JQ_BIG_RUNS=$BIG_RUNS

GEN=$BUILD/tools/bench_gen
TIMER=$BUILD/tools/bench_time
YEV=$BUILD/tools/yaml_events

say() { printf 'bench: %s\n' "$*" >&2; }

# ---- set-up ---------------------------------------------------------------

if ! command -v jq >/dev/null 2>&1 || ! command -v valgrind >/dev/null 2>&1; then
	SPECDIFF_EXTRA_PKGS="jq valgrind" sh tools/install-deps.sh ||
		say "could not install jq/valgrind; their figures will be n/a"
fi
make -s BUILD="$BUILD" "$GEN" "$TIMER" "$YEV" || exit 2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/specdiff-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
# Time one build from start to end, even if ./specdiff is rebuilt meanwhile.
if [ -x "$SPECDIFF" ]; then
	cp "$SPECDIFF" "$WORK/specdiff" && SPECDIFF=$WORK/specdiff
fi
mkdir -p "$DATA" "$RESULTS"
RECORDS=$WORK/records # ds tool runs median min max rss_kib note
INPUTS=$WORK/inputs   # ds left_bytes right_bytes summary
: >"$RECORDS"
: >"$INPUTS"

fsize() { wc -c <"$1" | tr -d ' '; }

# gen NAME KIND EXT [-y]: makes $DATA/NAME-s$SEED-{left,right}.EXT when missing
# or older than the generator; records the pair's sizes and summary.
gen() {
	name=$1 kind=$2 ext=$3
	shift 3
	l=$DATA/$name-s$SEED-left.$ext
	r=$DATA/$name-s$SEED-right.$ext
	info=$DATA/$name-s$SEED.info
	if [ ! -s "$l" ] || [ ! -s "$r" ] || [ ! -s "$info" ] || [ "$GEN" -nt "$l" ]; then
		say "generating $name ($kind, $ext)"
		"$GEN" -s "$SEED" "$@" "$kind" "$l" "$r" >"$info" || exit 2
	fi
	summary=$(tail -n 1 "$info")
	[ "$kind" = small ] && summary="one spec, $(grep -c '^  /' "$info") planted differences"
	printf '%s\t%s\t%s\t%s\n' "$name" "$(fsize "$l")" "$(fsize "$r")" "$summary" >>"$INPUTS"
}

left() { echo "$DATA/$1-s$SEED-left.$2"; }
right() { echo "$DATA/$1-s$SEED-right.$2"; }

# ---- timing ---------------------------------------------------------------

# time_tool TOOL LEFT RIGHT ERRFILE: one timed run, prints "SECONDS RSS EXIT".
time_tool() {
	tt=$1 l=$2 r=$3 e=$4
	case $tt in
	diff) "$TIMER" -r -n 1 -e "$e" -- "$SPECDIFF" diff "$l" "$r" ;;
	diff-json) "$TIMER" -r -n 1 -e "$e" -- "$SPECDIFF" diff --format json "$l" "$r" ;;
	check) "$TIMER" -r -n 1 -e "$e" -- "$SPECDIFF" check "$l" "$r" ;;
	normalize) "$TIMER" -r -n 1 -e "$e" -- "$SPECDIFF" normalize "$l" ;;
	jq-diff)
		"$TIMER" -r -n 1 -e "$e" -- sh -c \
			'jq -S . "$1" > "$3/a"; jq -S . "$2" > "$3/b"; diff "$3/a" "$3/b"' \
			sh "$l" "$r" "$WORK" ;;
	cat) "$TIMER" -r -n 1 -e "$e" -- cat "$l" "$r" ;;
	libyaml) "$TIMER" -r -n 1 -e "$e" -- "$YEV" "$l" "$r" ;;
	esac
}

ok_exit() { # TOOL EXIT
	case $1:$2 in
	diff*:[01] | check:[01] | normalize:0 | jq-diff:[01] | cat:0 | libyaml:0) return 0 ;;
	esac
	return 1
}

# bench DS EXT RUNS TOOL...: times the tools round-robin on one pair and
# appends one record per tool.  jq-diff runs in the first $jq_runs
# repetitions only.
bench() {
	ds=$1 ext=$2 runs=$3
	jq_runs=$runs
	[ "$runs" = "$BIG_RUNS" ] && [ "$ds" -ge 64000 ] 2>/dev/null && jq_runs=$JQ_BIG_RUNS
	shift 3
	l=$(left "$ds" "$ext")
	r=$(right "$ds" "$ext")
	cat "$l" "$r" >/dev/null # page cache
	for t in "$@"; do : >"$WORK/s.$t"; done
	failed=" "
	rep=1
	while [ "$rep" -le "$runs" ]; do
		say "$ds: repetition $rep of $runs"
		for t in "$@"; do
			case $failed in *" $t "*) continue ;; esac
			[ "$t" = jq-diff ] && [ "$rep" -gt "$jq_runs" ] && continue
			: >"$WORK/err"
			sample=$(time_tool "$t" "$l" "$r" "$WORK/err")
			code=${sample##* }
			if ! ok_exit "$t" "$code"; then
				failed="$failed$t "
				msg=$(grep -v '^[[:space:]]*$' "$WORK/err" | head -n 1 | cut -c1-70 | tr '\t|' '  ')
				[ "$code" = 127 ] && [ -z "$msg" ] && msg="command not found"
				echo "exit $code${msg:+: $msg}" >"$WORK/fail.$t"
				continue
			fi
			echo "$sample" >>"$WORK/s.$t"
		done
		rep=$((rep + 1))
	done
	rm -f "$WORK/a" "$WORK/b"
	for t in "$@"; do
		if [ -f "$WORK/fail.$t" ]; then
			printf '%s\t%s\t0\t-\t-\t-\t-\tn/a (%s)\n' "$ds" "$t" "$(cat "$WORK/fail.$t")" >>"$RECORDS"
			rm -f "$WORK/fail.$t"
			continue
		fi
		sort -n "$WORK/s.$t" | awk -v ds="$ds" -v t="$t" '
			{ s[NR] = $1; if ($2 > rss) rss = $2 }
			END {
				med = NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
				printf "%s\t%s\t%d\t%.6f\t%.6f\t%.6f\t%d\t\n", ds, t, NR, med, s[1], s[NR], rss
			}' >>"$RECORDS"
	done
}

runs_for() { if [ "$1" -ge 64000 ]; then echo "$BIG_RUNS"; else echo "$RUNS"; fi; }

gen small small json
gen small-yaml small yaml -y
for n in $SIZES; do gen "$n" "$n" json; done
gen 1000-yaml 1000 yaml -y

bench small json "$RUNS" diff diff-json check normalize jq-diff cat libyaml
bench small-yaml yaml "$RUNS" diff diff-json check normalize cat libyaml
for n in $SIZES; do
	bench "$n" json "$(runs_for "$n")" diff diff-json normalize jq-diff cat libyaml
done
bench 1000-yaml yaml "$RUNS" diff diff-json normalize cat libyaml

# ---- explorer -------------------------------------------------------------

EXPLORER=$WORK/explorer # first step stepmax page mode load (ms) n note
xn=$EXPLORER_N
case " $SIZES " in *" $xn "*) ;; *) xn=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -n 1) ;; esac
say "explorer: --bench-frames 50 on N=$xn"
xl=$(left "$xn" json)
xr=$(right "$xn" json)
: >"$WORK/xout"
"$TIMER" -r -n 1 -o "$WORK/xout" -e "$WORK/xout" -- \
	"$SPECDIFF" --bench-frames 50 "$xl" "$xr" >"$WORK/xrun"
# The command line sends "specdiff LEFT RIGHT" to the explorer only on a
# terminal; give it one with script(1) when the plain run printed nothing.
if ! grep -qi 'first frame' "$WORK/xout" && command -v script >/dev/null 2>&1; then
	: >"$WORK/xout"
	"$TIMER" -r -n 1 -o "$WORK/xout" -e "$WORK/xout" -- script -qec \
		"'$SPECDIFF' --bench-frames 50 '$xl' '$xr'" /dev/null >"$WORK/xrun"
fi
# The explorer prints "first frame: 123.4 ms after start", "cursor step (j):
# 0.4 ms mean, 11 ms max over 50 frames", "page (full redraw): 3 ms mean",
# "mode toggle (rebuild + redraw): 0.5 ms", "load+diff: 1.2 ms".
awk -v n="$xn" -v run="$(cat "$WORK/xrun")" '
	function ms(line,   m, v, u) {
		if (!match(line, /[0-9]+(\.[0-9]+)?[ \t]*(ns|us|µs|ms|s)([^a-z]|$)/)) return "-"
		m = substr(line, RSTART, RLENGTH)
		v = m + 0; u = m; sub(/^[0-9.]+[ \t]*/, "", u); sub(/[^a-zµ]+$/, "", u)
		if (u == "ns") return v / 1e6
		if (u == "us" || u == "µs") return v / 1e3
		if (u == "s") return v * 1e3
		return v
	}
	{ sub(/\r$/, ""); l = tolower($0) }
	l ~ /first frame/ && first == "" { first = ms(l) }
	l ~ /cursor step|keypress/ && step == "" {
		step = ms(l); if (match(l, /, *[0-9.]+ *(ms|us|s) max/)) stepmax = ms(substr(l, RSTART + 1))
	}
	l ~ /^page/ && page == "" { page = ms(l) }
	l ~ /mode toggle/ && mode == "" { mode = ms(l) }
	l ~ /load\+diff/ && load == "" { load = ms(l) }
	END {
		split(run, r, " ")
		note = first == "" || step == "" ? "n/a (no timing lines; exit " r[3] ")" : ""
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", first == "" ? "-" : first, step == "" ? "-" : step,
			stepmax == "" ? "-" : stepmax, page == "" ? "-" : page, mode == "" ? "-" : mode,
			load == "" ? "-" : load, n, note
	}' "$WORK/xout" >"$EXPLORER"

# ---- callgrind ------------------------------------------------------------

CALLGRIND=-
CG_NOTE=""
if command -v valgrind >/dev/null 2>&1; then
	say "callgrind: specdiff diff on the small pair"
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$SPECDIFF" diff "$(left small json)" "$(right small json)" >/dev/null 2>"$WORK/cg"
	code=$?
	if ok_exit diff "$code"; then
		CALLGRIND=$(sed -n 's/^==[0-9]*== Collected : *\([0-9]*\).*/\1/p' "$WORK/cg" | tail -n 1)
		[ -n "$CALLGRIND" ] || CALLGRIND=-
	else
		CG_NOTE="n/a (exit $code)"
	fi
else
	CG_NOTE="n/a (valgrind missing)"
fi

# ---- report ---------------------------------------------------------------

stamp=$(date +%Y-%m-%d-%H%M%S)
report=$RESULTS/results-$stamp.md
version=$("$SPECDIFF" --version 2>/dev/null | head -n 1)
commit=$(git rev-parse --short HEAD 2>/dev/null)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
{
	echo "# specdiff benchmarks, $(date '+%Y-%m-%d %H:%M:%S %Z')"
	echo
	echo "${version:-specdiff (not built)}, commit ${commit:-?} (plus uncommitted changes, if any);"
	echo "$(uname -sr), $(nproc 2>/dev/null || echo ?) CPUs${cpu:+ ($cpu)}; seed $SEED;"
	echo "median of $RUNS runs ($BIG_RUNS for N >= 64000, $JQ_BIG_RUNS of the jq pipeline there),"
	echo "commands interleaved round-robin; the runs column says how many each figure is over."
	echo
} >"$report"

awk -F '\t' -v runs="$RUNS" -v cg="$CALLGRIND" -v cgnote="$CG_NOTE" \
	-v inputs="$INPUTS" -v explorer="$EXPLORER" -v sizes="$SIZES" '
function t(s) {
	if (s == "-" || s == "") return "-"
	if (s < 1e-3) return sprintf("%.0f µs", s * 1e6)
	if (s < 1) return sprintf("%.3g ms", s * 1e3)
	return sprintf("%.3g s", s)
}
function ms(v) { return v == "-" || v == "" ? "-" : t(v / 1e3) }
function mib(k) {
	if (k == "-" || k == "") return "-"
	if (k < 10240) return sprintf("%.1f MiB", k / 1024)
	return sprintf("%.0f MiB", k / 1024)
}
function bytes(b) {
	if (b < 1e6) return sprintf("%.1f KB", b / 1e3)
	return sprintf("%.1f MB", b / 1e6)
}
function ratio(a, b) { return (a == "" || b == "" || a == "-" || b == "-" || b == 0) ? "-" : sprintf("%.2fx", a / b) }
function verdict(ok) { return ok ? "PASS" : "MISS" }
BEGIN {
	while ((getline line < inputs) > 0) {
		split(line, f, "\t")
		nin++; inorder[nin] = f[1]; lb[f[1]] = f[2]; rb[f[1]] = f[3]; summ[f[1]] = f[4]
	}
	if ((getline line < explorer) > 0) {
		split(line, x, "\t")
		xfirst = x[1]; xstep = x[2]; xstepmax = x[3]; xpage = x[4]; xmode = x[5]; xload = x[6]; xn = x[7]; xnote = x[8]
		# A keypress is a cursor step or a page move, whichever is slower.
		xkey = xstep == "-" ? "-" : (xpage != "-" && xpage + 0 > xstep + 0 ? xpage : xstep)
	}
	nsz = split(sizes, sz, " ")
}
{
	ds = $1; tool = $2
	nrec++; rds[nrec] = ds; rtool[nrec] = tool
	rruns[nrec] = $3; med[ds, tool] = $4; rmin[nrec] = $5; smin[ds, tool] = $5; rmax[nrec] = $6; rss[ds, tool] = $7; note[nrec] = $8
	if ($8 != "") med[ds, tool] = "-"
}
END {
	print "## Inputs"
	print ""
	print "| pair | left | right | content |"
	print "|---|---|---|---|"
	for (i = 1; i <= nin; i++) {
		d = inorder[i]
		printf "| %s | %s | %s | %s |\n", d, bytes(lb[d]), bytes(rb[d]), summ[d]
	}
	print ""
	print "## Timings"
	print ""
	print "| pair | command | runs | median | min | max | peak RSS | RSS / inputs | vs jq pipeline | vs libyaml floor |"
	print "|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= nrec; i++) {
		d = rds[i]; tl = rtool[i]
		if (note[i] != "") {
			printf "| %s | %s | - | %s | | | | | | |\n", d, tl, note[i]
			continue
		}
		inb = tl == "normalize" ? lb[d] : lb[d] + rb[d]
		printf "| %s | %s | %d | %s | %s | %s | %s | %.2fx | %s | %s |\n", d, tl, rruns[i], t(med[d, tl]),
			t(rmin[i]), t(rmax[i]), mib(rss[d, tl]), rss[d, tl] * 1024 / inb,
			ratio(med[d, tl], med[d, "jq-diff"]), ratio(med[d, tl], med[d, "libyaml"])
	}
	print ""

	# Scaling: least-squares slope of log(median) on log(bytes of both inputs).
	print "## Scaling exponent (slope of log time against log input size)"
	print ""
	printf "over N ="; for (k = 1; k <= nsz; k++) printf " %s", sz[k]; print ""
	print ""
	print "| command | exponent |"
	print "|---|---|"
	split("diff diff-json normalize jq-diff cat libyaml", tools, " ")
	for (j = 1; j <= 6; j++) {
		tl = tools[j]; n = 0; sx = sy = sxx = sxy = 0
		for (k = 1; k <= nsz; k++) {
			d = sz[k]
			if (med[d, tl] == "" || med[d, tl] == "-" || med[d, tl] <= 0) continue
			xv = log(lb[d] + rb[d]); yv = log(med[d, tl])
			n++; sx += xv; sy += yv; sxx += xv * xv; sxy += xv * yv
		}
		slope[tl] = n >= 2 && n * sxx - sx * sx != 0 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : "-"
		printf "| %s | %s |\n", tl, slope[tl] == "-" ? "n/a (needs two sizes)" : sprintf("%.3f", slope[tl])
	}
	print ""

	print "## Explorer (--bench-frames 50)"
	print ""
	if (xnote != "") printf "on N=%s: %s\n", xn, xnote
	else {
		printf "on N=%s (%s + %s), one run:\n\n", xn, bytes(lb[xn]), bytes(rb[xn])
		print "| load + diff | first frame | cursor step mean | cursor step max | page (full redraw) mean | mode toggle | diff --format json (median) |"
		print "|---|---|---|---|---|---|---|"
		printf "| %s | %s | %s | %s | %s | %s | %s |\n", ms(xload), ms(xfirst), ms(xstep), ms(xstepmax),
			ms(xpage), ms(xmode), t(med[xn, "diff-json"])
	}
	print ""
	print "## Callgrind"
	print ""
	if (cgnote != "") printf "specdiff diff on the small pair: %s\n", cgnote
	else printf "specdiff diff on the small pair: %s instructions (Ir)\n", cg
	print ""

	# Targets.  The big pair is N=64000; with fewer sizes the largest run stands in.
	big = ""
	for (k = 1; k <= nsz; k++) if (big == "" || sz[k] + 0 > big + 0) big = sz[k]
	on = big == 64000 ? "" : sprintf(" (on N=%s; the goal is for N=64000)", big)
	print "## Targets"
	print ""
	print "| target | measured | goal | verdict |"
	print "|---|---|---|---|"
	target("diff vs jq pipeline, ~170 MB pair" on, ratio(med[big, "diff"], med[big, "jq-diff"]), "<= 0.30x", 0.30)
	target("diff vs libyaml floor, ~170 MB pair" on, ratio(med[big, "diff"], med[big, "libyaml"]), "<= 1.6x", 1.6)
	m = med[big, "diff"] == "-" || med[big, "diff"] == "" ? "-" : sprintf("%.2fx", rss[big, "diff"] * 1024 / (lb[big] + rb[big]))
	target("diff peak RSS / inputs, ~170 MB pair" on, m, "<= 2.5x", 2.5)
	m = med["small", "diff"]
	targetv("diff on the ~10 KB pair, whole process (median)", m == "-" || m == "" ? "-" : m * 1e3,
		m == "-" || m == "" ? "-" : t(m) " (min " t(smin["small", "diff"]) ")", "< 5 ms", 5)
	targetv("diff scaling exponent", slope["diff"], slope["diff"] == "-" ? "-" : sprintf("%.3f", slope["diff"]), "<= 1.05", 1.05)
	xr = xfirst == "-" || xfirst == "" ? "-" : ratio(xfirst / 1e3, med[xn, "diff-json"])
	target(sprintf("explorer first frame vs diff --format json, N=%s", xn), xr, "<= 1.5x", 1.5)
	targetv(sprintf("explorer keypress (slower of cursor step and page, mean), N=%s", xn), xkey == "" ? "-" : xkey, xkey == "-" || xkey == "" ? "-" : t(xkey / 1e3), "< 5 ms", 5)
}
function target(what, measured, goal, limit) {
	targetv(what, measured == "-" ? "-" : substr(measured, 1, length(measured) - 1), measured, goal, limit)
}
function targetv(what, value, shown, goal, limit) {
	printf "| %s | %s | %s | %s |\n", what, shown, goal,
		value == "-" || value == "" ? "n/a" : verdict(goal ~ /^<=/ ? value + 0 <= limit : value + 0 < limit)
}' "$RECORDS" >>"$report"

cp "$report" "$RESULTS/latest.md"
cp "$RECORDS" "$RESULTS/latest.tsv"
cat "$report"
say "written $report"
