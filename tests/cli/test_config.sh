#!/bin/sh
# The configuration file through the command line: found via SPECDIFF_CONFIG
# and XDG_CONFIG_HOME, its settings become defaults (mode, color, profile),
# command-line options win, a bad line is reported as FILE:LINE and the
# command still runs with the rest.  (The parser itself: tests/unit/test_config.c.)
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: >"$out"
: >"$err"
if ! grep -q 'sd_config_load\|sd_cli_config\|sd_cli_apply_config' "$ROOT"/cli/*.c; then
	echo "SKIP: the configuration file is not wired into cli/ yet (sd_cli_apply_config)"
	t_done
	exit
fi
EX=$ROOT/examples/sysctl-nil-vs-empty
L=$EX/checkpoint.json
R=$EX/restore.json
unset NO_COLOR SPECDIFF_THEME
export HOME="$T_TMP/home" XDG_CONFIG_HOME="$T_TMP/xdg"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/specdiff"
CFG=$T_TMP/config

# No file anywhere: the built-in defaults (strict: nil map != empty map).
unset SPECDIFF_CONFIG
run "$SPECDIFF" diff "$L" "$R"
expect_rc 1
expect_eq "$(cat "$err")" "" "no config, no messages"

# SPECDIFF_CONFIG names the file; mode becomes the default, --mode wins.
printf 'set mode = semantic\n' >"$CFG"
export SPECDIFF_CONFIG="$CFG"
run "$SPECDIFF" diff "$L" "$R"
expect_rc 0
run "$SPECDIFF" diff --mode strict "$L" "$R"
expect_rc 1
run "$SPECDIFF" diff --format json "$L" "$R"
expect_out '"mode":"semantic"'

# The default place: $XDG_CONFIG_HOME/specdiff/config.
unset SPECDIFF_CONFIG
cp "$CFG" "$XDG_CONFIG_HOME/specdiff/config"
run "$SPECDIFF" diff "$L" "$R"
expect_rc 0
# ... and ~/.config/specdiff/config without XDG_CONFIG_HOME.
mkdir -p "$HOME/.config/specdiff"
cp "$CFG" "$HOME/.config/specdiff/config"
rm "$XDG_CONFIG_HOME/specdiff/config"
run env -u XDG_CONFIG_HOME "$SPECDIFF" diff "$L" "$R"
expect_rc 0
# An empty SPECDIFF_CONFIG reads no file at all.
run env SPECDIFF_CONFIG= "$SPECDIFF" diff "$L" "$R"
expect_rc 1
rm "$HOME/.config/specdiff/config"

# A bad line: FILE:LINE: message on stderr; the other lines still apply and
# the exit status is the command's own.
printf 'set color = never\nfrobnicate\nset mode = semantic\nset mode = fuzzy\n' >"$CFG"
export SPECDIFF_CONFIG="$CFG"
run "$SPECDIFF" diff "$L" "$R"
expect_rc 0
expect_err "$CFG:2: unknown command 'frobnicate'"
expect_err "$CFG:4: mode takes strict or semantic, not 'fuzzy'"
# A named file that does not exist is reported, and the command still runs.
run env SPECDIFF_CONFIG="$T_TMP/none" "$SPECDIFF" diff "$L" "$R"
expect_rc 1
expect_err "$T_TMP/none: cannot read the configuration file"

# color: the config's "always" colours a pipe; --color never wins.
printf 'set color = always\n' >"$CFG"
run "$SPECDIFF" diff "$L" "$R"
expect_rc 1
esc=$(printf '\033[')
expect_out "$esc"
run "$SPECDIFF" diff --color never "$L" "$R"
expect_no_out "$esc"
run "$SPECDIFF" diff --no-color "$L" "$R"
expect_no_out "$esc"

# profile: the default selection of check; --profile wins.
printf 'set profile = gvisor-2025\n' >"$CFG"
run "$SPECDIFF" check --format json "$L" "$R"
expect_out '"gvisor-2025"'
expect_no_out '"gvisor-20241202"'
run "$SPECDIFF" check --format json --profile gvisor-20241202 "$L" "$R"
expect_out '"gvisor-20241202"'
expect_no_out '"gvisor-2025"'
t_done
