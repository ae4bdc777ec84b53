#!/bin/sh
# Wide characters (CJK, emoji) take two columns and combining marks none:
# the separator stays in one column on every row (pinned by a golden
# screen), and truncation never splits a wide character.
. tests/lib.sh
. tests/tui/lib.sh
L=$T_TMP/uni-left.json
R=$T_TMP/uni-right.json
printf '{\n  "名前": "日本語のテキスト",\n  "cafe\\u0301": "e\\u0301e\\u0301e\\u0301",\n  "emoji": "🙂🙂🙂",\n  "long": "%s",\n  "ctl": "a\\u0001b\\tc"\n}\n' \
	"漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字" >"$L"
printf '{\n  "名前": "日本語",\n  "cafe\\u0301": "e\\u0301e\\u0301e\\u0301",\n  "emoji": "🙂🙂",\n  "long": "%s",\n  "ctl": "a\\u0001b\\tc"\n}\n' \
	"漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字" >"$R"
TT_CWD=$T_TMP
tt_start 70 12 --schema none uni-left.json uni-right.json
tt_wait "2 differences:"
tt_wait 'ctl: "a\u0001b\tc"'
tt_golden unicode
tt_keys q
tt_wait_exit
expect_rc 1
t_done
