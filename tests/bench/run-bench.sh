#!/usr/bin/env bash
# make bench: every benchmark of JWT Workbench in one run, and one table of ratios against peers measured in the
# same run on the same token files.
#   tests/bench/run-bench.sh BUILD_DIR
# Environment: BENCH_SECONDS (openssl speed time per algorithm, default 3), BENCH_RUNS (start-up runs, default 9),
# BENCH_SCALE (token counts multiplier, default 1).
# Peers (installed by packaging/bootstrap.sh --bench): cjose (libcjose-dev, a small C program), golang-jwt v4
# (golang-github-golang-jwt-jwt-dev, a small Go program), PyJWT (python3-jwt) and `openssl speed`.
# Output: the table on stdout, plus BUILD_DIR/bench/results.json and results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-build}" && pwd)
work="$build/bench/work"
mkdir -p "$work"
cli="$build/bin/jwt-workbench-cli"
gui="$build/bin/jwt-workbench"
bench="$build/bench/jwb-bench"
seconds=${BENCH_SECONDS:-3}
runs=${BENCH_RUNS:-9}
scale=${BENCH_SCALE:-1}
py=/usr/bin/python3
results="$work/results.jsonl"
: > "$results"

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

# --- peers ---------------------------------------------------------------------------------------------------
log "building peers"
gcc -O2 -o "$work/cjose-verify" "$here/peers/cjose_verify.c" -lcjose
mkdir -p "$work/go"
cp "$here/peers/golang_jwt_verify.go" "$work/go/main.go"
(cd "$work/go" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS= \
    go build -o "$work/golang-jwt-verify" main.go)

# --- keys and token files ------------------------------------------------------------------------------------
# Tokens expire a day after they are made: files older than 12 hours are made again.
declare -A count=([HS256]=$((200000 * scale)) [RS256]=$((60000 * scale)) [ES256]=$((20000 * scale)) [EdDSA]=$((20000 * scale)))
secret="bench-secret-of-at-least-32-bytes-0123456789"
printf '%s' "$secret" > "$work/hs256.secret"
[ -f "$work/rs256.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rs256.pem" 2>/dev/null
[ -f "$work/es256.pem" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/es256.pem" 2>/dev/null
[ -f "$work/eddsa.pem" ] || openssl genpkey -algorithm ED25519 -out "$work/eddsa.pem" 2>/dev/null
for alg in RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    openssl pkey -in "$work/$lower.pem" -pubout -out "$work/$lower.pub.pem" 2>/dev/null
    "$cli" key convert "$work/$lower.pub.pem" --to jwk --out "$work/$lower.jwk" >/dev/null
done
$py -c 'import base64,json,sys; print(json.dumps({"kty":"oct","k":base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("=")}))' \
    "$secret" > "$work/hs256.jwk"
for alg in HS256 RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    file="$work/$lower.tokens"
    if [ ! -f "$file" ] || [ -n "$(find "$file" -mmin +720)" ] || [ "$(wc -l < "$file")" -ne "${count[$alg]}" ]; then
        log "making ${count[$alg]} $alg tokens"
        if [ "$alg" = HS256 ]; then
            "$bench" tokens --alg "$alg" --secret "$secret" --count "${count[$alg]}" --kid k1 --out "$file"
        else
            "$bench" tokens --alg "$alg" --key "$work/$lower.pem" --count "${count[$alg]}" --kid k1 --out "$file"
        fi
    fi
done

# --- openssl speed (one process, one core) -------------------------------------------------------------------
log "openssl speed -seconds $seconds rsa2048 ecdsap256 ed25519"
speed=$(openssl speed -seconds "$seconds" rsa2048 ecdsap256 ed25519 2>/dev/null)
echo "$speed" | awk -v out="$results" '
    /^rsa 2048 bits/        { printf "{\"kind\":\"verify\",\"alg\":\"RS256\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }
    /ecdsa \(nistp256\)/    { printf "{\"kind\":\"verify\",\"alg\":\"ES256\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }
    /EdDSA \(Ed25519\)/     { printf "{\"kind\":\"verify\",\"alg\":\"EdDSA\",\"tool\":\"openssl speed\",\"rate\":%s}\n", $NF >> out }'

# --- batch verification: ours and the peers, same files ------------------------------------------------------
rate() { # tool alg json-from-a-verifier
    $py -c 'import json,sys; d=json.loads(sys.argv[3]); t,v,s=d["total"],d["valid"],d["seconds"]
print(json.dumps({"kind":"verify","alg":sys.argv[2],"tool":sys.argv[1],"rate":t/s if s>0 else 0,"total":t,"valid":v,"seconds":s}))' \
        "$1" "$2" "$3" >> "$results"
}
for alg in HS256 RS256 ES256 EdDSA; do
    lower=$(echo "$alg" | tr 'A-Z' 'a-z')
    file="$work/$lower.tokens"
    if [ "$alg" = HS256 ]; then keyargs=(--secret "$secret"); keyfile="$work/hs256.secret"; else keyargs=(--key "$work/$lower.pub.pem"); keyfile="$work/$lower.pub.pem"; fi
    for jobs in 1 2; do
        log "$alg: jwt-workbench-cli verify --batch --jobs $jobs"
        out=$("$cli" verify --batch "$file" "${keyargs[@]}" --alg "$alg" --jobs "$jobs" --json)
        rate "jwt-workbench --jobs $jobs" "$alg" "$out"
    done
    if [ "$alg" != EdDSA ]; then # cjose 0.6 has no OKP keys
        log "$alg: cjose"
        rate cjose "$alg" "$("$work/cjose-verify" "$work/$lower.jwk" "$file")"
    fi
    log "$alg: golang-jwt"
    rate golang-jwt "$alg" "$("$work/golang-jwt-verify" "$alg" "$keyfile" "$file")"
    log "$alg: PyJWT"
    rate PyJWT "$alg" "$($py "$here/peers/pyjwt_verify.py" "$alg" "$keyfile" "$file")"
done

# --- engine micro-benchmarks and the GUI ---------------------------------------------------------------------
log "engine benchmarks (jwb-bench core)"
"$bench" core | sed 's/^{/{"kind":"engine",/' >> "$results"
if [ -x "$build/bench/jwb-bench-gui" ]; then
    log "GUI paste-to-verdict (offscreen)"
    QT_QPA_PLATFORM=offscreen "$build/bench/jwb-bench-gui" 2>/dev/null | sed 's/^{/{"kind":"gui",/' >> "$results"
    log "start-up to first paint and resident memory ($runs runs each, interleaved, offscreen)"
    for _ in $(seq "$runs"); do
        for program in "$gui" "$build/bench/jwb-minimal-window"; do
            name=$([ "$program" = "$gui" ] && echo "jwt-workbench (demo workspace)" || echo "minimal Qt Widgets window")
            home=$(mktemp -d "$work/home.XXXXXX")
            out=$(HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
                XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=offscreen JWB_STARTUP_PROBE=exit \
                $py -c 'import os,subprocess,sys,time
env=dict(os.environ); env["JWB_PROBE_T0_NS"]=str(time.clock_gettime_ns(time.CLOCK_MONOTONIC))
r=subprocess.run(sys.argv[1:],env=env,stdout=subprocess.PIPE,stderr=subprocess.DEVNULL,timeout=60)
print(r.stdout.decode().strip().splitlines()[-1])' "$program" $([ "$program" = "$gui" ] && echo --fresh))
            rm -rf "$home"
            $py -c 'import json,sys; d=json.loads(sys.argv[2]); d.update(kind="startup",program=sys.argv[1]); print(json.dumps(d))' \
                "$name" "$out" >> "$results"
        done
    done
fi

$py "$here/report.py" "$results" "$build/bench"
