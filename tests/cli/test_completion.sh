#!/bin/sh
# Shell completions (completions/): the bash function is called as bash
# calls it (COMP_WORDS/COMP_CWORD) and its COMPREPLY checked for commands,
# each command's options, option values, profiles, themes and files.  Every
# command's options and every "--opt a|b|c" value list are compared with
# that command's --help, so a new option or value cannot be forgotten; the
# static profile lists are compared with check --list-profiles.  zsh and
# fish files are syntax-checked, and fish is queried, when those shells are
# installed.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASH_COMP=$ROOT/completions/specdiff.bash
ZSH_COMP=$ROOT/completions/_specdiff
FISH_COMP=$ROOT/completions/specdiff.fish
CMDS="diff check explain normalize tour"

if ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: bash is not installed"
	t_done
	exit
fi

# A prefix layout: bin/specdiff (the binary under test) and the shipped
# themes in share/specdiff/themes; a user theme in XDG_CONFIG_HOME.
mkdir -p "$T_TMP/prefix/bin" "$T_TMP/prefix/share/specdiff/themes" \
	"$T_TMP/config/specdiff/themes" "$T_TMP/work/sub"
ln -s "$SPECDIFF" "$T_TMP/prefix/bin/specdiff"
cp "$ROOT"/themes/*.theme "$T_TMP/prefix/share/specdiff/themes/"
: >"$T_TMP/config/specdiff/themes/mine.theme"
: >"$T_TMP/work/a.json"
: >"$T_TMP/work/b.yaml"
BIN=$T_TMP/prefix/bin/specdiff
: >"$out"
: >"$err"
# The explorer's --help needs a terminal: script(1) (util-linux) gives one.
CMDS_EXPLORE=explore
command -v script >/dev/null 2>&1 || { CMDS_EXPLORE=; echo "SKIP explorer options: no script(1)"; }
export XDG_CONFIG_HOME="$T_TMP/config"
cd "$T_TMP/work"

# comp WORD... : the sorted COMPREPLY for the command line WORD... (the last
# word is the one being completed).
comp() {
	bash --norc --noprofile -c '
		. "$0"
		COMP_WORDS=("$@")
		COMP_CWORD=$(( $# - 1 ))
		_specdiff
		printf "%s\n" "${COMPREPLY[@]}"' "$BASH_COMP" "$@" | sed '/^$/d' | sort
}
# expect_comp "WANTED WORDS" WORD... : COMPREPLY is exactly those words
expect_comp() {
	want=$(for w in $1; do echo "$w"; done | sort | tr '\n' ' ')
	shift
	t_last="complete: $*"
	expect_eq "$(comp "$@" | tr '\n' ' ')" "$want" "completion of '$*'"
}
longopts() { grep -o -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u; }
help_of() { # CMD: its --help (explore: the explorer's, via a terminal)
	if [ "$1" = explore ]; then
		script -qec "'$SPECDIFF' --mode strict --help" /dev/null </dev/null | tr -d '\r'
		echo "--help --version"
	else
		"$SPECDIFF" "$1" --help
	fi
}
"$SPECDIFF" --help | longopts >"$T_TMP/top-opts"
echo --help >>"$T_TMP/top-opts"
# Options that are in a --help on purpose but not offered.
echo --bench-frames >"$T_TMP/hidden"

# check_opts SHELL CMD FILE: FILE (offered options) covers CMD's --help and
# holds nothing that is in no --help.
check_opts() {
	help_of "$2" | longopts >"$T_TMP/help-$2"
	while read -r o; do
		grep -qxF -- "$o" "$T_TMP/hidden" && continue
		t_checks=$((t_checks + 1))
		grep -qxF -- "$o" "$3" || t_fail "$1: '$2' does not offer $o (in its --help)"
	done <"$T_TMP/help-$2"
	while read -r o; do
		t_checks=$((t_checks + 1))
		grep -qxF -- "$o" "$T_TMP/help-$2" || grep -qxF -- "$o" "$T_TMP/top-opts" ||
			t_fail "$1: '$2' offers $o, which no --help lists"
	done <"$3"
}

bash -n "$BASH_COMP"
expect_eq "$?" 0 "bash -n completions/specdiff.bash"

# --- commands and files ---------------------------------------------------------
expect_comp "diff check explain normalize tour a.json b.yaml sub" "$BIN" ""
expect_comp "check" "$BIN" ch
expect_comp "a.json" "$BIN" diff a
expect_comp "a.json b.yaml sub" "$BIN" diff a.json ""
expect_comp "" "$BIN" explain ""                 # the pasted error text
expect_comp "a.json b.yaml sub" "$BIN" explain "some error" ""
expect_comp "" "$BIN" diff --doc ""
expect_comp "a.json" "$BIN" normalize --like a

# --- options of each command, against its --help ---------------------------------
for c in $CMDS_EXPLORE $CMDS; do
	if [ $c = explore ]; then
		comp "$BIN" -- >"$T_TMP/bash-$c"
	else
		comp "$BIN" $c -- >"$T_TMP/bash-$c"
	fi
	check_opts bash $c "$T_TMP/bash-$c"
done
expect_comp "--mode" "$BIN" diff --mo
expect_comp "--theme" "$BIN" --th

# --- values: every "--opt a|b|c" of a --help ---------------------------------------
for c in $CMDS_EXPLORE $CMDS; do
	help_of $c | grep -o -- '--[a-z-]* [a-z0-9]*|[a-z0-9|]*' | sort -u >"$T_TMP/values"
	while read -r opt vals; do
		if [ $c = explore ]; then
			expect_comp "$(echo "$vals" | tr '|' ' ')" "$BIN" "$opt" ""
		else
			expect_comp "$(echo "$vals" | tr '|' ' ')" "$BIN" $c "$opt" ""
		fi
	done <"$T_TMP/values"
done
expect_comp "semantic strict" "$BIN" diff --mode ""
expect_comp "semantic" "$BIN" diff --mode = se     # --mode=se
expect_comp "html json patch text" "$BIN" diff --format ""
expect_comp "json text" "$BIN" check --format ""
expect_comp "explicit keep omit" "$BIN" normalize --empty ""
expect_comp "go sorted source" "$BIN" normalize --order ""

# --- profiles -------------------------------------------------------------------------
profiles=$("$SPECDIFF" check --list-profiles | awk '{print $1}')
t_checks=$((t_checks + 1))
[ -n "$profiles" ] || t_fail "check --list-profiles lists no profile"
expect_comp "all $profiles" "$BIN" check --profile ""
expect_comp "$(echo "$profiles" | grep '^gvisor-2025')" "$BIN" check --profile gvisor-2025
expect_comp "$(echo "$profiles" | grep '^gvisor-2024' | sed 's/^/gvisor-2025,/')" \
	"$BIN" check --profile gvisor-2025,gvisor-2024
# Profile names come from the binary only: no completion file keeps a list
# of its own (it would go stale when a profile row is added).
expect_comp "all" "$T_TMP/none/specdiff" check --profile ""
t_checks=$((t_checks + 1))
if grep -n 'gvisor-20[0-9]' "$BASH_COMP" "$ZSH_COMP" "$FISH_COMP"; then
	t_fail "a completion file names profiles itself"
fi
# zsh hands the awk programs inside "$(...)" over as written (single quotes
# keep a backslash): each must run as awk reads it and name profiles
sed -n "s/.*| awk '\\([^']*\\)'.*/\\1/p" "$ZSH_COMP" >"$T_TMP/zsh-awk"
expect_eq "$(wc -l <"$T_TMP/zsh-awk")" 3 "awk programs in _specdiff"
while IFS= read -r prog; do
	run sh -c "\"\$0\" check --list-profiles | awk '$prog'" "$SPECDIFF"
	expect_rc 0
	expect_out 20241118
	expect_eq "$(cat "$err")" "" "awk '$prog' on check --list-profiles"
done <"$T_TMP/zsh-awk"
releases=$("$SPECDIFF" check --list-profiles | awk '{print $2}' | grep '^release-2025')
expect_comp "$releases" "$BIN" check --runsc release-2025
# an optional value: only in the --restore-relevant=VALUE form
expect_comp "$(echo "$profiles" | grep '^gvisor-2025')" "$BIN" diff --restore-relevant = gvisor-2025
expect_comp "$releases" "$BIN" diff --restore-relevant = release-2025
expect_comp "a.json" "$BIN" diff --restore-relevant a
expect_comp "" "$BIN" diff --ignore ""

# --- themes: built-in, shipped (PREFIX/share/specdiff/themes) and the user's ----------
shipped=$(cd "$ROOT/themes" && ls *.theme | sed 's/\.theme$//')
expect_comp "$(printf '%s\n' default mine $shipped | sort -u)" "$BIN" --theme ""
expect_comp "light" "$BIN" --theme li

# --- zsh -------------------------------------------------------------------------------
if command -v zsh >/dev/null 2>&1; then
	run zsh -n "$ZSH_COMP"
	expect_rc 0
	# options of each command's section, plus the common ones
	sed -n '/^common=(/,/^)/p' "$ZSH_COMP" | longopts >"$T_TMP/zsh-common"
	for c in $CMDS_EXPLORE $CMDS; do
		pat=$c
		[ $c = explore ] && pat='\*'
		awk -v p="^$pat\\\\)" '$0 ~ p {s = 1} s {print} s && /^  ;;/ {exit}' "$ZSH_COMP" |
			longopts >"$T_TMP/zsh-$c"
		[ $c = explain ] || cat "$T_TMP/zsh-common" >>"$T_TMP/zsh-$c"
		sort -u -o "$T_TMP/zsh-$c" "$T_TMP/zsh-$c"
		check_opts zsh $c "$T_TMP/zsh-$c"
	done
	# value lists: a line with "--opt=" offers "(a b c)"
	for c in $CMDS_EXPLORE $CMDS; do
		help_of $c | grep -o -- '--[a-z-]* [a-z0-9]*|[a-z0-9|]*' | sort -u >"$T_TMP/values"
		while read -r opt vals; do
			t_checks=$((t_checks + 1))
			grep -F -- "$opt=" "$ZSH_COMP" | grep -qF "($(echo "$vals" | tr '|' ' '))" ||
				t_fail "zsh: $opt does not offer ($vals)"
		done <"$T_TMP/values"
	done
else
	echo "SKIP zsh checks: zsh is not installed"
fi

# --- fish ------------------------------------------------------------------------------
if command -v fish >/dev/null 2>&1; then
	run fish --no-execute "$FISH_COMP"
	expect_rc 0
	fishcomp() {
		PATH="$T_TMP/prefix/bin:$PATH" fish --no-config -c "source '$FISH_COMP'; complete -C '$1'" |
			cut -f1 | sed 's/=$//' | sort -u
	}
	for c in $CMDS_EXPLORE $CMDS; do
		if [ $c = explore ]; then
			fishcomp "specdiff --" >"$T_TMP/fish-$c"
		else
			fishcomp "specdiff $c --" >"$T_TMP/fish-$c"
		fi
		check_opts fish $c "$T_TMP/fish-$c"
	done
	expect_eq "$(fishcomp 'specdiff check --profile ' | tr '\n' ' ')" \
		"$(printf '%s\n' all $profiles | sort -u | tr '\n' ' ')" "fish: --profile values"
	expect_eq "$(fishcomp 'specdiff --theme ' | tr '\n' ' ')" \
		"$(printf '%s\n' default mine $shipped | sort -u | tr '\n' ' ')" "fish: --theme values"
	expect_eq "$(fishcomp 'specdiff diff --mode ' | tr '\n' ' ')" "semantic strict " "fish: --mode values"
else
	echo "SKIP fish checks: fish is not installed"
fi
t_done
