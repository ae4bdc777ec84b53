#!/bin/sh
# Every Go fact a tour lesson states is held against what real Go 1.19
# printed for that lesson's files (tests/gofacts/repro/ex-*.out, recorded by
# tools/gofacts): each row names a phrase of the lesson and the line of real
# Go output that makes it true.  A lesson edited to a false fact, or a
# fixture regenerated to different facts, fails here.  (A test of truth.)
. tests/lib.sh
fact() { # LESSON PHRASE REAL-GO-LINE...
	f_l=examples/$1/lesson.txt f_o=tests/gofacts/repro/ex-$1.out f_p=$2
	shift 2
	grep -qF -- "$f_p" "$f_l" && f_r=yes || f_r=no
	expect_eq "$f_r" yes "$f_l says: $f_p"
	for f_g in "$@"; do
		grep -qxF -- "$f_g" "$f_o" && f_r=yes || f_r=no
		expect_eq "$f_r" yes "$f_p: real Go ($f_o) prints: $f_g"
	done
}
m=sysctl-nil-vs-empty
fact $m "absent or null decodes to a nil map" "left nil: true" "left %T: map[string]string"
fact $m "{} decodes to an empty map that is not nil" "right nil: false" "right len: 0"
fact $m "reflect.DeepEqual tells the two apart" "reflect.DeepEqual: false"
fact $m "%v prints them alike" "left %v: map[]" "right %v: map[]"
s=nil-vs-empty-slice
fact $s "absent or null gives a nil slice" "left nil: true" "left %T: []string"
fact $s "[] an empty one that is not nil" "right nil: false" "right len: 0"
fact $s "reflect.DeepEqual and %#v do not" "reflect.DeepEqual: false" \
	"left %#v: []string(nil)" "right %#v: []string{}"
z=absent-vs-zero-value
fact $z "terminal is a plain bool" "left %T: bool" "right %T: bool"
fact $z "absent and false are the same Go value" "reflect.DeepEqual: true" "left %v: false" "right %v: false"
p=pointer-to-zero-struct
fact $p "resources is a pointer to a struct" "left %T: *main.LinuxResources"
fact $p "Absent gives a nil pointer" "left nil: true"
fact $p "{} gives a pointer to a struct whose fields are all zero" "right nil: false" "right json.Marshal: {}"
fact $p "not reflect.DeepEqual" "reflect.DeepEqual: false"
k=key-case-folding
fact $k "all three keys fill the same fields" "reflect.DeepEqual: true"
d=duplicate-keys-merge
fact $d "Yet the specs are equal" "reflect.DeepEqual: true"
fact $d "Two process objects merge field by field" \
	"left json.Marshal: {\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"/bin/server\"],\"cwd\":\"/\"}" \
	"right json.Marshal: {\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"/bin/server\"],\"cwd\":\"/\"}"
n=number-spellings
fact $n "The limit is an int64" "left %T: int64"
fact $n "even .0, is a decode error" \
	"right: json.Unmarshal: json: cannot unmarshal number 4096.0 into Go struct field LinuxPids.linux.resources.pids.limit of type int64"
r=runsc-round-trip
fact $r "sysctl is an omitempty field: an empty map is left out" "left nil: false" "left len: 0" "left parent json.Marshal: {}"
# Every listed lesson has its real-Go record.
for d in examples/*/lesson.txt; do
	d=${d%/lesson.txt} name=${d#examples/}
	grep -q "^$name$" examples/lessons || continue
	[ -f tests/gofacts/repro/ex-$name.out ] && f_r=yes || f_r=no
	expect_eq "$f_r" yes "lesson $name has a real-Go fixture"
done
t_done
