#!/usr/bin/env bash
# The man pages and the bash completion cannot drift from the programs: every command, subcommand and option
# that `--help` lists must be documented and completed, and nothing else.
#   check-docs-in-sync.sh CLI GUI|- SOURCE_DIR
# Man pages (packaging/man): each leaf command ("decode", "key convert", ...) has a .SS section of that title in
# jwt-workbench-cli.1, and each of its options is an item there (the line after a .TP); --help and --json may
# be items of COMMON OPTIONS instead. jwt-workbench.1 has every option of `jwt-workbench --help` as an item of
# OPTIONS. Completion (packaging/completion): sourced and asked, like bash would, for the commands, the
# subcommands and each command's options; the --alg values must be the algorithms of `--version`.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.sh"

cli=${1:?path of jwt-workbench-cli}
gui=${2:?path of jwt-workbench, or -}
src=${3:?source directory}
cli_man=$src/packaging/man/jwt-workbench-cli.1
gui_man=$src/packaging/man/jwt-workbench.1
completion=$src/packaging/completion/jwt-workbench-cli.bash
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

# Options of a --help text: the lines "  --name ..." or "  -x, --name ..." (exactly two spaces; wrapped
# descriptions are indented further).
help_options() { sed -nE 's/^  (-[A-Za-z], )?--([a-z0-9][a-z0-9-]*).*/--\2/p' | sort -u; }

# Items of a man page section: the line after each .TP, with \- turned into -; prints the --options named.
# $1 page, $2 section macro (SH or SS), $3 title.
man_items() {
    awk -v macro=".$2" -v title="$3" '
        function strip(s) { gsub(/"/, "", s); return s }
        /^\.(SH|SS)[ \t]/ {
            line = $0; sub(/^\.(SH|SS)[ \t]+/, "", line)
            inside = (substr($0, 1, 3) == macro && strip(line) == title)
            next
        }
        inside && after_tp { print; after_tp = 0; next }
        inside && /^\.TP/ { after_tp = 1 }
    ' "$1" | sed 's/\\-/-/g' | grep -oE '(^|[^A-Za-z0-9-])--[a-z0-9][a-z0-9-]*' | sed -E 's/^[^-]//' | sort -u
}

man_sections() { sed -nE "s/^\\.$2[ \\t]+\"?([^\"]*)\"?\$/\\1/p" "$1"; }

# What the completion offers for the words "jwt-workbench-cli $*" (the last word is the one being completed).
complete_words() {
    bash -c '
        source "$1"; shift
        COMP_WORDS=(jwt-workbench-cli "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
        _jwt_workbench_cli
        printf "%s\n" "${COMPREPLY[@]}"
    ' bash "$completion" "$@" | sort -u
}

compare() { # $1 what, $2 expected (from --help), $3 actual; reports both directions
    local missing extra
    missing=$(comm -23 <(printf '%s\n' "$2" | sed '/^$/d') <(printf '%s\n' "$3" | sed '/^$/d'))
    extra=$(comm -13 <(printf '%s\n' "$2" | sed '/^$/d') <(printf '%s\n' "$3" | sed '/^$/d'))
    [ -z "$missing" ] || problem "$1 lacks: $(echo $missing)"
    [ -z "$extra" ] || problem "$1 has what --help does not list: $(echo $extra)"
}

[ -x "$cli" ] || { echo "FAIL: $cli is not executable"; exit 1; }
top=$("$cli" --help)
commands=$(printf '%s\n' "$top" | sed -n '/^Commands:/,/^$/p' | sed -nE 's/^  ([a-z]+) .*/\1/p')
[ -n "$commands" ] || problem "no commands found in jwt-workbench-cli --help"
compare "completion of the command" "$(printf '%s\n' $commands --help --version | sort -u)" "$(complete_words '')"

leaves=()
for command in $commands; do
    help=$("$cli" "$command" --help 2>&1)
    if grep -q '^Options:' <<<"$help"; then
        leaves+=("$command")
        continue
    fi
    subs=$(grep -oE "(^|[^a-z])$command [a-z]+" <<<"$help" | awk '{ print $NF }' | sort -u)
    [ -n "$subs" ] || { problem "$command --help lists neither options nor subcommands"; continue; }
    compare "completion of $command's subcommand" "$(printf '%s\n' $subs --help | sort -u)" \
        "$(complete_words "$command" '')"
    for sub in $subs; do
        leaves+=("$command $sub")
    done
done

sections=$(man_sections "$cli_man" SS)
common=$(man_items "$cli_man" SH "COMMON OPTIONS AND CONVENTIONS")
for leaf in "${leaves[@]}"; do
    # shellcheck disable=SC2086 # a leaf is one or two words
    options=$("$cli" $leaf --help | help_options)
    [ -n "$options" ] || { problem "$leaf --help lists no options"; continue; }
    if ! grep -qxF "$leaf" <<<"$sections"; then
        problem "jwt-workbench-cli.1 has no section (.SS) for \"$leaf\""
    else
        documented=$(man_items "$cli_man" SS "$leaf")
        # --help and --json are documented once, under COMMON OPTIONS, unless a command says more.
        for shared in --help --json; do
            if grep -qxF -- "$shared" <<<"$options" && ! grep -qxF -- "$shared" <<<"$documented" \
                && grep -qxF -- "$shared" <<<"$common"; then
                documented=$(printf '%s\n%s\n' "$documented" "$shared" | sort -u)
            fi
        done
        compare "jwt-workbench-cli.1, section \"$leaf\"," "$options" "$documented"
    fi
    # shellcheck disable=SC2086
    compare "completion of \"$leaf\"" "$options" "$(complete_words $leaf --)"
done
while IFS= read -r section; do
    printf '%s\n' "${leaves[@]}" | grep -qxF "$section" \
        || problem "jwt-workbench-cli.1 documents \"$section\", which --help does not list"
done <<<"$sections"

# Exit codes of the usage text, as EXIT STATUS items.
codes=$(printf '%s\n' "$top" | sed -n 's/^Exit codes: //p' | grep -oE '(^|, )[0-9]+' | grep -oE '[0-9]+' | sort -u)
items=$(awk '/^\.SH EXIT STATUS/ { inside = 1; next } /^\.SH/ { inside = 0 } inside && after { print; after = 0 }
             inside && /^\.TP/ { after = 1 }' "$cli_man" | sed -nE 's/^\.B ([0-9]+)$/\1/p' | sort -u)
[ -n "$codes" ] || problem "no exit codes found in jwt-workbench-cli --help"
compare "EXIT STATUS of jwt-workbench-cli.1" "$codes" "$items"

# The --alg values the completion offers are the algorithms the program supports.
algs=$("$cli" --version | sed -nE 's/^Algorithms[^:]*: //p' | tr ' ' '\n' | sort -u)
[ -n "$algs" ] || problem "no algorithms found in jwt-workbench-cli --version"
compare "completion of --alg" "$algs" "$(complete_words sign --alg '')"

if [ "$gui" != "-" ]; then
    gui_options=$("$gui" --help | help_options)
    [ -n "$gui_options" ] || problem "jwt-workbench --help lists no options"
    compare "jwt-workbench.1, OPTIONS," "$gui_options" "$(man_items "$gui_man" SH OPTIONS)"
fi
finish "${#leaves[@]} commands: every option of --help is in the man pages and the completion"
