# fish completion for specdiff(1).
# Installed as $(PREFIX)/share/fish/vendor_completions.d/specdiff.fish.
# Option lists are kept equal to each command's --help by
# tests/cli/test_completion.sh.

set -l cmds diff check explain normalize tour

function __specdiff_profiles
    set -l names (specdiff check --list-profiles 2>/dev/null | string replace -r '\s.*' '')
    printf '%s\n' all $names
end

function __specdiff_releases
    specdiff check --list-profiles 2>/dev/null | string replace -r '^\S+\s+(\S+).*' '$1'
end

function __specdiff_themes
    set -l bin (dirname (command -s specdiff 2>/dev/null; or echo /usr/local/bin/specdiff))
    set -l cfg $XDG_CONFIG_HOME
    test -n "$cfg"; or set cfg $HOME/.config
    echo default
    for dir in $cfg/specdiff/themes $bin/themes $bin/../share/specdiff/themes \
            /usr/local/share/specdiff/themes /usr/share/specdiff/themes
        for f in $dir/*.theme
            basename $f .theme
        end
    end | sort -u
end

# No command yet: the explorer's options and the commands.
set -l top "not __fish_seen_subcommand_from $cmds"
complete -c specdiff -n $top -f -a diff -d 'report the differences between two specs'
complete -c specdiff -n $top -f -a check -d 'predict gVisor runsc restore verdicts'
complete -c specdiff -n $top -f -a explain -d 'decode a runsc restore error'
complete -c specdiff -n "__fish_seen_subcommand_from explain" -l go -d 'write a Go program reproducing the facts at a node'
complete -c specdiff -n $top -f -a normalize -d 'write a spec in canonical form'
complete -c specdiff -n $top -f -a tour -d "guided lessons on Go's nil pitfalls"
complete -c specdiff -n $top -F
complete -c specdiff -n $top -l mode -x -a 'strict semantic' -d 'starting mode'
complete -c specdiff -n $top -l theme -x -a '(__specdiff_themes)' -d 'colour theme'
complete -c specdiff -n $top -l ignore -x -d 'leave differences under PATTERN out'
complete -c specdiff -n $top -l only -x -d 'keep only differences under PATTERN'
complete -c specdiff -n $top -l restore-relevant -f -a '(__specdiff_profiles; __specdiff_releases)' -d 'keep only what a restore check compares'
complete -c specdiff -n $top -s V -l version -d 'show the version'

# Options for every command (explain documents a subset).
complete -c specdiff -l format-in -x -a 'json yaml auto' -d 'input format'
complete -c specdiff -l doc -x -d 'YAML stream: use document N (from 1)'
complete -c specdiff -l container -x -d "checkpoint image: which container's spec"
complete -c specdiff -l schema -x -a 'oci none auto' -d 'decode as specs.Spec or interface{}'
complete -c specdiff -n "not __fish_seen_subcommand_from explain" -l color -x -a 'auto always never' -d colour
complete -c specdiff -n "not __fish_seen_subcommand_from explain" -l no-color -d 'no colour'
complete -c specdiff -l quiet -d 'no notes on standard error'
complete -c specdiff -l swap -d 'take the two inputs the other way round'
complete -c specdiff -s h -l help -d 'show help'

set -l diff "__fish_seen_subcommand_from diff"
complete -c specdiff -n $diff -l mode -x -a 'strict semantic' -d 'comparison mode'
complete -c specdiff -n $diff -l format -x -a 'text json patch html' -d 'report format'
complete -c specdiff -n $diff -l no-cosmetic -d 'leave cosmetic differences out'
complete -c specdiff -n $diff -l ignore -x -d 'leave differences under PATTERN out'
complete -c specdiff -n $diff -l only -x -d 'keep only differences under PATTERN'
complete -c specdiff -n $diff -l spec-version -x -d 'specs.Spec of a runtime-spec version'
complete -c specdiff -n $diff -l profile -x -a '(__specdiff_profiles)' -d "specs.Spec as a profile's runsc decoded it"
complete -c specdiff -n $diff -l runsc -x -a '(__specdiff_releases)' -d 'specs.Spec as a runsc release decoded it'
complete -c specdiff -n $diff -l restore-relevant -f -a '(__specdiff_profiles; __specdiff_releases)' -d 'keep only what a restore check compares'
complete -c specdiff -n $diff -l show-ignored -d 'list the differences left out'

set -l check "__fish_seen_subcommand_from check"
complete -c specdiff -n $check -l profile -x -a '(__fish_complete_list , __specdiff_profiles)' -d 'validator profiles'
complete -c specdiff -n $check -l runsc -x -a '(__specdiff_releases)' -d 'the profile a runsc release used'
complete -c specdiff -n $check -l as-given -d "skip runsc's JSON round trip of CHECKPOINT"
complete -c specdiff -n $check -l format -x -a 'text json' -d 'report format'
complete -c specdiff -n $check -l pairs -r -F -d 'check every CHECKPOINT RESTORE [NAME] line of FILE'
complete -c specdiff -n $check -l list-profiles -d 'list the profiles'

set -l norm "__fish_seen_subcommand_from normalize"
complete -c specdiff -n $norm -l to -x -a 'json yaml' -d 'output format'
complete -c specdiff -n $norm -s o -l output -r -F -d 'write FILE atomically'
complete -c specdiff -n $norm -l empty -x -a 'keep omit explicit' -d 'nil and empty maps and lists'
complete -c specdiff -n $norm -l order -x -a 'go sorted source' -d 'key order'
complete -c specdiff -n $norm -l like -r -F -d 'match another spec'
complete -c specdiff -n $norm -l like-roundtrip -d "apply runsc's round trip to the --like spec"
complete -c specdiff -n $norm -l roundtrip -d "apply runsc's JSON round trip"
complete -c specdiff -n $norm -l in-place -d 'rewrite FILE, keeping FILE.orig'
complete -c specdiff -n $norm -l no-backup -d 'with --in-place, no FILE.orig'
complete -c specdiff -n $norm -l drop-unknown -d 'drop fields specs-go does not know'
complete -c specdiff -n $norm -l ignore -x -d 'with --like: no change under PATTERN'
complete -c specdiff -n $norm -l only -x -d 'with --like: change only under PATTERN'
complete -c specdiff -n $norm -l restore-relevant -f -a '(__specdiff_profiles; __specdiff_releases)' -d 'with --like: change only what a restore check compares'

set -l tour "__fish_seen_subcommand_from tour"
complete -c specdiff -n $tour -f
complete -c specdiff -n $tour -l lessons -x -a '(__fish_complete_directories)' -d 'lessons from DIR'
complete -c specdiff -n $tour -l start -x -d 'begin with lesson N'
complete -c specdiff -n $tour -l list -d 'print the lessons'
complete -c specdiff -n $tour -l check -d "check every lesson's claims"
complete -c specdiff -n $tour -l theme -x -a '(__specdiff_themes)' -d 'colour theme'
