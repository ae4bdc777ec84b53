#!/bin/sh
# The panel states the facts Go holds (the JSON report's "go", same
# function), on the three teaching examples it once got wrong: an absent
# bool field is Go's false, not "no value"; a case-folded key is the same
# field, with each side's own pointer; a pointer to a zero
# specs.LinuxResources marshals as {} (every field is omitempty).
. tests/lib.sh
. tests/tui/lib.sh

ex=examples/absent-vs-zero-value
tt_start 110 50 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "terminal: false"
tt_keys Enter
tt_wait "/process/terminal"
tt_wait "checkpoint.json  (absent in the text)"
tt_wait "restore.json:4:17  /process/terminal"
tt_wait "Go     bool"
tt_wait "json.Marshal  false"
tt_wait "as a struct field  omitted"
tt_wait_gone "no value here"
tt_keys Escape q
tt_wait_exit

ex=examples/key-case-folding
tt_start 110 50 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "Process: {"
tt_keys Enter
tt_wait "checkpoint.json:3:14  /process"
tt_wait "restore.json:3:14  /Process"
tt_wait "Go     *specs.Process  not nil"
tt_wait 'json.Marshal  {"user":{"uid":0,"gid":0},"args":["/bin/server"],"cwd":"/"}'
tt_wait_gone "no value here"
tt_keys Escape
tt_type "/sysctl"
tt_keys Enter Enter
tt_wait "restore.json:9:15  /linux/Sysctl"
tt_wait "Go     map[string]string  not nil  len 1"
tt_wait "%#v    map[string]string{\"net.ipv4.ip_forward\":\"1\"}"
tt_wait_gone "no value here"
tt_keys Escape q
tt_wait_exit

ex=examples/pointer-to-zero-struct
tt_start 110 50 "$ex/checkpoint.json" "$ex/restore.json"
tt_wait "resources"
tt_type "/resources"
tt_keys Enter Enter
tt_wait "/linux/resources"
tt_wait "Go     *specs.LinuxResources  nil"
tt_wait "Go     *specs.LinuxResources  not nil"
tt_wait "%#v    (*specs.LinuxResources)(nil)"
tt_wait "%v     &{[] <nil> <nil> <nil> <nil> [] <nil> map[] map[]}"
tt_wait "json.Marshal  {}"
tt_wait "as a struct field  {}"
tt_wait "as a struct field  omitted"
tt_wait_gone "null,"
tt_keys Escape q
tt_wait_exit
t_done
