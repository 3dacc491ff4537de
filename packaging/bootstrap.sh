#!/usr/bin/env bash
# Installs everything JWT Workbench needs to build, test and run on Debian 12 (or newer / Ubuntu 24.04).
# Idempotent: every step first checks whether it is already done, so a second run takes a second or two.
#   packaging/bootstrap.sh            install build + runtime + test dependencies
#   packaging/bootstrap.sh --bench    the same, plus the peers make bench compares with
# Environment: JWB_QCA_PREFIX (default /usr/local) is where a source-built QCA goes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
QCA_PREFIX=${JWB_QCA_PREFIX:-/usr/local}
QCA_VERSION_WANTED=2.3.10
STAMP_DIR=${JWB_STAMP_DIR:-/var/lib/jwt-workbench-bootstrap}

log() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*" >&2; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed: run as root, or install sudo"
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
    build-essential cmake ninja-build pkg-config git ca-certificates xz-utils
    qt6-base-dev qt6-base-dev-tools qt6-5compat-dev libqt6svg6 qt6-svg-dev qt6-qpa-plugins
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libgl-dev libxkbcommon-dev
    libssl-dev openssl libsodium-dev zlib1g-dev
    xvfb xauth x11-apps imagemagick fonts-dejavu-core
    clang-format dpkg-dev ccache
    qtkeychain-qt6-dev
    desktop-file-utils appstream xdotool
    file groff-base man-db libxml2-utils shared-mime-info python3
    clang-14 libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# QCA for Qt 6: a distribution package where one exists (Debian 13, Ubuntu 24.04), else built from source below.
qca_pkg_available() { apt-cache show libqca-qt6-dev >/dev/null 2>&1; }
qca_installed() {
    dpkg-query -W -f='${Status}' libqca-qt6-dev 2>/dev/null | grep -q "install ok installed" && return 0
    [ -f "$QCA_PREFIX/lib/cmake/Qca-qt6/Qca-qt6Config.cmake" ] && [ -f "$STAMP_DIR/qca-qt6-$QCA_VERSION_WANTED" ]
}

apt_updated=0
apt_update() {
    if [ $apt_updated -eq 0 ]; then
        log "apt-get update"
        $SUDO apt-get update -qq
        apt_updated=1
    fi
}

if [ ${#missing[@]} -gt 0 ]; then
    apt_update
    log "installing: ${missing[*]}"
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# QCA: returns early when present or installed from a package (a function, so that the steps after it run too).
install_qca() {
if qca_installed; then
    log "QCA for Qt 6: present"
    return 0
fi

# Prefer the distribution's package.
if ! qca_pkg_available; then apt_update; fi
if qca_pkg_available; then
    log "installing libqca-qt6-dev and its OpenSSL plugin from the distribution"
    $SUDO apt-get install -y -qq --no-install-recommends libqca-qt6-dev libqca-qt6-plugins >/dev/null
    return 0
fi

# Debian 12: build QCA 2.3.10 from the next release's source archive (trixie), using the same mirror the
# machine already uses. A private apt configuration keeps the system's sources and lists untouched.
log "no libqca-qt6 package: building QCA $QCA_VERSION_WANTED for Qt 6 from source"
work=$(mktemp -d /tmp/jwb-qca.XXXXXX)
trap 'rm -rf "$work"' EXIT

mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    mirror=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
    [ -n "$mirror" ] && break
done
if [ -z "$mirror" ]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp|file):/ && $i !~ /security/) { print $i; exit } }' "$f")
        [ -n "$mirror" ] && break
    done
fi
[ -n "$mirror" ] || die "could not find a Debian mirror in /etc/apt/sources.list*: add one, or install libqca-qt6-dev"
log "using the machine's mirror for a temporary trixie deb-src entry"

mkdir -p "$work/apt/lists/partial" "$work/apt/archives/partial" "$work/src"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cat > "$work/apt/sources.list" <<SRC
deb-src [signed-by=$keyring] $mirror trixie main
SRC
aptopts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
         -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache::Archives=$work/apt/archives"
         -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
apt-get "${aptopts[@]}" update -qq || die "apt-get update for the temporary trixie deb-src entry failed"
# The .dsc and .debian.tar.xz may answer 404 on this mirror; the orig tarball is all we need and apt
# checks its SHA-256 against the signed index before keeping it.
(cd "$work/src" && apt-get "${aptopts[@]}" source --download-only qca2 >"$work/source.log" 2>&1) || true
orig=$(ls "$work/src"/qca2_*.orig.tar.xz 2>/dev/null | head -n 1 || true)
[ -n "$orig" ] || { cat "$work/source.log" >&2; die "could not download the qca2 source (orig tarball) from trixie"; }
log "downloaded $(basename "$orig")"

tar -C "$work/src" -xf "$orig"
srcdir=$(find "$work/src" -maxdepth 1 -type d -name 'qca*' | head -n 1)
[ -n "$srcdir" ] || die "unexpected layout of $orig"
cmake -S "$srcdir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$QCA_PREFIX" -DBUILD_WITH_QT6=ON -DBUILD_TESTS=OFF -DBUILD_TOOLS=OFF \
    -DBUILD_PLUGINS=ossl -DWITH_ossl_PLUGIN=yes >"$work/configure.log" 2>&1 \
    || { tail -n 40 "$work/configure.log" >&2; die "configuring QCA failed (log above)"; }
log "building QCA (about 80 s on 2 cores)"
cmake --build "$work/build" >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; die "building QCA failed"; }
$SUDO cmake --install "$work/build" >"$work/install.log" 2>&1 || { tail -n 20 "$work/install.log" >&2; die "installing QCA failed"; }
$SUDO ldconfig
$SUDO mkdir -p "$STAMP_DIR"
echo "$orig" | $SUDO tee "$STAMP_DIR/qca-qt6-$QCA_VERSION_WANTED" >/dev/null
grep -E 'Installing|Up-to-date' "$work/install.log" | grep -E 'qca-ossl|Config.cmake' >&2 || true
log "QCA for Qt 6 installed under $QCA_PREFIX"
}
install_qca

# ----------------------------------------------------------------------------------------------------------------
# npm dependencies of the integration tests: tests/integration/servers (oidc-provider), pinned by its committed
# package-lock.json and installed with `npm ci` as the calling user (no sudo). Only when node and npm exist:
# without them tst_network and tst_oidc skip with a message (under CI=true they fail). Only when node_modules is
# missing or older than package-lock.json, so a second run costs nothing. A failed install is reported, not fatal.
servers="$here/../tests/integration/servers"
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && [ -f "$servers/package-lock.json" ]; then
    marker="$servers/node_modules/.package-lock.json" # written by npm at the end of every install
    if [ ! -f "$marker" ] || [ "$servers/package-lock.json" -nt "$marker" ]; then
        log "npm ci in tests/integration/servers (oidc-provider for the integration tests)"
        npm ci --no-audit --no-fund --loglevel=error --prefix "$servers" >&2 \
            || log "warning: npm ci failed: the OpenID provider tests will be skipped (and fail under CI=true)"
    else
        log "npm dependencies of the integration tests: present"
    fi
else
    log "node/npm not found: the JWKS server and OpenID provider tests will be skipped (install nodejs and npm to run them)"
fi

# ----------------------------------------------------------------------------------------------------------------
# `bootstrap.sh --bench` (make bench): the peers the benchmark compares with, all from Debian: cjose (C), golang-jwt
# v4 with the Go toolchain, PyJWT with python3-cryptography, and hyperfine for the CLI start-up figures; openssl
# (for `openssl speed`) and libsodium-dev (its bare Ed25519 verify, the EdDSA bound) are installed above.
if [ "${1:-}" = "--bench" ]; then
    BENCH_PACKAGES=(libcjose-dev golang-go golang-github-golang-jwt-jwt-dev python3-jwt python3-cryptography hyperfine)
    bench_missing=()
    for p in "${BENCH_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || bench_missing+=("$p")
    done
    if [ ${#bench_missing[@]} -gt 0 ]; then
        apt_update
        log "installing the benchmark's peers: ${bench_missing[*]}"
        $SUDO apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" >/dev/null
    else
        log "benchmark peers: present"
    fi
fi
