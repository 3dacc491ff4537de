#!/usr/bin/env bash
# Validates the desktop integration files of packaging/linux with the freedesktop tools.
#   check-desktop-integration.sh desktop   SOURCE_DIR   desktop-file-validate: no error or warning (hints are fine)
#   check-desktop-integration.sh appstream SOURCE_DIR   appstreamcli validate --no-net: passes
#   check-desktop-integration.sh mime      SOURCE_DIR   xmllint, update-mime-database, and the three files agree
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.sh"

mode=${1:?mode: desktop, appstream or mime}
src=${2:?source directory}
linux=$src/packaging/linux
desktop=$linux/jwt-workbench.desktop
metainfo=$(ls "$linux"/*.metainfo.xml)
mime=$linux/jwt-workbench-mime.xml
workspace_type=application/x-jwt-workbench-workspace

case $mode in
desktop)
    need desktop-file-validate
    out=$(desktop-file-validate "$desktop" 2>&1)
    rc=$?
    [ -n "$out" ] && printf '%s\n' "$out"
    [ $rc -eq 0 ] || problem "desktop-file-validate exited with $rc"
    if printf '%s\n' "$out" | grep -qE '(error|warning):'; then
        problem "desktop-file-validate reports errors or warnings"
    fi
    grep -qx 'Exec=jwt-workbench %F' "$desktop" || problem "Exec must be 'jwt-workbench %F'"
    grep -qx 'Categories=Development;Security;' "$desktop" || problem "Categories must be Development;Security;"
    finish "desktop-file-validate $(basename "$desktop")"
    ;;
appstream)
    need appstreamcli
    appstreamcli validate --no-net "$metainfo" || problem "appstreamcli validate --no-net failed"
    # The launchable names the desktop file we install, the screenshots exist in the source tree.
    grep -q '<launchable type="desktop-id">jwt-workbench.desktop</launchable>' "$metainfo" \
        || problem "the metainfo's launchable is not jwt-workbench.desktop"
    for shot in $(grep -oE 'packaging/screenshots/[A-Za-z0-9_-]+\.png' "$metainfo"); do
        [ -f "$src/$shot" ] || problem "screenshot $shot is named in the metainfo but missing from the tree"
    done
    finish "appstreamcli validate --no-net $(basename "$metainfo")"
    ;;
mime)
    need xmllint update-mime-database
    xmllint --noout "$mime" || problem "xmllint: $mime is not well-formed"
    xmllint --noout "$metainfo" || problem "xmllint: $metainfo is not well-formed"
    # Build a private MIME database with the freedesktop.org types and ours: the glob must beat *.json.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/mime/packages"
    cp "$mime" "$tmp/mime/packages/jwt-workbench.xml"
    for base in /usr/share/mime/packages/freedesktop.org.xml /usr/local/share/mime/packages/freedesktop.org.xml; do
        [ -f "$base" ] && { cp "$base" "$tmp/mime/packages/"; break; }
    done
    out=$(XDG_DATA_HOME="$tmp" update-mime-database "$tmp/mime" 2>&1) || problem "update-mime-database failed: $out"
    if [ -n "$out" ]; then
        printf '%s\n' "$out"
        problem "update-mime-database complained about the MIME file"
    fi
    line=$(grep ":$workspace_type:\*\.jwb\.json$" "$tmp/mime/globs2" || true)
    weight=${line%%:*}
    if [ -z "$line" ]; then
        problem "globs2 has no *.jwb.json glob for $workspace_type"
    elif [ "$weight" -le 50 ]; then
        problem "the *.jwb.json glob weighs $weight: it must be above application/json's 50"
    fi
    grep -qx "$workspace_type application/json" "$tmp/mime/subclasses" \
        || problem "$workspace_type is not a sub-class of application/json"
    # The desktop entry opens workspaces and JSON; the metainfo provides the workspace type.
    grep -E '^MimeType=' "$desktop" | grep -q "$workspace_type;" || problem "the desktop file lacks $workspace_type"
    grep -E '^MimeType=' "$desktop" | grep -q 'application/json;' || problem "the desktop file lacks application/json"
    grep -q "<mediatype>$workspace_type</mediatype>" "$metainfo" || problem "the metainfo does not provide $workspace_type"
    finish "MIME type $workspace_type (glob *.jwb.json, weight $weight)"
    ;;
*)
    echo "unknown mode $mode" >&2
    exit 2
    ;;
esac
