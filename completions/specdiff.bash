# bash completion for specdiff(1).
# Installed as $(PREFIX)/share/bash-completion/completions/specdiff.
# Option lists are kept equal to each command's --help by
# tests/cli/test_completion.sh; profile names and releases come from
# "specdiff check --list-profiles" only.


# Options per command ("explore" is "specdiff [OPTIONS] LEFT RIGHT").
_specdiff_opts_common="--format-in --doc --container --schema --color --no-color --quiet --swap --help"
_specdiff_opts_explore="$_specdiff_opts_common --mode --theme --ignore --only --restore-relevant --version"
_specdiff_opts_diff="$_specdiff_opts_common --mode --format --no-cosmetic --ignore --only --restore-relevant --show-ignored --spec-version --profile --runsc"
_specdiff_opts_check="$_specdiff_opts_common --profile --runsc --as-given --format --list-profiles --pairs"
_specdiff_opts_explain="--go --container --format-in --doc --schema --quiet --swap --help"
_specdiff_opts_tour="--lessons --start --list --check --theme --color --no-color --help"
_specdiff_opts_normalize="$_specdiff_opts_common --to --output --empty --order --like --like-roundtrip --roundtrip --in-place --no-backup --drop-unknown --ignore --only --restore-relevant"

# "specdiff check --list-profiles" prints NAME FIRST-RELEASE ... per line.
_specdiff_list_profiles()
{
	local bin=$1 out
	# no list of our own: it would go stale when a profile is added
	out=$("$bin" check --list-profiles 2>/dev/null | awk '{print $1}')
	printf '%s\n' $out
}

_specdiff_list_releases()
{
	"$1" check --list-profiles 2>/dev/null | awk '{print $2}'
}

# Theme names: the explorer's search path (user dir, next to the binary,
# the data directory), plus the built-in "default".
_specdiff_list_themes()
{
	local bin dir f
	bin=$(command -v -- "$1" 2>/dev/null)
	bin=${bin%/*}
	printf '%s\n' default
	for dir in "${XDG_CONFIG_HOME:-$HOME/.config}/specdiff/themes" \
		"$bin/themes" "$bin/../share/specdiff/themes" \
		/usr/local/share/specdiff/themes /usr/share/specdiff/themes; do
		for f in "$dir"/*.theme; do
			[ -f "$f" ] || continue
			f=${f##*/}
			printf '%s\n' "${f%.theme}"
		done
	done
}

# Completes a comma-separated list: "a,b,gv" offers "a,b,NAME".
_specdiff_comma_list()
{
	local cur=$1 head=
	shift
	case $cur in *,*) head=${cur%,*},; cur=${cur##*,} ;; esac
	local IFS=$'\n' w
	for w in $(compgen -W "$*" -- "$cur"); do
		COMPREPLY+=("$head$w")
	done
}

_specdiff_files()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	if declare -F _filedir >/dev/null 2>&1; then
		_filedir
	else
		COMPREPLY+=($(compgen -f -- "$1"))
	fi
}

_specdiff()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= bin=${COMP_WORDS[0]}
	local cmd=explore i=1 eq=
	COMPREPLY=()
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# "--mode=se": bash splits at '=' (COMP_WORDBREAKS).
	if [ "$cur" = "=" ]; then
		cur= eq=1
	elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]} eq=1
	fi
	case ${COMP_WORDS[1]-} in
	diff|check|explain|normalize|tour) cmd=${COMP_WORDS[1]}; i=2 ;;
	esac

	case $prev in
	--mode) COMPREPLY=($(compgen -W "strict semantic" -- "$cur")); return ;;
	--format)
		if [ "$cmd" = check ]; then
			COMPREPLY=($(compgen -W "text json" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text json patch html" -- "$cur"))
		fi
		return ;;
	--format-in) COMPREPLY=($(compgen -W "json yaml auto" -- "$cur")); return ;;
	--schema) COMPREPLY=($(compgen -W "oci none auto" -- "$cur")); return ;;
	--color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--to) COMPREPLY=($(compgen -W "json yaml" -- "$cur")); return ;;
	--empty) COMPREPLY=($(compgen -W "keep omit explicit" -- "$cur")); return ;;
	--order) COMPREPLY=($(compgen -W "go sorted source" -- "$cur")); return ;;
	--profile) _specdiff_comma_list "$cur" all $(_specdiff_list_profiles "$bin"); return ;;
	--runsc) COMPREPLY=($(compgen -W "$(_specdiff_list_releases "$bin")" -- "$cur")); return ;;
	--theme) COMPREPLY=($(compgen -W "$(_specdiff_list_themes "$bin" | sort -u)" -- "$cur")); return ;;
	--doc|--container|--ignore|--only|--spec-version) return ;;
	--restore-relevant)   # its value only as --restore-relevant=PROFILE
		if [ -n "$eq" ]; then
			COMPREPLY=($(compgen -W "$(_specdiff_list_profiles "$bin") $(_specdiff_list_releases "$bin")" -- "$cur"))
			return
		fi ;;
	-o|--output|--like|--pairs) _specdiff_files "$cur"; return ;;
	--lessons) compopt -o dirnames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--start) return ;;
	esac

	if [[ $cur == -* ]]; then
		local opts=_specdiff_opts_$cmd
		COMPREPLY=($(compgen -W "${!opts}" -- "$cur"))
		[ "$cmd" = explore ] && [ "$COMP_CWORD" -eq 1 ] &&
			COMPREPLY+=($(compgen -W "-h -V" -- "$cur"))
		return
	fi
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "diff check explain normalize tour" -- "$cur"))
	fi
	# tour takes no inputs; explain's first argument is the pasted error text.
	[ "$cmd" = tour ] && return
	if [ "$cmd" = explain ] && [ "$COMP_CWORD" -eq "$i" ]; then
		return
	fi
	_specdiff_files "$cur"
}

complete -F _specdiff specdiff
