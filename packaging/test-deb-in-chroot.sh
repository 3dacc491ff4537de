#!/usr/bin/env bash
# Installs the .deb of `make package` into a fresh Debian 12 (bookworm) chroot, uses it, and purges it:
#   1. debootstrap --variant=minbase bookworm (once; a pristine copy is kept as a tarball and unpacked afresh for
#      every run, so each run starts from a clean system without downloading it again),
#   2. apt-get install ./jwt-workbench_*.deb, resolving its dependencies from the machine's Debian mirror,
#   3. jwt-workbench-cli --version (QCA with its qca-ossl plugin found, every algorithm's self-test passed), sign
#      and verify with RS256 and HS256 (QCA) and ES256 (OpenSSL), a negative verdict, a KrakenD simulation, the
#      man pages and the bash completion,
#   4. the GUI offscreen: the demo, a krakend.json and a workspace (*.jwb.json) opened as a file manager would,
#      each rendered to a PNG (copied to BUILD_DIR/deb-test/ to look at),
#   5. apt-get remove --purge, then no file of `dpkg -L` (and nothing named jwt-workbench) remains.
# Usage: packaging/test-deb-in-chroot.sh [BUILD_DIR | path/to/jwt-workbench_*.deb]     (root; needs the mirror)
# Environment: JWB_CHROOT (default /tmp/jwb-deb-chroot) where the chroot is unpacked, removed afterwards unless
# JWB_KEEP_CHROOT=1; JWB_CHROOT_CACHE (default /var/cache/jwt-workbench/bookworm-minbase.tar.gz) the pristine copy.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/.." && pwd)
target=${1:-$src/build}
chroot_dir=${JWB_CHROOT:-/tmp/jwb-deb-chroot}
cache=${JWB_CHROOT_CACHE:-/var/cache/jwt-workbench/bookworm-minbase.tar.gz}
suite=bookworm

log() { printf '\033[1m[test-deb]\033[0m %s\n' "$*" >&2; }
die() { printf '[test-deb] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mount need it)"
if [ -f "$target" ]; then
    deb=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")
    out_dir=$(dirname "$deb")/deb-test
else
    deb=$(ls -t "$target"/jwt-workbench_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n 1 || true)
    [ -n "$deb" ] || die "no jwt-workbench_*.deb in $target: run 'make package' first"
    out_dir=$target/deb-test
fi
log "package: $deb"

# The machine's Debian mirror (and security mirror), as packaging/bootstrap.sh finds it.
mirror="" security=""
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    [ -n "$mirror" ] \
        || mirror=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
    [ -n "$security" ] \
        || security=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /security/) { print $i; exit } }' "$f")
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++)
        if ($i ~ /^(https?|ftp|file):/ && $i !~ /security/) { print $i; exit } }' "$f")
    [ -n "$security" ] || security=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++)
        if ($i ~ /^(https?|ftp):/ && $i ~ /security/) { print $i; exit } }' "$f")
done
[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list*"

if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

# --- a fresh chroot ------------------------------------------------------------------------------------------
cleanup() {
    local m
    for m in "$chroot_dir/proc" "$chroot_dir/dev/pts" "$chroot_dir/dev"; do
        if mountpoint -q "$m" 2>/dev/null; then umount "$m" || umount -l "$m"; fi
    done
    if [ "${JWB_KEEP_CHROOT:-0}" != "1" ] && [ -d "$chroot_dir" ]; then
        # Never delete through a mount that is still there.
        if ! grep -q " $chroot_dir/" /proc/mounts; then rm -rf "$chroot_dir"; fi
    fi
}
trap cleanup EXIT

if grep -q " $chroot_dir/" /proc/mounts; then die "something is still mounted under $chroot_dir"; fi
rm -rf "$chroot_dir"
if [ ! -s "$cache" ]; then
    log "debootstrap --variant=minbase $suite (once; kept in $cache)"
    stage=$(mktemp -d /tmp/jwb-debootstrap.XXXXXX)
    debootstrap --variant=minbase "$suite" "$stage" "$mirror" >"$stage.log" 2>&1 \
        || { tail -n 30 "$stage.log" >&2; rm -rf "$stage"; die "debootstrap failed"; }
    mkdir -p "$(dirname "$cache")"
    tar --numeric-owner -C "$stage" -czf "$cache.tmp" . && mv "$cache.tmp" "$cache"
    rm -rf "$stage" "$stage.log"
fi
log "unpacking a fresh $suite chroot into $chroot_dir"
mkdir -p "$chroot_dir"
tar --numeric-owner -C "$chroot_dir" -xzf "$cache"
chmod 755 "$chroot_dir" # the tarball's "." is the mktemp directory (0700): apt's _apt user must traverse /

{
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ -z "$security" ] || echo "deb $security $suite-security main"
} >"$chroot_dir/etc/apt/sources.list"
cp -L /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
mount -t proc proc "$chroot_dir/proc"
mount --bind /dev "$chroot_dir/dev"

mkdir -p "$chroot_dir/tmp/jwb"
cp "$deb" "$chroot_dir/tmp/jwb/"
cp "$src"/resources/samples/{demo-private.pem,demo-public.pem,demo-jwks.json,demo-token.jwt,krakend.json} \
    "$chroot_dir/tmp/jwb/"

# --- inside the chroot ---------------------------------------------------------------------------------------
cat >"$chroot_dir/tmp/jwb/inside.sh" <<'INSIDE'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
cd /tmp/jwb
failures=0
step() { printf '\n=== %s\n' "$*"; }
ok() { printf 'PASS  %s\n' "$*"; }
bad() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
expect() { # expect RC DESCRIPTION COMMAND...: the command's exit status must be RC
    local want=$1 what=$2 rc=0
    shift 2
    "$@" >/tmp/jwb/out.txt 2>&1 || rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok "$what (exit $rc)"
    else
        bad "$what: exit $rc, expected $want"
        sed 's/^/      /' /tmp/jwb/out.txt
    fi
}
is_png() { # the PNG signature, and more than a blank window's worth of bytes
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && [ "$(stat -c %s "$1")" -gt 20000 ]
}

step "apt-get install ./$(ls jwt-workbench_*.deb)"
apt-get update -qq
before=$(dpkg-query -W -f='${Package}\n' | wc -l)
apt-get install -y -qq ./jwt-workbench_*.deb >/tmp/jwb/apt.log 2>&1 || { tail -n 30 /tmp/jwb/apt.log; exit 1; }
after=$(dpkg-query -W -f='${Package}\n' | wc -l)
dpkg-query -W -f='${Package} ${Version}: ${db:Status-Status}\nDepends: ${Depends}\n' jwt-workbench
echo "dependencies installed from the mirror: $((after - before - 1)) packages"
dpkg -L jwt-workbench >/tmp/jwb/files.txt
echo "files and directories of the package: $(wc -l </tmp/jwb/files.txt)"
[ -e /usr/lib/x86_64-linux-gnu/libqca-qt6.so.2 ] && echo "note: a libqca-qt6 is installed system-wide" || true

step "jwt-workbench-cli"
command -v jwt-workbench-cli
jwt-workbench-cli --version && ok "--version: every algorithm passed its self-test" || bad "--version reports problems"
jwt-workbench-cli --version | grep -q 'providers: qca-ossl' \
    && ok "QCA found its qca-ossl plugin in /usr/lib/jwt-workbench/qca-qt6/crypto" \
    || bad "qca-ossl plugin not found"
token=$(jwt-workbench-cli sign --key demo-private.pem --alg RS256 --kid demo-rs256 --exp 1h --iat \
    '{"sub":"chroot","aud":"api"}')
expect 0 "RS256: sign with demo-private.pem, verify with demo-jwks.json" \
    jwt-workbench-cli verify "$token" --key demo-jwks.json --aud api --alg RS256
expect 1 "RS256: verify with a wrong audience is a negative verdict" \
    jwt-workbench-cli verify "$token" --key demo-jwks.json --aud other
expect 0 "RS256: the sample token demo-token.jwt verifies with demo-public.pem" \
    jwt-workbench-cli verify --token-file demo-token.jwt --key demo-public.pem --iss https://auth.example.com/
secret='a chroot test secret of 32 bytes!'
hs=$(jwt-workbench-cli sign --secret "$secret" --alg HS256 --exp 5m '{"sub":"hs"}')
expect 0 "HS256 (QCA): sign and verify with a secret" jwt-workbench-cli verify "$hs" --secret "$secret"
expect 1 "HS256: a wrong secret is a negative verdict" \
    jwt-workbench-cli verify "$hs" --secret 'another secret of 32 bytes, wrong'
expect 0 "ES256 (OpenSSL): keygen" jwt-workbench-cli keygen --alg ES256 --kid-thumbprint --out es256.json
es=$(jwt-workbench-cli sign --key es256.json --alg ES256 --exp 5m '{"sub":"es"}')
expect 0 "ES256: sign and verify" jwt-workbench-cli verify "$es" --key es256.json
expect 0 "simulate: KrakenD accepts demo-token.jwt on every endpoint of krakend.json" \
    jwt-workbench-cli simulate --config krakend.json --all-endpoints --token "$(cat demo-token.jwt)"
expect 2 "an unknown command is a usage error" jwt-workbench-cli frobnicate
for page in jwt-workbench jwt-workbench-cli; do
    [ -s /usr/share/man/man1/$page.1.gz ] && ok "man page $page.1.gz installed" || bad "man page $page.1.gz missing"
done
completion=$(bash -c 'source /usr/share/bash-completion/completions/jwt-workbench-cli
    COMP_WORDS=(jwt-workbench-cli verify --alg E); COMP_CWORD=3; _jwt_workbench_cli; echo "${COMPREPLY[*]}"')
[ "$completion" = "ES256 ES384 ES512 EdDSA" ] && ok "bash completion: verify --alg E -> $completion" \
    || bad "bash completion: '$completion'"

step "jwt-workbench (GUI, QT_QPA_PLATFORM=offscreen)"
export QT_QPA_PLATFORM=offscreen HOME=/tmp/jwb/home XDG_RUNTIME_DIR=/tmp/jwb/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cat >/tmp/jwb/team.jwb.json <<JSON
{
  "jwt_workbench_workspace": 1,
  "tokens": [{"title": "demo token", "text": "$(cat demo-token.jwt)"}],
  "current_token": 0,
  "keys": [{"id": "k1", "name": "demo-jwks.json", "kind": "file", "location": "/tmp/jwb/demo-jwks.json"}],
  "inspector": {"tab": "verify", "verify_key_source": "k1"},
  "page": 0
}
JSON
expect 0 "jwt-workbench --version" jwt-workbench --version
expect 0 "the demo renders (--demo --screenshot gui-demo.png)" \
    jwt-workbench --demo --size 1280x800 --screenshot /tmp/jwb/gui-demo.png
expect 0 "a krakend.json opened as a file manager would (jwt-workbench krakend.json)" \
    jwt-workbench /tmp/jwb/krakend.json --size 1280x800 --screenshot /tmp/jwb/gui-krakend.png
expect 0 "a workspace opened as a file manager would (jwt-workbench team.jwb.json)" \
    jwt-workbench /tmp/jwb/team.jwb.json --size 1280x800 --screenshot /tmp/jwb/gui-workspace.png
for png in gui-demo gui-krakend gui-workspace; do
    is_png /tmp/jwb/$png.png && ok "$png.png is a PNG of $(stat -c %s /tmp/jwb/$png.png) bytes" \
        || bad "$png.png is not a real PNG"
done

step "apt-get remove --purge jwt-workbench"
apt-get remove --purge -y -qq jwt-workbench >/tmp/jwb/purge.log 2>&1 || { cat /tmp/jwb/purge.log; exit 1; }
dpkg-query -W -f='${db:Status-Abbrev}' jwt-workbench 2>/dev/null | grep -q '^i' && bad "still installed" \
    || ok "package purged"
left=0
while IFS= read -r path; do
    [ "$path" = "/." ] && continue
    if [ -d "$path" ] && [ ! -L "$path" ]; then
        # Shared directories (/usr/share/man/man1, ...) stay; ours must go.
        case $path in */jwt-workbench | */jwt-workbench/*) echo "left over: $path/"; left=$((left + 1)) ;; esac
    elif [ -e "$path" ] || [ -L "$path" ]; then
        echo "left over: $path"; left=$((left + 1))
    fi
done </tmp/jwb/files.txt
stray=$(find / -xdev \( -path /tmp -o -path /proc -o -path /dev -o -path /var/cache/apt -o -path /var/log \) -prune \
    -o \( -iname '*jwt-workbench*' -o -iname '*jwt_workbench*' \) -print)
[ -z "$stray" ] || { printf 'left over: %s\n' $stray; left=$((left + 1)); }
[ "$left" -eq 0 ] \
    && ok "none of the $(wc -l </tmp/jwb/files.txt) paths of dpkg -L remains, nothing named jwt-workbench outside /tmp" \
    || bad "$left paths left after purge"

printf '\n=== %s\n' "$([ "$failures" -eq 0 ] && echo "ALL PASSED" || echo "$failures FAILED")"
exit $((failures > 0))
INSIDE

log "running the checks inside the chroot"
rc=0
chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
    bash /tmp/jwb/inside.sh || rc=$?
mkdir -p "$out_dir"
cp "$chroot_dir"/tmp/jwb/gui-*.png "$out_dir/" 2>/dev/null || true
log "screenshots taken inside the chroot: $out_dir/"
exit $rc
