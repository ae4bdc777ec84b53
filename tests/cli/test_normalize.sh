#!/bin/sh
# specdiff normalize: options, -o, and a JSON/YAML round trip of every case
# file of the conformance corpus (output normalized again is byte-identical).
. "$(dirname "$0")/../lib.sh"
CASES=$(cd "$(dirname "$0")/../conformance/cases" && pwd)

run "$SPECDIFF" normalize --help
expect_rc 0
expect_out 'usage: specdiff normalize'
run "$SPECDIFF" normalize --to xml x.json
expect_rc 2
expect_err '--to takes json or yaml'
run "$SPECDIFF" normalize
expect_rc 2
run "$SPECDIFF" normalize --bogus x.json
expect_rc 2

cd "$T_TMP"
printf '{"num": 18446744073709551615, "f": 1.0e-7, "e": {}, "z": null, "s": "yes"}' > in.json
run "$SPECDIFF" normalize in.json
expect_rc 0
expect_out '"num": 18446744073709551615,'
expect_out '"f": 1.0e-7,'
expect_out '"e": {},'
run "$SPECDIFF" normalize --to yaml in.json
expect_rc 0
expect_out 'num: 18446744073709551615'
expect_out 's: "yes"'
run "$SPECDIFF" normalize --to yaml -o out.yaml in.json
expect_rc 0
expect_eq "$(cat out.yaml | head -1)" "num: 18446744073709551615" "-o output"
run "$SPECDIFF" normalize -o in.json in.json
expect_rc 2
expect_err 'refusing to overwrite an input file'
expect_eq "$(head -c 8 in.json)" '{"num": ' "input untouched"
run "$SPECDIFF" normalize -o nodir/out.json in.json
expect_rc 2
expect_err 'nodir/out.json'
printf '# c\na: 1\n' > c.yaml
run "$SPECDIFF" normalize c.yaml
expect_rc 0
expect_err 'comments in YAML input are not kept'
run "$SPECDIFF" normalize --quiet c.yaml
expect_no_out '#'
expect_eq "$(cat "$err")" "" "--quiet silences notes"
# A number beyond float64 range: Go's json.Unmarshal into interface{}
# fails, so there is nothing to normalize (the same error as diff).
printf '{"big": 1e400, "ok": 1e308}' > huge.json
run "$SPECDIFF" normalize --to yaml huge.json
expect_rc 2
expect_err 'huge.json:1:9: json: cannot unmarshal number 1e400 into Go value of type float64'
run "$SPECDIFF" normalize --to json --schema none huge.json
expect_rc 2
expect_err 'json: cannot unmarshal number 1e400 into Go value of type float64'
printf 'a: .inf\nb: 1\n' > inf.yaml
run "$SPECDIFF" normalize --to json --schema none inf.yaml
expect_rc 2
expect_err 'inf.yaml:1:4: error converting YAML to JSON: json: unsupported value: +Inf'

# ---- --empty, --order, --like, --roundtrip ----
cat > spec.json <<'EOF2'
{"ociVersion": "1.0.2", "process": {"env": [], "args": ["sh"], "capabilities": {"bounding": ["CAP_B", "CAP_A"]}},
 "zunknown": {"z": 1, "a": 2}, "linux": {"Sysctl": {}, "namespaces": [{"type": "pid"}, {"type": "mount"}],
 "resources": {"memory": {"limit": 9223372036854775807}}}, "mounts": [{"destination": "/proc", "options": []}],
 "annotations": {"b": "1", "a": "2"}}
EOF2
cat > other.json <<'EOF2'
{"ociVersion": "1.0.2", "process": {"args": ["sh"], "capabilities": {"bounding": ["CAP_A", "CAP_B"]}},
 "linux": {"sysctl": null, "namespaces": [{"type": "mount"}, {"type": "pid"}], "maskedPaths": [],
 "resources": {"memory": {"limit": 9223372036854775807}}}, "mounts": [{"destination": "/proc"}],
 "annotations": {"b": "1", "a": "2"}}
EOF2
run "$SPECDIFF" normalize --empty omit spec.json
expect_rc 0
expect_no_out '"env"'
expect_no_out '"Sysctl"'
expect_no_out '"options"'
expect_out '"limit": 9223372036854775807'
expect_out '"zunknown"'
run "$SPECDIFF" normalize --empty explicit spec.json
expect_rc 0
expect_out '"readonlyPaths": []'
expect_out '"additionalGids": []'
expect_out '"uidMappings": []'
expect_no_out '"hooks"'
run "$SPECDIFF" normalize --empty explicit --schema none spec.json
expect_rc 0
expect_err 'not decoded as an OCI spec'
expect_no_out '"readonlyPaths"'
run "$SPECDIFF" normalize --order go spec.json
expect_rc 0
expect_eq "$(grep -n '"process"\|"mounts"\|"annotations"\|"linux"\|"zunknown"' "$out" | cut -d'"' -f2 | tr '\n' ' ')" \
	"process mounts annotations linux zunknown " "--order go field order"
run "$SPECDIFF" normalize --order sorted spec.json
expect_eq "$(grep -n '^  "' "$out" | cut -d'"' -f2 | tr '\n' ' ')" \
	"annotations linux mounts ociVersion process zunknown " "--order sorted"
run "$SPECDIFF" normalize --drop-unknown spec.json
expect_no_out zunknown
expect_err '1 unknown field(s) left out'
run "$SPECDIFF" diff spec.json other.json
expect_rc 1
run "$SPECDIFF" normalize --like other.json -o fixed.json spec.json
expect_rc 0
run "$SPECDIFF" diff fixed.json other.json
expect_rc 0
expect_eq "$(grep -c 'CAP_A' fixed.json)" 1 "capabilities kept"
run "$SPECDIFF" normalize --like other.json -o other.json spec.json
expect_rc 2
expect_err 'refusing to overwrite an input file'
run "$SPECDIFF" normalize --roundtrip spec.json
expect_rc 0
expect_no_out '"env"'
expect_no_out 'zunknown'
expect_out '"limit": 9223372036854775807'
run "$SPECDIFF" normalize --roundtrip --like other.json spec.json
expect_rc 2
run "$SPECDIFF" normalize --like-roundtrip spec.json
expect_rc 2
expect_err '--like-roundtrip goes with --like'
run "$SPECDIFF" normalize --empty maybe spec.json
expect_rc 2
expect_err '--empty takes keep|omit|explicit'
run "$SPECDIFF" normalize --order random spec.json
expect_rc 2
printf '{"ociVersion": "1", "process": {"user": {"uid": -1}}}' > bad.json
run "$SPECDIFF" normalize --empty omit bad.json
expect_rc 2
expect_err 'cannot unmarshal'
run "$SPECDIFF" normalize --order go bad.json
expect_rc 0

# --like-roundtrip: fixed spec equals what a restore compares against
printf '{"ociVersion": "1", "linux": {"sysctl": {}}}' > ck.json
printf '{"ociVersion": "1", "linux": {"sysctl": {}}}' > rs.json
run "$SPECDIFF" normalize --like ck.json --like-roundtrip rs.json
expect_rc 0
expect_no_out 'sysctl'

# --like a checkpoint image: its stored copy is used as is
printf '{"container_specs":"{\\"c1\\":{\\"ociVersion\\":\\"1\\",\\"linux\\":{\\"namespaces\\":[{\\"type\\":\\"pid\\"}]}}}"}' > meta.json
len=$(wc -c < meta.json | tr -d ' ')
{ printf 'gVisorSF\0\0\0\0\0\0\0'; printf "\\$(printf %03o "$len")"; cat meta.json; printf 'MEMORY'; } > checkpoint.img
printf '{"ociVersion": "1", "linux": {"sysctl": {}, "namespaces": [{"type": "pid"}]}}' > restore.json
run "$SPECDIFF" normalize --like checkpoint.img -o restore-fixed.json restore.json
expect_rc 0
expect_eq "$(grep -c sysctl restore-fixed.json)" 0 "--like image dropped the empty sysctl"
run "$SPECDIFF" diff checkpoint.img restore-fixed.json
expect_rc 0
run "$SPECDIFF" normalize --in-place checkpoint.img
expect_rc 2
expect_err 'cannot rewrite a checkpoint image'

# ---- --in-place and backups ----
cp spec.json ip.json
run "$SPECDIFF" normalize --empty omit --in-place ip.json
expect_rc 0
expect_eq "$(cmp spec.json ip.json.orig && echo same)" same "backup holds the original"
expect_no_out '"'
run "$SPECDIFF" diff --mode semantic ip.json spec.json
expect_rc 0
run "$SPECDIFF" normalize --empty omit --in-place ip.json
expect_rc 0
expect_err 'already in this form'
echo different > ip.json.orig
run "$SPECDIFF" normalize --empty explicit --in-place ip.json
expect_rc 2
expect_err 'a different backup already exists'
expect_eq "$(grep -c readonlyPaths ip.json)" 0 "refused in-place left the file alone"
run "$SPECDIFF" normalize --empty explicit --in-place --no-backup ip.json
expect_rc 0
expect_eq "$(grep -c readonlyPaths ip.json)" 1 "--no-backup rewrote it"
expect_eq "$(cat ip.json.orig)" different "--no-backup left FILE.orig alone"
ln -s spec.json link.json
cp spec.json keep.json
run "$SPECDIFF" normalize --order sorted --in-place --no-backup link.json
expect_rc 0
expect_eq "$([ -L link.json ] && echo link)" link "a symbolic link stays one"
cp keep.json spec.json
run "$SPECDIFF" normalize --in-place - < spec.json
expect_rc 2
run "$SPECDIFF" normalize --in-place -o x.json spec.json
expect_rc 2

# ---- a write that fails leaves the original intact, says why, exits 2 ----
cp spec.json w.json
run sh -c "trap '' XFSZ; ulimit -f 1; exec \"$SPECDIFF\" normalize --empty explicit --in-place w.json"
expect_rc 2
expect_err 'File too large'
expect_err 'left unchanged'
expect_eq "$(cmp spec.json w.json && echo same)" same "original intact after a failed write"
expect_eq "$(ls w.json.orig 2>/dev/null)" "" "no backup left after a failed write"
expect_eq "$(ls -a | grep -c '^\.w\.json\.')" 0 "no temporary file left"
run sh -c "trap '' XFSZ; ulimit -f 1; exec \"$SPECDIFF\" normalize --empty explicit -o big.json spec.json"
expect_rc 2
expect_err 'File too large'
expect_eq "$(ls big.json 2>/dev/null)" "" "no partial -o file"
printf 'x' > afile
run "$SPECDIFF" normalize -o afile/out.json spec.json
expect_rc 2
expect_err 'afile/out.json'
run "$SPECDIFF" normalize -o /proc/version spec.json
expect_rc 2
mkdir mnt
if unshare -m sh -c "mount -t tmpfs -o size=4k tmpfs mnt" 2>/dev/null; then
	run unshare -m sh -c "mount -t tmpfs -o size=4k tmpfs mnt && cp spec.json mnt/f.json &&
		\"$SPECDIFF\" normalize --empty explicit --in-place --no-backup mnt/f.json; rc=\$?;
		cmp spec.json mnt/f.json && echo INTACT; exit \$rc"
	expect_rc 2
	expect_out INTACT
	expect_err 'left unchanged'
else
	echo "skip: a full tmpfs needs mount in a new namespace, not available here"
fi

n=0
for f in "$CASES"/*/left.* "$CASES"/*/right.*; do
	"$SPECDIFF" normalize --quiet "$f" > /dev/null 2>&1 || continue
	for to in json yaml; do
		"$SPECDIFF" normalize --quiet --to $to "$f" > first.$to 2>/dev/null
		"$SPECDIFF" normalize --quiet first.$to > second.$to 2>/dev/null
		t_checks=$((t_checks + 1))
		if ! cmp -s first.$to second.$to; then
			t_failures=$((t_failures + 1))
			echo "FAIL: $f through $to is not stable"
			diff first.$to second.$to | head -5
		fi
	done
	n=$((n + 1))
done
expect_eq "$([ "$n" -ge 100 ] && echo many)" many "round-tripped $n case files"
# YAML to JSON writes what Go's YAML->JSON step writes: 4096.0 in YAML is
# a float Go turns into 4096, while 4096.0 in JSON cannot fill an int64.
printf 'ociVersion: 1.1.0\nlinux:\n  resources:\n    pids:\n      limit: 4096.0\n' >"$T_TMP/p.yaml"
run "$SPECDIFF" normalize --to json "$T_TMP/p.yaml" -o "$T_TMP/p.json"
expect_rc 0
run grep -q '"limit": 4096$' "$T_TMP/p.json"
expect_rc 0
run "$SPECDIFF" diff --mode semantic "$T_TMP/p.yaml" "$T_TMP/p.json"
expect_rc 0
# YAML to YAML keeps the spelling.
run "$SPECDIFF" normalize "$T_TMP/p.yaml"
expect_out "limit: 4096.0"
t_done
