#!/usr/bin/env bash
# Screenshots of every main view at 1280x800, light and dark, for the README and the AppStream metadata; plus the
# smallest window the app supports (1024x640) and a HiDPI start (QT_SCALE_FACTOR=2 on a 1440x900 screen, no --size:
# the first window is clamped to the screen and the pages scroll).
# Runs the real application on the built-in demo workspace under Xvfb (a private display), once per view and
# theme, and lets the app render its own window (--screenshot) so that no other window can get in the way.
#
#   packaging/screenshots/make-screenshots.sh [BUILD_DIR]     (default: build)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
app="$build/bin/jwt-workbench"
[[ -x "$app" ]] || { echo "make-screenshots: $app is missing; run make build first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "make-screenshots: xvfb-run is missing (apt install xvfb)" >&2; exit 1; }

# A private, empty configuration: no restored session, no recent files from the person running this.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export TZ=UTC LANG=C.UTF-8

shoot() { # page theme file [extra arguments]
    local page="$1" theme="$2" file="$3"
    shift 3
    xvfb-run -a -s "-screen 0 1440x900x24" \
        "$app" --demo --fresh --page "$page" --theme "$theme" --screenshot "$here/$file" "$@"
    echo "  $file"
}

echo "make-screenshots: writing to ${here#"$root"/}"
for theme in light dark; do
    shoot inspector "$theme" "inspector-$theme.png" --size 1280x800
    shoot inspector "$theme" "verify-$theme.png" --tab verify --size 1280x800
    shoot keys "$theme" "keys-$theme.png" --size 1280x800
    shoot gateway "$theme" "gateway-$theme.png" --size 1280x800
    shoot gateway "$theme" "simulate-$theme.png" --tab simulate --size 1280x800
    shoot gateway "$theme" "test-tokens-$theme.png" --tab tests --size 1280x800
    shoot composer "$theme" "composer-$theme.png" --size 1280x800
done
shoot inspector light "compact-verify-light.png" --tab verify --size 1024x640
shoot gateway dark "compact-simulate-dark.png" --tab simulate --size 1024x640
QT_SCALE_FACTOR=2 shoot gateway light "hidpi-gateway-light.png" --tab simulate
# The live run needs a gateway: the GUI test that runs one against its own in-process server saves its dialog.
if [[ -x "$build/tests/ui_tst_liverun" ]]; then
    JWB_SCREENSHOT_DIR="$here" QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \
        "$build/tests/ui_tst_liverun" reportsWhatTheGatewayAnswersDifferently >/dev/null
    echo "  gateway-liverun-light.png"
fi
# A sign-then-encrypt JWE made with the CLI (an X25519 recipient, an ES256 signer), opened with both keys: the
# Inspector's Decrypt tab shows the nested JWT and its verdict.
cli="$build/bin/jwt-workbench-cli"
jwe="$scratch/jwe" && mkdir -p "$jwe"
"$cli" keygen --alg ECDH-ES --crv X25519 --kid partner-x25519 --format jwk >"$jwe/recipient.jwk"
"$cli" keygen --alg ES256 --kid idp-es256 --format jwk >"$jwe/signer.jwk"
echo '{"iss":"https://idp.example.com/","sub":"alice","aud":"orders-api","exp":4102444800,"iat":1764700000,"roles":["admin"]}' \
    | "$cli" encrypt --key "$jwe/recipient.jwk" --alg ECDH-ES+A256KW --enc A256GCM --kid partner-x25519 \
        --sign-key "$jwe/signer.jwk" --sign-alg ES256 --sign-kid idp-es256 - >"$jwe/token.jwe"
xvfb-run -a -s "-screen 0 1440x900x24" "$app" --fresh --page inspector --tab decrypt --theme light --size 1280x800 \
    --screenshot "$here/jwe-decrypt-light.png" "$jwe/recipient.jwk" "$jwe/signer.jwk" "$jwe/token.jwe"
echo "  jwe-decrypt-light.png"
