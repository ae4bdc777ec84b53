# tests/tui/lib.sh - drive the real explorer in a detached tmux session of a
# fixed size and read its screen as text (POSIX sh).  Source after
# tests/lib.sh.  Every wait polls the screen until the text appears or a
# deadline passes; nothing sleeps for a fixed time.
#
#   tt_start W H ARGS...   starts "specdiff ARGS" in a W x H pane (TERM=xterm-256color,
#                          LANG=C.UTF-8, empty config dirs); TT_ENV adds env settings,
#                          TT_CWD sets its working directory (stable names for golden screens)
#   tt_keys KEY...         tmux send-keys (key names as tmux spells them)
#   tt_type TEXT           sends TEXT literally
#   tt_wait TEXT [SECS]    waits until the screen shows TEXT (default 5 s)
#   tt_wait_gone TEXT      waits until the screen no longer shows TEXT
#   tt_screen              prints the screen
#   tt_wait_exit           waits for the program to end; sets $rc
#   tt_golden NAME         compares the screen with tests/tui/golden/NAME.txt
#                          (SD_UPDATE_GOLDEN=1 rewrites the file instead)
#   tt_resize W H
#   tt_pid                 the explorer's process id
# Each test gets its own tmux server (-L socket) so tests never collide, and
# each tt_start a new one: a server told to exit (kill-server) may still be
# alive for a moment, and a session started on it would die with it.
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 1; }
TT_BASE="sdtui-$$-$(basename "$0" .sh)"
TT_N=0
TT_SOCK=$TT_BASE-0
TT_SOCKS=""
TT_DIR=$T_TMP/tui
mkdir -p "$TT_DIR/config" "$TT_DIR/home"
trap 'for s in $TT_SOCKS; do
	tmux -L "$s" kill-server 2>/dev/null
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$s"
done
rm -rf "$T_TMP"' EXIT
TT_ENV=${TT_ENV:-}
GOLDEN_DIR=$(pwd)/tests/tui/golden

tt() { tmux -L "$TT_SOCK" "$@"; }

tt_new_server() {
	TT_N=$((TT_N + 1))
	TT_SOCK=$TT_BASE-$TT_N
	TT_SOCKS="$TT_SOCKS $TT_SOCK"
}

tt_start() { # W H ARGS...
	tt_new_server
	w=$1 h=$2
	shift 2
	cat >"$TT_DIR/tmux.conf" <<CONF
set -g status off
set -g remain-on-exit on
set -g escape-time 0
set -g history-limit 0
CONF
	args=""
	for a in "$@"; do args="$args '$a'"; done
	cat >"$TT_DIR/run.sh" <<RUN
trap : INT   # Ctrl-C is for the explorer; this shell lives on to record rc
cd "${TT_CWD:-.}"
stty -a >"$TT_DIR/stty.before" 2>&1
sh -c 'echo \$\$ >"$TT_DIR/pid"; exec env HOME="$TT_DIR/home" XDG_CONFIG_HOME="$TT_DIR/config" TERM=xterm-256color LANG=C.UTF-8 LC_ALL= $TT_ENV "\$0" "\$@"' "$SPECDIFF" $args 2>"$TT_DIR/stderr"
echo \$? >"$TT_DIR/rc.tmp"
stty -a >"$TT_DIR/stty.after" 2>&1
mv "$TT_DIR/rc.tmp" "$TT_DIR/rc"
RUN
	t_last="specdiff $*"
	LANG=C.UTF-8 tt -u -f "$TT_DIR/tmux.conf" new-session -d -x "$w" -y "$h" "sh '$TT_DIR/run.sh'"
}

tt_pid() { cat "$TT_DIR/pid"; }
tt_keys() { tt send-keys -t 0 "$@"; }
tt_type() { tt send-keys -t 0 -l "$1"; }
tt_screen() { tt capture-pane -p -t 0; }
tt_resize() { tt resize-window -t 0 -x "$1" -y "$2"; }

# polls every 20 ms up to a deadline
tt_poll() { # CONDITION-COMMAND SECS
	deadline=$(( $(date +%s) + ${2:-5} ))
	while ! eval "$1"; do
		[ "$(date +%s)" -gt "$deadline" ] && return 1
		sleep 0.02
	done
}

tt_fail_screen() {
	t_failures=$((t_failures + 1))
	echo "FAIL: $1"
	echo "  command: $t_last"
	echo "  screen:"
	tt_screen | sed 's/^/  | /'
	[ -s "$TT_DIR/stderr" ] && sed 's/^/  stderr: /' "$TT_DIR/stderr"
	return 0
}

tt_wait() { # TEXT [SECS]
	t_checks=$((t_checks + 1))
	tt_text=$1
	tt_poll 'tt_screen | grep -qF -- "$tt_text"' "${2:-5}" || tt_fail_screen "screen never showed: $1"
}

tt_wait_gone() { # TEXT [SECS]
	t_checks=$((t_checks + 1))
	tt_text=$1
	tt_poll '! tt_screen | grep -qF -- "$tt_text"' "${2:-5}" || tt_fail_screen "screen still shows: $1"
}

tt_wait_exit() {
	t_checks=$((t_checks + 1))
	if tt_poll '[ -f "$TT_DIR/rc" ]' 5; then
		rc=$(cat "$TT_DIR/rc")
		# a sanitized build (SPECDIFF=build-san/specdiff) reports here
		if grep -q "Sanitizer\|runtime error:" "$TT_DIR/stderr" 2>/dev/null; then
			t_failures=$((t_failures + 1))
			echo "FAIL: sanitizer report:"
			head -40 "$TT_DIR/stderr"
		fi
	else
		rc=-1
		tt_fail_screen "the explorer did not exit"
	fi
}

tt_golden() { # NAME
	t_checks=$((t_checks + 1))
	tt_screen >"$TT_DIR/screen.txt"
	if [ "${SD_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$TT_DIR/screen.txt" "$GOLDEN_DIR/$1.txt"
		echo "updated golden/$1.txt"
	elif ! diff -u "$GOLDEN_DIR/$1.txt" "$TT_DIR/screen.txt"; then
		t_failures=$((t_failures + 1))
		echo "FAIL: screen differs from golden/$1.txt (SD_UPDATE_GOLDEN=1 sh $0 rewrites it)"
	fi
}

# The header shows the selected node's line in each file: "NAME:LINE".
tt_wait_line() { # LINE-IN-LEFT-FILE
	tt_wait "$(basename "$LEFT"):$1 "
}
