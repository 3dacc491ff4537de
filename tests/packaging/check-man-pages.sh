#!/usr/bin/env bash
# The man pages render without a single groff or man warning.
#   check-man-pages.sh PAGE...
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.sh"
need groff man

export LC_ALL=C.UTF-8 MANWIDTH=80
for page in "$@"; do
    name=$(basename "$page")
    out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$out" ] || problem "groff -man -Tutf8 -ww warns about $name:"$'\n'"$out"
    # man-db runs its own preprocessors (tbl, preconv) and groff with -ww under --warnings.
    err=$(man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$err" ] || problem "man --warnings -l $name:"$'\n'"$err"
    text=$(man -l "$page" 2>/dev/null)
    grep -q '^NAME' <<<"$text" || problem "$name has no NAME section"
    grep -q '^SYNOPSIS' <<<"$text" || problem "$name has no SYNOPSIS section"
done
finish "$# man pages render without warnings"
